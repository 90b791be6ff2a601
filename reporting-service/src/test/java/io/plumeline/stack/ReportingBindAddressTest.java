package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.plumeline.reporting.ReportingApplication;
import io.plumeline.reporting.support.SiteFiles;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Review finding H6: the local stack's reporting service, with its publicly known demo users, listens on 127.0.0.1
 * only. The service is started in this JVM with the very arguments {@code StackRun} launches it with (this class
 * sits in StackRun's package to reach them), and probed on another address of this machine.
 */
class ReportingBindAddressTest {

    @Test
    void theDemosReportingServiceIsNotReachableOnTheMachinesOtherAddresses(@TempDir Path reports) throws IOException {
        InetAddress other = nonLoopbackAddress();
        assertReachableWhenBoundEverywhere(other);
        int port = Ports.free();
        List<String> arguments = StackRun.reportingArguments(SiteFiles.path("dalian.yaml"), "http://127.0.0.1:1", port,
                reports, Path.of("..").resolve(StackRun.DEMO_USERS).toAbsolutePath(), false);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ReportingApplication.class)
                .run(arguments.toArray(String[]::new))) {
            assertThat(connects(InetAddress.getByName(Ports.LOOPBACK), port)).as("reachable on 127.0.0.1").isTrue();
            assertThat(connects(other, port)).as("reachable on " + other.getHostAddress()).isFalse();
        }
    }

    @Test
    void exposeListensOnEveryAddress() {
        assertThat(StackRun.reportingArguments(Path.of("site.yaml"), "http://127.0.0.1:1", 8080, Path.of("reports"),
                Path.of("users.properties"), true)).contains("--server.address=0.0.0.0");
    }

    /** The probe is meaningful only if a server bound to every address answers there. */
    private static void assertReachableWhenBoundEverywhere(InetAddress other) throws IOException {
        try (ServerSocket everywhere = new ServerSocket()) {
            everywhere.bind(new InetSocketAddress(0));
            assertThat(connects(other, everywhere.getLocalPort()))
                    .as("a socket bound to every address is reachable on " + other.getHostAddress()).isTrue();
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An address of this machine's own interfaces other than loopback (IPv4 first; link-local ones need a scope). */
    private static InetAddress nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(ReportingBindAddressTest::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                .min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1))
                .orElseGet(() -> fail("this machine has no network address other than loopback (ip addr shows none),"
                        + " so the test cannot tell whether the reporting service is reachable from elsewhere"));
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
