package io.plumeline.stack;

/** A local service that cannot start or stopped on its own; the message says what, and where to look. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
