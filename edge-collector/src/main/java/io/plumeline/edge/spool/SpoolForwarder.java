package io.plumeline.edge.spool;

import io.plumeline.core.contracts.KafkaClientConfig;
import io.plumeline.core.retry.Backoff;
import io.plumeline.edge.spool.Spool.Stored;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the spool to Kafka in row order and tells the spool which rows Kafka has acknowledged.
 *
 * <p>The producer is idempotent with acks=all and never gives a record up by itself (delivery timeout
 * unlimited): while Kafka is away or slow, up to {@link #MAX_IN_FLIGHT} records wait in the producer and the
 * rest wait in the spool; when Kafka is back the producer delivers them in order per partition, and the
 * spool follows. Only a refusal Kafka will not retry (or a send that cannot even be queued) fails a record:
 * then the producer is dropped, and the spool is sent again from the oldest unacknowledged row after a
 * back-off (1 s to 30 s), so nothing is skipped; a record Kafka had already taken is then sent twice, which
 * the same InfluxDB point absorbs.
 *
 * <p>A record Kafka refuses for good because of the record itself (too large, invalid topic name) is moved to
 * the spool's quarantine table with the reason and counts as delivered, so it never blocks the records
 * behind it. Any other error (an unresolvable bootstrap name when the producer is made, a spool read error)
 * is logged and retried with the same back-off; the thread never ends before {@link #close}. {@link #alive()}
 * is false when it did end or has not come round its loop for {@link #STUCK_AFTER}.
 */
public final class SpoolForwarder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpoolForwarder.class);

    static final int MAX_IN_FLIGHT = 50_000;
    private static final int READ_BATCH = 5_000;
    private static final Backoff RETRY = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final long FIRST_RETRY_MS = RETRY.first().toMillis();
    /** Kafka counts as down when the oldest record in flight has waited this long for its acknowledgement. */
    public static final Duration ACK_OVERDUE = Duration.ofSeconds(10);
    /** The loop comes round at least every few seconds (its longest wait is a 10 s send); longer means stuck. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(120);

    private final Spool spool;
    private final String bootstrapServers;
    private final KafkaClientConfig clientConfig;
    private final Thread thread;
    private final Object lock = new Object();
    /** Row id → time sent (nanos), of the records sent and not yet acknowledged by the current producer. */
    private final TreeMap<Long, Long> inFlight = new TreeMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private volatile long generation;
    private long highestSent;
    private volatile boolean retrying;
    private volatile boolean stopping;
    private volatile long loopNanos = System.nanoTime();
    private volatile String lastError;
    /** The last record sent was not taken, and none has been since. */
    private volatile boolean refusing;
    private final AtomicLong loopErrors = new AtomicLong();
    /** Quarantined row ids not yet deleted from the spool: skipped when the spool is sent again. */
    private final java.util.Set<Long> quarantinedIds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public SpoolForwarder(Spool spool, String bootstrapServers, KafkaClientConfig clientConfig) {
        this.spool = spool;
        this.bootstrapServers = bootstrapServers;
        this.clientConfig = clientConfig;
        this.thread = new Thread(this::run, "edge-kafka-forwarder");
        thread.setDaemon(true);
    }

    /** What a {@code --kafka-config} file may hold: producer settings other than the ones {@link #config} sets. */
    public static KafkaClientConfig readClientConfig(Path file) {
        Set<String> reserved = new HashSet<>(config("").keySet());
        reserved.addAll(Set.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG));
        return KafkaClientConfig.read(file, ProducerConfig.configNames(), reserved);
    }

    /** The settings the forwarder relies on: ordered, never expired, never duplicated by a retry. */
    static Map<String, String> config(String bootstrapServers) {
        Map<String, String> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "plumeline-edge-collector");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        // Never expire a record in the producer: an outage only makes records wait, in order.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        return props;
    }

    public void start() {
        thread.start();
    }

    private KafkaProducer<String, byte[]> newProducer() {
        return new KafkaProducer<>(clientConfig.with(config(bootstrapServers)), new StringSerializer(),
                new ByteArraySerializer());
    }

    private void run() {
        long retryMs = FIRST_RETRY_MS;
        KafkaProducer<String, byte[]> producer = null;
        long cursor = spool.acknowledgedUpTo();
        try {
            while (!stopping) {
                loopNanos = System.nanoTime();
                try {
                    if (producer == null) {
                        // Throws when no bootstrap name resolves (DNS away at start): retried below.
                        producer = newProducer();
                        cursor = spool.acknowledgedUpTo();
                    }
                    Exception failed = failure.get();
                    if (failed != null) {
                        restart(producer, retryMs);
                        producer = null;
                        retryMs = RETRY.next(Duration.ofMillis(retryMs)).toMillis();
                        continue;
                    }
                    cursor = sendSome(producer, cursor);
                    if (cursor < 0) {
                        // Kafka unreachable: the same record is offered again; nothing after it was queued.
                        retrying = true;
                        cursor = -cursor - 1;
                        Thread.sleep(FIRST_RETRY_MS);
                        continue;
                    }
                    retrying = false;
                    if (failure.get() == null) retryMs = FIRST_RETRY_MS;
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    // Whatever it is, forwarding must go on: drop the producer, wait, and send from the oldest
                    // unacknowledged row again.
                    retrying = true;
                    long n = loopErrors.incrementAndGet();
                    Throwable root = e;
                    while (root.getCause() != null) root = root.getCause();
                    lastError = root == e ? e.toString() : e + " (" + root + ")";
                    log.error("Kafka forwarder: {} (error {}); trying again in {} s", lastError, n, retryMs / 1000);
                    if (producer != null) {
                        restart(producer, retryMs);
                        producer = null;
                    } else {
                        pause(retryMs);
                    }
                    retryMs = RETRY.next(Duration.ofMillis(retryMs)).toMillis();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (producer != null) producer.close(Duration.ZERO);
        }
    }

    /**
     * Sends what the spool holds after {@code cursor} as far as there is room in flight; returns the new cursor,
     * or {@code -(cursor + 1)} when Kafka could not take the next record yet.
     */
    private long sendSome(KafkaProducer<String, byte[]> producer, long cursor) throws InterruptedException {
        int room;
        synchronized (lock) {
            room = MAX_IN_FLIGHT - inFlight.size();
        }
        if (room <= 0) {
            Thread.sleep(5);
            return cursor;
        }
        List<Stored> records = spool.read(cursor, Math.min(READ_BATCH, room));
        if (records.isEmpty()) {
            Thread.sleep(20);
            return cursor;
        }
        for (Stored record : records) {
            Outcome outcome = quarantinedIds.contains(record.id()) ? skip(record) : send(producer, record);
            if (outcome == Outcome.NOT_QUEUED) return -cursor - 1;
            if (outcome == Outcome.FAILED) return cursor;
            cursor = record.id();
        }
        return cursor;
    }

    /** A record quarantined earlier whose row is still in the spool: counts as delivered again. */
    private Outcome skip(Stored record) {
        synchronized (lock) {
            inFlight.put(record.id(), System.nanoTime());
            highestSent = Math.max(highestSent, record.id());
        }
        acknowledged(generation, record.id(), false);
        return Outcome.QUEUED;
    }

    private enum Outcome { QUEUED, NOT_QUEUED, FAILED }

    private Outcome send(KafkaProducer<String, byte[]> producer, Stored record) {
        long gen = generation;
        long highestBefore;
        synchronized (lock) {
            highestBefore = highestSent;
            inFlight.put(record.id(), System.nanoTime());
            highestSent = Math.max(highestSent, record.id());
        }
        Thread sender = Thread.currentThread();
        AtomicReference<Exception> notQueued = new AtomicReference<>();
        try {
            producer.send(new ProducerRecord<>(record.topic(), record.key(), record.payload()), (metadata, error) -> {
                if (error == null) {
                    acknowledged(gen, record.id(), true);
                } else if (error instanceof RetriableException && Thread.currentThread() == sender
                        && notQueued.compareAndSet(null, error)) {
                    // Called back from within send(): the record never got into the producer (no metadata
                    // within max.block.ms while Kafka is unreachable).
                } else {
                    failed(gen, record, error);
                }
            });
            if (notQueued.get() != null) throw (RetriableException) notQueued.get();
            return Outcome.QUEUED;
        } catch (RetriableException e) {
            // No metadata within max.block.ms: Kafka is unreachable. The record was not queued, so it can be
            // offered again later without breaking the order.
            synchronized (lock) {
                inFlight.remove(record.id());
                highestSent = highestBefore;
            }
            log.debug("record {} not queued yet: {}", record.id(), e.toString());
            return Outcome.NOT_QUEUED;
        } catch (RuntimeException e) {
            // send() throws instead of calling back when it cannot queue the record at all (producer closed,
            // record too large).
            failed(gen, record, e);
            return Outcome.FAILED;
        }
    }

    private void acknowledged(long gen, long id, boolean delivered) {
        synchronized (lock) {
            if (gen != generation) return;
            inFlight.remove(id);
            spool.acknowledgeUpTo(inFlight.isEmpty() ? highestSent : inFlight.firstKey() - 1);
        }
        if (delivered) {
            sent.incrementAndGet();
            // Kafka took a record: whatever went wrong before is over
            refusing = false;
            lastError = null;
        }
    }

    /** Refusals caused by the record itself: sending it again can never succeed. */
    static boolean refusedForGood(Exception error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidTopicException || error instanceof SerializationException;
    }

    private void failed(long gen, Stored record, Exception error) {
        if (gen != generation) return;
        if (refusedForGood(error)) {
            // Into the quarantine with its reason (same spool transaction as the deletes), then out of the way.
            if (quarantinedIds.add(record.id())) {
                spool.quarantine(record, error.toString());
                sendErrors.incrementAndGet();
                log.error("record {} (key {}, topic {}) refused by Kafka for good: {}; moved to the spool's quarantine table",
                        record.id(), record.key(), record.topic(), error.toString());
            }
            acknowledged(gen, record.id(), false);
            return;
        }
        // A refusal that a resend may cure (authentication, authorization, a broker away): Kafka is down for this
        // collector until a record is taken again, and /health says why.
        refusing = true;
        lastError = "record " + record.id() + " not taken by Kafka topic " + record.topic() + ": " + error;
        if (failure.compareAndSet(null, error)) {
            long n = sendErrors.incrementAndGet();
            log.warn("record {} (key {}) not taken by Kafka topic {} ({} send errors so far): {}", record.id(),
                    record.key(), record.topic(), n, error.toString());
        }
    }

    /** Drops the producer and everything in flight; the spool is sent again from its oldest unacknowledged row. */
    private void restart(KafkaProducer<String, byte[]> producer, long retryMs) throws InterruptedException {
        synchronized (lock) {
            generation++;
            inFlight.clear();
            highestSent = spool.acknowledgedUpTo();
        }
        producer.close(Duration.ZERO);
        retrying = true;
        log.warn("Kafka {}: sending again from spool row {} in {} s ({} records held)", bootstrapServers,
                spool.acknowledgedUpTo() + 1, retryMs / 1000, spool.depth());
        pause(retryMs);
        failure.set(null);
        quarantinedIds.removeIf(id -> id <= spool.acknowledgedUpTo());
    }

    private void pause(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline && !stopping) {
            loopNanos = System.nanoTime();
            Thread.sleep(50);
        }
    }

    /** The forwarder thread runs and comes round its loop; false means Kafka gets nothing any more. */
    public boolean alive() {
        return (thread.isAlive() || stopping) && System.nanoTime() - loopNanos < STUCK_AFTER.toNanos();
    }

    /**
     * The last error the forwarder met (producer creation, spool read, a record Kafka did not take: a wrong password, a
     * missing ACL); null once Kafka has taken a record since.
     */
    public String lastError() {
        return lastError;
    }

    public long loopErrors() {
        return loopErrors.get();
    }

    /**
     * UP while Kafka acknowledges what it is sent; DOWN while a record waits longer than {@link #ACK_OVERDUE}, or after
     * a record was not taken until one is.
     */
    public boolean kafkaUp() {
        if (retrying || refusing) return false;
        long oldest;
        synchronized (lock) {
            if (inFlight.isEmpty()) return true;
            oldest = inFlight.firstEntry().getValue();
        }
        return System.nanoTime() - oldest < ACK_OVERDUE.toNanos();
    }

    public long sent() {
        return sent.get();
    }

    public long sendErrors() {
        return sendErrors.get();
    }

    /**
     * Keeps sending until the spool is empty or {@code timeout} passed; what is still unacknowledged then stays
     * in the spool for the next run.
     */
    public void drainAndClose(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Only while Kafka takes records: with Kafka away, waiting would only delay the stop.
        while (System.nanoTime() < deadline && spool.depth() > 0 && thread.isAlive() && kafkaUp()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) thread.interrupt();
    }
}
