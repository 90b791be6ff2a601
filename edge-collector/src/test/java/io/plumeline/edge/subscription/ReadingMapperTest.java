package io.plumeline.edge.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.telemetry.Quality;
import io.plumeline.core.telemetry.Reading;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.junit.jupiter.api.Test;

class ReadingMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-26T04:00:07.123456Z");
    private static final Instant SOURCE = Instant.parse("2026-11-26T04:00:00.500Z");
    private static final Instant SERVER = Instant.parse("2026-11-26T04:00:00.512Z");

    private final ReadingMapper mapper = new ReadingMapper("dalian-refinery", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theSourceTimestampIsTheEventTimeAndTheServerTimestampIsKept() {
        Reading reading = mapper.map("heater-1.fuel_gas_flow", value(new Variant(1203.4), StatusCode.GOOD, SOURCE, SERVER));

        assertThat(reading).isEqualTo(new Reading(1, "dalian-refinery", "heater-1.fuel_gas_flow", SOURCE, 1203.4,
                Quality.GOOD, 0, SERVER, reading.seq()));
    }

    @Test
    void withoutASourceTimestampTheServerTimestampIsTheEventTime() {
        assertThat(mapper.map("t", value(new Variant(1.0), StatusCode.GOOD, null, SERVER)).ts()).isEqualTo(SERVER);
        assertThat(mapper.map("t", value(new Variant(1.0), StatusCode.GOOD, DateTime.NULL_VALUE, SERVER)).ts())
                .isEqualTo(SERVER);
    }

    @Test
    void withoutAnyTimestampTheReceiptTimeIsTheEventTime() {
        Reading reading = mapper.map("t", value(new Variant(1.0), StatusCode.GOOD, null, null));

        assertThat(reading.ts()).isEqualTo(NOW);
        assertThat(reading.serverTs()).isNull();
    }

    @Test
    void numbersOfEveryOpcUaTypeAndBooleansBecomeDoubles() {
        assertThat(mapper.map("t", value(new Variant(21.5f), StatusCode.GOOD, SOURCE, SERVER)).value()).isEqualTo(21.5);
        assertThat(mapper.map("t", value(new Variant(-7), StatusCode.GOOD, SOURCE, SERVER)).value()).isEqualTo(-7.0);
        assertThat(mapper.map("t", value(new Variant((short) 3), StatusCode.GOOD, SOURCE, SERVER)).value()).isEqualTo(3.0);
        assertThat(mapper.map("t", value(new Variant(Unsigned.uint(4_000_000_000L)), StatusCode.GOOD, SOURCE, SERVER)).value())
                .isEqualTo(4.0e9);
        assertThat(mapper.map("t", value(new Variant(Unsigned.ubyte(200)), StatusCode.GOOD, SOURCE, SERVER)).value())
                .isEqualTo(200.0);
        assertThat(mapper.map("t", value(new Variant(true), StatusCode.GOOD, SOURCE, SERVER)).value()).isEqualTo(1.0);
        assertThat(mapper.map("t", value(new Variant(false), StatusCode.GOOD, SOURCE, SERVER)).value()).isEqualTo(0.0);
    }

    @Test
    void aBadStatusGivesABadReadingWithoutValueAndTheRawStatus() {
        Reading reading = mapper.map("t", value(new Variant(5.0), new StatusCode(StatusCodes.Bad_SensorFailure), SOURCE, SERVER));

        assertThat(reading.quality()).isEqualTo(Quality.BAD);
        assertThat(reading.value()).isNull();
        assertThat(reading.status()).isEqualTo(StatusCodes.Bad_SensorFailure);
        assertThat(reading.ts()).isEqualTo(SOURCE);
    }

    @Test
    void anUncertainStatusKeepsTheValue() {
        Reading reading = mapper.map("t", value(new Variant(5.0), new StatusCode(StatusCodes.Uncertain_LastUsableValue), SOURCE, SERVER));

        assertThat(reading.quality()).isEqualTo(Quality.UNCERTAIN);
        assertThat(reading.value()).isEqualTo(5.0);
        assertThat(reading.status()).isEqualTo(StatusCodes.Uncertain_LastUsableValue);
    }

    @Test
    void aValueThatIsNotANumberIsForwardedAsBadTypeMismatch() {
        for (Variant notANumber : new Variant[] {new Variant("open"), Variant.NULL_VALUE, new Variant(new double[] {1, 2})}) {
            Reading reading = mapper.map("valve", value(notANumber, StatusCode.GOOD, SOURCE, SERVER));

            assertThat(reading.quality()).isEqualTo(Quality.BAD);
            assertThat(reading.value()).isNull();
            assertThat(reading.status()).isEqualTo(StatusCodes.Bad_TypeMismatch);
            assertThat(reading.ts()).isEqualTo(SOURCE);
        }
    }

    @Test
    void aNonFiniteNumberIsForwardedAsBadOutOfRange() {
        Reading reading = mapper.map("t", value(new Variant(Double.NaN), StatusCode.GOOD, SOURCE, SERVER));

        assertThat(reading.quality()).isEqualTo(Quality.BAD);
        assertThat(reading.value()).isNull();
        assertThat(reading.status()).isEqualTo(StatusCodes.Bad_OutOfRange);
    }

    @Test
    void seqIncreasesAndStartsAboveTheStartTimeInMicroseconds() {
        long first = mapper.map("a", value(new Variant(1.0), StatusCode.GOOD, SOURCE, SERVER)).seq();
        long second = mapper.map("b", value(new Variant(1.0), StatusCode.GOOD, SOURCE, SERVER)).seq();

        long startMicros = NOW.getEpochSecond() * 1_000_000L + NOW.getNano() / 1_000;
        assertThat(first).isGreaterThan(startMicros);
        assertThat(second).isGreaterThan(first);

        // A restart a second later still counts up, as the run before produced under a million readings a second.
        ReadingMapper restarted = new ReadingMapper("dalian-refinery", Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC));
        assertThat(restarted.map("a", value(new Variant(1.0), StatusCode.GOOD, SOURCE, SERVER)).seq()).isGreaterThan(second);
    }

    private static DataValue value(Variant variant, StatusCode status, Object source, Instant server) {
        DateTime sourceTime = source instanceof Instant i ? new DateTime(i) : (DateTime) source;
        return DataValue.newValue().setValue(variant).setStatus(status).setSourceTime(sourceTime)
                .setServerTime(server == null ? null : new DateTime(server)).build();
    }
}
