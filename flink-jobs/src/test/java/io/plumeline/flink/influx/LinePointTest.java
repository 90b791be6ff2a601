package io.plumeline.flink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinePointTest {

    private static final Instant TS = Instant.parse("2026-11-26T04:00:00.500000001Z");

    @Test
    void tagsAreSortedAndTheTimestampIsInNanoseconds() {
        String line = LinePoint.measurement("telemetry").tag("tag", "t1").tag("site", "s").tag("unit", "u")
                .field("value", 1203.4).timestamp(TS).toLine();
        assertThat(line).isEqualTo("telemetry,site=s,tag=t1,unit=u value=1203.4 1795665600500000001");
    }

    @Test
    void tagsInAnyOrderComeOutSortedAndATagGivenTwiceKeepsItsLastValue() {
        String line = LinePoint.measurement("m").tag("e", "5").tag("b", "2").tag("d", "4").tag("a", "1")
                .tag("c", "3").tag("b", "two").tag("f", "6").field("value", 1.0).timestamp(TS).toLine();
        assertThat(line).isEqualTo("m,a=1,b=two,c=3,d=4,e=5,f=6 value=1 1795665600500000001");
    }

    @Test
    void commasSpacesAndEqualsSignsAreEscapedInTagsAndKeys() {
        String line = LinePoint.measurement("my measurement,x").tag("tag key", "crude feed,a=b")
                .field("field=key", 1.5).timestamp(TS).toLine();
        assertThat(line).isEqualTo("my\\ measurement\\,x,tag\\ key=crude\\ feed\\,a\\=b field\\=key=1.5 1795665600500000001");
    }

    @Test
    void stringFieldsEscapeQuotesAndBackslashes() {
        String line = LinePoint.measurement("m").field("note", "say \"hi\" C:\\temp, a=b").timestamp(TS).toLine();
        assertThat(line).isEqualTo("m note=\"say \\\"hi\\\" C:\\\\temp, a=b\" 1795665600500000001");
    }

    @Test
    void aNullFieldAndAnEmptyTagAreLeftOut() {
        String line = LinePoint.measurement("telemetry").tag("site", "s").tag("unit", "").tag("tag", null)
                .field("value", (Double) null).field("status", 2.1586903E9).field("quality", "BAD")
                .timestamp(TS).toLine();
        assertThat(line).isEqualTo("telemetry,site=s status=2158690300,quality=\"BAD\" 1795665600500000001");
    }

    @Test
    void numbersAreAlwaysFloatsWithoutAnIntegerSuffix() {
        assertThat(LinePoint.formatDouble(0)).isEqualTo("0");
        assertThat(LinePoint.formatDouble(-12)).isEqualTo("-12");
        assertThat(LinePoint.formatDouble(2583.5597)).isEqualTo("2583.5597");
        assertThat(LinePoint.formatDouble(1.0e-4)).isEqualTo("1.0E-4");
        assertThat(LinePoint.formatDouble(3.0e20)).isEqualTo("3.0E20");
    }

    @Test
    void whatLineProtocolCannotHoldIsRefused() {
        assertThatThrownBy(() -> LinePoint.measurement("m").tag("tag", "a\nb"))
                .hasMessageContaining("line break");
        assertThatThrownBy(() -> LinePoint.measurement("m").field("value", Double.NaN))
                .hasMessageContaining("value");
        assertThatThrownBy(() -> LinePoint.measurement("m").timestamp(TS).toLine())
                .hasMessageContaining("at least one field");
    }

    @Test
    void aPointOfTheContractGoesToItsMeasurementsRetentionPolicy() {
        InfluxPoint point = LinePoint.of(Measurement.EMISSIONS).tag(Keys.SITE, "s").field(Keys.MASS_KG, 1.5)
                .timestamp(TS).toPoint();
        assertThat(point.retentionPolicy()).isEqualTo("forever");
        assertThat(point.line()).startsWith("emissions,site=s mass_kg=1.5 ");
        assertThat(LinePoint.of(Measurement.TELEMETRY).field(Keys.VALUE, 1.0).timestamp(TS).toPoint().retentionPolicy())
                .isEqualTo("raw");
        assertThatThrownBy(() -> LinePoint.measurement("m").field("v", 1.0).timestamp(TS).toPoint())
                .hasMessageContaining("no retention policy");
    }
}
