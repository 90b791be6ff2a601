package io.plumeline.hj212.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSpoolTest {

    @TempDir
    Path dir;

    @Test
    void keepsWhatIsNotAcknowledgedAcrossAReopenInOrder() throws Exception {
        try (FileSpool spool = new FileSpool(dir, 1 << 20)) {
            spool.append("one");
            spool.append("two");
            spool.append("three");
            assertThat(spool.head(0)).contains("one");
            spool.ack();
        }
        try (FileSpool spool = new FileSpool(dir, 1 << 20)) {
            assertThat(spool.pending()).containsExactly("two", "three");
            assertThat(spool.last()).contains("three");
        }
    }

    /** A crash in the middle of a write leaves "fo" without its line break: it was never spooled, so it goes. */
    @Test
    void dropsALineCutShortByACrash() throws Exception {
        try (FileSpool spool = new FileSpool(dir, 1 << 20)) {
            spool.append("one");
        }
        Files.writeString(dir.resolve("packets-0.log"), "fo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileSpool spool = new FileSpool(dir, 1 << 20)) {
            assertThat(spool.pending()).containsExactly("one");
            spool.append("four");
            assertThat(spool.pending()).containsExactly("one", "four");
        }
        assertThat(Files.readString(dir.resolve("packets-0.log"))).isEqualTo("one\nfour\n");
    }

    /** "one\n" + "two\n" = 8 bytes ≥ the 8-byte bound: once both are acknowledged, generation 1 starts empty. */
    @Test
    void startsANewGenerationWhenEverythingIsAcknowledgedAndTheLogIsLarge() throws Exception {
        try (FileSpool spool = new FileSpool(dir, 8)) {
            spool.append("one");
            spool.append("two");
            spool.ack();
            assertThat(Files.exists(dir.resolve("packets-0.log"))).isTrue();
            spool.ack();
            spool.append("three");
        }
        assertThat(Files.exists(dir.resolve("packets-0.log"))).isFalse();
        assertThat(Files.readString(dir.resolve("acked"))).isEqualTo("1 0");
        try (FileSpool spool = new FileSpool(dir, 8)) {
            assertThat(spool.pending()).containsExactly("three");
        }
    }
}
