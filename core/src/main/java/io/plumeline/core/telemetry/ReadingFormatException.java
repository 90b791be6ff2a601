package io.plumeline.core.telemetry;

/** A message that is not a valid reading; the reason names the field. Such messages go to the DLQ. */
public class ReadingFormatException extends RuntimeException {
    public ReadingFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
