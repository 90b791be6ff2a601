package io.plumeline.stack;

import java.nio.file.Path;

/**
 * Where a local stack keeps its data and logs: {@code <repository>/.plumeline/}, each site's data in its own
 * folder {@code sites/<site id>/}, so that a run of one site model never reads what another one left.
 */
public record StackLayout(Path repository, String siteId) {

    public StackLayout {
        repository = repository.toAbsolutePath().normalize();
    }

    public Path root() {
        return repository.resolve(".plumeline");
    }

    /** This site's data: InfluxDB, Kafka and Flink's checkpoints. */
    public Path siteData() {
        return root().resolve("sites").resolve(siteId);
    }

    public Path influxData() {
        return siteData().resolve("influxdb");
    }

    public Path kafkaData() {
        return siteData().resolve("kafka");
    }

    public Path flinkData() {
        return siteData().resolve("flink");
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
