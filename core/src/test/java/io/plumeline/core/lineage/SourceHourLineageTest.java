package io.plumeline.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.emissions.MissingDataContext;
import io.plumeline.core.emissions.ReferencePeriod;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.SourceHourAccount;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lineage record of a refinery heater hour: what it counts, that it survives its JSON, and that the hour
 * computed again from the readings and the record is the same to the bit, substituted or not.
 */
class SourceHourLineageTest {

    static final Instant HOUR = Instant.parse("2026-11-26T04:00:00Z");
    static final Duration MAX_HOLD = Duration.ofMinutes(5);
    static String text;
    static SiteModel model;
    static EmissionSource heater;

    @BeforeAll
    static void load() throws IOException {
        text = Files.readString(Path.of("../examples/sites/refinery.yaml"));
        model = SiteModelLoader.parse(text, "refinery.yaml");
        heater = model.source("heater-1.stack").orElseThrow();
    }

    /** Readings of the heater's tags, one every 10 s from 20 s before the hour, with BAD readings from :30 to :40. */
    static Map<String, List<Sample>> readingsByTag() {
        List<Sample> flow = new ArrayList<>();
        List<Sample> hhv = new ArrayList<>();
        List<Sample> carbon = new ArrayList<>();
        List<Sample> mw = new ArrayList<>();
        for (int s = -20; s < 3600; s += 10) {
            Instant ts = HOUR.plusSeconds(s);
            boolean bad = s >= 1800 && s < 2400;
            flow.add(new Sample(ts, bad ? null : 1200 + 0.37 * (s % 97)));
            hhv.add(new Sample(ts, 38.5 + 0.011 * (s % 13)));
            carbon.add(new Sample(ts, 0.72 + 0.001 * (s % 7)));
            mw.add(new Sample(ts, 19.0 + 0.01 * (s % 11)));
        }
        return Map.of("heater-1.fuel_gas_flow", flow, "heater-1.fuel_gas_hhv", hhv,
                "heater-1.fuel_gas_carbon", carbon, "heater-1.fuel_gas_mw", mw);
    }

    /** What the job hands to the accounting: per input, the hour's samples and the last one before it. */
    static Map<String, List<Sample>> asInputs(Map<String, List<Sample>> byTag) {
        Map<String, List<Sample>> byInput = new HashMap<>();
        heater.inputs().forEach((name, spec) -> {
            List<Sample> all = byTag.get(spec.tag());
            List<Sample> before = all.stream().filter(s -> s.ts().isBefore(HOUR)).toList();
            List<Sample> seen = new ArrayList<>(before.subList(before.size() - 1, before.size()));
            seen.addAll(all.stream().filter(s -> !s.ts().isBefore(HOUR)).toList());
            byInput.put(name, seen);
        });
        return byInput;
    }

    @Test
    void theRecordCountsEachTagsReadingsAndNamesWhatMadeTheHour() {
        Map<String, List<Sample>> measured = asInputs(readingsByTag());
        SourceHourAccount account = SourceHourAccount.of(model, heater, HOUR, measured, MAX_HOLD,
                HourlyEmissions.DEFAULT_CALCULATOR);
        LineageRecord record = SourceHourLineage.of(JobIdentity.of(text, "9.9.9"), model, heater, HOUR, measured,
                measured, MAX_HOLD, account, null, MissingDataContext.NONE);

        InputTrace flow = record.input("fuelQuantity").orElseThrow();
        assertThat(flow.tag()).isEqualTo("heater-1.fuel_gas_flow");
        assertThat(flow.good()).isEqualTo(300);
        assertThat(flow.bad()).isEqualTo(60);
        assertThat(flow.substituted()).isZero();
        assertThat(flow.first()).isEqualTo(HOUR);
        assertThat(flow.last()).isEqualTo(HOUR.plusSeconds(3590));
        assertThat(flow.used()).isEqualTo(account.inputs().calculation().inputs().get("fuelQuantity").value());
        assertThat(flow.usedUom()).isEqualTo("Nm3");
        assertThat(record.input("hhv").orElseThrow().good()).isEqualTo(360);
        assertThat(record.siteModelSha256()).hasSize(64).isEqualTo(Sha256.hex(text));
        assertThat(record.jobVersion()).isEqualTo("9.9.9");
        assertThat(record.equation()).contains("C-5"); // the refinery's heaters burn fuel gas: 40 CFR 98.252(a)
        assertThat(record.gwp().tableId()).isEqualTo("GWP_AR5");
        assertThat(record.factorTables()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.version()).isNotBlank();
            assertThat(t.provenance().regulation()).isNotBlank();
        });
        assertThat(record.results()).extracting(LineageRecord.GasRow::gas).contains("CO2", HourlyEmission.CO2E);
        assertThat(record.result("CO2").orElseThrow().lineageId())
                .isEqualTo(HourlyEmission.lineageId("dalian-refinery", "heater-1.stack", "CO2", HOUR)).startsWith("2026112604-");
        assertThat(record.availabilityPct()).isLessThan(100);

        assertThat(LineageJson.read(LineageJson.write(record))).isEqualTo(record);
    }

    @Test
    void anHourComputedAgainFromItsReadingsAndRecordIsTheStoredOne() {
        Map<String, List<Sample>> readings = readingsByTag();
        Map<String, List<Sample>> measured = asInputs(readings);
        SourceHourAccount stored = SourceHourAccount.of(model, heater, HOUR, measured, MAX_HOLD, HourlyEmissions.DEFAULT_CALCULATOR);
        LineageRecord record = LineageJson.read(LineageJson.write(SourceHourLineage.of(JobIdentity.of(text, "1"), model,
                heater, HOUR, measured, measured, MAX_HOLD, stored, null, MissingDataContext.NONE)));

        assertThat(LineageRecompute.recompute(text, "refinery.yaml", record, readings).emissions())
                .isEqualTo(stored.emissions());
    }

    @Test
    void aSubstitutedHourKeepsItsSubstitutesAndIsComputedAgainExactly() {
        Map<String, List<Sample>> readings = readingsByTag();
        Map<String, List<Sample>> measured = asInputs(readings);
        // the gap of the flow filled with one value per minute, as §75.33 fills it in the job
        Map<String, List<Sample>> filled = new HashMap<>(measured);
        List<Sample> flow = new ArrayList<>(measured.get("fuelQuantity").stream().filter(Sample::isGood).toList());
        for (int m = 30; m < 40; m++) flow.add(new Sample(HOUR.plus(Duration.ofMinutes(m)), 1250.25));
        flow.sort(java.util.Comparator.comparing(Sample::ts));
        filled.put("fuelQuantity", flow);
        SourceHourAccount stored = SourceHourAccount.substituted(model, heater, HOUR, measured, filled, MAX_HOLD,
                HourlyEmissions.DEFAULT_CALCULATOR);
        LineageRecord record = LineageJson.read(LineageJson.write(SourceHourLineage.of(JobIdentity.of(text, "1"), model,
                heater, HOUR, measured, filled, MAX_HOLD, stored, "MAXIMUM_LOOK_BACK", MissingDataContext.NONE)));

        assertThat(record.input("fuelQuantity").orElseThrow().substituted()).isEqualTo(10);
        assertThat(record.input("hhv").orElseThrow().substituted()).isZero();
        assertThat(record.substitutedMin()).isEqualTo(stored.emissions().get(0).substitutedMin()).isGreaterThan(0);
        assertThat(LineageRecompute.recompute(text, "refinery.yaml", record, readings).emissions())
                .isEqualTo(stored.emissions());
    }

    @Test
    void anHourFilledUnderTheProgramRuleKeepsWhatTheRuleKnewAndIsComputedAgainExactly() {
        // the carbon content BAD from :50 to the end of the hour: §98.35(b)(1) takes the mean of the last value before
        // the gap and the first after it, here known from the next hour (0.80), so the record must carry it
        Map<String, List<Sample>> readings = new HashMap<>(readingsByTag());
        readings.put("heater-1.fuel_gas_carbon", readings.get("heater-1.fuel_gas_carbon").stream()
                .map(r -> r.ts().isBefore(HOUR.plus(Duration.ofMinutes(50))) ? r : new Sample(r.ts(), null)).toList());
        Map<String, List<Sample>> measured = asInputs(readings);
        MissingDataContext context = new MissingDataContext(Map.of("carbonContent",
                new MissingDataContext.InputHistory(0.70, 0.80, ReferencePeriod.NONE)));
        SourceHourAccount stored = SourceHourAccount.of(model, heater, HOUR, measured, MAX_HOLD, context,
                HourlyEmissions.DEFAULT_CALCULATOR);
        LineageRecord record = LineageJson.read(LineageJson.write(SourceHourLineage.of(JobIdentity.of(text, "1"), model,
                heater, HOUR, measured, measured, MAX_HOLD, stored, null, context)));

        assertThat(record.fills()).filteredOn(f -> f.input().equals("carbonContent")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("EPA_PART98_MEAN_BEFORE_AFTER");
            assertThat(f.citation()).isEqualTo("40 CFR 98.35(b)(1)");
            assertThat(f.fallback()).isNull();
        });
        assertThat(record.missingData().get("carbonContent").firstAfter()).isEqualTo(0.80);
        assertThat(LineageRecompute.recompute(text, "refinery.yaml", record, readings).emissions())
                .isEqualTo(stored.emissions());
        // without what the rule knew, the hour would be another one: the context is part of the record for a reason
        assertThat(SourceHourAccount.of(model, heater, HOUR, measured, MAX_HOLD, HourlyEmissions.DEFAULT_CALCULATOR)
                .emissions().get(0).massKg()).isNotEqualTo(stored.emissions().get(0).massKg());
    }

    @Test
    void anotherSiteModelIsRefused() {
        Map<String, List<Sample>> measured = asInputs(readingsByTag());
        SourceHourAccount stored = SourceHourAccount.of(model, heater, HOUR, measured, MAX_HOLD, HourlyEmissions.DEFAULT_CALCULATOR);
        LineageRecord record = SourceHourLineage.of(JobIdentity.of(text, "1"), model, heater, HOUR, measured, measured,
                MAX_HOLD, stored, null, MissingDataContext.NONE);

        assertThatThrownBy(() -> LineageRecompute.recompute(text + "\n# edited\n", "edited.yaml", record, readingsByTag()))
                .hasMessageContaining("edited.yaml has SHA-256").hasMessageContaining(record.siteModelSha256());
    }

    @Test
    void aLineageIdStartsWithItsUtcHour() {
        String id = HourlyEmission.lineageId("s", "src", "CO2", HOUR);
        assertThat(id).matches("2026112604-[0-9a-f-]{36}");
        assertThat(HourlyEmission.hourOfLineageId(id)).contains(HOUR);
        assertThat(HourlyEmission.hourOfLineageId("2026139904-" + id.substring(11))).isEmpty();
        assertThat(HourlyEmission.hourOfLineageId(id.substring(11))).isEmpty();
        assertThat(HourlyEmission.hourOfLineageId("2026112604-x' OR 1=1")).isEmpty();
    }
}
