package io.plumeline.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The collector's gap records as docs/processes.md shows them, and what is refused with the field named. */
class GapReportTest {

    private static GapReport parse(String json) {
        return GapReport.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGapRecordNamesItsIntervalTagsAndReason() {
        GapReport gap = parse("""
                {"v":1,"type":"gap","id":"dcs-1/2026-11-26T04:00:00.500Z","site":"dalian-refinery","server":"dcs-1",
                 "reason":"connection-lost","from":"2026-11-26T04:00:00.500Z","to":"2026-11-26T04:01:10.500Z",
                 "noticedAt":"2026-11-26T04:00:02.113Z","closedAt":"2026-11-26T04:01:12.020Z","part":1,"parts":1,
                 "tags":["heater-1.fuel_gas_flow","heater-1.fuel_gas_hhv"]}""");
        assertThat(gap.type()).isEqualTo(GapReport.Type.GAP);
        assertThat(gap.id()).isEqualTo("dcs-1/2026-11-26T04:00:00.500Z");
        assertThat(gap.site()).isEqualTo("dalian-refinery");
        assertThat(gap.from()).isEqualTo(Instant.parse("2026-11-26T04:00:00.500Z"));
        assertThat(gap.to()).isEqualTo(Instant.parse("2026-11-26T04:01:10.500Z"));
        assertThat(gap.tags()).containsExactly("heater-1.fuel_gas_flow", "heater-1.fuel_gas_hhv");
        assertThat(gap.detail()).isEqualTo("connection-lost");
    }

    @Test
    void aBackfillRecordSaysWhatItRecovered() {
        GapReport backfill = parse("""
                {"v":1,"type":"backfill","id":"dcs-1/2026-11-26T04:00:00.500Z","site":"dalian-refinery","server":"dcs-1",
                 "readings":1400,"historyUnsupported":["a"],"historyUnsupportedCount":1,"failed":[],"failedCount":0,
                 "interrupted":[],"interruptedCount":0}""");
        assertThat(backfill.type()).isEqualTo(GapReport.Type.BACKFILL);
        assertThat(backfill.id()).isEqualTo("dcs-1/2026-11-26T04:00:00.500Z");
        assertThat(backfill.detail()).isEqualTo("1400 readings read back, 1 tags without history on the server");
    }

    @Test
    void aRecordOfNoIntervalIsOfNoHour() {
        assertThat(parse("""
                {"v":1,"type":"spool-damaged","site":"dalian-refinery","movedTo":"/x","at":"2026-11-26T04:00:00Z"}""")
                .type()).isEqualTo(GapReport.Type.OTHER);
    }

    @Test
    void whatIsNotAGapRecordIsRefusedWithTheFieldNamed() {
        String gap = """
                {"v":1,"type":"gap","id":"g","site":"s","server":"dcs-1","reason":"connection-lost",
                 "from":"2026-11-26T04:00:00Z","to":"2026-11-26T05:00:00Z","tags":["t"]}""";
        assertThatThrownBy(() -> parse("{not json")).hasMessageStartingWith("gap record: not JSON");
        assertThatThrownBy(() -> parse("[1]")).hasMessage("gap record: not a JSON object");
        assertThatThrownBy(() -> parse(gap.replace("\"v\":1", "\"v\":2"))).hasMessage("gap record: v 2 (1 is read)");
        assertThatThrownBy(() -> parse(gap.replace("\"id\":\"g\",", ""))).hasMessage("gap record: id missing or not a text");
        assertThatThrownBy(() -> parse(gap.replace("2026-11-26T05:00:00Z", "2026-11-26T03:00:00Z")))
                .hasMessage("gap record: to 2026-11-26T03:00:00Z is before from 2026-11-26T04:00:00Z");
        assertThatThrownBy(() -> parse(gap.replace("2026-11-26T05:00:00Z", "9999-12-31T23:59:59Z")))
                .hasMessageContaining("gap record: to 9999-12-31T23:59:59Z is outside");
        assertThatThrownBy(() -> parse(gap.replace("2026-11-26T04:00:00Z", "yesterday")))
                .hasMessage("gap record: from 'yesterday' is not an ISO-8601 instant");
        assertThatThrownBy(() -> parse(gap.replace("[\"t\"]", "\"t\""))).hasMessage("gap record: tags is not a list");
    }
}
