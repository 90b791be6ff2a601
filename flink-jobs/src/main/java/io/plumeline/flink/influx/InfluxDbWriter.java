package io.plumeline.flink.influx;

import io.plumeline.core.retry.Backoff;
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
 * everything is sent and every answer taken, so a checkpoint covers only written points: a write that fails
 * (credentials refused, database missing, 5xx, timeout) is retried with backoff inside the checkpoint, which
 * cannot complete meanwhile, so Kafka offsets are never committed past an unwritten point; only points InfluxDB
 * refuses as such (unparsable, partial write) are counted and given up. After {@code retryFor}
 * the task fails, and the job restarts from its last checkpoint under its restart strategy and replays the
 * points from Kafka (docs/operations.md, "When InfluxDB refuses writes"). At start it creates
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
    private final Duration retryFor;
    private final ProcessingTimeService time;
    private final Counter pointsWritten;
    private final Counter pointsRefused;
    private final Counter batchesSent;
    private final Counter failedWrites;
    private final RetentionPolicies policies;
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final List<InFlight> inFlight = new ArrayList<>();
    private int pendingPoints;
    private int pendingBytes;
    private boolean flushDue;
    private int largestBatch;
    /** Points taken and neither written nor refused yet; read by the metrics reporter's thread. */
    private volatile long unwritten;
    private volatile long lastWrittenNanos = System.nanoTime();

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
                   Duration flushInterval, Backoff backoff, Duration retryFor, WriterInitContext context) throws IOException {
        this.influx = influx;
        this.policies = policies;
        this.batchSize = batchSize;
        this.maxBatchPoints = maxBatchPoints;
        this.batchBytes = batchBytes;
        this.flushIntervalMs = flushInterval.toMillis();
        this.backoff = backoff;
        this.retryFor = retryFor;
        this.time = context.getProcessingTimeService();
        this.pointsWritten = context.metricGroup().getNumRecordsSendCounter();
        this.pointsRefused = context.metricGroup().counter("pointsRefused");
        this.batchesSent = context.metricGroup().counter("batchesSent");
        // writes InfluxDB did not take and that are retried: any rise means points are waiting
        this.failedWrites = context.metricGroup().counter("failedWrites");
        context.metricGroup().gauge("pointsWaiting", () -> unwritten);
        context.metricGroup().gauge("secondsSinceLastWrite",
                () -> Duration.ofNanos(System.nanoTime() - lastWrittenNanos).toSeconds());
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
        unwritten++;
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
        InfluxDbHttp.Response response = retrying(what, InfluxDbHttp.await(sent.answer()),
                () -> influx.write(rp, lines.bytes(), 0, lines.length()));
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
            case WRITTEN -> {
                pointsWritten.inc(points);
                lastWrittenNanos = System.nanoTime();
            }
            case REFUSED, TOO_LARGE -> {
                // Not retried: the same points would be refused again and stop the job for good.
                pointsRefused.inc(points);
                LOG.error("InfluxDB at {} refused {} points to {} as unwritable: HTTP {} {}", influx.describe(),
                        points, rp, response.status(), excerpt(response.body()));
            }
            default -> throw new IOException("InfluxDB at " + influx.describe() + ": database or retention policy "
                    + rp + " missing after creating it");
        }
        unwritten -= points;
    }

    private interface Call {
        InfluxDbHttp.Response send() throws InterruptedException;
    }

    private InfluxDbHttp.Response retrying(String what, Call call) throws IOException, InterruptedException {
        return retrying(what, call.send(), call);
    }

    /**
     * Retries what may pass later until the backoff gives up, then fails the task: its checkpoint does not
     * complete and the restart replays every point not yet written. Each failure is logged as an error with
     * what InfluxDB answered and how many points wait.
     */
    private InfluxDbHttp.Response retrying(String what, InfluxDbHttp.Response first, Call call)
            throws IOException, InterruptedException {
        long giveUpAt = System.nanoTime() + retryFor.toNanos();
        Duration wait = null;
        InfluxDbHttp.Response response = first;
        while (response.outcome() == InfluxDbHttp.Outcome.RETRY) {
            failedWrites.inc();
            wait = backoff.next(wait);
            if (System.nanoTime() + wait.toNanos() > giveUpAt) {
                throw new IOException("InfluxDB at " + influx.describe() + ": could not " + what + " within "
                        + retryFor + "; last answer: " + describe(response) + "; " + unwritten
                        + " points unwritten: the task fails and the job restarts from its last checkpoint,"
                        + " replaying them from Kafka");
            }
            LOG.error("InfluxDB at {}: could not {} ({}); {} points wait unwritten and hold the checkpoint;"
                    + " retrying in {} ms", influx.describe(), what, describe(response), unwritten, wait.toMillis());
            Thread.sleep(wait.toMillis());
            response = call.send();
        }
        return response;
    }

    private static String describe(InfluxDbHttp.Response response) {
        return response.status() < 0 ? response.body() : "HTTP " + response.status() + " " + excerpt(response.body());
    }

    /** InfluxDB's error bodies are short; a proxy's HTML page is not, and would bury the log. */
    private static String excerpt(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
