package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactorTableTest {

    private static final List<String> TABLES = List.of(FactorTable.EPA_PART98_C1_C2, FactorTable.EPA_PART98_Y,
            FactorTable.IPCC2006_MRR_ANNEX_VI, FactorTable.EU_MRR_ANNEX_IV, FactorTable.CN_MEE_PETROCHEMICAL,
            FactorTable.CN_MEE_GRID_ELECTRICITY);

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
    void valuesCheckedAgainstTheTextsCarryNoCheckNote() {
        // Table C-1 fuel gas 1.388e-3 mmBtu/scf and 59.00 kg/mmBtu, and the four China defaults, are the texts' values
        FactorTable epa = FactorTable.load(FactorTable.EPA_PART98_C1_C2);
        assertThat(epa.factor("fuel_gas", "hhv").quantity().in("mmBtu/scf")).isEqualTo(1.388e-3);
        assertThat(epa.factor("fuel_gas", "hhv").source().note()).isNull();
        assertThat(epa.factor("fuel_gas", "CO2").source().note()).isNull();
        FactorTable mee = FactorTable.load(FactorTable.CN_MEE_PETROCHEMICAL);
        for (String fuel : mee.fuels().keySet()) {
            for (String factor : mee.fuels().get(fuel).factors().keySet()) {
                String note = mee.factor(fuel, factor).source().note();
                assertThat(note == null ? "" : note).as(fuel + "." + factor).doesNotContain("(check)");
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
    void everySubpartYDefaultNamesItsParagraph() {
        // the constants of 40 CFR 98.253 as the rule states them, each with the paragraph it stands in
        FactorTable y = FactorTable.load(FactorTable.EPA_PART98_Y);
        assertThat(y.factor("flare_gas", "CO2").quantity().in("kg/mmBtu")).isEqualTo(60.0);
        assertThat(y.factor("flare_gas", "CH4").quantity().in("kg/mmBtu")).isEqualTo(3.0e-3);
        assertThat(y.factor("flare_gas", "N2O").quantity().in("kg/mmBtu")).isEqualTo(6.0e-4);
        assertThat(y.factor("flare_gas", "methaneFraction").quantity().in("1")).isEqualTo(0.4);
        assertThat(y.factor("coke_burn_off", "CO2").quantity().in("kg/mmBtu")).isEqualTo(102.41);
        assertThat(y.factor("sour_gas", "carbonMoleFraction").quantity().in("1")).isEqualTo(0.20);
        for (String row : y.fuels().keySet()) {
            for (String factor : y.fuels().get(row).factors().keySet()) {
                assertThat(y.factor(row, factor).source().note()).as(row + "." + factor).contains("§98.253");
            }
        }
    }

    @Test
    void anUnknownTableIsRefused() {
        assertThatThrownBy(() -> FactorTable.load("nope.yaml")).hasMessageContaining("nope.yaml");
    }
}
