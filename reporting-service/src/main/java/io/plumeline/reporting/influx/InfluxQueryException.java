package io.plumeline.reporting.influx;

/** InfluxDB answered, but with an error for the query (or refused the credentials). */
public class InfluxQueryException extends RuntimeException {

    public InfluxQueryException(String message) {
        super(message);
    }
}
