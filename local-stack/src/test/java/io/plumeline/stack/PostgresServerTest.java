package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Debian's PostgreSQL started with a cluster of its own (the reporting service's tests talk SQL to it). */
class PostgresServerTest {

    @Test
    void startsOnLoopbackOnAFreePortAndRemovesItsClusterWhenClosed() throws Exception {
        Path dir;
        long pid;
        try (PostgresServer postgres = PostgresServer.startTemporary()) {
            dir = postgres.dataDir();
            pid = postgres.process().pid();
            assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
            assertThat(Ports.isFree("127.0.0.1", postgres.port())).isFalse();
            assertThat(Files.isDirectory(dir.resolve("data"))).isTrue();
            assertThat(Files.readString(postgres.logFile())).contains("database system is ready to accept connections");
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }
}
