package io.plumeline.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of a contract-2 message at the job's source: {@code parse} (the streaming parse with its checks, as
 * the Kafka source reads each message once, see {@code RawMessage.of}), and {@code bindingParse}, the data binding
 * into {@link Reading} with the JavaTimeModule that it was before, as the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReadingJsonBench {

    /** The binding {@code ReadingJson.parse} used before: the baseline, not the job's code. */
    private static final ObjectMapper BINDING = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A message as the edge collector writes it (docs/contracts.md §2's example). */
    private final byte[] message = ReadingJson.toBytes(Reading.of("dalian-refinery", "heater-1.fuel_gas_flow",
            Instant.parse("2026-11-26T04:00:00.500Z"), 1203.4, 0, Instant.parse("2026-11-26T04:00:00.512Z"), 918273));

    @Benchmark
    public Reading parse() {
        return ReadingJson.parse(message);
    }

    @Benchmark
    public Reading bindingParse() throws IOException {
        return BINDING.readValue(message, Reading.class);
    }
}
