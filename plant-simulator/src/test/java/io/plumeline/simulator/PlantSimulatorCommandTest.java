package io.plumeline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input stops the simulator before it listens, with exit code 2 and one message naming what and where. */
class PlantSimulatorCommandTest {

    @TempDir
    Path dir;

    @Test
    void unknownFaultTagIsRefused() throws Exception {
        Result result = run("--site", TestSites.siteWithFreePorts(dir).toString(), "--fault", "heater-1.nox:1-2");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("--fault heater-1.nox:1-2").contains("serve no tag 'heater-1.nox'");
    }

    @Test
    void faultOnATagOfAnotherServerIsRefused() throws Exception {
        Result result = run("--site", TestSites.siteWithFreePorts(dir).toString(), "--fault", "boiler-1.stack_temp:0-1");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("servers [dcs-1] serve no tag 'boiler-1.stack_temp'");
    }

    @Test
    void reversedFaultRangeIsRefused() throws Exception {
        Result result = run("--site", TestSites.siteWithFreePorts(dir).toString(), "--fault", "heater-1.fuel_gas_flow:5-2");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("--fault").contains("5-2");
    }

    @Test
    void badProfilesFileIsRefusedWithItsPath() throws Exception {
        Path profiles = Files.writeString(dir.resolve("profiles.yaml"), "heater-1.fuel_gas_flow: {shape: sine, mean: x}\n");

        Result result = run("--site", TestSites.siteWithFreePorts(dir).toString(), "--profiles", profiles.toString());

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains(profiles.toString()).contains("heater-1.fuel_gas_flow.mean: must be a number");
    }

    @Test
    void unknownServerAndNonPositiveSpeedAreRefused() throws Exception {
        Path site = TestSites.siteWithFreePorts(dir);

        Result server = run("--site", site.toString(), "--server", "dcs-9");
        Result speed = run("--site", site.toString(), "--speed", "0");

        assertThat(server.exit).isEqualTo(2);
        assertThat(server.err).contains("--server dcs-9").contains("[dcs-1, dcs-2]");
        assertThat(speed.exit).isEqualTo(2);
        assertThat(speed.err).contains("--speed must be a positive number");
    }

    @Test
    void brokenSiteModelIsRefusedWithItsPath() throws Exception {
        Path site = Files.writeString(dir.resolve("site.yaml"), "apiVersion: plumeline/v0\n");

        Result result = run("--site", site.toString());

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains(site.toString()).contains("apiVersion");
    }

    @Test
    void passwordEnvironmentVariableThatIsNotSetIsRefused() throws Exception {
        Path secure = TestSites.secureSiteWithFreePorts(dir, "unused");
        Path site = Files.writeString(dir.resolve("env-site.yaml"), Files.readString(secure)
                .replaceAll("passwordFile: \"[^\"]*\"", "passwordEnv: PLUMELINE_SIMULATOR_TEST_UNSET"));

        Result result = run("--site", site.toString(), "--pki", dir.resolve("pki").toString());

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("server 'dcs-1': auth.passwordEnv PLUMELINE_SIMULATOR_TEST_UNSET is not set");
    }

    @Test
    void epochIsRefusedWithAwaitItemsOrWhenUnreadable() throws Exception {
        Path site = TestSites.siteWithFreePorts(dir);

        Result both = run("--site", site.toString(), "--epoch", "1767225600000", "--await-items", "3");
        Result unreadable = run("--site", site.toString(), "--epoch", "yesterday");
        Result history = run("--site", site.toString(), "--history", "0");

        assertThat(both.exit).isEqualTo(2);
        assertThat(both.err).contains("--await-items and --epoch exclude each other");
        assertThat(unreadable.exit).isEqualTo(2);
        assertThat(unreadable.err).contains("--epoch").contains("'yesterday' is neither an ISO instant");
        assertThat(history.exit).isEqualTo(2);
        assertThat(history.err).contains("--history must be at least 1");
    }

    @Test
    void epochIsAnIsoInstantOrUnixMillisecondsAndTheDefaultStart() {
        SimulatorSettings millis = PlantSimulator.settings("--site", "site.yaml", "--epoch", "1767225600000");
        SimulatorSettings iso = PlantSimulator.settings("--site", "site.yaml", "--epoch", "2026-01-01T00:00:00Z",
                "--start", "2025-06-01T00:00:00Z");

        assertThat(millis.epoch()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(millis.start()).isEqualTo(millis.epoch());
        assertThat(iso.epoch()).isEqualTo(millis.epoch());
        assertThat(iso.start()).isEqualTo(java.time.Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(millis.pki()).isEqualTo(Path.of(".plumeline/simulator-pki"));
        assertThat(millis.history()).isEqualTo(100_000);
    }

    private record Result(int exit, String err) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = PlantSimulator.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, err.toString());
    }
}
