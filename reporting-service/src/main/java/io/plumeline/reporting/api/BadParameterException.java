package io.plumeline.reporting.api;

/** A request parameter that cannot be used; answered with 400 and a detail that names the parameter. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String problem) {
        this("parameter", parameter, problem);
    }

    /** {@code kind} says where the parameter is (a query parameter, a field of the request body). */
    protected BadParameterException(String kind, String parameter, String problem) {
        super(kind + " '" + parameter + "': " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
