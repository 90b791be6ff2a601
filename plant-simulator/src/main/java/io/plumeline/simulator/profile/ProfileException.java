package io.plumeline.simulator.profile;

/** A profiles file that cannot be used; the message names the file and the path of the mistake in it. */
public class ProfileException extends RuntimeException {

    public ProfileException(String message) {
        super(message);
    }
}
