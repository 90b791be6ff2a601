package io.plumeline.simulator.profile;

/** A process value swinging around its operating point: {@code mean + amplitude·sin(2π·t/periodS + phase)}, phase in radians. */
public record SineProfile(double mean, double amplitude, double periodS, double phase) implements Profile {

    public SineProfile {
        if (!(periodS > 0)) {
            throw new IllegalArgumentException("periodS must be positive, found " + periodS);
        }
    }

    @Override
    public double valueAt(double elapsedS) {
        return mean + amplitude * Math.sin(2 * Math.PI * elapsedS / periodS + phase);
    }
}
