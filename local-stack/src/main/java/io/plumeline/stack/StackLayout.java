package io.plumeline.stack;

import java.nio.file.Path;

/** Where a local stack keeps its data and logs: {@code <repository>/.plumeline/}. */
public record StackLayout(Path repository) {

    public StackLayout {
        repository = repository.toAbsolutePath().normalize();
    }

    public Path root() {
        return repository.resolve(".plumeline");
    }

    public Path influxData() {
        return root().resolve("influxdb");
    }

    public Path kafkaData() {
        return root().resolve("kafka");
    }

    public Path flinkData() {
        return root().resolve("flink");
    }

    public Path checkpoints() {
        return flinkData().resolve("checkpoints");
    }

    public Path logs() {
        return root().resolve("logs");
    }

    public Path log(String service) {
        return logs().resolve(service + ".log");
    }

    /** A service's java.io.tmpdir, so what it leaves behind (Flink's RPC jars, minicluster folders) is ours to delete. */
    public Path tmp(String service) {
        return root().resolve("tmp").resolve(service);
    }
}
