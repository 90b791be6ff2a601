package io.plumeline.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test site model with free ports filled in, and the test resources as files. */
final class TestSites {

    static final String DCS_NAMESPACE = "urn:plumeline:test:dcs";
    static final String LAB_NAMESPACE = "urn:plumeline:test:lab";
    static final String USERNAME = "operator";

    private TestSites() {
    }

    static Path siteWithFreePorts(Path dir) throws IOException {
        String yaml = resourceText("/test-site.yaml")
                .replace("${port}", Integer.toString(freePort()))
                .replace("${port2}", Integer.toString(freePort()));
        return Files.writeString(dir.resolve("site.yaml"), yaml);
    }

    /** The secured test site: dcs-1 and dcs-2 for user {@value #USERNAME} with {@code password}, dcs-3 anonymous. */
    static Path secureSiteWithFreePorts(Path dir, String password) throws IOException {
        Path passwordFile = Files.writeString(dir.resolve("dcs-password"), password + "\n");
        String yaml = resourceText("/secure-site.yaml")
                .replace("${port}", Integer.toString(freePort()))
                .replace("${port2}", Integer.toString(freePort()))
                .replace("${port3}", Integer.toString(freePort()))
                .replace("${passwordFile}", passwordFile.toString());
        return Files.writeString(dir.resolve("secure-site.yaml"), yaml);
    }

    static Path resource(String name) {
        try {
            return Path.of(TestSites.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resourceText(String name) throws IOException {
        try (InputStream in = TestSites.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
