package io.plumeline.core.units;

/** A unit that is unknown or a conversion that does not hold. */
public class UnitException extends IllegalArgumentException {
    public UnitException(String message) {
        super(message);
    }
}
