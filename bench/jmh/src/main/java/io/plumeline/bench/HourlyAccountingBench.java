package io.plumeline.bench;

import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.site.SiteModel;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.SourceSample;
import io.plumeline.flink.accounting.SourceHourAccounting;
import io.plumeline.flink.accounting.SourceHourResult;
import io.plumeline.flink.telemetry.GapNotice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The hourly accounting per reading: one source with a 1 Hz fuel gas flow and a per-minute HHV, an hour
 * (3,660 readings) per invocation, the flow BAD for 20 minutes of it. {@code operator}: through the Flink
 * function with its keyed state and timers (heap state, as the job), the hour computed when the watermark
 * passes; {@code coreCompute}: core's computation of the same hour alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HourlyAccountingBench {

    static final int READINGS_PER_HOUR = 3_600 + 60;
    private static final String SOURCE = "heater-1.stack";
    private static final Duration MAX_HOLD = Duration.ofMinutes(5);

    // PART75 is for a Part 75 CEMS; the bench's source is a C-2a fuel meter, which Part 75 would fill by Appendix D
    @Param({"PROGRAM"})
    public String substitution;

    private SiteModelText site;
    private KeyedTwoInputStreamOperatorTestHarness<String, SourceSample, GapNotice, SourceHourResult> harness;
    private Instant hour;
    private SiteModel model;
    private Map<String, List<Sample>> anHour;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        try (InputStream in = HourlyAccountingBench.class.getResourceAsStream("/bench-site.yaml")) {
            site = new SiteModelText(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("SUBSTITUTION", substitution), "bench-site.yaml");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        model = site.model();
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(
                new SourceHourAccounting(site, MAX_HOLD, Duration.ZERO)), SourceSample::source, GapNotice::source, Types.STRING);
        harness.open();
        // no gap records: that input is idle, as in the job (NoEventTime)
        harness.processWatermarkStatus2(WatermarkStatus.IDLE);
        hour = Instant.parse("2026-01-01T00:00:00Z");
        List<Sample> flow = new ArrayList<>();
        List<Sample> hhv = new ArrayList<>();
        for (SourceSample s : samples(hour)) (s.input().equals("hhv") ? hhv : flow).add(s.sample());
        anHour = Map.of("fuelQuantity", flow, "hhv", hhv);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        harness.close();
    }

    private static List<SourceSample> samples(Instant from) {
        List<SourceSample> samples = new ArrayList<>(READINGS_PER_HOUR);
        for (int s = 0; s < 3_600; s++) {
            Instant t = from.plusSeconds(s);
            boolean bad = s >= 20 * 60 && s < 40 * 60;
            samples.add(new SourceSample(SOURCE, "fuelQuantity", "heater-1.fuel_gas_flow", t,
                    bad ? null : 1200.0 + (s % 97), bad ? "BAD" : "GOOD"));
            if (s % 60 == 0) samples.add(new SourceSample(SOURCE, "hhv", "heater-1.fuel_gas_hhv", t, 38.5, "GOOD"));
        }
        return samples;
    }

    @Benchmark
    @OperationsPerInvocation(READINGS_PER_HOUR)
    public int operator() throws Exception {
        for (SourceSample s : samples(hour)) harness.processElement1(new StreamRecord<>(s, s.ts().toEpochMilli()));
        hour = hour.plus(Duration.ofHours(1));
        harness.processWatermark1(new Watermark(hour.toEpochMilli() - 1));
        int results = harness.getOutput().size();
        harness.getOutput().clear();
        return results;
    }

    @Benchmark
    @OperationsPerInvocation(READINGS_PER_HOUR)
    public Object coreCompute() {
        return HourlyEmissions.compute(model, model.source(SOURCE).orElseThrow(), hour, anHour, MAX_HOLD);
    }
}
