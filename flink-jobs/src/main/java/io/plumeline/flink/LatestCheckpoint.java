package io.plumeline.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The newest complete checkpoint under a local checkpoint directory ({@code <dir>/<job id>/chk-N/_metadata}):
 * a checkpoint directory without {@code _metadata} was cut short and cannot be restored.
 */
final class LatestCheckpoint {

    private LatestCheckpoint() {
    }

    static Optional<Path> in(URI checkpointDir) {
        if (!"file".equals(checkpointDir.getScheme())) return Optional.empty();
        Path root = Path.of(checkpointDir);
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> jobs = Files.list(root)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(LatestCheckpoint::checkpointsOf)
                    .filter(chk -> Files.isRegularFile(chk.resolve("_metadata")))
                    .max(Comparator.comparing(LatestCheckpoint::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + root, e);
        }
    }

    private static Stream<Path> checkpointsOf(Path jobDir) {
        try (Stream<Path> children = Files.list(jobDir)) {
            return children.filter(p -> p.getFileName().toString().startsWith("chk-")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + jobDir, e);
        }
    }

    private static FileTime modified(Path checkpoint) {
        try {
            return Files.getLastModifiedTime(checkpoint.resolve("_metadata"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
