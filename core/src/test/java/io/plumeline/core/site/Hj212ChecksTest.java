package io.plumeline.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hj212ChecksTest {

    private static final String MODEL = """
            apiVersion: plumeline/v1
            site: {id: cn-site, name: Test, timezone: Asia/Shanghai, program: CN_MEE, gwp: AR5}
            servers:
              - {id: dcs-1, endpoint: "opc.tcp://127.0.0.1:4840/plumeline", auth: {type: anonymous}}
            units:
              - {id: boiler-1, name: Boiler}
            tags:
              - {id: boiler-1.so2, unit: boiler-1, server: dcs-1, node: "nsu=urn:test;s=B1/SO2", uom: mg/Nm3 dry}
              - {id: boiler-1.flow, unit: boiler-1, server: dcs-1, node: "nsu=urn:test;s=B1/Flow", uom: Nm3/h dry}
            sources:
              - id: boiler-1.stack
                unit: boiler-1
                category: process
                method: POLLUTANT_MASS
                inputs: {stackFlow: boiler-1.flow, so2Concentration: boiler-1.so2}
                hj212:
                  mn: PLM0001
                  platforms: [provincial]
                  pollutants: {a21026: boiler-1.so2, a00000: boiler-1.flow}
            """;

    @Test
    void readsTheBlockWithSt31ByDefault() {
        EmissionSource.Hj212 hj212 = SiteModelLoader.parse(MODEL, "test.yaml").source("boiler-1.stack").orElseThrow().hj212();

        assertThat(hj212.mn()).isEqualTo("PLM0001");
        assertThat(hj212.st()).isEqualTo("31");
        assertThat(hj212.platforms()).containsExactly("provincial");
        assertThat(hj212.pollutants()).containsExactly(
                java.util.Map.entry("a21026", "boiler-1.so2"), java.util.Map.entry("a00000", "boiler-1.flow"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mn: PLM0001|mn: PLM-0001|sources[0].hj212.mn: must be 1 to 24 letters or digits, found 'PLM-0001'",
            "mn: PLM0001|mn: '0123456789012345678901234'|sources[0].hj212.mn: must be 1 to 24 letters or digits, found '0123456789012345678901234'",
            "platforms: [provincial]|platforms: []|sources[0].hj212.platforms: names no platform",
            "a21026: boiler-1.so2|a21026: boiler-1.sox|sources[0].hj212.pollutants.a21026: unknown tag 'boiler-1.sox'",
            "a21026: boiler-1.so2|SO2: boiler-1.so2|sources[0].hj212.pollutants.SO2: is not an HJ 212 code (a letter and five digits, e.g. a21026)",
    })
    void refusesWithThePath(String from, String to, String problem) {
        assertThatThrownBy(() -> SiteModelLoader.parse(MODEL.replace(from, to), "test.yaml"))
                .isInstanceOf(SiteModelException.class)
                .satisfies(e -> assertThat(((SiteModelException) e).problems()).containsExactly(problem));
    }

    @Test
    void refusesAnStThatIsNotTwoDigits() {
        assertThatThrownBy(() -> SiteModelLoader.parse(MODEL.replace("mn: PLM0001", "mn: PLM0001\n      st: '3'"), "test.yaml"))
                .isInstanceOf(SiteModelException.class)
                .satisfies(e -> assertThat(((SiteModelException) e).problems())
                        .containsExactly("sources[0].hj212.st: must be two digits (31: air pollution source), found '3'"));
    }

    @Test
    void refusesAnUnknownKeyInTheBlock() {
        assertThatThrownBy(() -> SiteModelLoader.parse(MODEL.replace("mn: PLM0001", "mn: PLM0001\n      password: x"), "test.yaml"))
                .isInstanceOf(SiteModelException.class).hasMessageContaining("sources[0].hj212: unknown key 'password'");
    }

    /** The model with the analyser's state tag and {@code status} as the block's status. */
    private static String withStatus(String status) {
        return MODEL.replace("tags:\n", "tags:\n  - {id: boiler-1.cems_state, unit: boiler-1, server: dcs-1,"
                + " node: \"nsu=urn:test;s=B1/CemsState\", uom: \"1\"}\n").replace("      mn: PLM0001", "      mn: PLM0001\n      status: " + status);
    }

    @Test
    void readsTheAnalysersStatus() {
        EmissionSource.AnalyserStatus status = SiteModelLoader.parse(withStatus("{tag: boiler-1.cems_state, flags: {1: C, 2: M}}"),
                "test.yaml").source("boiler-1.stack").orElseThrow().hj212().status();

        assertThat(status.tag()).isEqualTo("boiler-1.cems_state");
        assertThat(status.flags()).containsExactly(java.util.Map.entry("1", "C"), java.util.Map.entry("2", "M"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{tag: boiler-1.state, flags: {1: C}}|sources[0].hj212.status.tag: unknown tag 'boiler-1.state'",
            "{tag: boiler-1.cems_state, flags: {}}|sources[0].hj212.status.flags: maps no value of the state tag to a flag",
            "{tag: boiler-1.cems_state, flags: {calibrating: C}}|sources[0].hj212.status.flags.calibrating: is not a value of the state tag (a number, e.g. 1)",
            "{tag: boiler-1.cems_state, flags: {1: N}}|sources[0].hj212.status.flags.1: 'N' is not a flag an analyser's state sets; one of [C, D, F, M, S] (C calibration, M maintenance, S manual, D fault, F stopped)",
    })
    void refusesAStatusWithoutItsTagOrWithFlagsItCannotSet(String status, String problem) {
        assertThatThrownBy(() -> SiteModelLoader.parse(withStatus(status), "test.yaml"))
                .isInstanceOf(SiteModelException.class)
                .satisfies(e -> assertThat(((SiteModelException) e).problems()).containsExactly(problem));
    }
}
