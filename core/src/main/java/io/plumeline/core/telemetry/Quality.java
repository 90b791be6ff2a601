package io.plumeline.core.telemetry;

/** OPC UA quality of a reading, from the severity bits (the top two) of its StatusCode. */
public enum Quality {
    GOOD, UNCERTAIN, BAD;

    public static Quality fromStatusCode(long statusCode) {
        return switch ((int) ((statusCode >>> 30) & 0x3)) {
            case 0 -> GOOD;
            case 1 -> UNCERTAIN;
            default -> BAD;
        };
    }
}
