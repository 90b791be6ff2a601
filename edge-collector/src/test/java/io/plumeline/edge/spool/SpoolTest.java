package io.plumeline.edge.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.edge.spool.Spool.Stored;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool on a real SQLite file. */
class SpoolTest {

    @TempDir
    Path dir;

    @Test
    void recordsComeBackInArrivalOrderAfterAReopenAndAcknowledgedOnesAreGone() throws Exception {
        try (Spool spool = Spool.open(dir, 10_000_000)) {
            for (int i = 0; i < 1000; i++) {
                assertThat(spool.offer("t", "tag-" + (i % 7), bytes("r" + i))).isTrue();
            }
            await(() -> spool.newestCommittedId() >= 1000, "all committed");
            List<Stored> first = spool.read(0, 300);
            assertThat(first).extracting(r -> text(r.payload())).startsWith("r0", "r1", "r2").hasSize(300);
            spool.acknowledgeUpTo(first.get(299).id());
            await(() -> spool.depth() == 700, "acknowledged rows deleted");
        }
        try (Spool reopened = Spool.open(dir, 10_000_000)) {
            assertThat(reopened.depth()).isEqualTo(700);
            List<Stored> rest = reopened.read(reopened.acknowledgedUpTo(), 10_000);
            assertThat(rest).extracting(r -> text(r.payload())).hasSize(700).startsWith("r300").endsWith("r999");
            assertThat(rest).extracting(Stored::key).startsWith("tag-" + (300 % 7));
            assertThat(rest).extracting(Stored::id).isSorted();
        }
    }

    @Test
    void aFullSpoolRefusesReadingsButKeepsWhatItHoldsAndTakesGapRecords() throws Exception {
        byte[] payload = new byte[1000 - Spool.ROW_OVERHEAD - 1];
        try (Spool spool = Spool.open(dir, 10_000)) {
            int accepted = 0;
            for (int i = 0; i < 15; i++) {
                if (spool.offer("t", "k", payload)) accepted++;
            }
            assertThat(accepted).isEqualTo(10);
            assertThat(spool.refused()).isEqualTo(5);
            spool.offerAlways("gaps", "server", bytes("{}"));
            assertThat(spool.depth()).isEqualTo(11);
            await(() -> spool.newestCommittedId() >= 11, "committed");
            spool.acknowledgeUpTo(5);
            await(() -> spool.depth() == 6, "room again");
            assertThat(spool.offer("t", "k", payload)).isTrue();
        }
    }

    @Test
    void aSecondProcessOnTheSameSpoolIsRefusedWithAMessage() {
        try (Spool spool = Spool.open(dir, 1_000_000)) {
            assertThatThrownBy(() -> Spool.open(dir, 1_000_000)).hasMessageContaining(dir.toString())
                    .hasMessageContaining("in use by another edge collector");
        }
    }

    @Test
    void aFullDiskRefusesNewReadingsUntilCommitsSucceedAgainAndKeepsEveryAcceptedOne() throws Exception {
        // A real full file system: a 4 MB tmpfs (needs root; elsewhere this test is skipped and says why).
        Path mount = java.nio.file.Files.createDirectories(dir.resolve("small-disk"));
        Process mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mounted.waitFor() == 0,
                "cannot mount a small tmpfs here (not root?): " + new String(mounted.getInputStream().readAllBytes()));
        try {
            byte[] payload = new byte[4_000];
            Path ballast = mount.resolve("ballast");
            try (Spool spool = Spool.open(mount.resolve("spool"), 100_000_000)) {
                for (int i = 0; i < 10; i++) assertThat(spool.offer("t", "k", payload)).isTrue();
                await(() -> spool.newestCommittedId() == 10, "first records committed");
                // Another process fills the disk.
                try (var out = java.nio.file.Files.newOutputStream(ballast)) {
                    byte[] mb = new byte[64 * 1024];
                    while (true) out.write(mb);
                } catch (java.io.IOException full) {
                    // No space left: the disk is full now.
                }
                int accepted = 10;
                while (spool.commitFailure() == null) {
                    if (spool.offer("t", "k", payload)) accepted++;
                    Thread.sleep(5);
                    if (accepted > 2_000) throw new AssertionError("commits never failed on a full disk");
                }
                assertThat(spool.commitFailure()).as("why commits fail").containsIgnoringCase("full");
                assertThat(spool.offer("t", "k", payload)).as("refused while the disk is full").isFalse();
                assertThat(spool.hasRoom()).isFalse();
                assertThat(spool.refused()).isPositive();
                // The disk has room again: what was accepted is committed, new readings are taken again.
                java.nio.file.Files.delete(ballast);
                await(() -> spool.commitFailure() == null, "commits succeed again");
                int held = accepted;
                await(() -> spool.newestCommittedId() == held, "every accepted record committed");
                assertThat(spool.offer("t", "k", payload)).isTrue();
                assertThat(spool.read(0, 10_000)).hasSize(accepted);
                assertThat(spool.commitFailures()).isPositive();
            }
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
        }
    }

    @Test
    void aFileSqliteCannotReadIsMovedAsideAndANewSpoolTakesRecords() throws Exception {
        java.nio.file.Files.write(dir.resolve("spool.db"), "not a database ".repeat(500).getBytes(StandardCharsets.UTF_8));
        try (Spool spool = Spool.open(dir, 1_000_000)) {
            assertThat(spool.movedAside()).startsWith(dir.resolve("spool.db.corrupt-").toString());
            assertThat(Path.of(spool.movedAside())).isRegularFile();
            assertThat(spool.offer("t", "k", bytes("r"))).isTrue();
            await(() -> spool.newestCommittedId() == 1, "committed in the new file");
        }
        try (Spool reopened = Spool.open(dir, 1_000_000)) {
            assertThat(reopened.movedAside()).as("the new file is sound").isNull();
            assertThat(reopened.depth()).isEqualTo(1);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 10 s: " + what);
            Thread.sleep(10);
        }
    }
}
