package io.plumeline.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A PART75 source that would need the load-based Table 2 of 40 CFR 75.33(c) is refused at load, with the rule. */
class Part75ChecksTest {

    private static List<String> problems(String substitution) {
        String yaml = """
                apiVersion: plumeline/v1
                site: {id: s, name: S, timezone: UTC, program: EPA_PART98, gwp: AR5}
                servers:
                  - {id: dcs-1, endpoint: "opc.tcp://127.0.0.1:4840/x", securityPolicy: None, securityMode: None, auth: {type: anonymous}}
                units:
                  - {id: b, name: Boiler}
                tags:
                  - {id: b.flow, unit: b, server: dcs-1, node: "nsu=urn:t;s=F", uom: scf/h, valid: {min: 0, max: 9000000}}
                  - {id: b.co2, unit: b, server: dcs-1, node: "nsu=urn:t;s=C", uom: vol%% wet, valid: {min: 0, max: 14}}
                sources:
                  - {id: b.stack, unit: b, category: stationary_combustion, method: EPA_PART75_F11,
                     inputs: {stackFlow: b.flow, co2Concentration: b.co2}, substitution: %s}
                """.formatted(substitution);
        return SiteProblems.of(yaml);
    }

    @Test
    void aStackFlowMonitorUnderPart75IsRefusedNamingTable2() {
        assertThat(problems("PART75")).containsExactly("sources[0].inputs.stackFlow: substitution PART75: the missing"
                + " hours of a stack flow monitor are filled from its load range, 40 CFR 75.33(c) Table 2, which is not"
                + " implemented");
    }

    @Test
    void theSameSourceUnderItsProgramsRuleLoads() {
        assertThat(problems("PROGRAM")).isEmpty();
    }
}
