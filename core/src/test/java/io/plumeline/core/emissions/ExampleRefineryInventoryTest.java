package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.site.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example refinery's process sources (examples/sites/refinery.yaml) in the hourly accounting, each tag held all hour
 * at its nominal value: the middle of its valid range, where the plant simulator's default profile swings, so these are
 * the hours a demo computes. And every example site loads, its methods eligible, and every source computes.
 */
class ExampleRefineryInventoryTest {

    private static final Path EXAMPLES = Path.of("../examples/sites");
    private static final SiteModel REFINERY = SiteModelLoader.load(EXAMPLES.resolve("refinery.yaml"));
    private static final SiteModel CHINA = SiteModelLoader.load(EXAMPLES.resolve("china-refinery.yaml"));
    private static final Instant HOUR = Instant.parse("2026-11-26T04:00:00Z");

    /** Each tag input of the source held at its tag's nominal value, one sample a minute. */
    private static Map<String, HourlyEmission> nominalHour(SiteModel model, String sourceId) {
        EmissionSource source = model.source(sourceId).orElseThrow();
        Map<String, List<Sample>> samples = new HashMap<>();
        source.inputs().forEach((input, spec) -> {
            if (!spec.isTag()) return;
            Tag.ValidRange valid = model.tag(spec.tag()).orElseThrow().valid();
            List<Sample> steady = new ArrayList<>();
            for (int m = 0; m < 60; m++) steady.add(new Sample(HOUR.plusSeconds(60L * m), (valid.min() + valid.max()) / 2));
            samples.put(input, steady);
        });
        return HourlyEmissions.compute(model, source, HOUR, samples, Duration.ofMinutes(5)).stream()
                .collect(Collectors.toMap(HourlyEmission::gas, e -> e));
    }

    @Test
    void theCrackersRegeneratorBurnsOffItsCokeByEquationY6() {
        // 80,000 Nm3/h of dry flue gas = 80,000 × 37.889956 = 3,031,196.48 dscf/h (0 °C, 101.325 kPa → 68 °F, 14.7 psia);
        // Eq. Y-6: 3,031,196.48 × (15 + 0.05)/100 × 44/849.5 × 0.001 = 23.628703 t CO2; Eq. Y-9: × 3.0e-3/102.41 =
        // 0.692180 kg CH4; Eq. Y-10: × 6.0e-4/102.41 = 0.138436 kg N2O; AR5: 23,628.703 + 28 × 0.692180 + 265 × 0.138436
        // = 23,684.769 kg CO2e
        Map<String, HourlyEmission> e = nominalHour(REFINERY, "fcc-1.regenerator");
        assertThat(e.get("CO2").massKg()).isCloseTo(23_628.703, within(0.001));
        assertThat(e.get("CH4").massKg()).isCloseTo(0.692180, within(1e-6));
        assertThat(e.get("N2O").massKg()).isCloseTo(0.138436, within(1e-6));
        assertThat(e.get(HourlyEmission.CO2E).co2eKg()).isCloseTo(23_684.769, within(0.001));
        assertThat(e.get("CO2").availabilityPct()).isCloseTo(100, within(1e-9));
    }

    @Test
    void theHydrogenPlantsFeedCarbonIsEquationP1() {
        // 3,600 Nm3 of natural gas = 136,403.84 scf; Eq. P-1: 44/12 × 136,403.84 × 0.725 × 16.75 / 849.5 × 0.001
        // = 7.149694 t CO2, 8.9 kg CO2 per kg of the 0.8 t of hydrogen
        Map<String, HourlyEmission> e = nominalHour(REFINERY, "hgu-1.reformer");
        assertThat(e.get("CO2").massKg()).isCloseTo(7_149.694, within(0.001));
        assertThat(e.get(HourlyEmission.CO2E).co2eKg()).isCloseTo(7_149.694, within(0.001));
    }

    @Test
    void theSulfurRecoveryUnitsAcidGasCarbonIsEquationY12() {
        // 2,000 Nm3 of acid gas = 75,779.91 scf; Eq. Y-12 with the measured MF_C of 10 %: 75,779.91 × 44/849.5 × 0.10
        // × 0.001 = 0.392503 t CO2 (the default MF_C 0.20 would double it)
        Map<String, HourlyEmission> e = nominalHour(REFINERY, "sru-1.claus");
        assertThat(e.get("CO2").massKg()).isCloseTo(392.503, within(0.001));
        assertThat(e).containsOnlyKeys("CO2", HourlyEmission.CO2E);
    }

    @Test
    void theChinaExamplesProcessHoursAtItsNominalValues() {
        // charge heater, 2.5 t/h of refinery dry gas with the guideline's defaults: 2.5 × 45.998 GJ/t × 18.2 tC/TJ × 0.99
        // × 44/12 = 7.597260 t CO2
        assertThat(nominalHour(CHINA, "heater-1.stack").get("CO2").massKg()).isCloseTo(7_597.260, within(0.001));
        // regenerator, 6 t/h of coke: 6 × 1.00 × 0.98 × 44/12 = 21.56 t
        assertThat(nominalHour(CHINA, "fcc-1.regenerator").get("CO2").massKg()).isCloseTo(21_560, within(0.001));
        // hydrogen plant, 15,000 Nm3/h of natural gas less 5,000 Nm3/h of PSA off-gas to fuel:
        // (1.5 × 5.36 − 0.5 × 2.1) × 44/12 = 25.63 t
        assertThat(nominalHour(CHINA, "hgu-1.reformer").get("CO2").massKg()).isCloseTo(25_630, within(0.001));
        // and that off-gas burnt in the reformer's furnace: 5,000 Nm3 × 10.5 MJ/Nm3 = 0.0525 TJ × 20 tC/TJ × 1.00 = 1.05 t C
        // (the 0.5 × 2.1 the balance took out) × 44/12 = 3.85 t CO2
        assertThat(nominalHour(CHINA, "hgu-1.reformer_furnace").get("CO2").massKg()).isCloseTo(3_850, within(0.001));
        // food-grade CO2 recovered, 2,500 Nm3/h at 99.9 %: 0.25 × 0.999 × 19.77 = 4.937558 t, a deduction
        assertThat(nominalHour(CHINA, "co2r-1.product").get("CO2").massKg()).isCloseTo(-4_937.558, within(0.001));
    }

    @Test
    void everyExampleSiteLoadsAndEverySourceComputes() throws IOException {
        List<Path> sites;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            sites = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(sites).extracting(f -> f.getFileName().toString()).contains("refinery.yaml", "china-refinery.yaml");
        for (Path site : sites) {
            SiteModel model = SiteModelLoader.load(site);   // method eligibility is checked at load
            HourlyEmissions.check(model, Calculator.withDefaults());
        }
        assertThat(REFINERY.site().subparts()).containsExactly("C", "P", "Y");
    }
}
