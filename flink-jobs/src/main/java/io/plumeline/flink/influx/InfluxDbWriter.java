package io.plumeline.flink.influx;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers points, one batch per retention policy, and writes them when the batches hold {@code batchSize}
 * points, when the flush interval has passed, and at every checkpoint ({@link #flush}). One write is in flight
 * while the next batch is built (so the task does not wait for InfluxDB between batches); its answer is taken
 * before the next write and at every checkpoint, which therefore covers only written points. At start it
 * creates the database and its retention policies when missing. Runs in the task's thread only: the timer
 * callback goes through the mailbox.
 */
class InfluxDbWriter implements SinkWriter<InfluxPoint> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbWriter.class);

    private final InfluxDbHttp influx;
    private final int batchSize;
    private final int batchBytes;
    private final long flushIntervalMs;
    private final Backoff backoff;
    private final ProcessingTimeService time;
    private final Counter pointsWritten;
    private final Counter pointsRefused;
    private final RetentionPolicies policies;
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private int batchPoints;
    private int batchChars;
    private InFlight inFlight;

    /** A batch sent and not yet answered. */
    private record InFlight(String retentionPolicy, String lines, int points, CompletableFuture<InfluxDbHttp.Response> answer) {
    }

    private static final class Batch {
        final StringBuilder lines = new StringBuilder();
        int points;
    }

    InfluxDbWriter(InfluxDbHttp influx, RetentionPolicies policies, int batchSize, int batchBytes, Duration flushInterval,
                   Backoff backoff, WriterInitContext context) throws IOException {
        this.influx = influx;
        this.policies = policies;
        this.batchSize = batchSize;
        this.batchBytes = batchBytes;
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
    public void write(InfluxPoint point, Context context) throws IOException, InterruptedException {
        Batch batch = batches.computeIfAbsent(point.retentionPolicy(), rp -> new Batch());
        batch.lines.append(point.line()).append('\n');
        batch.points++;
        batchChars += point.line().length() + 1;
        // by size too: lineage records are kilobytes, and InfluxDB refuses a body over its max-body-size
        if (++batchPoints >= batchSize || batchChars >= batchBytes) writeBatches();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writeBatches();
        awaitInFlight();
    }

    @Override
    public void close() {
        // Points still buffered were not acknowledged by a checkpoint: the restart replays them.
    }

    private void scheduleFlush() {
        time.registerTimer(time.getCurrentProcessingTime() + flushIntervalMs, t -> {
            writeBatches();
            scheduleFlush();
        });
    }

    /** CREATE DATABASE is idempotent; the retention policies are created or corrected as {@link RetentionPolicies} says. */
    private void createDatabase() throws IOException, InterruptedException {
        refusedIsFatal("CREATE DATABASE", retrying("create the database", influx::createDatabase));
        InfluxDbHttp.Response shown = refusedIsFatal("SHOW RETENTION POLICIES",
                retrying("read the retention policies", influx::showRetentionPolicies));
        for (String statement : policies.statements(influx.database(), InfluxDbHttp.json(shown))) {
            LOG.info("InfluxDB at {}: {}", influx.describe(), statement);
            refusedIsFatal(statement, retrying("set the retention policies", () -> influx.query(statement)));
        }
    }

    private InfluxDbHttp.Response refusedIsFatal(String what, InfluxDbHttp.Response response) throws IOException {
        if (response.outcome() == InfluxDbHttp.Outcome.WRITTEN) return response;
        throw new IOException("InfluxDB at " + influx.describe() + " refused " + what + ": HTTP "
                + response.status() + " " + response.body());
    }

    private void writeBatches() throws IOException, InterruptedException {
        for (Map.Entry<String, Batch> entry : batches.entrySet()) {
            if (entry.getValue().points > 0) writeBatch(entry.getKey(), entry.getValue());
        }
        batchPoints = 0;
        batchChars = 0;
    }

    private void writeBatch(String rp, Batch batch) throws IOException, InterruptedException {
        String lines = batch.lines.toString();
        int points = batch.points;
        batch.lines.setLength(0);
        batch.points = 0;
        awaitInFlight();
        inFlight = new InFlight(rp, lines, points, influx.writeAsync(rp, lines));
    }

    /** Takes the answer to the write in flight; what may pass later is sent again, blocking, as long as the backoff allows. */
    private void awaitInFlight() throws IOException, InterruptedException {
        if (inFlight == null) return;
        InFlight sent = inFlight;
        inFlight = null;
        String what = "write " + sent.points() + " points to retention policy " + sent.retentionPolicy();
        InfluxDbHttp.Response response = InfluxDbHttp.await(sent.answer());
        if (response.outcome() == InfluxDbHttp.Outcome.RETRY) {
            LOG.warn("InfluxDB at {}: could not {} ({}); retrying", influx.describe(), what, describe(response));
            response = retrying(what, () -> influx.write(sent.retentionPolicy(), sent.lines()));
        }
        if (response.outcome() == InfluxDbHttp.Outcome.DATABASE_MISSING) {
            createDatabase();
            response = retrying(what, () -> influx.write(sent.retentionPolicy(), sent.lines()));
        }
        if (response.outcome() == InfluxDbHttp.Outcome.TOO_LARGE) {
            writeInHalves(sent.retentionPolicy(), sent.lines(), sent.points());
            return;
        }
        count(sent.retentionPolicy(), sent.points(), response);
    }

    /** A body the server finds too large goes again in halves, and so on down to one point a request. */
    private void writeInHalves(String rp, String lines, int points) throws IOException, InterruptedException {
        if (points <= 1) {
            count(rp, points, new InfluxDbHttp.Response(InfluxDbHttp.Outcome.REFUSED, 413, "one point over max-body-size"));
            return;
        }
        // the end of the line at or before the middle, or of the first line when that is longer than half
        int cut = lines.lastIndexOf('\n', lines.length() / 2);
        if (cut < 0) cut = lines.indexOf('\n');
        String first = lines.substring(0, cut + 1);
        int firstPoints = (int) first.chars().filter(c -> c == '\n').count();
        writeOrHalve(rp, first, firstPoints);
        writeOrHalve(rp, lines.substring(cut + 1), points - firstPoints);
    }

    private void writeOrHalve(String rp, String lines, int points) throws IOException, InterruptedException {
        InfluxDbHttp.Response response = retrying("write " + points + " points to retention policy " + rp,
                () -> influx.write(rp, lines));
        if (response.outcome() == InfluxDbHttp.Outcome.TOO_LARGE) {
            writeInHalves(rp, lines, points);
        } else {
            count(rp, points, response);
        }
    }

    private void count(String rp, int points, InfluxDbHttp.Response response) throws IOException {
        switch (response.outcome()) {
            case WRITTEN -> pointsWritten.inc(points);
            case REFUSED, TOO_LARGE -> {
                // Not retried: the same points would be refused again and stop the job for good.
                pointsRefused.inc(points);
                LOG.error("InfluxDB at {} refused a batch of {} points to {}: HTTP {} {}", influx.describe(),
                        points, rp, response.status(), response.body());
            }
            default -> throw new IOException("InfluxDB at " + influx.describe() + ": database or retention policy "
                    + rp + " missing after creating it");
        }
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
