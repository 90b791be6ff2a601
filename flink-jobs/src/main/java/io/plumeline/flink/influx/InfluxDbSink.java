package io.plumeline.flink.influx;

import io.plumeline.core.retry.Backoff;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes line-protocol points to InfluxDB through its v1 HTTP API, in batches per retention policy that grow
 * from {@code batchSize} up to {@link #MAX_BATCH_FACTOR} times that while InfluxDB is still answering the
 * previous write. Everything written before a
 * checkpoint is flushed before the checkpoint completes, and a failing InfluxDB is retried with backoff, so
 * no point that Flink has acknowledged is lost: only points InfluxDB refuses as unwritable are given up, not a
 * batch refused for credentials, a missing database or a server error. After {@code retryFor} the job fails and
 * restarts from its last checkpoint. Points of the same series and timestamp overwrite each other, so replays are harmless.
 */
public class InfluxDbSink implements Sink<InfluxPoint> {

    private final URI url;
    private final String database;
    private final RetentionPolicies policies;
    private final int batchSize;
    private final int batchBytes;
    private final Duration flushInterval;
    private final Duration retryFor;
    private final InfluxCredentials credentials;

    public InfluxDbSink(URI url, String database, RetentionPolicies policies, int batchSize, Duration flushInterval,
                        Duration retryFor) {
        this(url, database, policies, batchSize, DEFAULT_BATCH_BYTES, flushInterval, retryFor);
    }

    /**
     * {@code batchBytes}: a batch is sent once its lines reach this size, well under InfluxDB's
     * {@code max-body-size} (25 MB by default); a body the server still finds too large is sent again in halves.
     */
    public InfluxDbSink(URI url, String database, RetentionPolicies policies, int batchSize, int batchBytes,
                        Duration flushInterval, Duration retryFor) {
        this(url, database, policies, batchSize, batchBytes, flushInterval, retryFor, InfluxCredentials.none());
    }

    private InfluxDbSink(URI url, String database, RetentionPolicies policies, int batchSize, int batchBytes,
                         Duration flushInterval, Duration retryFor, InfluxCredentials credentials) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        if (batchBytes < 1) throw new IllegalArgumentException("batch bytes must be at least 1: " + batchBytes);
        this.batchBytes = batchBytes;
        this.url = url;
        this.database = database;
        this.policies = policies;
        this.batchSize = batchSize;
        this.flushInterval = flushInterval;
        this.retryFor = retryFor;
        this.credentials = credentials;
    }

    /** The same sink, writing as an InfluxDB user (HTTP Basic on {@code /write} and {@code /query}). */
    public InfluxDbSink withCredentials(InfluxCredentials credentials) {
        return new InfluxDbSink(url, database, policies, batchSize, batchBytes, flushInterval, retryFor, credentials);
    }

    static final int DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;

    /**
     * How far a batch may grow past {@code batchSize} while the write before it is in flight: 10,000-point
     * batches (or whatever 200 ms brought) while InfluxDB keeps up, up to 40,000 (its best ingest in the
     * benchmark) when it does not.
     */
    static final int MAX_BATCH_FACTOR = 4;

    public static InfluxDbSink of(URI url, String database, RetentionPolicies policies) {
        return new InfluxDbSink(url, database, policies, 10_000, Duration.ofMillis(200), Duration.ofMinutes(2));
    }

    @Override
    public SinkWriter<InfluxPoint> createWriter(WriterInitContext context) throws IOException {
        return new InfluxDbWriter(new InfluxDbHttp(url, database, Duration.ofSeconds(30), credentials), policies, batchSize,
                (int) Math.min(Integer.MAX_VALUE, (long) batchSize * MAX_BATCH_FACTOR), batchBytes, flushInterval,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)), retryFor, context);
    }
}
