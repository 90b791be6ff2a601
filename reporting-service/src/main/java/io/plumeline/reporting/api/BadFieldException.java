package io.plumeline.reporting.api;

/**
 * A field of a JSON request body that cannot be used, named by its path in the body ({@code inputs.hhv},
 * {@code streams[1].quantity}); {@code body} when the body as a whole is not usable. Answered like a bad
 * query parameter: 400, with the path in {@code parameter}.
 */
public class BadFieldException extends BadParameterException {

    public BadFieldException(String field, String problem) {
        super("field", field, problem);
    }
}
