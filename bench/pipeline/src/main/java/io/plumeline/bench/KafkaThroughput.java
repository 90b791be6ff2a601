package io.plumeline.bench;

import io.plumeline.core.telemetry.ReadingJson;
import io.plumeline.flink.PlumelineJob;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.influx.InfluxDbSink;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.RetentionPolicies;
import io.plumeline.flink.telemetry.DeadLetter;
import io.plumeline.flink.telemetry.RawMessage;
import io.plumeline.flink.telemetry.RawMessageDeserializer;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.KafkaBroker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * 2. The transport's limit — a bare KafkaConsumer draining N readings, bytes only and parsed by core's
 * ReadingJson — against the whole Plumeline job on the same N readings, once with sinks that discard and once
 * with the real InfluxDB sink.
 */
final class KafkaThroughput implements Scenario {

    static final int TAGS = 2_000;
    static final int SOURCES = 50;
    static final String TOPIC = "bench.readings";

    @Override
    public String id() {
        return "kafka";
    }

    @Override
    public String title() {
        return "2. Kafka → Flink: bare KafkaConsumer vs the Plumeline job (discarding and real sinks)";
    }

    @Override
    public void run(BenchContext ctx, Results results) throws Exception {
        int count = ctx.size(1_000_000, 3_000_000);
        KafkaBroker kafka = ctx.kafka();
        InfluxDbServer influx = ctx.influx();
        BenchSite site = BenchSite.generate("bench-kafka", TAGS, SOURCES, "opc.tcp://127.0.0.1:4840/plumeline");
        Path siteFile = site.writeTo(ctx.work.resolve("sites"));
        kafka.createTopic(TOPIC, 4);
        ReadingFeed feed = ReadingFeed.recentSeconds(site, count);
        double produced = feed.produce(kafka.bootstrapServers(), TOPIC);
        results.add(id(), "KafkaProducer loading the readings (lz4, acks=all)", "readings/s", Stats.of(produced),
                "one producer thread; for reference");
        ctx.progress("%,d readings of %,d tags in %s (%,.0f/s produced)", count, TAGS, TOPIC, produced);

        // every contender gets one untimed run first, so that no figure includes the JIT's warm-up
        drain(kafka.bootstrapServers(), count, false);
        drain(kafka.bootstrapServers(), count, true);
        ctx.progress("bare consumers warmed up");
        Stats bytes = repeat(ctx, () -> drain(kafka.bootstrapServers(), count, false), "bare consumer, bytes");
        Stats parsed = repeat(ctx, () -> drain(kafka.bootstrapServers(), count, true), "bare consumer + ReadingJson.parse");
        results.add(id(), "bare KafkaConsumer, bytes only", "readings/s", bytes, "one consumer, 4 partitions, from the beginning, after an untimed run");
        results.add(id(), "bare KafkaConsumer + ReadingJson.parse", "readings/s", parsed, "the parse the job does, on one thread");

        SiteModelText siteText = SiteModelText.read(siteFile);
        int[] run = {0};
        job(ctx, kafka, siteText, count, "warm-up", new DiscardingSink<>());
        ctx.progress("job warmed up");
        Stats discard = repeat(ctx, () -> job(ctx, kafka, siteText, count, "discard-" + run[0]++,
                new DiscardingSink<>()), "job, discarding sinks");
        Stats real = repeat(ctx, () -> {
            String database = "kafka_job_" + run[0]++;
            double rate = job(ctx, kafka, siteText, count, database,
                    InfluxDbSink.of(URI.create(influx.url()), database, RetentionPolicies.defaults()));
            InfluxIngest.requireCount(influx, database, count);
            influx.query(null, "DROP DATABASE \"" + database + "\"");
            return rate;
        }, "job, real InfluxDB sink");
        int parallelism = Runtime.getRuntime().availableProcessors();
        results.add(id(), "PlumelineJob, discarding sinks (parallelism " + parallelism + ")", "readings/s", discard,
                "KafkaSource (bounded) → parse → telemetry, hourly emissions, rates, limits → discard; after an untimed run");
        results.add(id(), "PlumelineJob, real InfluxDB sink", "readings/s", real,
                "same, telemetry + results written to InfluxDB (all telemetry points counted)");
        double discardRatio = discard.median() / bytes.median();
        results.add(id(), "ratio job (discarding) / bare consumer (bytes)", "", Stats.of(discardRatio), "medians");
        results.add(id(), "ratio job (discarding) / bare consumer (parsed)", "", Stats.of(discard.median() / parsed.median()), "medians");
        results.add(id(), "ratio job (real sinks) / bare consumer (bytes)", "", Stats.of(real.median() / bytes.median()), "medians");
        results.goal(id(), "job with discarding sinks ≥ 50 % of the bare consumer",
                String.format("%.0f %% of bytes-only (%,.0f vs %,.0f readings/s); %.0f %% of parsed", 100 * discardRatio,
                        discard.median(), bytes.median(), 100 * discard.median() / parsed.median()),
                discardRatio >= 0.5);
        results.note(id(), "Readings: " + TAGS + " tags (" + SOURCES + " EPA_C2A sources under the program's rule), one a second per tag,"
                + " contract-2 JSON, key = tag, topic of 4 partitions. The DLQ sink discards in both job runs (no message"
                + " is unusable, so a real DLQ would receive nothing).");
    }

    /** Written once a drain, read by nobody: makes the drained bytes or parsed readings a result. */
    static volatile long consumed;

    interface Measure {
        double rate() throws Exception;
    }

    private static Stats repeat(BenchContext ctx, Measure measure, String what) throws Exception {
        double[] rates = new double[ctx.runs];
        for (int r = 0; r < ctx.runs; r++) {
            rates[r] = measure.rate();
            ctx.progress("%s, run %d: %,.0f readings/s", what, r + 1, rates[r]);
        }
        return Stats.of(rates);
    }

    /** Drains the topic from the beginning; timed from the first record to the last. */
    static double drain(String bootstrap, int count, boolean parse) {
        Properties props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long seen = 0;
            long bytes = 0;
            long t0 = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < count) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("drained only " + seen + " of " + count);
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty() && t0 == 0) t0 = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (parse) {
                        bytes += ReadingJson.parse(record.value()).seq();
                    } else {
                        bytes += record.value().length;
                    }
                    seen++;
                }
            }
            consumed = bytes; // keeps the loop's work observable, so the JIT cannot drop it
            return count / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** The Plumeline job on the topic, bounded at the current end; returns readings per second at its InfluxDB sink. */
    private static double job(BenchContext ctx, KafkaBroker kafka, SiteModelText site, int count, String name,
                              Sink<InfluxPoint> influx) throws Exception {
        String span = "kafka-job-" + name;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(Runtime.getRuntime().availableProcessors());
        new PlumelineJob(site, PlumelineJob.Timing.defaults(), source(kafka.bootstrapServers(), TOPIC, name),
                new DiscardingSink<DeadLetter>(), new TimedSink<>(span, influx)).build(env);
        env.execute("bench " + name);
        TimedSink.Span timed = TimedSink.span(span);
        if (timed.elements.get() < count) {
            throw new IllegalStateException(name + ": " + timed.elements.get() + " points reached the sink, fewer than the " + count + " readings");
        }
        return count / timed.seconds();
    }

    static KafkaSource<RawMessage> source(String bootstrap, String topic, String group) {
        return KafkaSource.<RawMessage>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId("bench-" + group)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(new RawMessageDeserializer())
                .build();
    }
}
