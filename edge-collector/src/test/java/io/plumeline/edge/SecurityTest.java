package io.plumeline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.site.SiteModelLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secured endpoints served by the plant simulator (a real process): Basic256Sha256 and Aes256_Sha256_RsaPss
 * with SignAndEncrypt and username/password, Aes128_Sha256_RsaOaep with Sign and anonymous. The server certificate has to be trusted first; a wrong password,
 * an untrusted certificate and a broken configuration each stop the collector with a message.
 */
class SecurityTest {

    private static final String PASSWORD = "S3cret-edge-Passw0rd";

    @TempDir
    static Path dir;

    /** Under target/, so that the simulator's log outlives the test's temporary folder. */
    private static final Path LOG = Path.of("target", "collector-logs", "SecurityTest-simulator.log");

    private static Process simulator;
    private static Path site;
    private static int port1;
    private static int port2;
    private static int port3;

    @BeforeAll
    static void startSimulator() throws Exception {
        port1 = TestOpcUaServer.freePort();
        port2 = TestOpcUaServer.freePort();
        port3 = TestOpcUaServer.freePort();
        site = writeSite("secure.yaml", Files.writeString(dir.resolve("password"), PASSWORD + "\n"));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.createDirectories(LOG.getParent());
        simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classpath, "io.plumeline.simulator.PlantSimulator", "--site", site.toString(),
                "--server", "dcs-1", "--server", "dcs-2", "--server", "dcs-3", "--pki", dir.resolve("simulator-pki").toString(),
                "--trust-all-clients").redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(LOG).contains("PlantSimulator ready")) {
            if (!simulator.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the plant simulator did not start: " + Files.readString(LOG));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        if (simulator != null) {
            simulator.destroy();
            if (!simulator.waitFor(20, TimeUnit.SECONDS)) simulator.destroyForcibly();
        }
    }

    @Test
    void anUntrustedServerIsRefusedUntilTrustedThenUsernameAndPasswordWorkOverSignAndEncrypt() throws Exception {
        Path pki = dir.resolve("pki");
        Run refused = run("--site", site.toString(), "--kafka", brokers(), "--pki", pki.toString(),
                "--spool-dir", dir.resolve("spool-refused").toString(), "--http-port", "0", "--server", "dcs-1");
        assertThat(refused.exit).isEqualTo(2);
        List<Path> rejected;
        try (Stream<Path> files = Files.list(pki.resolve("rejected"))) {
            rejected = files.toList();
        }
        assertThat(rejected).hasSize(1);
        assertThat(refused.err).contains("server dcs-1", "does not trust", "EdgeCollector trust --pki " + pki,
                "--server-cert " + rejected.get(0));
        assertThat(pki.resolve("own/collector.pfx")).isRegularFile();
        assertThat(pki.resolve("own/collector.der")).isRegularFile();

        Run trusted = run("trust", "--pki", pki.toString(), "--server-cert", rejected.get(0).toString());
        assertThat(trusted.exit).as(trusted.err).isZero();
        assertThat(trusted.out).contains("trusted " + pki.resolve("trusted/certs"));
        assertThat(rejected.get(0)).doesNotExist();
        // The other servers' certificates as their administrator would hand them over.
        for (String server : List.of("dcs-2", "dcs-3")) {
            assertThat(run("trust", "--pki", pki.toString(), "--server-cert",
                    dir.resolve("simulator-pki/own/" + server + ".der").toString()).exit).isZero();
        }

        String topic = SharedKafka.topic("secure");
        try (Collector collector = new Collector(SiteModelLoader.load(site),
                CollectorSettings.of(brokers(), topic, dir.resolve("spool-ok"), pki));
             TelemetryTopic records = new TelemetryTopic(brokers(), topic)) {
            collector.start();
            List<String> tags = records.await(30, Duration.ofSeconds(40)).stream().map(ConsumerRecord::key).distinct().toList();
            assertThat(tags).containsExactlyInAnyOrder("heater-1.fuel_gas_flow", "heater-2.fuel_gas_flow",
                    "heater-3.fuel_gas_flow");
            assertThat(collector.problems()).isEmpty();
        }
    }

    @Test
    void aWrongPasswordStopsTheCollectorWithAMessageThatNamesThePasswordFileButNotThePassword() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-the-password");
        Path wrongSite = writeSite("wrong.yaml", wrong);
        Path pki = dir.resolve("pki-wrong");
        Files.createDirectories(pki.resolve("trusted/certs"));
        Files.copy(dir.resolve("simulator-pki/own/dcs-1.der"), pki.resolve("trusted/certs/dcs-1.der"));
        Run run = run("--site", wrongSite.toString(), "--kafka", brokers(), "--pki", pki.toString(),
                "--spool-dir", dir.resolve("spool-wrong").toString(), "--http-port", "0", "--server", "dcs-1");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("server dcs-1", "refused the user 'operator'", wrong.toString())
                .doesNotContain("not-the-password").doesNotContain(PASSWORD);
    }

    @Test
    void aBrokenConfigurationStopsTheStartWithAMessageNamingWhatAndWhere() throws Exception {
        Path badUnit = Files.writeString(dir.resolve("bad-unit.yaml"), Files.readString(site).replace("uom: Nm3/h", "uom: Nm3/hr"));
        Run unit = run("--site", badUnit.toString(), "--kafka", brokers(), "--http-port", "0");
        assertThat(unit.exit).isEqualTo(2);
        assertThat(unit.err).contains("Nm3/hr", "tags[0].uom");

        Path badPair = Files.writeString(dir.resolve("bad-pair.yaml"),
                Files.readString(site).replaceFirst("securityMode: SignAndEncrypt", "securityMode: None"));
        Run pair = run("--site", badPair.toString(), "--kafka", brokers(), "--http-port", "0",
                "--spool-dir", dir.resolve("spool-pair").toString());
        assertThat(pair.exit).isEqualTo(2);
        assertThat(pair.err).contains("bad-pair.yaml", "servers[0]", "Basic256Sha256", "securityMode None");

        Run missing = run("--kafka", brokers());
        assertThat(missing.exit).isEqualTo(2);
        assertThat(missing.err).contains("--site");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EdgeCollector.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path writeSite(String name, Path passwordFile) throws Exception {
        String yaml = String.join("\n",
                "apiVersion: plumeline/v1",
                "site: {id: secure-edge, name: Secure edge, timezone: UTC, program: EPA_PART98, gwp: AR5}",
                "servers:",
                "  - id: dcs-1",
                "    endpoint: opc.tcp://127.0.0.1:" + port1 + "/plumeline",
                "    securityPolicy: Basic256Sha256",
                "    securityMode: SignAndEncrypt",
                "    auth: {type: username, username: operator, passwordFile: \"" + passwordFile + "\"}",
                "  - id: dcs-2",
                "    endpoint: opc.tcp://127.0.0.1:" + port2 + "/plumeline",
                "    securityPolicy: Aes256_Sha256_RsaPss",
                "    securityMode: SignAndEncrypt",
                "    auth: {type: username, username: operator, passwordFile: \"" + passwordFile + "\"}",
                "  - id: dcs-3",
                "    endpoint: opc.tcp://127.0.0.1:" + port3 + "/plumeline",
                "    securityPolicy: Aes128_Sha256_RsaOaep",
                "    securityMode: Sign",
                "    auth: {type: anonymous}",
                "units:",
                "  - {id: heater-1, name: Heater 1}",
                "tags:",
                "  - {id: heater-1.fuel_gas_flow, unit: heater-1, server: dcs-1, node: \"nsu=urn:plumeline:test:dcs;s=Plant/H1/FuelGasFlow\", uom: Nm3/h, samplingMs: 200, valid: {min: 0, max: 5000}}",
                "  - {id: heater-2.fuel_gas_flow, unit: heater-1, server: dcs-2, node: \"nsu=urn:plumeline:test:dcs;s=Plant/H2/FuelGasFlow\", uom: Nm3/h, samplingMs: 200, valid: {min: 0, max: 5000}}",
                "  - {id: heater-3.fuel_gas_flow, unit: heater-1, server: dcs-3, node: \"nsu=urn:plumeline:test:dcs;s=Plant/H3/FuelGasFlow\", uom: Nm3/h, samplingMs: 200, valid: {min: 0, max: 5000}}",
                "");
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static String brokers() {
        return SharedKafka.broker().bootstrapServers();
    }
}
