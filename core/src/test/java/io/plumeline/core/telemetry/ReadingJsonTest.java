package io.plumeline.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingJsonTest {

    /** The top-level field names of a JSON object, in order. */
    private static final class JsonFields {
        static java.util.List<String> of(String json) {
            try {
                java.util.List<String> names = new java.util.ArrayList<>();
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).fieldNames().forEachRemaining(names::add);
                return names;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheContractExample() {
        Reading r = ReadingJson.parse(bytes("""
                {"v":1,"site":"dalian-refinery","tag":"heater-1.fuel_gas_flow","ts":"2026-11-26T04:00:00.500Z",
                 "value":1203.4,"quality":"GOOD","status":0,"serverTs":"2026-11-26T04:00:00.512Z","seq":918273}"""));
        assertThat(r).isEqualTo(new Reading(1, "dalian-refinery", "heater-1.fuel_gas_flow",
                Instant.parse("2026-11-26T04:00:00.500Z"), 1203.4, Quality.GOOD, 0,
                Instant.parse("2026-11-26T04:00:00.512Z"), 918273));
    }

    @Test
    void roundTripsAndKeepsANullValueForBad() {
        Reading bad = Reading.of("s", "t", Instant.parse("2026-01-01T00:00:00Z"), 5.0, 0x808B0000L, null, 7);
        assertThat(bad.quality()).isEqualTo(Quality.BAD);
        assertThat(bad.value()).isNull();
        String json = ReadingJson.toJson(bad);
        assertThat(JsonFields.of(json)).containsExactly("v", "site", "tag", "ts", "value", "quality", "status", "serverTs", "seq");
        assertThat(json).contains("\"value\":null").contains("\"ts\":\"2026-01-01T00:00:00Z\"").contains("\"status\":2156593152");
        assertThat(ReadingJson.parse(bytes(json))).isEqualTo(bad);
    }

    @Test
    void qualityFollowsTheStatusCodeSeverity() {
        assertThat(Quality.fromStatusCode(0)).isEqualTo(Quality.GOOD);
        assertThat(Quality.fromStatusCode(0x40920000L)).isEqualTo(Quality.UNCERTAIN); // Uncertain_SubNormal
        assertThat(Quality.fromStatusCode(0x80340000L)).isEqualTo(Quality.BAD);       // Bad_NodeIdUnknown
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json|not JSON",
            "{\"v\":1,\"tag\":\"t\",\"ts\":\"yesterday\",\"quality\":\"GOOD\",\"value\":1}|ts: ",
            "{\"v\":1,\"tag\":\"t\",\"quality\":\"GOOD\",\"value\":1}|ts: missing",
            "{\"v\":2,\"tag\":\"t\",\"ts\":\"2026-01-01T00:00:00Z\",\"quality\":\"GOOD\",\"value\":1}|v: unsupported version 2",
            "{\"v\":1,\"ts\":\"2026-01-01T00:00:00Z\",\"quality\":\"GOOD\",\"value\":1}|tag: missing",
            "{\"v\":1,\"tag\":\"t\",\"ts\":\"2026-01-01T00:00:00Z\",\"quality\":\"GOOD\"}|value: missing on a GOOD reading",
            "{\"v\":1,\"tag\":\"t\",\"ts\":\"2026-01-01T00:00:00Z\",\"quality\":\"FINE\",\"value\":1}|quality: ",
            "{\"v\":1,\"tag\":\"t\",\"ts\":\"2026-01-01T00:00:00Z\",\"quality\":\"GOOD\",\"value\":\"high\"}|value: ",
    })
    void refusesBadMessagesNamingTheField(String json, String reason) {
        assertThatThrownBy(() -> ReadingJson.parse(bytes(json)))
                .isInstanceOf(ReadingFormatException.class)
                .hasMessageStartingWith(reason);
    }

    private static String withTs(String ts, String serverTs, String value) {
        return "{\"v\":1,\"tag\":\"t\",\"ts\":\"" + ts + "\",\"quality\":\"GOOD\",\"value\":" + value
                + ",\"serverTs\":" + (serverTs == null ? "null" : "\"" + serverTs + "\"") + "}";
    }

    /** Placeholders of a clock (OPC UA's MinDateTime and MaxDateTime, the epoch) are no reading's time. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "9999-12-31T23:59:59Z|ts: 9999-12-31T23:59:59Z is not a plausible reading time (from 1990-01-01T00:00:00Z to before 2200-01-01T00:00:00Z)",
            "1601-01-01T00:00:00Z|ts: 1601-01-01T00:00:00Z is not a plausible reading time",
            "1970-01-01T00:00:00Z|ts: 1970-01-01T00:00:00Z is not",
            "1989-12-31T23:59:59.999Z|ts: 1989-12-31T23:59:59.999Z is not",
            "2200-01-01T00:00:00Z|ts: 2200-01-01T00:00:00Z is not",
    })
    void refusesAnImplausibleTs(String ts, String reason) {
        assertThatThrownBy(() -> ReadingJson.parse(bytes(withTs(ts, null, "1"))))
                .isInstanceOf(ReadingFormatException.class).hasMessageStartingWith(reason);
    }

    @Test
    void refusesAnImplausibleServerTs() {
        assertThatThrownBy(() -> ReadingJson.parse(bytes(withTs("2026-01-01T00:00:00Z", "1601-01-01T00:00:00Z", "1"))))
                .isInstanceOf(ReadingFormatException.class)
                .hasMessageStartingWith("serverTs: 1601-01-01T00:00:00Z is not a plausible reading time");
        assertThatThrownBy(() -> ReadingJson.parse(bytes(withTs("2026-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1"))))
                .hasMessageStartingWith("serverTs: 9999-12-31T23:59:59Z is not");
    }

    @Test
    void takesTheEdgesOfThePlausibleRange() {
        assertThat(ReadingJson.parse(bytes(withTs("1990-01-01T00:00:00Z", "2199-12-31T23:59:59.999999999Z", "1"))).ts())
                .isEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
        assertThat(ReadingJson.parse(bytes(withTs("2026-01-01T00:00:00Z", null, "1e15"))).value()).isEqualTo(1e15);
        assertThat(ReadingJson.parse(bytes(withTs("2026-01-01T00:00:00Z", null, "-1e15"))).value()).isEqualTo(-1e15);
    }

    /** 1e400 is beyond a double and reads as infinity; 1e300 is a double, but no instrument's. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1e300|value: 1.0E300 is larger in magnitude than 1.0E15, which no instrument reads",
            "-1e300|value: -1.0E300 is larger in magnitude than 1.0E15",
            "1.0000000000000002e15|value: 1.0000000000000002E15 is larger in magnitude",
            "1e400|value: Infinity is not a finite number",
            "-1e400|value: -Infinity is not a finite number",
    })
    void refusesAnAbsurdValue(String value, String reason) {
        assertThatThrownBy(() -> ReadingJson.parse(bytes(withTs("2026-01-01T00:00:00Z", null, value))))
                .isInstanceOf(ReadingFormatException.class).hasMessageStartingWith(reason);
    }
}
