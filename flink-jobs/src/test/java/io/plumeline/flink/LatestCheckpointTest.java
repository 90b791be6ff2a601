package io.plumeline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestCheckpointTest {

    @TempDir
    Path dir;

    private Path checkpoint(String job, String chk, Instant written, boolean complete) throws Exception {
        Path path = Files.createDirectories(dir.resolve(job).resolve(chk));
        if (complete) {
            Files.writeString(path.resolve("_metadata"), "m");
            Files.setLastModifiedTime(path.resolve("_metadata"), FileTime.from(written));
        }
        return path;
    }

    @Test
    void theNewestCompleteCheckpointOfAnyJobIsChosen() throws Exception {
        Instant t = Instant.parse("2026-11-26T04:00:00Z");
        checkpoint("job-a", "chk-7", t, true);
        Path newest = checkpoint("job-b", "chk-2", t.plusSeconds(60), true);
        checkpoint("job-b", "chk-3", t.plusSeconds(120), false);
        Files.createDirectories(dir.resolve("job-b").resolve("shared"));

        assertThat(LatestCheckpoint.in(dir.toUri())).contains(newest);
    }

    @Test
    void nothingToResumeFromWhenTheFolderIsEmptyMissingOrRemote() throws Exception {
        assertThat(LatestCheckpoint.in(dir.toUri())).isEmpty();
        assertThat(LatestCheckpoint.in(dir.resolve("missing").toUri())).isEmpty();
        assertThat(LatestCheckpoint.in(java.net.URI.create("s3://bucket/checkpoints"))).isEmpty();
    }
}
