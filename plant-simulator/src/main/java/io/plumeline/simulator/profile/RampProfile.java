package io.plumeline.simulator.profile;

/** A sawtooth: rises linearly from {@code from} to {@code to} over {@code periodS}, then starts again (a tank filling and emptying). */
public record RampProfile(double from, double to, double periodS) implements Profile {

    public RampProfile {
        if (!(periodS > 0)) {
            throw new IllegalArgumentException("periodS must be positive, found " + periodS);
        }
    }

    @Override
    public double valueAt(double elapsedS) {
        double intoPeriod = elapsedS - Math.floor(elapsedS / periodS) * periodS;
        return from + (to - from) * intoPeriod / periodS;
    }
}
