package io.plumeline.simulator.profile;

/** A value that does not move, such as a lab-entered heating value. */
public record ConstantProfile(double value) implements Profile {

    @Override
    public double valueAt(double elapsedS) {
        return value;
    }
}
