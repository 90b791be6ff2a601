package io.plumeline.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.emissions.Accounting;
import io.plumeline.core.reporting.ChinaGuidelineTotal.Part;
import io.plumeline.core.reporting.ChinaGuidelineTotal.PartTotal;
import io.plumeline.core.reporting.PeriodEmissions.SourceTotal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChinaGuidelineTotalTest {

    static SourceTotal source(String id, String method, double tonnes) {
        return new SourceTotal(id, id.substring(0, id.indexOf('.')), method,
                List.of(new GasTotal("CO2", tonnes * 1000, tonnes * 1000)), tonnes * 1000, 100.0, 0, 0, 1, 0);
    }

    static final Map<String, String> CATEGORIES = Map.of("heater-1.stack", "stationary_combustion",
            "boiler-1.stack", "stationary_combustion", "flare-1.tip", "flare", "fcc-1.regenerator", "process",
            "hgu-1.reformer", "process", "co2r-1.product", "process", "utilities.electricity", "process",
            "utilities.steam", "process", "boiler-1.nox", "stationary_combustion");

    /**
     * By hand, in t CO2: combustion 600 + 400 = 1,000; flare 50; process FCC 180 + hydrogen 120 = 300; recovered 80
     * (stored as −80); electricity 200; heat 40. E_GHG = 1,000 + 50 + 300 − 80 + 200 + 40 = 1,510 t; direct 1,350 t,
     * indirect 240 t, deducted 80 t.
     */
    @Test
    void thePartsAndTheTotalAreTheGuidelinesEquationOne() {
        ChinaGuidelineTotal total = ChinaGuidelineTotal.of(List.of(
                source("boiler-1.stack", "CN_MEE_COMBUSTION", 400),
                source("co2r-1.product", "CN_MEE_CO2_RECOVERY", -80),
                source("fcc-1.regenerator", "CN_MEE_FCC_COKE", 180),
                source("flare-1.tip", "CN_MEE_FLARE", 50),
                source("heater-1.stack", "CN_MEE_COMBUSTION", 600),
                source("hgu-1.reformer", "CN_MEE_HYDROGEN", 120),
                source("utilities.electricity", "CN_MEE_ELECTRICITY", 200),
                source("utilities.steam", "CN_MEE_HEAT", 40)), CATEGORIES::get);

        assertThat(total.parts()).extracting(PartTotal::part).containsExactly(Part.values());
        assertThat(total.part(Part.COMBUSTION).co2eKg()).isCloseTo(1_000_000, within(1e-6));
        assertThat(total.part(Part.COMBUSTION).sources()).containsExactly("boiler-1.stack", "heater-1.stack");
        assertThat(total.part(Part.FLARE).co2eKg()).isCloseTo(50_000, within(1e-6));
        assertThat(total.part(Part.PROCESS).co2eKg()).isCloseTo(300_000, within(1e-6));
        assertThat(total.part(Part.PROCESS).sources()).containsExactly("fcc-1.regenerator", "hgu-1.reformer");
        // the guideline reports the CO2 recovered and subtracts it: the row says both
        PartTotal recovered = total.part(Part.CO2_RECOVERED);
        assertThat(recovered.co2eKg()).isCloseTo(80_000, within(1e-6));
        assertThat(recovered.countedKg()).isCloseTo(-80_000, within(1e-6));
        assertThat(recovered.accounting()).isEqualTo(Accounting.DEDUCTION);
        // electricity and heat are indirect although the example files them under category process
        assertThat(total.part(Part.ELECTRICITY).co2eKg()).isCloseTo(200_000, within(1e-6));
        assertThat(total.part(Part.ELECTRICITY).accounting()).isEqualTo(Accounting.INDIRECT);
        assertThat(total.part(Part.HEAT).co2eKg()).isCloseTo(40_000, within(1e-6));

        assertThat(total.directKg()).isCloseTo(1_350_000, within(1e-6));
        assertThat(total.deductionKg()).isCloseTo(80_000, within(1e-6));
        assertThat(total.indirectKg()).isCloseTo(240_000, within(1e-6));
        assertThat(total.totalKg()).isCloseTo(1_510_000, within(1e-6));
        assertThat(total.parts().stream().mapToDouble(PartTotal::countedKg).sum()).isCloseTo(1_510_000, within(1e-6));
    }

    @Test
    void everyPartIsReportedEvenWithoutSources() {
        ChinaGuidelineTotal total = ChinaGuidelineTotal.of(List.of(source("heater-1.stack", "CN_MEE_COMBUSTION", 12.5)),
                CATEGORIES::get);
        assertThat(total.parts()).hasSize(6);
        assertThat(total.part(Part.CO2_RECOVERED).co2eKg()).isZero();
        assertThat(total.part(Part.HEAT).sources()).isEmpty();
        assertThat(total.totalKg()).isCloseTo(12_500, within(1e-9));
        assertThat(ChinaGuidelineTotal.of(List.of(), CATEGORIES::get).totalKg()).isZero();
    }

    @Test
    void aPollutantSourceIsInNoPartAndAGreenhouseGasThatFitsNoneIsRefused() {
        SourceTotal nox = new SourceTotal("boiler-1.nox", "boiler-1", "POLLUTANT_MASS",
                List.of(new GasTotal("NOx", 12, 0)), 0, null, 0, 0, 1, 0);
        ChinaGuidelineTotal total = ChinaGuidelineTotal.of(List.of(nox), CATEGORIES::get);
        assertThat(total.parts()).allSatisfy(p -> assertThat(p.sources()).isEmpty());

        // a direct method of no part is placed by its category; without one that names a part it is refused
        assertThat(ChinaGuidelineTotal.byCategory("EPA_C2A", "stationary_combustion")).contains(Part.COMBUSTION);
        assertThat(ChinaGuidelineTotal.byCategory("EPA_C2A", "fugitive")).isEmpty();
        assertThatThrownBy(() -> ChinaGuidelineTotal.of(List.of(source("tank-1.vent", "EPA_C2A", 3)), id -> "fugitive"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tank-1.vent");
    }

    @Test
    void theGuidelinesNamesOfItsParts() {
        assertThat(List.of(Part.values())).extracting(Part::guidelineName).containsExactly("燃料燃烧排放", "火炬燃烧排放",
                "工业生产过程排放", "CO2回收利用量", "净购入电力隐含的排放", "净购入热力隐含的排放");
        assertThat(ChinaGuidelineTotal.TOTAL_NAME).isEqualTo("企业温室气体排放总量");
    }
}
