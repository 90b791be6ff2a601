package io.plumeline.edge;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store-and-forward spool: every record (a reading or a gap record) is written here before it
 * is sent to Kafka, and deleted once Kafka has acknowledged it.
 *
 * <p>Storage is one SQLite database in WAL mode ({@code spool.db}); the row id gives the order in which
 * records arrived, so replaying by row id keeps every tag's order. One writer thread owns the write
 * connection and commits what arrived in one transaction every {@link #COMMIT_EVERY_MS} ms (group commit).
 * With {@code synchronous=FULL} each commit is fsynced before it returns: a record counts as spooled once its
 * commit returned, and then survives kill -9 and a power cut. Records received but not yet committed (at most
 * one commit interval) are lost by kill -9; the collector-restart gap and its backfill cover them.
 *
 * <p>Size bound: the payload bytes held (readings in memory and on disk) never exceed {@code maxBytes}. When
 * full, new readings are refused and counted as dropped at the source, and the collector turns the refused
 * interval into a gap record; readings already held are never dropped. Gap records are always accepted.
 */
final class Spool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Spool.class);

    static final long COMMIT_EVERY_MS = 50;
    private static final int MAX_BATCH = 20_000;
    private static final int QUEUE_CAPACITY = 200_000;
    /** Row overhead counted per record besides payload and key, so that many tiny records still add up. */
    static final int ROW_OVERHEAD = 24;

    record Entry(String topic, String key, byte[] payload) {
        int size() {
            return payload.length + key.length() + ROW_OVERHEAD;
        }
    }

    record Stored(long id, String topic, String key, byte[] payload) {
    }

    private final Path dir;
    private final long maxBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Connection writer;
    private final Connection reader;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile long newestCommittedId;
    private volatile long acknowledgedUpTo;
    private long deletedUpTo;
    private final Map<String, Instant> tagStateToSave = new ConcurrentHashMap<>();
    private final Thread writerThread;
    private final CountDownLatch writerDone = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile Throwable writerFailure;

    private Spool(Path dir, long maxBytes) throws IOException, SQLException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        Files.createDirectories(dir);
        this.lockChannel = FileChannel.open(dir.resolve("spool.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = tryLock(lockChannel);
        if (lock == null) {
            lockChannel.close();
            throw new IllegalArgumentException("spool " + dir + " is in use by another edge collector process;"
                    + " give each collector its own --spool-dir");
        }
        String url = "jdbc:sqlite:" + dir.resolve("spool.db").toAbsolutePath();
        this.writer = DriverManager.getConnection(url);
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("CREATE TABLE IF NOT EXISTS records (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " topic TEXT NOT NULL, key TEXT NOT NULL, payload BLOB NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS tag_state (tag TEXT PRIMARY KEY, last_ts TEXT NOT NULL)");
            try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(length(payload) + length(key)), 0),"
                    + " coalesce(min(id), 1) - 1, coalesce(max(id), 0) FROM records")) {
                rs.next();
                depth.set(rs.getLong(1));
                bytes.set(rs.getLong(2) + rs.getLong(1) * ROW_OVERHEAD);
                deletedUpTo = rs.getLong(3);
                acknowledgedUpTo = deletedUpTo;
                newestCommittedId = rs.getLong(4);
            }
        }
        writer.setAutoCommit(false);
        this.reader = DriverManager.getConnection(url);
        try (Statement s = reader.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
        }
        this.writerThread = new Thread(this::writeLoop, "edge-spool-writer");
        writerThread.setDaemon(true);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this same process
        }
    }

    /** Opens (or creates) the spool in {@code dir}; what an earlier run left there is sent first. */
    static Spool open(Path dir, long maxBytes) {
        try {
            Spool spool = new Spool(dir, maxBytes);
            spool.writerThread.start();
            if (spool.depth.get() > 0) {
                log.info("spool {}: {} records ({} MB) left by an earlier run are sent first", dir, spool.depth.get(),
                        spool.bytes.get() / 1_000_000);
            }
            return spool;
        } catch (IOException | SQLException e) {
            throw new IllegalArgumentException("spool " + dir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * Queues a reading for the next commit; false when the spool is full (the reading is refused and counted).
     * Blocks while the writer is more than {@value #QUEUE_CAPACITY} records behind, which holds back the
     * subscriptions instead of piling readings up in memory.
     */
    boolean offer(String topic, String key, byte[] payload) {
        return add(new Entry(topic, key, payload), false);
    }

    /** Room for a reading of average size now. */
    boolean hasRoom() {
        return bytes.get() + 1_000 <= maxBytes;
    }

    /** Queues a record that must not be refused (gap records: they are what tells of refused readings). */
    void offerAlways(String topic, String key, byte[] payload) {
        add(new Entry(topic, key, payload), true);
    }

    private boolean add(Entry entry, boolean always) {
        if (closing) throw new IllegalStateException("the spool is closed");
        int size = entry.size();
        if (!always && bytes.get() + size > maxBytes) {
            long n = refused.incrementAndGet();
            if (n == 1 || n % 10_000 == 0) {
                log.error("SPOOL FULL: {} holds {} of {} bytes (--spool-max-mb); {} readings refused so far. Kafka is not"
                        + " taking readings; the refused interval is reported as a gap and backfilled where the server"
                        + " keeps history", dir, bytes.get(), maxBytes, n);
            }
            return false;
        }
        bytes.addAndGet(size);
        depth.incrementAndGet();
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bytes.addAndGet(-size);
            depth.decrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * The newest reading time per tag, saved with the commit of those readings (for the gap after a restart).
     * Call it after the readings were offered.
     */
    void saveTagState(Map<String, Instant> lastTs) {
        tagState(lastTs);
    }

    Map<String, Instant> loadTagState() {
        Map<String, Instant> state = new HashMap<>();
        synchronized (reader) {
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT tag, last_ts FROM tag_state")) {
                while (rs.next()) state.put(rs.getString(1), Instant.parse(rs.getString(2)));
            } catch (SQLException e) {
                throw new IllegalStateException("spool " + dir + ": cannot read the tag state: " + e.getMessage(), e);
            }
        }
        return state;
    }

    /** Committed records after {@code afterId}, oldest first. */
    List<Stored> read(long afterId, int max) {
        List<Stored> out = new ArrayList<>();
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement(
                    "SELECT id, topic, key, payload FROM records WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, afterId);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("spool " + dir + ": cannot read: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Every record up to {@code id} is in Kafka: the writer deletes them with its next commit. */
    void acknowledgeUpTo(long id) {
        if (id > acknowledgedUpTo) acknowledgedUpTo = id;
    }

    long acknowledgedUpTo() {
        return acknowledgedUpTo;
    }

    long newestCommittedId() {
        return newestCommittedId;
    }

    /** Records held (queued or on disk) that Kafka has not acknowledged yet. */
    long depth() {
        return depth.get();
    }

    long bytes() {
        return bytes.get();
    }

    long maxBytes() {
        return maxBytes;
    }

    long refused() {
        return refused.get();
    }

    /** False once the writer thread failed: nothing is spooled any more. */
    boolean writing() {
        return writerFailure == null && (writerThread.isAlive() || closing);
    }

    Path dir() {
        return dir;
    }

    private void writeLoop() {
        List<Entry> batch = new ArrayList<>();
        try (PreparedStatement insert = writer.prepareStatement(
                "INSERT INTO records (topic, key, payload) VALUES (?, ?, ?)")) {
            while (true) {
                // Taken before the queue is drained: every reading the saved times cover is then in this batch.
                Map<String, Instant> state = takeTagState();
                Entry first = queue.poll(COMMIT_EVERY_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                if (!queue.isEmpty()) {
                    tagState(state);
                    state = Map.of();
                }
                boolean stop = closing && first == null && queue.isEmpty();
                try {
                    commit(insert, batch, state);
                    batch.clear();
                } catch (SQLException e) {
                    // Disk full, I/O error: the batch stays in memory and is tried again; readings wait in the queue.
                    writer.rollback();
                    insert.clearBatch();
                    tagState(state);
                    log.error("spool {}: commit of {} records failed, retrying in 1 s: {}", dir, batch.size(), e.getMessage());
                    Thread.sleep(1_000);
                    continue;
                }
                if (stop) return;
            }
        } catch (Throwable e) {
            writerFailure = e;
            log.error("spool {}: the writer stopped: {}; readings are no longer spooled", dir, e.toString(), e);
        } finally {
            writerDone.countDown();
        }
    }

    private Map<String, Instant> takeTagState() {
        Map<String, Instant> out = new HashMap<>();
        for (String tag : List.copyOf(tagStateToSave.keySet())) {
            Instant ts = tagStateToSave.remove(tag);
            if (ts != null) out.put(tag, ts);
        }
        return out;
    }

    /** Puts times back for a later commit, unless a newer one is waiting already. */
    private void tagState(Map<String, Instant> state) {
        state.forEach((tag, ts) -> tagStateToSave.merge(tag, ts, (a, b) -> a.isAfter(b) ? a : b));
    }

    private void commit(PreparedStatement insert, List<Entry> batch, Map<String, Instant> state) throws SQLException {
        long deleteTo = acknowledgedUpTo;
        boolean delete = deleteTo > deletedUpTo;
        if (batch.isEmpty() && !delete && state.isEmpty()) return;
        long lastId = newestCommittedId;
        for (Entry entry : batch) {
            insert.setString(1, entry.topic());
            insert.setString(2, entry.key());
            insert.setBytes(3, entry.payload());
            insert.addBatch();
        }
        if (!batch.isEmpty()) {
            insert.executeBatch();
            try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                lastId = rs.getLong(1);
            }
        }
        long deletedRows = 0;
        long deletedBytes = 0;
        if (delete) {
            try (PreparedStatement sum = writer.prepareStatement("SELECT count(*), coalesce(sum(length(payload) + length(key)), 0)"
                    + " FROM records WHERE id > ? AND id <= ?");
                 PreparedStatement del = writer.prepareStatement("DELETE FROM records WHERE id > ? AND id <= ?")) {
                sum.setLong(1, deletedUpTo);
                sum.setLong(2, deleteTo);
                try (ResultSet rs = sum.executeQuery()) {
                    rs.next();
                    deletedRows = rs.getLong(1);
                    deletedBytes = rs.getLong(2) + deletedRows * ROW_OVERHEAD;
                }
                del.setLong(1, deletedUpTo);
                del.setLong(2, deleteTo);
                del.executeUpdate();
            }
        }
        if (!state.isEmpty()) {
            try (PreparedStatement upsert = writer.prepareStatement("INSERT INTO tag_state (tag, last_ts) VALUES (?, ?)"
                    + " ON CONFLICT(tag) DO UPDATE SET last_ts = excluded.last_ts")) {
                for (Map.Entry<String, Instant> e : state.entrySet()) {
                    upsert.setString(1, e.getKey());
                    upsert.setString(2, e.getValue().toString());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        writer.commit();
        newestCommittedId = lastId;
        if (delete) {
            deletedUpTo = deleteTo;
            depth.addAndGet(-deletedRows);
            bytes.addAndGet(-deletedBytes);
        }
    }

    /** Commits what is queued and closes the store; what Kafka has not acknowledged stays for the next run. */
    @Override
    public void close() {
        closing = true;
        try {
            writerDone.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
            synchronized (reader) {
                reader.close();
            }
        } catch (SQLException e) {
            log.warn("spool {}: not closed cleanly: {}", dir, e.getMessage());
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.debug("spool {}: lock not released: {}", dir, e.getMessage());
        }
        if (writerFailure != null) log.error("spool {}: the writer had failed: {}", dir, writerFailure.toString());
    }
}
