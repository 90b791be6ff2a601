package io.plumeline.core.chain;

/** An hour of the production chain that cannot be computed; the message names the hour and the streams or units. */
public class ChainException extends RuntimeException {

    public ChainException(String message) {
        super(message);
    }
}
