package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.site.EmissionSource.OperatingStatus;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelException;
import io.plumeline.core.site.SiteModelLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** A source that names its operating status has non-operating hours: zero, nothing filled, never a missing hour. */
class OperatingHoursTest {

    private static final String MODEL = """
            apiVersion: plumeline/v1
            site: {id: s, name: S, timezone: UTC, program: EPA_PART98, gwp: AR5}
            servers: [{id: d, endpoint: "opc.tcp://127.0.0.1:4840"}]
            units: [{id: h, name: Heater}]
            tags:
              - {id: flow, unit: h, server: d, node: "nsu=urn:t;s=1", uom: Nm3/h}
              - {id: hhv, unit: h, server: d, node: "nsu=urn:t;s=3", uom: MJ/Nm3 HHV}
              - {id: running, unit: h, server: d, node: "nsu=urn:t;s=5", uom: "1"}
            sources:
              - {id: stack, unit: h, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                 inputs: {fuelQuantity: flow, hhv: hhv}, operatingStatus: %s}
            """;
    private static final SiteModel SITE = SiteModelLoader.parse(MODEL.formatted("{tag: running, above: 0.5}"), "test");
    private static final OperatingStatus STATUS = SITE.source("stack").orElseThrow().operatingStatus();
    private static final Instant HOUR = Instant.parse("2026-11-26T04:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(5);

    private static List<Sample> perMinute(IntToDoubleFunction value) {
        return HourlyMethodsTest.perMinute(value);
    }

    private static SourceHourAccount account(Map<String, List<Sample>> samples) {
        return SourceHourAccount.of(SITE, SITE.source("stack").orElseThrow(), HOUR, samples, HOLD, MissingDataContext.NONE,
                HourlyEmissions.DEFAULT_CALCULATOR);
    }

    @Test
    void anHourTheStatusShowsShutDownIsZeroWithNothingFilled() {
        // the heater is off all hour: no fuel flow reading and no HHV at all, which without the status would be a
        // missing hour filled under §98.35(b); shut down, it is 0 kg and 0 substituted minutes
        SourceHourAccount off = account(Map.of(OperatingHours.STATUS_KEY, perMinute(m -> 0)));
        assertThat(off.operating()).isFalse();
        assertThat(off.fills()).isEmpty();
        assertThat(off.emissions()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.massKg()).isZero();
            assertThat(e.substitutedMin()).isZero();
            assertThat(e.availabilityPct()).isEqualTo(100.0);
        });
    }

    @Test
    void anHourWithoutStatusDataOrRunningForAMinuteIsAnOperatingHour() {
        Map<String, List<Sample>> fuel = Map.of("fuelQuantity", perMinute(m -> 1200), "hhv", perMinute(m -> 38.5));
        // 1,200 Nm3/h × 38.5 MJ/Nm3 = 46,200 MJ = 43.7891 mmBtu × 59.00 = 2,583.56 kg CO2
        assertThat(account(fuel).operating()).isTrue();
        assertThat(account(fuel).emissions().get(0).massKg()).isCloseTo(2_583.56, within(0.01));

        // the status tag silent from :30: not known to be off, so an operating hour (a missing hour is never a shut-down one)
        Map<String, List<Sample>> silent = Map.of(OperatingHours.STATUS_KEY, perMinute(m -> m < 30 ? 0 : Double.NaN));
        assertThat(account(silent).operating()).isTrue();
        // running for one minute of it
        Map<String, List<Sample>> started = Map.of(OperatingHours.STATUS_KEY, perMinute(m -> m == 59 ? 1 : 0));
        assertThat(account(started).operating()).isTrue();
    }

    @Test
    void theLastReadingBeforeTheHourHoldsIntoIt() {
        // one "off" reading at 03:58 held 5 min covers only 04:00–04:03: not the whole hour
        assertThat(OperatingHours.notOperating(STATUS, List.of(new Sample(HOUR.minusSeconds(120), 0.0)), HOUR, HOLD))
                .isFalse();
        // held for 2 h (max hold), it covers the hour
        assertThat(OperatingHours.notOperating(STATUS, List.of(new Sample(HOUR.minusSeconds(120), 0.0)), HOUR,
                Duration.ofHours(2))).isTrue();
        assertThat(OperatingHours.notOperating(null, List.of(new Sample(HOUR, 0.0)), HOUR, HOLD)).isFalse();
    }

    @Test
    void theStatusMustNameATagAndAThreshold() {
        assertThatThrownBy(() -> SiteModelLoader.parse(MODEL.formatted("{tag: nope}"), "test"))
                .isInstanceOf(SiteModelException.class)
                .hasMessageContaining("sources[0].operatingStatus.tag: unknown tag 'nope'")
                .hasMessageContaining("sources[0].operatingStatus.above: is required");
    }
}
