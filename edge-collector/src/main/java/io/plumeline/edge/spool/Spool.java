package io.plumeline.edge.spool;

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
 *
 * <p>Write failures (disk full, I/O error): the failed batch is kept and retried every second, and while a
 * commit fails new readings are refused exactly as by a full spool, so that they become a gap record instead
 * of piling up in memory. A record Kafka refuses for good is moved to the {@code quarantine} table with the
 * reason ({@link #quarantine}), so that it never blocks the records behind it. A spool file SQLite cannot read
 * at start is moved aside ({@code spool.db.corrupt-<time>}); what can still be read from it (tag state and
 * records) is copied into the new file, and the move is reported ({@link #movedAside()}).
 */
public final class Spool implements AutoCloseable {

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

    /** A record Kafka refused for good, with the reason, waiting in the quarantine table. */
    private record Quarantined(Stored record, String reason) {
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
    /** The last commit failed (disk full, I/O error); null while commits succeed. */
    private volatile String commitFailure;
    private final AtomicLong commitFailures = new AtomicLong();
    private final BlockingQueue<Quarantined> toQuarantine = new ArrayBlockingQueue<>(10_000);
    private final AtomicLong quarantined = new AtomicLong();
    private volatile String movedAside;

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
        Connection opened;
        try {
            opened = openChecked(url);
        } catch (SQLException e) {
            // A file SQLite cannot read must not keep the collector down (CrashLoop): set it aside, start anew
            // with what can be salvaged, and say so.
            this.movedAside = SpoolSalvage.moveAside(dir, e.getMessage());
            opened = openChecked(url);
            SpoolSalvage.copyInto(Path.of(movedAside), opened);
        }
        this.writer = opened;
        try (Statement s = writer.createStatement()) {
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

    /** Opens the database, creates the tables and checks the file; throws when SQLite finds it damaged. */
    private static Connection openChecked(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(result)) throw new SQLException("quick_check: " + result);
            }
            s.execute("CREATE TABLE IF NOT EXISTS records (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " topic TEXT NOT NULL, key TEXT NOT NULL, payload BLOB NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS tag_state (tag TEXT PRIMARY KEY, last_ts TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS quarantine (id INTEGER PRIMARY KEY, topic TEXT NOT NULL,"
                    + " key TEXT NOT NULL, payload BLOB NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL)");
            boolean hasAt = false;
            try (ResultSet rs = s.executeQuery("PRAGMA table_info(records)")) {
                while (rs.next()) hasAt |= "at".equals(rs.getString("name"));
            }
            // When the record was spooled (epoch ms; 0 for rows of an older spool): the age of the oldest record.
            if (!hasAt) s.execute("ALTER TABLE records ADD COLUMN at INTEGER NOT NULL DEFAULT 0");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this same process
        }
    }

    /** Opens (or creates) the spool in {@code dir}; what an earlier run left there is sent first. */
    public static Spool open(Path dir, long maxBytes) {
        try {
            Spool spool = new Spool(dir, maxBytes);
            spool.writerThread.start();
            try (Statement s = spool.reader.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM quarantine")) {
                rs.next();
                spool.quarantined.set(rs.getLong(1));
            }
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
    public boolean offer(String topic, String key, byte[] payload) {
        return add(new Entry(topic, key, payload), false);
    }

    /** Room for a reading of average size now. */
    public boolean hasRoom() {
        return commitFailure == null && bytes.get() + 1_000 <= maxBytes;
    }

    /** Queues a record that must not be refused (gap records: they are what tells of refused readings). */
    public void offerAlways(String topic, String key, byte[] payload) {
        add(new Entry(topic, key, payload), true);
    }

    private boolean add(Entry entry, boolean always) {
        if (closing) throw new IllegalStateException("the spool is closed");
        int size = entry.size();
        if (!always && commitFailure != null) {
            long n = refused.incrementAndGet();
            if (n == 1 || n % 10_000 == 0) {
                log.error("SPOOL NOT WRITABLE: {} cannot commit ({}); {} readings refused so far and reported as a gap",
                        dir, commitFailure, n);
            }
            return false;
        }
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
    public void saveTagState(Map<String, Instant> lastTs) {
        tagState(lastTs);
    }

    public Map<String, Instant> loadTagState() {
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
    public long depth() {
        return depth.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public long refused() {
        return refused.get();
    }

    /**
     * Moves a record Kafka refused for good to the quarantine table with its reason, in the same transaction
     * that deletes the acknowledged rows; the caller then acknowledges its id.
     */
    void quarantine(Stored record, String reason) {
        try {
            toQuarantine.put(new Quarantined(record, reason));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while quarantining record " + record.id(), e);
        }
    }

    /** Records in the quarantine table (refused by Kafka for good; kept for an operator). */
    public long quarantined() {
        return quarantined.get();
    }

    /** The reason of every quarantined record, by row id (for the operator and tests). */
    public Map<Long, String> quarantineReasons() {
        Map<Long, String> out = new java.util.TreeMap<>();
        synchronized (reader) {
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT id, reason FROM quarantine")) {
                while (rs.next()) out.put(rs.getLong(1), rs.getString(2));
            } catch (SQLException e) {
                throw new IllegalStateException("spool " + dir + ": cannot read the quarantine: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Seconds since the oldest record not yet acknowledged was spooled; 0 when none (or unknown). */
    public double oldestRecordAgeSeconds() {
        synchronized (reader) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT at FROM records WHERE id > ? ORDER BY id LIMIT 1")) {
                ps.setLong(1, acknowledgedUpTo);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) == 0) return 0;
                    return Math.max(0, (System.currentTimeMillis() - rs.getLong(1)) / 1000.0);
                }
            } catch (SQLException e) {
                return Double.NaN;
            }
        }
    }

    /** Bytes free for the spool on its file system; -1 when unknown. */
    public long freeDiskBytes() {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Why commits fail now (disk full, I/O error); null while they succeed. */
    public String commitFailure() {
        return commitFailure;
    }

    public long commitFailures() {
        return commitFailures.get();
    }

    /** The path a damaged spool file was moved to at start; null when the file was sound. */
    public String movedAside() {
        return movedAside;
    }

    /** False once the writer thread failed: nothing is spooled any more. */
    public boolean writing() {
        return writerFailure == null && (writerThread.isAlive() || closing);
    }

    public Path dir() {
        return dir;
    }

    private void writeLoop() {
        List<Entry> batch = new ArrayList<>();
        try (PreparedStatement insert = writer.prepareStatement(
                "INSERT INTO records (topic, key, payload, at) VALUES (?, ?, ?, ?)")) {
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
                List<Quarantined> quarantine = new ArrayList<>();
                try {
                    commit(insert, batch, state, quarantine);
                    batch.clear();
                    if (commitFailure != null) log.warn("spool {}: commits succeed again", dir);
                    commitFailure = null;
                } catch (SQLException e) {
                    // Disk full, I/O error: the batch stays in memory and is tried again; new readings are refused
                    // meanwhile (see add), so only this batch and the gap records wait in memory.
                    String why = e.getMessage() == null ? e.toString() : e.getMessage();
                    if (!why.equals(commitFailure) || commitFailures.get() % 60 == 0) {
                        log.error("spool {}: commit of {} records failed, new readings are refused; retrying every 1 s: {}",
                                dir, batch.size(), e.getMessage());
                    }
                    commitFailure = why;
                    commitFailures.incrementAndGet();
                    try {
                        writer.rollback();
                    } catch (SQLException rollbackFailed) {
                        // SQLite rolled back by itself (SQLITE_FULL does): open the next transaction as the driver
                        // would have after its rollback, or the next statements would run outside one.
                        try (Statement begin = writer.createStatement()) {
                            begin.execute("BEGIN");
                        }
                    }
                    insert.clearBatch();
                    tagState(state);
                    toQuarantine.addAll(quarantine);
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

    private void commit(PreparedStatement insert, List<Entry> batch, Map<String, Instant> state,
            List<Quarantined> quarantine) throws SQLException {
        // Read before the quarantine requests are taken: a quarantined id the forwarder acknowledged is then
        // always copied in this same transaction, before its row is deleted.
        long deleteTo = acknowledgedUpTo;
        toQuarantine.drainTo(quarantine);
        boolean delete = deleteTo > deletedUpTo;
        if (batch.isEmpty() && !delete && state.isEmpty() && quarantine.isEmpty()) return;
        long lastId = newestCommittedId;
        long now = System.currentTimeMillis();
        for (Entry entry : batch) {
            insert.setString(1, entry.topic());
            insert.setString(2, entry.key());
            insert.setBytes(3, entry.payload());
            insert.setLong(4, now);
            insert.addBatch();
        }
        if (!quarantine.isEmpty()) {
            try (PreparedStatement q = writer.prepareStatement("INSERT OR IGNORE INTO quarantine (id, topic, key, payload,"
                    + " reason, at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Quarantined item : quarantine) {
                    q.setLong(1, item.record().id());
                    q.setString(2, item.record().topic());
                    q.setString(3, item.record().key());
                    q.setBytes(4, item.record().payload());
                    q.setString(5, item.reason());
                    q.setString(6, Instant.ofEpochMilli(now).toString());
                    q.addBatch();
                }
                q.executeBatch();
            }
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
        if (!quarantine.isEmpty()) {
            quarantined.addAndGet(quarantine.size());
            quarantine.clear();
        }
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
