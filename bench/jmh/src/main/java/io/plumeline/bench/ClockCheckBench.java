package io.plumeline.bench;

import io.plumeline.core.telemetry.ClockCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The future-clock check per reading, as the collector and the job's admission make it ({@link ClockCheck}):
 * {@code inTime}, a reading 12 ms behind its receive time and 5 ms behind the server's (every reading of a healthy
 * plant); {@code ahead}, one stamped ten years ahead, refused with its reason (the dead letter's text built).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClockCheckBench {

    private final Instant received = Instant.parse("2026-11-26T04:00:00.512Z");
    private final Instant serverTs = Instant.parse("2026-11-26T04:00:00.507Z");
    private final Instant ts = Instant.parse("2026-11-26T04:00:00.500Z");
    private final Instant tenYearsAhead = Instant.parse("2036-11-26T04:00:00.500Z");
    private final Duration tolerance = ClockCheck.DEFAULT_TOLERANCE;

    @Benchmark
    public String inTime() {
        return ClockCheck.refusal(ts, serverTs, received, tolerance);
    }

    @Benchmark
    public String ahead() {
        return ClockCheck.refusal(tenYearsAhead, serverTs, received, tolerance);
    }
}
