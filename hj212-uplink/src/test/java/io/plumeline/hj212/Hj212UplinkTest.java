package io.plumeline.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The uplink's options refused before anything starts: exit code 2 and one line naming the option. */
class Hj212UplinkTest {

    @TempDir
    Path dir;

    private String refusal(String... options) throws Exception {
        Path site = Path.of(Hj212UplinkTest.class.getResource("/cn-site.yaml").toURI());
        List<String> args = new ArrayList<>(List.of("--site", site.toString(), "--influx", "http://127.0.0.1:1",
                "--platform", "provincial=127.0.0.1:1", "--password-file", "provincial=" + Files.writeString(dir.resolve("pw"), "123456"),
                "--spool-dir", dir.resolve("spool").toString()));
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        CommandLine cli = Hj212Uplink.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute(args.toArray(String[]::new))).isEqualTo(2);
        return err.toString().strip();
    }

    @Test
    void refusesAPacketItDoesNotMakeARealTimeIntervalTheStandardDoesNotAllowAReferenceO2ForNoStackAndAnUnknownTimeCalibration() throws Exception {
        assertThat(refusal("--packets", "2051,2041"))
                .isEqualTo("hj212-uplink: --packets 2041: one of 2011 (real-time), 2031 (day), 2051 (minute), 2061 (hour)");
        assertThat(refusal("--realtime-interval", "PT10S"))
                .isEqualTo("hj212-uplink: --realtime-interval PT10S: HJ 212-2017 allows whole seconds from 30 to 3600 (RtdInterval)");
        assertThat(refusal("--reference-o2", "boiler-9.stack=6"))
                .isEqualTo("hj212-uplink: site model: --reference-o2 boiler-9.stack: no source with an hj212 block has this id");
        assertThat(refusal("--time-calibration", "shift"))
                .isEqualTo("hj212-uplink: --time-calibration shift: accept or refuse");
    }

    @Test
    void asksForItsRequiredOptionsButTheReceiveModeNeedsNone() {
        StringWriter err = new StringWriter();
        CommandLine cli = Hj212Uplink.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("--spool-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("hj212-uplink: missing required options: --site=FILE, --influx=URL,"
                + " --platform=ID=HOST:PORT, --password-file=ID=FILE");

        StringWriter out = new StringWriter();
        CommandLine receive = Hj212Uplink.commandLine();
        receive.setOut(new PrintWriter(out, true));
        assertThat(receive.execute("receive", "--help")).isZero();
        assertThat(out.toString()).contains("--port=PORT");
    }

    /** picocli formats descriptions with String.format: a bare % makes it warn on standard error and print them raw. */
    @Test
    void itsHelpFormatsEveryDescription() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            CommandLine cli = Hj212Uplink.commandLine();
            cli.setOut(new PrintWriter(out, true));
            assertThat(cli.execute("--help")).isZero();
        } finally {
            System.setErr(stderr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString()).contains("the reference O2 (vol%) a source's concentrations");
    }
}
