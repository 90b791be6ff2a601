package io.plumeline.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecordRetentionTest {

    @Test
    void eachProgramKeepsItsRecordsForItsPeriodInWholeDays() {
        // 3 × 365 + 1 leap day; 10 × 365 + 3 (at most three leap days in ten years); 5 × 365 + 2
        assertThat(RecordRetention.ofProgram("EPA_PART98")).isEqualTo(Duration.ofDays(1_096));
        assertThat(RecordRetention.ofProgram("EU_ETS")).isEqualTo(Duration.ofDays(3_653));
        assertThat(RecordRetention.ofProgram("CN_MEE")).isEqualTo(Duration.ofDays(1_827));
        assertThatThrownBy(() -> RecordRetention.ofProgram("NONE")).hasMessageContaining("'NONE'");
    }

    @Test
    void theRecordHoldsTheTagsOfReportableSourcesOnly() {
        SiteModel model = SiteModelLoader.parse("""
                apiVersion: plumeline/v1
                site: {id: s, name: S, timezone: UTC, program: EPA_PART98, gwp: AR5}
                servers: [{id: d, endpoint: "opc.tcp://127.0.0.1:4840"}]
                units: [{id: h, name: Heater}]
                tags:
                  - {id: flow, unit: h, server: d, node: "nsu=urn:t;s=1", uom: Nm3/h}
                  - {id: flow_b, unit: h, server: d, node: "nsu=urn:t;s=2", uom: Nm3/h}
                  - {id: running, unit: h, server: d, node: "nsu=urn:t;s=3", uom: "1"}
                  - {id: test_flow, unit: h, server: d, node: "nsu=urn:t;s=4", uom: Nm3/h}
                  - {id: temperature, unit: h, server: d, node: "nsu=urn:t;s=5", uom: degC}
                sources:
                  - {id: stack, unit: h, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                     inputs: {fuelQuantity: flow, hhv: {value: 38.5, uom: MJ/Nm3 HHV}},
                     missingData: {fuelQuantity: {backup: flow_b}}, operatingStatus: {tag: running, above: 0.5}}
                  - {id: test-rig, unit: h, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                     inputs: {fuelQuantity: test_flow, hhv: {value: 38.5, uom: MJ/Nm3 HHV}},
                     substitution: NONE, reportable: false}
                """, "test");

        assertThat(RecordRetention.recordTags(model)).containsExactlyInAnyOrder("flow", "flow_b", "running");
    }
}
