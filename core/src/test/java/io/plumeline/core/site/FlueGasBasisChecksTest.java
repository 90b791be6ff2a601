package io.plumeline.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A POLLUTANT_MASS source whose concentration cannot be put on its flow's basis with what it gives is refused at load. */
class FlueGasBasisChecksTest {

    /** A boiler stack; {@code concentrationUom}, {@code flowUom} and {@code extraInputs} vary. */
    private static List<String> problems(String concentrationUom, String flowUom, String extraInputs) {
        String yaml = """
                apiVersion: plumeline/v1
                site: {id: s, name: S, timezone: UTC, program: EU_ETS, gwp: AR5}
                servers:
                  - {id: dcs-1, endpoint: "opc.tcp://127.0.0.1:4840/x", securityPolicy: None, securityMode: None, auth: {type: anonymous}}
                units:
                  - {id: b, name: Boiler}
                tags:
                  - {id: b.flow, unit: b, server: dcs-1, node: "nsu=urn:t;s=F", uom: %s}
                  - {id: b.nox, unit: b, server: dcs-1, node: "nsu=urn:t;s=N", uom: %s}
                  - {id: b.o2, unit: b, server: dcs-1, node: "nsu=urn:t;s=O", uom: vol%% wet}
                  - {id: b.h2o, unit: b, server: dcs-1, node: "nsu=urn:t;s=W", uom: "%%"}
                sources:
                  - {id: b.stack, unit: b, category: stationary_combustion, method: POLLUTANT_MASS,
                     inputs: {stackFlow: b.flow, noxConcentration: b.nox%s}}
                """.formatted(flowUom, concentrationUom, extraInputs);
        return SiteProblems.of(yaml);
    }

    @Test
    void anO2ReferenceWithoutTheMeasuredO2IsRefused() {
        assertThat(problems("mg/Nm3 dry 3%O2", "Nm3/h dry", "")).containsExactly("sources[0].inputs.noxConcentration: is in"
                + " 'mg/Nm3 dry 3%O2' (dry basis, normalised to 3 % O2); the flue gas flow is at its actual O2, so taking it off"
                + " the O2 reference needs the measured stack O2: give o2 (vol% dry) for C = C_ref × (O2_air − O2)/(O2_air − O2_ref)");
    }

    @Test
    void aWetO2ForADryReferenceIsRefused() {
        assertThat(problems("mg/Nm3 dry 3%O2", "Nm3/h dry", ", o2: b.o2")).singleElement().asString()
                .startsWith("sources[0].inputs.o2: is in 'vol% wet' (wet basis), but noxConcentration");
    }

    @Test
    void dryToWetWithoutTheMoistureIsRefused() {
        assertThat(problems("mg/Nm3 dry", "Nm3/h wet", "")).singleElement().asString()
                .startsWith("sources[0].inputs.noxConcentration: is in 'mg/Nm3 dry' (dry basis) and the stack flow is in"
                        + " 'Nm3/h wet' (wet basis): putting it on the flow's basis needs the flue gas moisture");
    }

    @Test
    void whatTheConversionNeedsIsAccepted() {
        assertThat(problems("mg/Nm3 dry", "Nm3/h wet", ", moisture: b.h2o")).isEmpty();
        assertThat(problems("mg/Nm3 wet 3%O2", "Nm3/h wet", ", o2: b.o2")).isEmpty();
        assertThat(problems("mg/Nm3", "Nm3/h", "")).isEmpty();
    }
}
