package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalStackTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aModuleThatIsNotBuiltStopsTheRunBeforeAnythingStartsAndSaysHowToBuildIt() throws Exception {
        Path site = TestSites.site(home, "site.yaml", 4840, 4841);

        int exit = run("--home", home.toString(), "run", "--site", site.toString(), "--for", "5s");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("FAILED: flink-jobs is not built: " + home.resolve("flink-jobs/target/classes"))
                .contains("./plumeline demo or run builds it")
                .contains("result               FAILED")
                .doesNotContain("Stopping:");
        assertThat(home.resolve(".plumeline/influxdb")).doesNotExist();
    }

    @Test
    void aMissingSiteModelIsNamed() {
        int exit = run("--home", home.toString(), "run", "--site", home.resolve("nowhere.yaml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the site model " + home.resolve("nowhere.yaml") + " does not exist");
    }

    @Test
    void anInvalidSiteModelIsRefusedWithWhereTheMistakeIs() throws Exception {
        Path site = TestSites.site(home, "bad.yaml", 4840, 4841);
        Files.writeString(site, Files.readString(site).replaceFirst("uom: Nm3/h", "uom: Nm3/hr"));

        int exit = run("--home", home.toString(), "run", "--site", site.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(site.toString()).contains("Nm3/hr");
    }

    @Test
    void aBadDurationIsRefusedWithAnExample() {
        int exit = run("--home", home.toString(), "demo", "--for", "ten minutes");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'ten minutes' is not a duration").contains("10m");
    }

    @Test
    void aSpeedBelowOneIsRefused() {
        int exit = run("--home", home.toString(), "demo", "--speed", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--speed must be 1 or more, not 0")
                .contains("Usage: plumeline demo");
    }

    private int run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new CommandLine(new LocalStack()).execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
