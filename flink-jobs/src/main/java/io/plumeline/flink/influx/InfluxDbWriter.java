package io.plumeline.flink.influx;

import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers points and writes them when the batch is full, when the flush interval has passed, and at every
 * checkpoint ({@link #flush}). Runs in the task's thread only: the timer callback goes through the mailbox.
 */
class InfluxDbWriter implements SinkWriter<String> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbWriter.class);

    private final InfluxDbHttp influx;
    private final int batchSize;
    private final long flushIntervalMs;
    private final Backoff backoff;
    private final ProcessingTimeService time;
    private final Counter pointsWritten;
    private final Counter pointsRefused;
    private final StringBuilder batch = new StringBuilder();
    private int batchPoints;

    InfluxDbWriter(InfluxDbHttp influx, int batchSize, Duration flushInterval, Backoff backoff,
                   WriterInitContext context) throws IOException {
        this.influx = influx;
        this.batchSize = batchSize;
        this.flushIntervalMs = flushInterval.toMillis();
        this.backoff = backoff;
        this.time = context.getProcessingTimeService();
        this.pointsWritten = context.metricGroup().getNumRecordsSendCounter();
        this.pointsRefused = context.metricGroup().counter("pointsRefused");
        try {
            createDatabase();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the database at " + influx.describe(), e);
        }
        scheduleFlush();
    }

    @Override
    public void write(String line, Context context) throws IOException, InterruptedException {
        batch.append(line).append('\n');
        if (++batchPoints >= batchSize) writeBatch();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writeBatch();
    }

    @Override
    public void close() {
        // Points still buffered were not acknowledged by a checkpoint: the restart replays them.
    }

    private void scheduleFlush() {
        time.registerTimer(time.getCurrentProcessingTime() + flushIntervalMs, t -> {
            writeBatch();
            scheduleFlush();
        });
    }

    private void createDatabase() throws IOException, InterruptedException {
        InfluxDbHttp.Response response = retrying("create the database", influx::createDatabase);
        if (response.outcome() == InfluxDbHttp.Outcome.REFUSED) {
            throw new IOException("InfluxDB at " + influx.describe() + " refused CREATE DATABASE: HTTP "
                    + response.status() + " " + response.body());
        }
    }

    private void writeBatch() throws IOException, InterruptedException {
        if (batchPoints == 0) return;
        String lines = batch.toString();
        InfluxDbHttp.Response response = retrying("write " + batchPoints + " points", () -> influx.write(lines));
        if (response.outcome() == InfluxDbHttp.Outcome.DATABASE_MISSING) {
            createDatabase();
            response = retrying("write " + batchPoints + " points", () -> influx.write(lines));
        }
        switch (response.outcome()) {
            case WRITTEN -> pointsWritten.inc(batchPoints);
            case REFUSED -> {
                // Not retried: the same points would be refused again and stop the job for good.
                pointsRefused.inc(batchPoints);
                LOG.error("InfluxDB at {} refused a batch of {} points: HTTP {} {}", influx.describe(), batchPoints,
                        response.status(), response.body());
            }
            default -> throw new IOException("InfluxDB at " + influx.describe() + ": database missing after creating it");
        }
        batch.setLength(0);
        batchPoints = 0;
    }

    private interface Call {
        InfluxDbHttp.Response send() throws InterruptedException;
    }

    /** Retries what may pass later (InfluxDB down or overloaded) until the backoff gives up, then fails the task. */
    private InfluxDbHttp.Response retrying(String what, Call call) throws IOException, InterruptedException {
        long giveUpAt = System.nanoTime() + backoff.giveUpAfter().toNanos();
        Duration wait = null;
        while (true) {
            InfluxDbHttp.Response response = call.send();
            if (response.outcome() != InfluxDbHttp.Outcome.RETRY) return response;
            wait = backoff.next(wait);
            if (System.nanoTime() + wait.toNanos() > giveUpAt) {
                throw new IOException("InfluxDB at " + influx.describe() + ": could not " + what + " within "
                        + backoff.giveUpAfter() + "; last answer: " + describe(response));
            }
            LOG.warn("InfluxDB at {}: could not {} ({}); retrying in {} ms", influx.describe(), what,
                    describe(response), wait.toMillis());
            Thread.sleep(wait.toMillis());
        }
    }

    private static String describe(InfluxDbHttp.Response response) {
        return response.status() < 0 ? response.body() : "HTTP " + response.status() + " " + response.body();
    }
}
