package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reporting service's sign-in: basic mode reads its users from a Secret's properties file imported with
 * spring.config.import (never a password in the values or the args); jwt mode (production) trusts the identity
 * provider named by its issuer or JWK set URI and may reach it through the NetworkPolicy.
 */
class ReportingSecurityTest {

    private static final String REPORTING = "plm-plumeline-reporting";
    private final Chart chart = Chart.plumeline();

    @Test
    void basicModeImportsTheUsersFileFromTheSecret() {
        Chart.Rendered rendered = chart.template(List.of(), Map.of());
        JsonNode pod = rendered.named("Deployment", REPORTING).path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        assertThat(args(container)).contains("--plumeline.security.mode=basic",
                "--spring.config.import=file:/etc/plumeline/security/users.properties",
                // sign-in throttling per client address (review L4) sees the client's, not the ingress controller's
                "--server.forward-headers-strategy=native");
        assertThat(args(container)).noneMatch(a -> a.toLowerCase().contains("password") || a.contains("security.users"));
        JsonNode mount = find(container.path("volumeMounts"), "name", "users");
        assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/plumeline/security");
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
        JsonNode secret = find(pod.path("volumes"), "name", "users").path("secret");
        assertThat(secret.path("secretName").asText()).isEqualTo("plumeline-reporting-users");
        assertThat(secret.path("items").get(0).path("key").asText()).isEqualTo("users.properties");
        assertThat(secret.path("items").get(0).path("path").asText()).isEqualTo("users.properties");
        assertThat(rendered.ofKind("Secret")).as("the chart references the Secret, never makes one").isEmpty();
    }

    @Test
    void productionTrustsTheIdentityProviderAndMayReachIt() {
        Chart.Rendered rendered = chart.template(chart.productionValues());
        JsonNode pod = rendered.named("Deployment", REPORTING).path("spec").path("template").path("spec");
        List<String> args = args(pod.path("containers").get(0));

        assertThat(args).contains("--plumeline.security.mode=jwt",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://id.corp.example/realms/plumeline",
                "--plumeline.security.roles-claim=realm_access.roles", "--plumeline.security.name-claim=preferred_username");
        assertThat(args).noneMatch(a -> a.startsWith("--spring.config.import"));
        assertThat(pod.path("volumes").findValues("secret")).extracting(v -> v.path("secretName").asText())
                .as("no users Secret in jwt mode, the audit key's only").containsExactly("plumeline-audit-key");
        assertThat(args).contains("--spring.security.oauth2.resourceserver.jwt.audiences=plumeline",
                "--plumeline.audit.key-file=/etc/plumeline/audit/audit.key");

        JsonNode egress = rendered.named("NetworkPolicy", REPORTING).path("spec").path("egress");
        assertThat(egress.findValues("cidr").stream().map(JsonNode::asText)).contains("10.20.50.20/32");
        assertThat(egress.findValues("port").stream().map(JsonNode::asInt)).contains(443);
    }

    /** Review finding M7: the issuer is always checked, so it is required; a JWK set URI may come beside it. */
    @Test
    void jwtModeNeedsAnIssuer() {
        assertThatThrownBy(() -> chart.template(List.of(), Map.of("reporting.security.mode", "jwt",
                "reporting.security.jwt.jwkSetUri", "https://id.example.com/keys")))
                .hasMessageContaining("give reporting.security.jwt.issuerUri");
        Chart.Rendered keySet = chart.template(List.of(), Map.of("reporting.security.mode", "jwt",
                "reporting.security.jwt.issuerUri", "https://id.example.com/realms/plumeline",
                "reporting.security.jwt.jwkSetUri", "https://id.example.com/keys"));
        assertThat(args(keySet.named("Deployment", REPORTING).path("spec").path("template").path("spec")
                .path("containers").get(0))).contains("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://id.example.com/keys",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://id.example.com/realms/plumeline");
        assertThatThrownBy(() -> chart.template(List.of(), Map.of("reporting.security.mode", "jwt",
                "reporting.security.jwt.issuerUri", "http://id.example.com/realms/plumeline")))
                .as("https only").hasMessageContaining("issuerUri");
    }

    /** Review finding M9: the four-eyes rule reaches the service on for every site, and off for a site that says so. */
    @Test
    void theFourEyesRuleIsOnUnlessASiteTurnsItOff() {
        assertThat(args(chart.template(List.of(), Map.of()).named("Deployment", REPORTING).path("spec").path("template")
                .path("spec").path("containers").get(0))).contains("--plumeline.reports.four-eyes.enabled=true")
                .noneMatch(a -> a.startsWith("--plumeline.reports.four-eyes.sites."));
        assertThat(args(chart.template(List.of(), Map.of("reporting.fourEyes.sites.small-terminal", "false"))
                .named("Deployment", REPORTING).path("spec").path("template").path("spec").path("containers").get(0)))
                .contains("--plumeline.reports.four-eyes.enabled=true", "--plumeline.reports.four-eyes.sites.small-terminal=false");
    }

    @Test
    void basicModeNeedsTheUsersSecret() {
        assertThatThrownBy(() -> chart.template(List.of(), Map.of("reporting.security.usersSecret", "")))
                .hasMessageContaining("reporting.security.usersSecret");
    }

    /** Users and passwords have no place in the values: the schema refuses them, and an unknown mode. */
    @ParameterizedTest
    @ValueSource(strings = {"reporting.security.password", "reporting.security.users[0].password",
            "reporting.security.jwt.clientSecret", "reporting.security.mode"})
    void passwordsAndUnknownModesAreRefused(String key) {
        assertThatThrownBy(() -> chart.template(List.of(), Map.of(key, "ldap-Secr3t")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ldap-Secr3t").contains("reporting"));
    }

    private static List<String> args(JsonNode container) {
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        return args;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) return node;
        }
        throw new AssertionError("no entry with " + field + "=" + value + " in " + array);
    }
}
