package io.plumeline.simulator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One run of the simulator, as given on the command line.
 *
 * @param serverIds       the site model's server entries to serve, one clock for all; empty for the first one
 * @param speed           simulated time per wall time: tick k of a tag has source time start + k × samplingMs × speed
 * @param profiles        profiles file, or {@code null}
 * @param ticks           ticks to produce per tag before going quiet, or {@code null} for no end
 * @param awaitItems      monitored items that must exist before tick 0
 * @param pki             PKI folder: application certificates, trusted and rejected client certificates
 * @param trustAllClients accept every client certificate (tests and demos)
 * @param history         ticks per tag that HistoryRead reaches back
 * @param epoch           wall time of tick 0, shared with a restarted simulator; {@code null}: when ticking starts
 */
public record SimulatorSettings(Path site, List<String> serverIds, double speed, Instant start, long seed, Path profiles,
                                List<FaultWindow> faults, Long ticks, int awaitItems, Path pki, boolean trustAllClients,
                                long history, Instant epoch) {

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
        if (history < 1) {
            throw new SimulatorException("--history must be at least 1 tick, found " + history);
        }
        if (epoch != null && awaitItems > 0) {
            throw new SimulatorException("--await-items and --epoch exclude each other: with --epoch tick k is due at a"
                    + " fixed wall time; put the epoch a few seconds ahead to give clients time to subscribe");
        }
        faults = faults == null ? List.of() : List.copyOf(faults);
    }
}
