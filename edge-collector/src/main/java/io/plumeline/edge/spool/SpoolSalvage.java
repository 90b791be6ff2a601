package io.plumeline.edge.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A spool file SQLite cannot read: moved aside so that the collector starts with a new one, and what can
 * still be read from it (the tag state, which defines the restart gap, and the records not yet sent) copied
 * over, row by row until the first unreadable one.
 */
final class SpoolSalvage {

    private static final Logger log = LoggerFactory.getLogger(SpoolSalvage.class);

    private SpoolSalvage() {
    }

    /** Moves spool.db (and its WAL and shared-memory files) to spool.db.corrupt-TIME; returns the new path. */
    static String moveAside(Path dir, String why) {
        String suffix = ".corrupt-" + Instant.now().toString().replace(':', '-');
        Path target = dir.resolve("spool.db" + suffix);
        try {
            for (String part : new String[] {"", "-wal", "-shm"}) {
                Path file = dir.resolve("spool.db" + part);
                if (Files.exists(file)) Files.move(file, dir.resolve("spool.db" + suffix + part), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("spool " + dir + " is damaged (" + why + ") and cannot be moved aside: "
                    + e.getMessage(), e);
        }
        log.error("SPOOL DAMAGED: {} ({}); moved to {} and started anew; what could be read is copied over", dir, why, target);
        return target.toString();
    }

    /** Copies the readable tag state and records of the damaged file into the new spool. */
    static void copyInto(Path damaged, Connection fresh) {
        String url = "jdbc:sqlite:file:" + damaged.toAbsolutePath() + "?mode=ro";
        long tags = 0;
        long records = 0;
        try (Connection old = DriverManager.getConnection(url)) {
            fresh.setAutoCommit(false);
            tags = copy(old, fresh, "SELECT tag, last_ts FROM tag_state",
                    "INSERT OR REPLACE INTO tag_state (tag, last_ts) VALUES (?, ?)", 2);
            records = copy(old, fresh, "SELECT topic, key, payload FROM records ORDER BY id",
                    "INSERT INTO records (topic, key, payload) VALUES (?, ?, ?)", 3);
            fresh.commit();
        } catch (SQLException e) {
            log.error("spool file {}: nothing could be salvaged: {}", damaged, e.getMessage());
        } finally {
            try {
                fresh.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the caller switches the mode again anyway
            }
        }
        log.warn("spool file {}: salvaged {} tag states and {} records", damaged, tags, records);
    }

    /** Copies rows until the first that cannot be read; returns how many were copied. */
    private static long copy(Connection from, Connection to, String select, String insert, int columns) {
        long n = 0;
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery(select);
             PreparedStatement ps = to.prepareStatement(insert)) {
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) ps.setObject(i, rs.getObject(i));
                ps.executeUpdate();
                n++;
            }
        } catch (SQLException e) {
            log.warn("damaged spool: stopped after {} rows of '{}': {}", n, select, e.getMessage());
        }
        return n;
    }
}
