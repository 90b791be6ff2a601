package io.plumeline.flink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxCredentialsTest {

    @TempDir
    Path dir;

    private static String decoded(InfluxCredentials credentials) {
        String header = credentials.authorization().orElseThrow();
        assertThat(header).startsWith("Basic ");
        return new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    }

    @Test
    void thePasswordFileIsReadWithoutItsLineBreakAndAgainAfterARefusal() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "old secret\n");
        InfluxCredentials credentials = InfluxCredentials.fromFile("plumeline", file);
        assertThat(decoded(credentials)).isEqualTo("plumeline:old secret");

        Files.writeString(file, "new secret\r\n");
        assertThat(decoded(credentials)).as("read once, not per request").isEqualTo("plumeline:old secret");
        credentials.reload();
        assertThat(decoded(credentials)).isEqualTo("plumeline:new secret");
    }

    @Test
    void aFileThatGoesAwayKeepsTheLastPassword() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "secret");
        InfluxCredentials credentials = InfluxCredentials.fromFile("plumeline", file);
        credentials.authorization();
        Files.delete(file);
        credentials.reload();
        assertThat(decoded(credentials)).isEqualTo("plumeline:secret");
    }

    @Test
    void aMissingOrEmptyFileIsAnErrorNamingTheOptionAndTheFile() throws Exception {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> InfluxCredentials.fromFile("plumeline", missing))
                .hasMessageContaining("--influx-password-file").hasMessageContaining(missing.toString());
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> InfluxCredentials.fromFile("plumeline", empty))
                .hasMessageContaining("--influx-password-file").hasMessageContaining("is empty");
        assertThatThrownBy(() -> InfluxCredentials.fromFile(" ", empty)).hasMessageContaining("--influx-user");
    }

    @Test
    void withoutAUserNoHeaderIsSentAndThePasswordIsNeverShown() throws Exception {
        assertThat(InfluxCredentials.none().authorization()).isEmpty();
        Path file = Files.writeString(dir.resolve("password"), "secret");
        assertThat(InfluxCredentials.fromFile("plumeline", file).describe())
                .contains("plumeline").contains(file.toString()).doesNotContain("secret");
    }
}
