package io.plumeline.bench;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Generated contract-2 readings, written to a Kafka topic as the edge collector writes them (key = tag). */
record ReadingFeed(long count, LongFunction<Reading> reading) {

    /**
     * {@code count} readings of every tag of {@code site} in turn, one a second per tag, ending at least an hour
     * before now so that every hour they touch can close: flows about 1,000 Nm3/h, HHVs about 38.5 MJ/Nm3.
     */
    static ReadingFeed recentSeconds(BenchSite site, long count) {
        List<String> tags = site.tagIds();
        long seconds = (count + tags.size() - 1) / tags.size();
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1)).minusSeconds(seconds);
        return new ReadingFeed(count, i -> {
            String tag = tags.get((int) (i % tags.size()));
            Instant ts = first.plusSeconds(i / tags.size());
            return Reading.of(site.id(), tag, ts, value(tag, i / tags.size()), 0, ts, i);
        });
    }

    /** A plausible value for a generated tag at step {@code k}. */
    static double value(String tag, long k) {
        if (tag.endsWith("_fuel_gas_flow")) return 1000 + 200 * Math.sin(k / 600.0);
        if (tag.endsWith("_fuel_gas_hhv")) return 38.5 + 0.5 * Math.sin(k / 3600.0);
        return 250 + (k % 100);
    }

    /** Sends every reading and waits for the acknowledgements; returns readings per second. */
    double produce(String bootstrap, String topic) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                Reading r = reading.apply(i);
                producer.send(new ProducerRecord<>(topic, r.tag(), ReadingJson.toBytes(r)), (meta, e) -> {
                    if (e != null) failed.compareAndSet(null, e);
                });
            }
            producer.flush();
        }
        if (failed.get() != null) throw new IllegalStateException("Kafka refused a reading: " + failed.get(), failed.get());
        return count / ((System.nanoTime() - t0) / 1e9);
    }
}
