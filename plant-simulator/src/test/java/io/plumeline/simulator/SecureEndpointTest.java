package io.plumeline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secured endpoints as the site model names them, with a real Milo client: the server's certificate is made
 * on first start and kept in the PKI folder, users need the password the site model points at, and client
 * certificates are accepted only from trusted/certs/.
 */
class SecureEndpointTest {

    private static final String PASSWORD = "s3cret-Passw0rd";

    @TempDir
    static Path dir;

    private static Path pki;
    private static Simulation simulation;
    private static TestClients.Application trustedClient;
    private static X509Certificate dcs1Certificate;
    private static X509Certificate dcs2Certificate;

    @BeforeAll
    static void start() throws Exception {
        Path site = TestSites.secureSiteWithFreePorts(dir, PASSWORD);
        pki = dir.resolve("pki");
        trustedClient = TestClients.Application.create("trusted-client");
        Files.createDirectories(pki.resolve("trusted/certs"));
        Files.write(pki.resolve("trusted/certs/trusted-client.der"), trustedClient.certificate().getEncoded());
        simulation = Simulation.start(PlantSimulator.settings("--site", site.toString(), "--server", "dcs-1",
                "--server", "dcs-2", "--pki", pki.toString(), "--speed", "60"));
        dcs1Certificate = TestClients.certificate(pki.resolve("own/dcs-1.der"));
        dcs2Certificate = TestClients.certificate(pki.resolve("own/dcs-2.der"));
    }

    @AfterAll
    static void stop() {
        if (simulation != null) simulation.close();
    }

    @Test
    void pkiFolderHoldsOwnTrustedAndRejected() {
        assertThat(pki.resolve("own/dcs-1.pfx")).isRegularFile();
        assertThat(pki.resolve("own/dcs-2.pfx")).isRegularFile();
        assertThat(pki.resolve("trusted/certs")).isDirectory();
        assertThat(pki.resolve("rejected")).isDirectory();
        assertThat(dcs1Certificate).isNotEqualTo(dcs2Certificate);
    }

    @Test
    void userWithThePasswordReadsOverBasic256Sha256SignAndEncrypt() throws Exception {
        assertReadsAsOperator(simulation.endpointUrls().get(0), SecurityPolicy.Basic256Sha256, dcs1Certificate,
                "Plant/Unit1/Furnace/FuelGasFlow");
    }

    @Test
    void userWithThePasswordReadsOverAes256Sha256RsaPssSignAndEncrypt() throws Exception {
        assertReadsAsOperator(simulation.endpointUrls().get(1), SecurityPolicy.Aes256_Sha256_RsaPss, dcs2Certificate,
                "Plant/Unit1/Furnace/FuelGasHHV");
    }

    @Test
    void wrongPasswordOtherUserAndAnonymousAreRefused() {
        assertThat(refusal(TestClients.user(TestSites.USERNAME, "wrong"))).isEqualTo(StatusCodes.Bad_UserAccessDenied);
        assertThat(refusal(TestClients.user("intruder", PASSWORD))).isEqualTo(StatusCodes.Bad_UserAccessDenied);
        assertThat(refusal(TestClients.anonymousAnyway())).isIn(StatusCodes.Bad_IdentityTokenInvalid,
                StatusCodes.Bad_IdentityTokenRejected, StatusCodes.Bad_UserAccessDenied);
    }

    @Test
    void clientThatDoesNotTrustTheServerCertificateFails() {
        Throwable failure = catchThrowable(() -> TestClients.connect(simulation.endpointUrls().get(0),
                SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt, trustedClient, List.of(),
                TestClients.user(TestSites.USERNAME, PASSWORD)));

        assertThat(failure).isInstanceOf(UaException.class);
        assertThat(TestClients.status(failure)).isIn(StatusCodes.Bad_SecurityChecksFailed,
                StatusCodes.Bad_CertificateUntrusted, StatusCodes.Bad_CertificateChainIncomplete);
    }

    /** The documented step: a refused client's certificate lands in rejected/; moved to trusted/certs/ it is accepted. */
    @Test
    void unknownClientIsRejectedUntilItsCertificateIsMovedToTrusted() throws Exception {
        TestClients.Application newcomer = TestClients.Application.create("newcomer");

        assertThatThrownBy(() -> connectAsOperator(newcomer)).isInstanceOf(UaException.class);
        Path rejected;
        try (Stream<Path> files = Files.list(pki.resolve("rejected"))) {
            rejected = files.filter(f -> certificateIs(f, newcomer.certificate())).findFirst()
                    .orElseThrow(() -> new AssertionError("newcomer's certificate not in " + pki.resolve("rejected")));
        }
        Files.move(rejected, pki.resolve("trusted/certs").resolve(rejected.getFileName()), StandardCopyOption.ATOMIC_MOVE);

        OpcUaClient client = awaitConnection(newcomer, Duration.ofSeconds(15));
        TestClients.disconnectQuietly(client);
    }

    private static void assertReadsAsOperator(String url, SecurityPolicy policy, X509Certificate serverCertificate,
                                              String nodeId) throws Exception {
        OpcUaClient client = TestClients.connect(url, policy, MessageSecurityMode.SignAndEncrypt, trustedClient,
                List.of(serverCertificate), TestClients.user(TestSites.USERNAME, PASSWORD));
        try {
            assertThat(client.getConfig().getEndpoint().getServerCertificate().bytesOrEmpty())
                    .isEqualTo(serverCertificate.getEncoded());
            client.readNamespaceTable();
            NodeId node = new NodeId(client.getNamespaceTable().getIndex(TestSites.DCS_NAMESPACE), nodeId);
            DataValue value = awaitGood(client, node);
            assertThat(value.value().value()).isInstanceOf(Double.class);
        } finally {
            TestClients.disconnectQuietly(client);
        }
    }

    private static DataValue awaitGood(OpcUaClient client, NodeId node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        DataValue value;
        do {
            value = client.readValue(0, TimestampsToReturn.Both, node);
            if (value.statusCode().isGood()) {
                return value;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(node + " never became Good: " + value);
    }

    private static long refusal(IdentityProvider user) {
        Throwable failure = catchThrowable(() -> TestClients.connect(simulation.endpointUrls().get(0),
                SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt, trustedClient,
                List.of(dcs1Certificate), user));
        assertThat(failure).as("connecting as " + user).isNotNull();
        return TestClients.status(failure);
    }

    private static OpcUaClient connectAsOperator(TestClients.Application application) throws UaException {
        return TestClients.connect(simulation.endpointUrls().get(0), SecurityPolicy.Basic256Sha256,
                MessageSecurityMode.SignAndEncrypt, application, List.of(dcs1Certificate),
                TestClients.user(TestSites.USERNAME, PASSWORD));
    }

    /** The trust list notices new files through a file watcher, so acceptance may take a moment. */
    private static OpcUaClient awaitConnection(TestClients.Application application, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return connectAsOperator(application);
            } catch (UaException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static boolean certificateIs(Path file, X509Certificate certificate) {
        try {
            return TestClients.certificate(file).equals(certificate);
        } catch (Exception e) {
            return false;
        }
    }
}
