package io.plumeline.flink.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.StreamSample;
import io.plumeline.flink.accounting.SourceHourResult;
import io.plumeline.flink.influx.InfluxPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production chain of the example refinery in an operator harness: state, timers, watermarks and late data
 * as in the job. Hand calculation of the hour: every stream flows at a constant rate all hour, so its mass is its
 * rate × 1 h. Heater-1 (under cdu-1) emits 30,000 kg and heater-2 (under reformer-1) 12,000 kg; the boiler's
 * 8,000 kg stay outside the chain. CDU output: naphtha 100, kerosene 80, diesel 150, residue 170 t (500 t), so
 * the CDU's diesel carries 30,000 × 150 / 500 = 9,000 kg and naphtha takes 6,000 kg into the reformer, which
 * holds 18,000 kg and splits it over reformate 85 t and LPG 15 t: reformate 15,300 kg. The residue takes
 * 10,200 kg into the cracker, which splits it by value over its yields at the example's nominal shares (gasoline
 * 74.8 t × 800, LPG 27.2 × 550, LCO 37.4 × 650, slurry 11.9 × 420, dry gas 6.8 × 300, coke 11.9 × 0 = 106,148):
 * its gasoline 10,200 × 59,840 / 106,148 = 5,750.160 kg, the LCO 10,200 × 24,310 / 106,148 = 2,336.003 kg,
 * which the hydrotreater, with 1.36 t of hydrogen, passes on to its 38.42 t of diesel. Diesel: 150 + 38.42 t,
 * 11,336.003 kg (60.163 kg/t); gasoline: 85 + 74.8 t, 21,050.160 kg (131.728 kg/t).
 */
class HourlyChainTest {

    static final String SITE = "dalian-refinery";
    static final Instant H4 = Instant.parse("2026-11-26T04:00:00Z");
    static final Instant H5 = H4.plus(Duration.ofHours(1));
    static final Map<String, Double> RATES = new LinkedHashMap<>();

    static {
        RATES.put("cdu-1.crude_feed", 500.0);
        RATES.put("cdu-1.naphtha_flow", 100.0);
        RATES.put("cdu-1.kerosene_flow", 80.0);
        RATES.put("cdu-1.diesel_flow", 150.0);
        RATES.put("cdu-1.residue_flow", 170.0);
        RATES.put("reformer-1.reformate_flow", 85.0);
        RATES.put("reformer-1.lpg_flow", 15.0);
        RATES.put("fcc-1.gasoline_flow", 74.8);
        RATES.put("fcc-1.lpg_flow", 27.2);
        RATES.put("fcc-1.lco_flow", 37.4);
        RATES.put("fcc-1.slurry_flow", 11.9);
        RATES.put("fcc-1.dry_gas_flow", 6.8);
        RATES.put("fcc-1.coke_burn_rate", 11.9);
        RATES.put("hgu-1.hydrogen_flow", 1.36);
        RATES.put("dht-1.diesel_flow", 38.42);
        RATES.put("sru-1.sulfur_flow", 2.4);
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, SourceHourResult, StreamSample, InfluxPoint> harness;

    @BeforeEach
    void open() throws Exception {
        SiteModelText refinery = SiteModelText.read(Path.of("../examples/sites/refinery.yaml"));
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new HourlyChain(refinery, Duration.ofMinutes(5), Duration.ofHours(2), 0.02)),
                r -> r.emission().site(), StreamSample::site, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void watermark(long t) throws Exception {
        harness.processBothWatermarks(new Watermark(t));
    }

    private void flows(Instant from, Instant to, Map<String, Double> rates) throws Exception {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
            for (Map.Entry<String, Double> rate : rates.entrySet()) {
                harness.processElement2(new StreamRecord<>(new StreamSample(SITE, rate.getKey(), t, rate.getValue()),
                        t.toEpochMilli()));
            }
        }
    }

    private void total(String unit, String source, Instant hour, double co2eKg) throws Exception {
        HourlyEmission e = new HourlyEmission(SITE, unit, source, HourlyEmission.CO2E, "EPA_C2A", hour, co2eKg, co2eKg,
                100, 0, HourlyEmission.lineageId(SITE, source, HourlyEmission.CO2E, hour));
        harness.processElement1(new StreamRecord<>(new SourceHourResult(e, null, 0, List.of(e.lineageId()), "{}"), hour.toEpochMilli() + 3_599_999));
    }

    private void sources(Instant hour, double heater1) throws Exception {
        total("heater-1", "heater-1.stack", hour, heater1);
        total("heater-2", "heater-2.stack", hour, 12_000);
        total("boiler-1", "boiler-1.stack", hour, 8_000);
    }

    private List<Line> lines(String measurement) {
        return harness.extractOutputValues().stream().map(p -> Line.parse(p.line()))
                .filter(l -> l.measurement.equals(measurement)).toList();
    }

    private Line last(String measurement, String tag, String value) {
        List<Line> matching = lines(measurement).stream().filter(l -> value.equals(l.tags.get(tag))).toList();
        return matching.get(matching.size() - 1);
    }

    @Test
    void anHourGivesEachProductsIntensityAndConservesItsCo2e() throws Exception {
        flows(H4, H5, RATES);
        sources(H4, 30_000);
        watermark(H5.toEpochMilli() - 1);

        assertThat(lines("product_intensity")).extracting(l -> l.tags.get("product"))
                .containsExactlyInAnyOrder("jet_fuel", "diesel", "fuel_oil", "gasoline", "lpg", "fuel_gas", "sulfur");
        Line diesel = last("product_intensity", "product", "diesel");
        assertThat(diesel.time).isEqualTo(H4);
        assertThat(diesel.number("mass_t")).isCloseTo(188.42, within(1e-9));
        assertThat(diesel.number("co2e_kg")).isCloseTo(11_336.003, within(1e-3));
        assertThat(diesel.number("intensity_kg_per_t")).isCloseTo(60.163, within(1e-3));
        Line gasoline = last("product_intensity", "product", "gasoline");
        assertThat(gasoline.number("co2e_kg")).isCloseTo(21_050.160, within(1e-3));
        assertThat(gasoline.number("intensity_kg_per_t")).isCloseTo(131.728, within(1e-3));

        Line hour = last("chain_hour", "site", SITE);
        assertThat(hour.number("sources_co2e_kg")).isEqualTo(50_000.0);
        assertThat(hour.number("products_co2e_kg") + hour.number("unallocated_co2e_kg"))
                .isCloseTo(50_000.0, within(50_000 * 1e-9));
        assertThat(last("chain_unallocated", "unit", "boiler-1").fields.get("reason")).isEqualTo("\"OUTSIDE_CHAIN\"");
        assertThat(last("chain_unallocated", "unit", "boiler-1").number("co2e_kg")).isEqualTo(8_000.0);
        assertThat(last("chain_unallocated", "unit", "cdu-1").fields.get("reason")).isEqualTo("\"NONE\"");
        // the CDU takes 500 t and gives 500 t; the reformer takes 100 t and gives 100 t; the cracker 170 t and 170 t;
        // the hydrotreater 38.76 t and gives 38.42 t (0.9 %, within the 2 %)
        assertThat(lines("material_balance")).extracting(l -> l.fields.get("flagged")).containsOnly("false");
    }

    @Test
    void aLateStreamReadingOrARecomputedSourceComputesTheHourAgain() throws Exception {
        flows(H4, H5, RATES);
        sources(H4, 30_000);
        watermark(H5.toEpochMilli() - 1);
        int first = lines("product_intensity").size();

        // a late diesel reading from :30 on at 0 t/h (within the allowed lateness): the CDU's diesel 75 t, the CDU out of balance
        for (Instant t = H4.plusSeconds(1800); t.isBefore(H5); t = t.plusSeconds(60)) {
            harness.processElement2(new StreamRecord<>(new StreamSample(SITE, "cdu-1.diesel_flow", t.plusSeconds(1), 0.0),
                    t.toEpochMilli()));
        }
        total("heater-1", "heater-1.stack", H4, 33_000);   // and the heater's hour recomputed upstream
        watermark(H5.toEpochMilli() + 60_000);

        assertThat(lines("product_intensity")).hasSize(2 * first);
        Line diesel = last("product_intensity", "product", "diesel");
        assertThat(diesel.number("mass_t")).isCloseTo(75 + 30 * 150.0 / 3600 + 38.42, within(1e-9));
        assertThat(last("chain_hour", "site", SITE).number("sources_co2e_kg")).isEqualTo(53_000.0);
        assertThat(last("material_balance", "unit", "cdu-1").fields.get("flagged")).isEqualTo("true");
        assertThat(last("chain_hour", "site", SITE).number("imbalance_flags")).isEqualTo(1.0);
    }

    @Test
    void aStreamReadingAfterTheAllowedLatenessChangesNoHour() throws Exception {
        flows(H4, H5, RATES);
        sources(H4, 30_000);
        watermark(H5.plus(Duration.ofHours(2)).toEpochMilli());
        int written = harness.extractOutputValues().size();

        harness.processElement2(new StreamRecord<>(new StreamSample(SITE, "cdu-1.diesel_flow", H4.plusSeconds(30), 0.0),
                H4.toEpochMilli()));
        watermark(H5.plus(Duration.ofHours(3)).toEpochMilli());

        assertThat(harness.extractOutputValues()).hasSize(written);
        assertThat(harness.numKeyedStateEntries()).as("the hour's state is gone, only the carried samples stay").isEqualTo(1);
    }

    @Test
    void theLastFlowOfAnHourCarriesIntoTheNext() throws Exception {
        flows(H4, H5, RATES);
        sources(H4, 30_000);
        sources(H5, 30_000);
        watermark(H5.plus(Duration.ofHours(1)).toEpochMilli() - 1);

        // no reading in the 5 o'clock hour: the 04:59 readings hold for the max hold (5 min) into it
        List<Line> diesel = lines("product_intensity").stream().filter(l -> "diesel".equals(l.tags.get("product"))).toList();
        assertThat(diesel.get(diesel.size() - 1).time).isEqualTo(H5);
        assertThat(diesel.get(diesel.size() - 1).number("mass_t")).isCloseTo((150.0 + 38.42) * 4 / 60, within(1e-9));
    }

    /** A line of line protocol, read back as far as these tests need (no escaped separators in their values). */
    record Line(String measurement, Map<String, String> tags, Map<String, String> fields, Instant time) {

        static Line parse(String line) {
            String[] parts = line.split(" ");
            String[] keys = parts[0].split(",");
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 1; i < keys.length; i++) tags.put(keys[i].split("=")[0], keys[i].split("=")[1]);
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : parts[1].split(",")) fields.put(field.split("=")[0], field.split("=")[1]);
            long nanos = Long.parseLong(parts[2]);
            return new Line(keys[0], tags, fields, Instant.ofEpochSecond(0, nanos));
        }

        double number(String field) {
            return Double.parseDouble(fields.get(field));
        }
    }
}
