package io.plumeline.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small site models for one test server; tags are added one line each. */
final class TestSite {

    static final String SITE_ID = "edge-test";
    static final String SERVER_ID = "test-opc";

    private final String endpoint;
    private final List<String> tags = new ArrayList<>();
    private String auth = "{type: anonymous}";
    private boolean allowInsecureCredentials;
    private String securityPolicy = "None";
    private String securityMode = "None";
    private String skipCertificateChecks;

    TestSite(String endpoint) {
        this.endpoint = endpoint;
    }

    /** A tag in the test namespace. */
    TestSite tag(String id, String nodeIdentifier, int samplingMs) {
        return tagAt(id, "nsu=" + PushNamespace.URI + ";" + nodeIdentifier, samplingMs);
    }

    /** A tag with a full site model node id. */
    TestSite tagAt(String id, String node, int samplingMs) {
        tags.add("  - {id: " + id + ", unit: unit-1, server: " + SERVER_ID + ", node: \"" + node
                + "\", uom: Nm3/h, samplingMs: " + samplingMs + "}");
        return this;
    }

    /**
     * Username and password; over securityPolicy None with {@code allowInsecureCredentials: true} (the test server's
     * None endpoint sends the password in clear) unless {@link #allowInsecureCredentials} says otherwise.
     */
    TestSite usernameAuth(Path passwordFile) {
        auth = "{type: username, username: " + TestOpcUaServer.USERNAME + ", passwordFile: " + passwordFile + "}";
        allowInsecureCredentials = true;
        return this;
    }

    TestSite allowInsecureCredentials(boolean allow) {
        allowInsecureCredentials = allow;
        return this;
    }

    TestSite security(String policy, String mode) {
        securityPolicy = policy;
        securityMode = mode;
        return this;
    }

    /** {@code checks}: a YAML list, e.g. {@code [hostname]}. */
    TestSite skipCertificateChecks(String checks) {
        skipCertificateChecks = checks;
        return this;
    }

    Path writeTo(Path file) {
        String yaml = String.join("\n",
                "apiVersion: plumeline/v1",
                "site: {id: " + SITE_ID + ", name: Edge test, timezone: UTC, program: EPA_PART98, gwp: AR5}",
                "servers:",
                "  - id: " + SERVER_ID,
                "    endpoint: " + endpoint,
                "    securityPolicy: " + securityPolicy,
                "    securityMode: " + securityMode,
                allowInsecureCredentials && "None".equals(securityPolicy) ? "    allowInsecureCredentials: true" : "",
                skipCertificateChecks == null ? "" : "    skipCertificateChecks: " + skipCertificateChecks,
                "    auth: " + auth,
                "units:",
                "  - {id: unit-1, name: Unit 1}",
                "tags:",
                String.join("\n", tags),
                "");
        try {
            return Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
