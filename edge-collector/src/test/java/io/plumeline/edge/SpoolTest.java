package io.plumeline.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.edge.Spool.Stored;
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
