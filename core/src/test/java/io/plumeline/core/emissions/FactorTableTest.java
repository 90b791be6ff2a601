package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactorTableTest {

    private static final List<String> TABLES = List.of(FactorTable.EPA_PART98_C1_C2, FactorTable.EPA_PART98_Y,
            FactorTable.IPCC2006_MRR_ANNEX_VI, FactorTable.CN_MEE_PETROCHEMICAL);

    @Test
    void everyTableHasAVersionAndItsProvenance() {
        for (String resource : TABLES) {
            FactorTable table = FactorTable.load(resource);
            assertThat(table.id()).as(resource).isNotBlank();
            assertThat(table.version()).as(resource).isNotBlank();
            assertThat(table.provenance().regulation()).as(resource).isNotBlank();
            assertThat(table.provenance().table()).as(resource).isNotBlank();
            assertThat(table.provenance().edition()).as(resource).isNotBlank();
            assertThat(table.fuels()).as(resource).isNotEmpty();
        }
    }

    @Test
    void valuesTheReferenceMarksForCheckingSaySo() {
        FactorTable epa = FactorTable.load(FactorTable.EPA_PART98_C1_C2);
        assertThat(epa.factor("fuel_gas", "hhv").source().note()).contains("(check)");
        assertThat(epa.factor("fuel_gas", "CO2").source().note()).contains("(check)");
        assertThat(epa.factor("natural_gas", "CO2").source().note()).isNull();
        FactorTable mee = FactorTable.load(FactorTable.CN_MEE_PETROCHEMICAL);
        for (String fuel : mee.fuels().keySet()) {
            for (String factor : mee.fuels().get(fuel).factors().keySet()) {
                assertThat(mee.factor(fuel, factor).source().note()).as(fuel + "." + factor).contains("(check)");
            }
        }
    }

    @Test
    void theReferenceValuesAreInTheTables() {
        FactorTable ipcc = FactorTable.load(FactorTable.IPCC2006_MRR_ANNEX_VI);
        assertThat(ipcc.factor("natural_gas", "ncv").quantity().in("TJ/Gg")).isEqualTo(48.0);
        assertThat(ipcc.factor("natural_gas", "emissionFactor").quantity().in("tCO2/TJ")).isEqualTo(56.1);
        assertThat(ipcc.factor("gas_diesel_oil", "ncv").quantity().in("GJ/t")).isEqualTo(43.0);
        assertThat(ipcc.factor("gas_diesel_oil", "emissionFactor").quantity().in("tCO2/TJ")).isEqualTo(74.1);
        FactorTable mee = FactorTable.load(FactorTable.CN_MEE_PETROCHEMICAL);
        // 389.31 GJ per 10^4 Nm3 = 38.931 MJ/Nm3
        assertThat(mee.factor("natural_gas", "ncv").quantity().in("GJ/Nm3") * 1e4).isCloseTo(389.31, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(mee.factor("refinery_dry_gas", "ncv").quantity().in("GJ/t")).isEqualTo(45.998);
        assertThat(mee.factor("refinery_dry_gas", "oxidationFactor").quantity().in("1")).isCloseTo(0.99, org.assertj.core.api.Assertions.within(1e-12));
        FactorTable epa = FactorTable.load(FactorTable.EPA_PART98_C1_C2);
        assertThat(epa.factorKgPerMmBtu("natural_gas", "CO2")).isCloseTo(53.06, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(epa.fossil("natural_gas")).isTrue();
    }

    @Test
    void anUnknownTableIsRefused() {
        assertThatThrownBy(() -> FactorTable.load("nope.yaml")).hasMessageContaining("nope.yaml");
    }
}
