package io.plumeline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.telemetry.ReadingJson;
import io.plumeline.edge.session.Pki;
import io.plumeline.edge.session.ServerConnection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the collector protects an OPC UA password (security review H8), against real Milo servers: username over
 * securityPolicy None is refused at load unless the server entry allows insecure credentials, which is warned
 * about; a password is never encrypted to, or sent over a channel with, a server certificate the trust list
 * lacks; the optional certificate checks are made unless a server entry skips them.
 */
class CredentialsTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    /** The secured server's certificate names this host only, not 127.0.0.1 that the collector connects to. */
    private static final String OTHER_HOST = "dcs-elsewhere.plumeline.invalid";

    @TempDir
    static Path dir;

    private static TestOpcUaServer clear;
    private static TestOpcUaServer secured;
    private static Path password;

    @BeforeAll
    static void startServers() throws Exception {
        SharedKafka.broker();
        clear = TestOpcUaServer.start();
        secured = TestOpcUaServer.startSecured(OTHER_HOST);
        password = Files.writeString(dir.resolve("password"), TestOpcUaServer.PASSWORD + "\n");
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (clear != null) clear.close();
        if (secured != null) secured.close();
    }

    @Test
    void usernameOverSecurityPolicyNoneIsRefusedAtLoadWithItsPath() {
        Path site = new TestSite(clear.endpointUrl()).tag("c1.flow", "s=c1/Flow", 200).usernameAuth(password)
                .allowInsecureCredentials(false).writeTo(dir.resolve("c1.yaml"));
        StringWriter err = new StringWriter();
        int exit = EdgeCollector.commandLine().setErr(new PrintWriter(err))
                .execute("--site", site.toString(), "--kafka", brokers(), "--http-port", "0");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("c1.yaml", "servers[0].auth", "username authentication over securityPolicy None",
                "allowInsecureCredentials: true");
    }

    @Test
    void usernameOverNoneIsCollectedWhenTheServerAllowsInsecureCredentialsAndThePasswordInClearIsWarnedAbout()
            throws Exception {
        PushNamespace ns = clear.namespace();
        NodeId flow = ns.addVariable("c2/Flow", NodeIds.Double, true);
        Path site = new TestSite(clear.endpointUrl()).tag("c2.flow", "s=c2/Flow", 200).usernameAuth(password)
                .writeTo(dir.resolve("c2.yaml"));
        String topic = SharedKafka.topic("c2");
        try (CapturedLog log = new CapturedLog(ServerConnection.class);
             Collector collector = start(site, topic, "c2");
             TelemetryTopic records = new TelemetryTopic(brokers(), topic)) {
            ns.awaitMonitored(WAIT, flow);
            ns.push(flow, value(4.5));
            assertThat(ReadingJson.parse(records.await(1, WAIT).get(0).value()).value()).isEqualTo(4.5);
            assertThat(clear.passwordsReceived()).isPositive();
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("server " + TestSite.SERVER_ID, "allowInsecureCredentials", "user 'operator'"));
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("does not encrypt the password", "in clear"));
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("securityPolicy None", "neither signed nor encrypted"));
        }
    }

    @Test
    void aPasswordIsNotEncryptedToAServerCertificateTheTrustListLacks() throws Exception {
        // SecurityPolicy None with a token policy that encrypts the password: Milo's (String, Supplier) provider
        // encrypted it to whatever certificate the unauthenticated endpoint list named.
        Path site = new TestSite(secured.endpointUrl()).tag("c3.flow", "s=c3/Flow", 200).usernameAuth(password)
                .writeTo(dir.resolve("c3.yaml"));
        assertRefusedUntrusted(site, "c3");
    }

    @Test
    void usernameOverBasic256Sha256ToAServerWithAnUntrustedCertificateIsRefused() throws Exception {
        Path site = new TestSite(secured.endpointUrl()).tag("c4.flow", "s=c4/Flow", 200).usernameAuth(password)
                .security("Basic256Sha256", "SignAndEncrypt").writeTo(dir.resolve("c4.yaml"));
        assertRefusedUntrusted(site, "c4");
    }

    @Test
    void aTrustedCertificateThatDoesNotNameTheHostIsRefusedUnlessTheServerEntrySkipsTheHostnameCheck() throws Exception {
        Path pki = dir.resolve("pki-c5");
        Pki.open(pki);
        Path certificate = Files.write(dir.resolve("c5-server.der"), secured.certificate().getEncoded());
        Pki.trust(pki, certificate);
        PushNamespace ns = secured.namespace();
        NodeId flow = ns.addVariable("c5/Flow", NodeIds.Double, true);
        TestSite spec = new TestSite(secured.endpointUrl()).tag("c5.flow", "s=c5/Flow", 200).usernameAuth(password)
                .security("Basic256Sha256", "SignAndEncrypt");
        int passwordsBefore = secured.passwordsReceived();
        try (Collector collector = start(spec.writeTo(dir.resolve("c5.yaml")), SharedKafka.topic("c5"), pki)) {
            ServerCollector server = collector.servers().get(0);
            awaitTrue(() -> server.fatalProblem() != null, "the certificate refused");
            assertThat(server.fatalProblem()).contains("does not name the host 127.0.0.1",
                    "Bad_CertificateHostNameInvalid", "skipCertificateChecks: [hostname]");
        }
        assertThat(secured.passwordsReceived()).isEqualTo(passwordsBefore);

        String topic = SharedKafka.topic("c5-skipped");
        Path skipping = spec.skipCertificateChecks("[hostname]").writeTo(dir.resolve("c5-skipped.yaml"));
        try (CapturedLog log = new CapturedLog(ServerConnection.class);
             Collector collector = start(skipping, topic, pki);
             TelemetryTopic records = new TelemetryTopic(brokers(), topic)) {
            ns.awaitMonitored(WAIT, flow);
            ns.push(flow, value(6.0));
            assertThat(ReadingJson.parse(records.await(1, WAIT).get(0).value()).value()).isEqualTo(6.0);
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("skipCertificateChecks [hostname]"));
        }
    }

    /** Refused for good with the way to trust the certificate, and no password reached the server. */
    private static void assertRefusedUntrusted(Path site, String name) throws Exception {
        int passwordsBefore = secured.passwordsReceived();
        Path pki = dir.resolve("pki-" + name);
        try (Collector collector = start(site, SharedKafka.topic(name), pki)) {
            ServerCollector server = collector.servers().get(0);
            awaitTrue(() -> server.fatalProblem() != null, "the certificate refused");
            assertThat(server.fatalProblem()).contains("does not trust", "EdgeCollector trust --pki " + pki);
            assertThat(collector.itemsCreated()).isZero();
        }
        assertThat(secured.passwordsReceived()).as("passwords that reached the server").isEqualTo(passwordsBefore);
        try (var rejected = Files.list(pki.resolve("rejected"))) {
            assertThat(rejected.toList()).as("the refused certificate, kept to be trusted").hasSize(1);
        }
    }

    private static Collector start(Path site, String topic, String name) {
        return start(site, topic, dir.resolve("pki-" + name));
    }

    private static Collector start(Path site, String topic, Path pki) {
        Collector collector = new Collector(SiteModelLoader.load(site),
                CollectorSettings.of(brokers(), topic, dir.resolve("spool-" + site.getFileName()), pki));
        collector.start();
        return collector;
    }

    private static DataValue value(double v) {
        Instant now = Instant.now();
        return DataValue.newValue().setValue(new Variant(v)).setStatus(StatusCode.GOOD)
                .setSourceTime(new DateTime(now)).setServerTime(new DateTime(now)).build();
    }

    private static String brokers() {
        return SharedKafka.broker().bootstrapServers();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + WAIT + ": " + what);
            Thread.sleep(50);
        }
    }
}
