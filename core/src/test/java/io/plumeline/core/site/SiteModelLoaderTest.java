package io.plumeline.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteModelLoaderTest {

    private static final String VALID = """
            apiVersion: plumeline/v1
            site: {id: test-site, name: Test, timezone: Asia/Shanghai, program: EPA_PART98, gwp: AR5}
            servers:
              - {id: dcs-1, endpoint: "opc.tcp://127.0.0.1:4840/plumeline", securityPolicy: None, securityMode: None, auth: {type: anonymous}}
            units:
              - {id: cdu-1, name: Crude}
              - {id: heater-1, name: Heater, parent: cdu-1}
            tags:
              - {id: heater-1.fuel_gas_flow, unit: heater-1, server: dcs-1, node: "nsu=urn:test;s=H1/Flow", uom: Nm3/h, samplingMs: 1000, valid: {min: 0, max: 5000}}
              - {id: heater-1.fuel_gas_hhv, unit: heater-1, server: dcs-1, node: "nsu=urn:test;s=H1/HHV", uom: MJ/Nm3}
              - {id: cdu-1.crude_feed, unit: cdu-1, server: dcs-1, node: "nsu=urn:test;i=1001", uom: t/h}
            sources:
              - id: heater-1.stack
                unit: heater-1
                category: stationary_combustion
                method: EPA_C2A
                fuel: fuel_gas
                inputs: {fuelQuantity: heater-1.fuel_gas_flow, hhv: heater-1.fuel_gas_hhv}
            streams:
              - {id: crude-in, to: cdu-1, massFlow: cdu-1.crude_feed, material: crude}
            limits:
              - {tag: heater-1.fuel_gas_flow, max: 4000, averaging: PT1H}
            """;

    private static SiteModel parse(String yaml) {
        return SiteModelLoader.parse(yaml, "test.yaml");
    }

    private static void assertRefused(String yaml, String expectedProblem) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(SiteModelException.class)
                .satisfies(e -> assertThat(((SiteModelException) e).problems()).contains(expectedProblem))
                .hasMessageStartingWith("test.yaml: ");
    }

    @Test
    void loadsAValidModel() {
        SiteModel model = parse(VALID);
        assertThat(model.site().zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(model.tagsOf("dcs-1")).hasSize(3);
        assertThat(model.tag("heater-1.fuel_gas_flow").orElseThrow().nodeId())
                .isEqualTo(new OpcNodeId("urn:test", 's', "H1/Flow"));
        assertThat(model.tag("heater-1.fuel_gas_hhv").orElseThrow().samplingMs()).isEqualTo(Tag.DEFAULT_SAMPLING_MS);
        assertThat(model.source("heater-1.stack").orElseThrow().inputs().get("hhv").tag()).isEqualTo("heater-1.fuel_gas_hhv");
    }

    @Test
    void loadsASiteOf50000TagsBeyondSnakeYamlsDefaultLimitOf3Mb() {
        StringBuilder yaml = new StringBuilder(VALID.substring(0, VALID.indexOf("sources:")));
        for (int i = 0; i < 50_000; i++) {
            yaml.append("  - {id: cdu-1.t").append(i).append(", unit: cdu-1, server: dcs-1, node: \"nsu=urn:test;s=CDU/T")
                    .append(i).append("\", uom: degC, samplingMs: 1000, valid: {min: 0, max: 500}}\n");
        }
        assertThat(yaml.length()).isGreaterThan(3 * 1024 * 1024);

        SiteModel model = parse(yaml.toString());

        assertThat(model.tags()).hasSize(50_003);
        assertThat(model.tag("cdu-1.t49999")).isPresent();
    }

    @Test
    void indexesTagsById() {
        SiteModel model = parse(VALID);

        assertThat(model.tagsById()).hasSize(3).containsKeys("heater-1.fuel_gas_flow", "cdu-1.crude_feed");
        assertThat(model.tagsById().get("heater-1.fuel_gas_hhv")).isEqualTo(model.tag("heater-1.fuel_gas_hhv").orElseThrow());
        assertThat(model.tagsById()).doesNotContainKey("heater-1");
    }

    @Test
    void loadsTheExampleRefinery() {
        SiteModel model = SiteModelLoader.load(Path.of("../examples/sites/refinery.yaml"));
        assertThat(model.tags()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(model.sources()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(model.streams().stream().filter(s -> s.product() != null).map(MaterialStream::product).distinct())
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(model.limits()).isNotEmpty();
        assertThat(model.units()).extracting(PlantUnit::id).contains("cdu-1", "heater-1", "reformer-1", "boiler-1", "flare-1");
    }

    @Test
    void refusesAnUnknownUnitNamingThePath() {
        assertRefused(VALID.replace("uom: MJ/Nm3", "uom: MJ/Nm3/hr"), "tags[1].uom: unknown unit 'MJ/Nm3/hr'");
    }

    @Test
    void refusesAnUnknownKeyNamingThePath() {
        assertThatThrownBy(() -> parse(VALID.replace("samplingMs: 1000,", "samplingMs: 1000, scan: 5,")))
                .isInstanceOf(SiteModelException.class)
                .hasMessageContaining("tags[0]: unknown key 'scan'");
        assertThatThrownBy(() -> parse(VALID + "extras: {}\n"))
                .hasMessageContaining("unknown key 'extras'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "unit: heater-1, server: dcs-1, node: \"nsu=urn:test;s=H1/HHV\"|unit: heater-9, server: dcs-1, node: \"nsu=urn:test;s=H1/HHV\"|tags[1].unit: unknown unit 'heater-9'",
            "unit: heater-1, server: dcs-1, node: \"nsu=urn:test;s=H1/HHV\"|unit: heater-1, server: dcs-7, node: \"nsu=urn:test;s=H1/HHV\"|tags[1].server: unknown server 'dcs-7'",
            "hhv: heater-1.fuel_gas_hhv}|hhv: heater-1.missing}|sources[0].inputs.hhv: unknown tag 'heater-1.missing'",
            "massFlow: cdu-1.crude_feed|massFlow: cdu-1.nothing|streams[0].massFlow: unknown tag 'cdu-1.nothing'",
            "{tag: heater-1.fuel_gas_flow, max: 4000|{tag: heater-1.fuel_gas, max: 4000|limits[0].tag: unknown tag 'heater-1.fuel_gas'",
            "parent: cdu-1}|parent: cdu-2}|units[1].parent: unknown unit 'cdu-2'",
            "to: cdu-1, massFlow|to: cdu-3, massFlow|streams[0].to: unknown unit 'cdu-3'",
    })
    void refusesDanglingReferences(String from, String to, String problem) {
        assertRefused(VALID.replace(from, to), problem);
    }

    /** A source's load (40 CFR 75 Appendix C §2.1) names a tag of the model and a positive maximum hourly gross load. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{tag: heater-1.missing, maximum: 200}|sources[0].load.tag: unknown tag 'heater-1.missing'",
            "{tag: cdu-1.crude_feed}|sources[0].load.maximum: is required: the unit's maximum hourly gross load in the tag's unit, a positive number, found null",
            "{tag: cdu-1.crude_feed, maximum: -5}|sources[0].load.maximum: is required: the unit's maximum hourly gross load in the tag's unit, a positive number, found -5.0",
    })
    void refusesALoadWithoutItsTagOrMaximum(String load, String problem) {
        assertRefused(part75Cems(load), problem);
    }

    @Test
    void loadsAPart75CemsWithItsLoad() {
        EmissionSource stack = parse(part75Cems("{tag: cdu-1.crude_feed, maximum: 200}")).source("heater-1.stack").orElseThrow();
        assertThat(stack.load()).isEqualTo(new EmissionSource.Load("cdu-1.crude_feed", 200.0));
    }

    /** The heater's stack as a Part 75 CEMS (Eq. F-11 from its flow and a CO2 monitor) with {@code load}. */
    private static String part75Cems(String load) {
        return VALID.replace("  - {id: cdu-1.crude_feed", "  - {id: heater-1.stack_co2, unit: heater-1, server: dcs-1,"
                        + " node: \"nsu=urn:test;s=H1/CO2\", uom: vol%}\n  - {id: cdu-1.crude_feed")
                .replace("    method: EPA_C2A\n    fuel: fuel_gas\n    inputs: {fuelQuantity: heater-1.fuel_gas_flow, hhv: heater-1.fuel_gas_hhv}\n",
                        "    method: EPA_PART75_F11\n    inputs: {stackFlow: heater-1.fuel_gas_flow, co2Concentration: heater-1.stack_co2}\n"
                                + "    substitution: PART75\n    load: " + load + "\n");
    }

    @Test
    void refusesDuplicateIds() {
        assertRefused(VALID.replace("id: cdu-1.crude_feed", "id: heater-1.fuel_gas_flow")
                        .replace("massFlow: cdu-1.crude_feed", "massFlow: heater-1.fuel_gas_flow"),
                "tags[2].id: duplicate id 'heater-1.fuel_gas_flow'");
        assertRefused(VALID.replace("{id: heater-1, name: Heater, parent: cdu-1}", "{id: cdu-1, name: Heater}"),
                "units[1].id: duplicate id 'cdu-1'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ns=2;s=H1/HHV|names its namespace by index",
            "nsu=urn:test;H1/HHV|needs an identifier of the form s=<string>",
            "nsu=urn:test;i=abc|has an invalid i= identifier 'abc'",
            "nsu=urn:test;g=not-a-guid|has an invalid g= identifier",
            "nsu=urn:test|has no ';' after the namespace URI",
            "nsu=;s=x|has an empty namespace URI",
    })
    void refusesBadNodeIdSyntax(String node, String message) {
        assertThatThrownBy(() -> parse(VALID.replace("nsu=urn:test;s=H1/HHV", node)))
                .isInstanceOf(SiteModelException.class)
                .hasMessageContaining("tags[1].node: node id '" + node + "'")
                .hasMessageContaining(message);
    }

    @Test
    void refusesACycleOfParentUnits() {
        assertThatThrownBy(() -> parse(VALID.replace("{id: cdu-1, name: Crude}", "{id: cdu-1, name: Crude, parent: heater-1}")))
                .isInstanceOf(SiteModelException.class)
                .hasMessageContaining("units[0].parent: unit 'cdu-1' is its own ancestor");
    }

    @Test
    void refusesInputsInUnitsTheMethodCannotUse() {
        assertRefused(VALID.replace("uom: MJ/Nm3", "uom: vol%"),
                "sources[0].inputs.hhv: EPA_C2A cannot use 'vol%' (VOLUME_FRACTION) for hhv; it needs "
                        + io.plumeline.core.emissions.CalculationMethod.EPA_C2A.input("hhv").orElseThrow().dimensions());
        assertRefused(VALID.replace("hhv: heater-1.fuel_gas_hhv}", "}"), "sources[0].inputs: EPA_C2A needs input 'hhv'");
        assertRefused(VALID.replace("uom: MJ/Nm3", "uom: MJ/Nm3 LHV"), "sources[0].inputs.hhv: is in 'MJ/Nm3 LHV' (lower heating"
                + " value (LHV, net calorific value NCV)); EPA_C2A (40 CFR 98.33(a)(2), Eq. C-2a) needs higher heating value"
                + " (HHV, gross calorific value GCV): LHV and HHV are never converted into each other");
        assertRefused(VALID.replace("uom: MJ/Nm3", "uom: MJ/kg"), "sources[0].inputs: the fuel is measured as "
                + "GAS_VOLUME_RATE but its heating value is ENERGY_PER_MASS; they must share a basis (ENERGY_PER_GAS_VOLUME)");
        assertRefused(VALID.replace("method: EPA_C2A", "method: EPA_C99"),
                "sources[0].method: unknown method 'EPA_C99'; known methods: "
                        + java.util.Arrays.toString(io.plumeline.core.emissions.CalculationMethod.values()));
    }

    @Test
    void refusesBadHeaderValues() {
        assertRefused(VALID.replace("plumeline/v1", "plumeline/v2"), "apiVersion: must be 'plumeline/v1', found 'plumeline/v2'");
        assertRefused(VALID.replace("Asia/Shanghai", "Asia/Atlantis"), "site.timezone: unknown time zone 'Asia/Atlantis'");
        assertRefused(VALID.replace("timezone: Asia/Shanghai", "timezone: Asia/Shanghai, locale: fr-FR"),
                "site.locale: 'fr-FR' is not one of [en, zh-CN]");
        assertRefused(VALID.replace("securityPolicy: None,", "securityPolicy: Basic128,"),
                "servers[0].securityPolicy: 'Basic128' is not one of [Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss, Basic256Sha256, None]");
    }

    @Test
    void refusesUsernameOverSecurityPolicyNoneUnlessTheServerAllowsInsecureCredentials() {
        String usernameOverNone = VALID.replace("auth: {type: anonymous}",
                "auth: {type: username, username: op, passwordEnv: DCS1_PASSWORD}");
        String refusal = "servers[0].auth: username authentication over securityPolicy None sends the password without"
                + " a secure channel (in clear when the server's token policy does not encrypt it); choose a securityPolicy"
                + " other than None, or set allowInsecureCredentials: true on this server to accept that";
        assertRefused(usernameOverNone, refusal);
        // Left out, securityPolicy is None too.
        assertRefused(usernameOverNone.replace("securityPolicy: None, securityMode: None, ", ""), refusal);

        OpcServer allowed = parse(usernameOverNone.replace("auth: {", "allowInsecureCredentials: true, auth: {"))
                .servers().get(0);
        assertThat(allowed.allowInsecureCredentials()).isTrue();
        assertThat(parse(usernameOverNone.replace("securityPolicy: None, securityMode: None",
                "securityPolicy: Basic256Sha256, securityMode: SignAndEncrypt")).servers().get(0).auth().isUsername()).isTrue();
        // Where it means nothing it is refused, so that it cannot take effect unnoticed later.
        assertRefused(VALID.replace("auth: {", "allowInsecureCredentials: true, auth: {"),
                "servers[0].allowInsecureCredentials: is only for username authentication over securityPolicy None; remove it");
    }

    @Test
    void takesOnlyKnownCertificateChecksToSkipAndOnlyWhereACertificateIsChecked() {
        String secured = VALID.replace("securityPolicy: None, securityMode: None",
                "securityPolicy: Basic256Sha256, securityMode: Sign");
        OpcServer server = parse(secured.replace("auth: {", "skipCertificateChecks: [hostname, validity], auth: {"))
                .servers().get(0);
        assertThat(server.skipCertificateChecks()).containsExactly("hostname", "validity");
        assertThat(parse(secured).servers().get(0).skipCertificateChecks()).isEmpty();
        assertRefused(secured.replace("auth: {", "skipCertificateChecks: [hostname, expiry], auth: {"),
                "servers[0].skipCertificateChecks[1]: 'expiry' is not one of [applicationUri, hostname, keyUsage, revocation, validity]");
        assertRefused(VALID.replace("auth: {", "skipCertificateChecks: [hostname], auth: {"),
                "servers[0].skipCertificateChecks: securityPolicy None with anonymous users checks no server certificate;"
                        + " remove skipCertificateChecks");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String broken = VALID.replace("uom: t/h", "uom: tph").replace("server: dcs-1, node: \"nsu=urn:test;i=1001\"",
                "server: dcs-2, node: \"nsu=urn:test;i=1001\"");
        assertThatThrownBy(() -> parse(broken))
                .isInstanceOf(SiteModelException.class)
                .satisfies(e -> assertThat(((SiteModelException) e).problems()).containsExactlyInAnyOrder(
                        "tags[2].uom: unknown unit 'tph'", "tags[2].server: unknown server 'dcs-2'"));
    }

    @Test
    void refusesMalformedYamlWithItsLine() {
        assertThatThrownBy(() -> parse("apiVersion: plumeline/v1\nsite: [unclosed\n"))
                .isInstanceOf(SiteModelException.class)
                .hasMessageContaining("line");
        assertThatThrownBy(() -> parse(VALID.replace("samplingMs: 1000", "samplingMs: fast")))
                .hasMessageContaining("tags[0].samplingMs");
    }

    @Test
    void refusesAFileThatCannotBeRead() {
        assertThatThrownBy(() -> SiteModelLoader.load(Path.of("does-not-exist.yaml")))
                .isInstanceOf(SiteModelException.class)
                .hasMessageContaining("does-not-exist.yaml: cannot read the file");
    }
}
