package io.plumeline.reporting.influx;

/** InfluxDB cannot be reached (refused, timed out): the service is up but cannot answer now. */
public class InfluxUnavailableException extends RuntimeException {

    public InfluxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
