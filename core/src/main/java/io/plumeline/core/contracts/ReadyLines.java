package io.plumeline.core.contracts;

/**
 * The first words of the log line each process prints once it serves (docs/contracts.md, "Processes"): the launcher,
 * the system tests and the benchmark wait for these, so a process and its waiters cannot drift apart.
 */
public final class ReadyLines {

    /** Followed by the endpoint URLs. */
    public static final String SIMULATOR = "PlantSimulator ready on";
    public static final String JOB = "PlumelineJob running";
    public static final String COLLECTOR = "EdgeCollector started";
    /** Followed by the channels (MN→platform). */
    public static final String HJ212_UPLINK = "Hj212Uplink started";
    /** Followed by the port. */
    public static final String HJ212_PLATFORM = "Hj212 platform listening on";

    private ReadyLines() {
    }
}
