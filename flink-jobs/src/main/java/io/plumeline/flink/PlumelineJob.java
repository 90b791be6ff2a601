package io.plumeline.flink;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.telemetry.Reading;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Telemetry from Kafka to InfluxDB, unusable messages to the DLQ, hourly emissions to InfluxDB. The job
 * receives its source and sinks, so tests run the same pipeline on their own; {@link JobCommand#main} wires
 * Kafka and InfluxDB and runs it.
 */
public final class PlumelineJob {

    /** Event-time settings of the pipeline; the defaults are those of the command line. */
    public record Timing(Duration outOfOrderness, Duration idleness, Duration maxHold, Duration allowedLateness) {
        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ZERO);
        }
    }

    private final SiteModelText siteModel;
    private final Timing timing;
    private final Source<RawMessage, ?, ?> telemetry;
    private final Sink<DeadLetter> deadLetters;
    private final Sink<String> influx;

    public PlumelineJob(SiteModelText siteModel, Timing timing, Source<RawMessage, ?, ?> telemetry,
                        Sink<DeadLetter> deadLetters, Sink<String> influx) {
        this.siteModel = siteModel;
        this.timing = timing;
        this.telemetry = telemetry;
        this.deadLetters = deadLetters;
        this.influx = influx;
    }

    public static void main(String[] args) {
        System.exit(JobCommand.run(args));
    }

    /** Adds the pipeline to {@code env}; the caller executes it. Operator uids keep checkpoints restorable. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<RawMessage> messages = env
                .fromSource(telemetry, WatermarkStrategy.noWatermarks(), "telemetry")
                .uid("telemetry-source");

        SingleOutputStreamOperator<Reading> parsed = messages
                .process(new ParseReading(siteModel), TypeInformation.of(Reading.class))
                .name("parse reading").uid("parse-reading");
        parsed.getSideOutput(ParseReading.DEAD_LETTERS)
                .sinkTo(deadLetters).name("dead letters").uid("dead-letter-sink");

        DataStream<Reading> readings = parsed
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<Reading>forBoundedOutOfOrderness(timing.outOfOrderness())
                        .withTimestampAssigner((reading, kafkaTs) -> reading.ts().toEpochMilli())
                        .withIdleness(timing.idleness()))
                .name("event time").uid("event-time");

        DataStream<String> telemetryPoints = readings
                .map(new ReadingToPoint(siteModel), Types.STRING)
                .name("telemetry points").uid("telemetry-points");

        DataStream<String> emissionPoints = readings
                .flatMap(new FanOutToSources(siteModel), TypeInformation.of(SourceSample.class))
                .name("source inputs").uid("source-inputs")
                .keyBy(SourceSample::source, Types.STRING)
                .process(new HourlyAccounting(siteModel, timing.maxHold(), timing.allowedLateness()),
                        TypeInformation.of(HourlyEmission.class))
                .name("hourly emissions").uid("hourly-emissions")
                .map(new EmissionToPoint(), Types.STRING)
                .name("emission points").uid("emission-points");

        telemetryPoints.union(emissionPoints)
                .sinkTo(influx).name("influxdb").uid("influxdb-sink");
    }
}
