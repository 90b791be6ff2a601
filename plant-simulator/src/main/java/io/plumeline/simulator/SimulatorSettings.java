package io.plumeline.simulator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One run of the simulator, as given on the command line.
 *
 * @param serverIds  the site model's server entries to serve, one clock for all; empty for the first one
 * @param speed      simulated time per wall time: tick k of a tag has source time start + k × samplingMs × speed
 * @param profiles   profiles file, or {@code null}
 * @param ticks      ticks to produce per tag before going quiet, or {@code null} for no end
 * @param awaitItems monitored items that must exist before tick 0
 */
public record SimulatorSettings(Path site, List<String> serverIds, double speed, Instant start, long seed, Path profiles,
                                List<FaultWindow> faults, Long ticks, int awaitItems) {

    public SimulatorSettings {
        serverIds = serverIds == null ? List.of() : List.copyOf(serverIds);
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new SimulatorException("--speed must be a positive number, found " + speed);
        }
        if (ticks != null && ticks < 0) {
            throw new SimulatorException("--ticks must not be negative, found " + ticks);
        }
        if (awaitItems < 0) {
            throw new SimulatorException("--await-items must not be negative, found " + awaitItems);
        }
        faults = faults == null ? List.of() : List.copyOf(faults);
    }
}
