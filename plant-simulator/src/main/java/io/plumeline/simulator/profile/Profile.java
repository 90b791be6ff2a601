package io.plumeline.simulator.profile;

/**
 * The shape of a tag's value over simulated time: a pure function of the seconds elapsed since the
 * simulation's start, so that a test can compute exactly what the simulator served at any source time.
 */
public interface Profile {

    double valueAt(double elapsedS);
}
