package io.plumeline.flink;

import static io.plumeline.flink.TestSite.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.emissions.HourlyEmission;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hourly function in an operator harness: state, event-time timers and watermarks as in a job.
 * Worked example 4 of the emissions reference: 1,200 Nm3/h for an hour at 38.5 MJ/Nm3 = 46,200 MJ
 * = 43.789 mmBtu (1 mmBtu = 1,055.056 MJ); × 59.00 kg CO2/mmBtu (Table C-1, fuel gas) = 2,583.56 kg CO2.
 */
class HourlyAccountingTest {

    private static final Instant H4 = Instant.parse("2026-11-26T04:00:00Z");
    private static final Instant H5 = H4.plus(Duration.ofHours(1));
    private static final double WORKED_EXAMPLE_KG = 46_200 / 1_055.056 * 59.00;

    private KeyedOneInputStreamOperatorTestHarness<String, SourceSample, HourlyEmission> harness;

    private void open(Duration allowedLateness) throws Exception {
        HourlyAccounting accounting = new HourlyAccounting(TestSite.model(), Duration.ofMinutes(5), allowedLateness);
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(accounting),
                SourceSample::source, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void sample(String input, Instant ts, Double value) throws Exception {
        harness.processElement(new StreamRecord<>(new SourceSample(SOURCE, input, ts, value), ts.toEpochMilli()));
    }

    /** Flow every 10 s and HHV every minute through [from, to), the flow BAD from badFrom (inclusive) to badTo. */
    private void hour(Instant from, Instant to, Instant badFrom, Instant badTo) throws Exception {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(10)) {
            boolean bad = badFrom != null && !t.isBefore(badFrom) && t.isBefore(badTo);
            sample("fuelQuantity", t, bad ? null : 1200.0);
            if (t.getEpochSecond() % 60 == 0) sample("hhv", t, 38.5);
        }
    }

    private void watermark(Instant t) throws Exception {
        harness.processWatermark(t.toEpochMilli());
    }

    @Test
    void anHourOfSamplesGivesOneResultWhenTheWatermarkPassesItsEnd() throws Exception {
        open(Duration.ZERO);
        hour(H4, H5, null, null);

        watermark(H5.minusMillis(2));
        assertThat(harness.extractOutputValues()).isEmpty();

        watermark(H5.minusMillis(1));
        assertThat(harness.extractOutputValues()).singleElement().satisfies(co2 -> {
            assertThat(co2.source()).isEqualTo(SOURCE);
            assertThat(co2.unit()).isEqualTo("heater-1");
            assertThat(co2.gas()).isEqualTo("CO2");
            assertThat(co2.method()).isEqualTo("EPA_C2A");
            assertThat(co2.hourStart()).isEqualTo(H4);
            assertThat(co2.massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01)).isCloseTo(2583.56, within(0.01));
            assertThat(co2.availabilityPct()).isCloseTo(100.0, within(1e-9));
        });

        watermark(H5.plusSeconds(7200));
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void theLastSamplesOfAnHourCarryIntoTheNext() throws Exception {
        open(Duration.ZERO);
        hour(H4, H5, null, null);
        // the next hour's first samples come 50 s late; the 04:59:50 flow and 04:59 HHV hold until then
        hour(H5.plusSeconds(50), H5.plusSeconds(3600), null, null);
        watermark(H5.plusSeconds(3600));

        assertThat(harness.extractOutputValues()).hasSize(2).last().satisfies(co2 -> {
            assertThat(co2.hourStart()).isEqualTo(H5);
            assertThat(co2.availabilityPct()).isCloseTo(100.0, within(1e-9));
            assertThat(co2.massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01));
        });
    }

    @Test
    void withoutAnEarlierHourNothingCarriesIn() throws Exception {
        open(Duration.ZERO);
        hour(H5.plusSeconds(60), H5.plusSeconds(3600), null, null);
        watermark(H5.plusSeconds(3600));

        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(co2 -> assertThat(co2.availabilityPct()).isCloseTo(100.0 * 59 / 60, within(1e-9)));
    }

    @Test
    void aBadGapLowersTheAvailabilityAndTheMass() throws Exception {
        open(Duration.ZERO);
        hour(H4, H5, H4.plusSeconds(20 * 60), H4.plusSeconds(40 * 60));
        watermark(H5);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(co2 -> {
            assertThat(co2.availabilityPct()).isCloseTo(100.0 * 40 / 60, within(1e-9));
            assertThat(co2.massKg()).isCloseTo(WORKED_EXAMPLE_KG * 40 / 60, within(0.01));
        });
    }

    @Test
    void anHourWaitsForTheAllowedLatenessAndThenIgnoresLateSamples() throws Exception {
        open(Duration.ofHours(2));
        hour(H4, H4.plusSeconds(1800), null, null);
        watermark(H5.plusSeconds(3600));
        // late but within the allowed lateness: counted
        hour(H4.plusSeconds(1800), H5, null, null);
        assertThat(harness.extractOutputValues()).isEmpty();

        watermark(H5.plusSeconds(7200));
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(co2 -> assertThat(co2.availabilityPct()).isCloseTo(100.0, within(1e-9)));

        // after the hour was computed: dropped, the hour is not computed again
        sample("fuelQuantity", H4.plusSeconds(5), 9999.0);
        watermark(H5.plusSeconds(3 * 3600));
        assertThat(harness.extractOutputValues()).hasSize(1);
    }
}
