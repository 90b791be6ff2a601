package io.plumeline.simulator.profile;

/** A square wave: {@code high} for the first {@code duty} fraction of every period, {@code low} for the rest (a unit cycling on and off). */
public record StepProfile(double low, double high, double periodS, double duty) implements Profile {

    public StepProfile {
        if (!(periodS > 0)) {
            throw new IllegalArgumentException("periodS must be positive, found " + periodS);
        }
        if (!(duty >= 0 && duty <= 1)) {
            throw new IllegalArgumentException("duty must be between 0 and 1, found " + duty);
        }
    }

    @Override
    public double valueAt(double elapsedS) {
        double intoPeriod = elapsedS - Math.floor(elapsedS / periodS) * periodS;
        return intoPeriod < duty * periodS ? high : low;
    }
}
