package io.plumeline.core.emissions;

/**
 * A calculation request that cannot be computed. {@link #input()} names the field at fault (an input name,
 * {@code fuel}, {@code gwp} or {@code streams[i].quantity}) so that an API can point at it.
 */
public class CalculationException extends IllegalArgumentException {

    private final String input;

    public CalculationException(String input, String message) {
        super(input + ": " + message);
        this.input = input;
    }

    public String input() {
        return input;
    }
}
