package io.plumeline.flink.influx;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers points, one batch per retention policy, and writes them in batches that grow as InfluxDB falls
 * behind ("natural" batching). One round of writes (a request per retention policy) is in flight while the
 * next batches fill. Once they hold {@code batchSize} points, or the flush interval has passed, they go as soon
 * as the round in flight has been answered; until then they keep filling, up to {@code maxBatchPoints} or
 * {@code batchBytes}, and only there the task waits for the answer. So latency stays low while InfluxDB keeps
 * up, and fewer, larger requests carry the load when it does not. At every checkpoint ({@link #flush})
 * everything is sent and every answer taken, so a checkpoint covers only written points. At start it creates
 * the database and its retention policies when missing. Runs in the task's thread only: the timer callback
 * goes through the mailbox.
 */
class InfluxDbWriter implements SinkWriter<InfluxPoint> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbWriter.class);

    private final InfluxDbHttp influx;
    private final int batchSize;
    private final int maxBatchPoints;
    private final int batchBytes;
    private final long flushIntervalMs;
    private final Backoff backoff;
    private final ProcessingTimeService time;
    private final Counter pointsWritten;
    private final Counter pointsRefused;
    private final Counter batchesSent;
    private final RetentionPolicies policies;
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final List<InFlight> inFlight = new ArrayList<>();
    private int pendingPoints;
    private int pendingBytes;
    private boolean flushDue;
    private int largestBatch;

    /** A batch sent and not yet answered; its bytes stay untouched until then (the request reads them). */
    private record InFlight(String retentionPolicy, LineBuffer lines, CompletableFuture<InfluxDbHttp.Response> answer) {
    }

    /**
     * A retention policy's lines: one buffer fills while the other may be in flight, so neither is copied
     * nor allocated again per batch.
     */
    private static final class Batch {
        LineBuffer filling = new LineBuffer();
        LineBuffer spare = new LineBuffer();
    }

    InfluxDbWriter(InfluxDbHttp influx, RetentionPolicies policies, int batchSize, int maxBatchPoints, int batchBytes,
                   Duration flushInterval, Backoff backoff, WriterInitContext context) throws IOException {
        this.influx = influx;
        this.policies = policies;
        this.batchSize = batchSize;
        this.maxBatchPoints = maxBatchPoints;
        this.batchBytes = batchBytes;
        this.flushIntervalMs = flushInterval.toMillis();
        this.backoff = backoff;
        this.time = context.getProcessingTimeService();
        this.pointsWritten = context.metricGroup().getNumRecordsSendCounter();
        this.pointsRefused = context.metricGroup().counter("pointsRefused");
        this.batchesSent = context.metricGroup().counter("batchesSent");
        // how far batches have grown: near maxBatchPoints means InfluxDB does not keep up with this subtask
        context.metricGroup().gauge("largestBatchPoints", () -> largestBatch);
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
        pendingBytes += batches.computeIfAbsent(point.retentionPolicy(), rp -> new Batch()).filling.append(point.line());
        pendingPoints++;
        // by size too: lineage records are kilobytes, and InfluxDB refuses a body over its max-body-size
        if (pendingPoints >= maxBatchPoints || pendingBytes >= batchBytes) {
            sendBatches();
        } else if ((pendingPoints >= batchSize || flushDue) && answered()) {
            sendBatches();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        if (pendingPoints > 0) sendBatches();
        takeAnswers();
    }

    @Override
    public void close() {
        // Points still buffered were not acknowledged by a checkpoint: the restart replays them.
    }

    private void scheduleFlush() {
        time.registerTimer(time.getCurrentProcessingTime() + flushIntervalMs, t -> {
            if (pendingPoints > 0) {
                flushDue = true;
                if (answered()) sendBatches();
            }
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

    /** Whether the round in flight, if any, has been answered (its answer may still call for a retry). */
    private boolean answered() {
        for (InFlight sent : inFlight) {
            if (!sent.answer().isDone()) return false;
        }
        return true;
    }

    /** Waits for the round in flight, then sends every retention policy's batch as the next round. */
    private void sendBatches() throws IOException, InterruptedException {
        takeAnswers();
        for (Map.Entry<String, Batch> entry : batches.entrySet()) {
            Batch batch = entry.getValue();
            LineBuffer lines = batch.filling;
            if (lines.points() == 0) continue;
            batch.filling = batch.spare;
            batch.spare = lines;
            largestBatch = Math.max(largestBatch, lines.points());
            batchesSent.inc();
            inFlight.add(new InFlight(entry.getKey(), lines,
                    influx.writeAsync(entry.getKey(), lines.bytes(), 0, lines.length())));
        }
        pendingPoints = 0;
        pendingBytes = 0;
        flushDue = false;
    }

    /**
     * Takes the answers to the round in flight; what may pass later is sent again, blocking, as long as the
     * backoff allows. Their buffers are free again afterwards.
     */
    private void takeAnswers() throws IOException, InterruptedException {
        for (InFlight sent : inFlight) {
            takeAnswer(sent);
            sent.lines().clear();
        }
        inFlight.clear();
    }

    private void takeAnswer(InFlight sent) throws IOException, InterruptedException {
        String rp = sent.retentionPolicy();
        LineBuffer lines = sent.lines();
        String what = "write " + lines.points() + " points to retention policy " + rp;
        InfluxDbHttp.Response response = InfluxDbHttp.await(sent.answer());
        if (response.outcome() == InfluxDbHttp.Outcome.RETRY) {
            LOG.warn("InfluxDB at {}: could not {} ({}); retrying", influx.describe(), what, describe(response));
            response = retrying(what, () -> influx.write(rp, lines.bytes(), 0, lines.length()));
        }
        if (response.outcome() == InfluxDbHttp.Outcome.DATABASE_MISSING) {
            createDatabase();
            response = retrying(what, () -> influx.write(rp, lines.bytes(), 0, lines.length()));
        }
        if (response.outcome() == InfluxDbHttp.Outcome.TOO_LARGE) {
            writeInHalves(rp, lines.bytes(), 0, lines.length(), lines.points());
            return;
        }
        count(rp, lines.points(), response);
    }

    /** A body the server finds too large goes again in halves, and so on down to one point a request. */
    private void writeInHalves(String rp, byte[] lines, int from, int to, int points) throws IOException, InterruptedException {
        if (points <= 1) {
            count(rp, points, new InfluxDbHttp.Response(InfluxDbHttp.Outcome.REFUSED, 413, "one point over max-body-size"));
            return;
        }
        // after the end of the line at or before the middle, or of the first line when that is longer than half
        int cut = LineBuffer.lineEndAtOrBefore(lines, from, from + (to - from) / 2);
        if (cut < 0) cut = LineBuffer.lineEndAtOrAfter(lines, from, to);
        int firstPoints = LineBuffer.lines(lines, from, cut + 1);
        writeOrHalve(rp, lines, from, cut + 1, firstPoints);
        writeOrHalve(rp, lines, cut + 1, to, points - firstPoints);
    }

    private void writeOrHalve(String rp, byte[] lines, int from, int to, int points) throws IOException, InterruptedException {
        InfluxDbHttp.Response response = retrying("write " + points + " points to retention policy " + rp,
                () -> influx.write(rp, lines, from, to - from));
        if (response.outcome() == InfluxDbHttp.Outcome.TOO_LARGE) {
            writeInHalves(rp, lines, from, to, points);
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
