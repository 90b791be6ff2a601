package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GwpSetTest {

    @Test
    void setsHoldTheReportValues() {
        assertThat(GwpSet.of("AR4").of(Gas.CH4, true)).isEqualTo(25);
        assertThat(GwpSet.of("AR4").of(Gas.N2O, true)).isEqualTo(298);
        assertThat(GwpSet.of("AR5").of(Gas.CH4, true)).isEqualTo(28);
        assertThat(GwpSet.of("AR5").of(Gas.N2O, true)).isEqualTo(265);
        assertThat(GwpSet.of("AR6").of(Gas.CH4, true)).isEqualTo(29.8);
        assertThat(GwpSet.of("AR6").of(Gas.CH4, false)).isEqualTo(27.0);
        assertThat(GwpSet.of("AR5").of(Gas.CH4, false)).isEqualTo(28);
        assertThat(GwpSet.of("AR6").of(Gas.N2O, true)).isEqualTo(273);
        assertThat(GwpSet.of("AR6").of(Gas.CO2, true)).isEqualTo(1);
    }

    @Test
    void everySetSaysWhereItComesFrom() {
        for (String id : new String[] {"AR4", "AR5", "AR6"}) {
            GwpSet set = GwpSet.of(id);
            assertThat(set.version()).isNotBlank();
            assertThat(set.provenance().table()).startsWith("IPCC " + id);
            assertThat(set.provenance().edition()).isNotBlank();
        }
    }

    @Test
    void defaultsFollowTheProgramAndTheReportingYear() {
        assertThat(GwpSet.defaultFor("EPA_PART98", 2023).id()).isEqualTo("AR4");
        assertThat(GwpSet.defaultFor("EPA_PART98", 2024).id()).isEqualTo("AR5");
        assertThat(GwpSet.defaultFor("EPA_PART98", 2030).id()).isEqualTo("AR5");
        assertThat(GwpSet.defaultFor("EU_ETS", 2020).id()).isEqualTo("AR4");
        assertThat(GwpSet.defaultFor("EU_ETS", 2021).id()).isEqualTo("AR5");
        // China's 2013-2015 enterprise guidelines state the SAR values (CH4 21, N2O 310), not AR5
        assertThat(GwpSet.defaultFor("CN_MEE", 2026).id()).isEqualTo("SAR");
        assertThat(GwpSet.defaultFor("CN_MEE", 2026).of(Gas.CH4, true)).isEqualTo(21);
        assertThat(GwpSet.defaultFor("CN_MEE", 2026).of(Gas.N2O, true)).isEqualTo(310);
        // Table A-1: SAR for RY2010-2012, AR4 from the 2013 amendment (78 FR 71904)
        assertThat(GwpSet.defaultFor("EPA_PART98", 2012).id()).isEqualTo("SAR");
        assertThat(GwpSet.defaultFor("EPA_PART98", 2013).id()).isEqualTo("AR4");
        assertThat(GwpSet.defaultFor("EU_ETS", 2013).id()).isEqualTo("AR4");
    }

    @Test
    void noDefaultBeforeAProgramStartsOrForAnUnknownProgram() {
        assertThatThrownBy(() -> GwpSet.defaultFor("EPA_PART98", 2009)).hasMessageContaining("2010");
        assertThatThrownBy(() -> GwpSet.defaultFor("CARB", 2024)).hasMessageContaining("EPA_PART98");
    }

    @Test
    void aPollutantHasNoGwp() {
        assertThatThrownBy(() -> GwpSet.of("AR5").of(Gas.NOX, true)).hasMessageContaining("NOx");
    }
}
