package io.plumeline.flink.telemetry;

import static io.plumeline.flink.TestSite.BAD_SENSOR_FAILURE;
import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.message;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.TestSite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public class AdmitReadingTest {

    private static final Instant TS = Instant.parse("2026-11-26T04:00:00.500Z");

    private OneInputStreamOperatorTestHarness<RawMessage, Reading> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new AdmitReading(new ReadingAdmission(TestSite.model(), Duration.ofMinutes(5))));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<DeadLetter> deadLetters() {
        var side = harness.getSideOutput(AdmitReading.DEAD_LETTERS);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    private void send(String text, long offset) throws Exception {
        harness.processElement(RawMessage.of("plumeline.telemetry", 3, offset, text.getBytes(StandardCharsets.UTF_8)), 0);
    }

    @Test
    void aReadingOfAKnownTagPassesAsItIs() throws Exception {
        Reading good = reading(FLOW, TS, 1203.4, GOOD);
        Reading bad = reading(FLOW, TS.plusSeconds(1), null, BAD_SENSOR_FAILURE);
        harness.processElement(message(good, 1), 0);
        harness.processElement(message(bad, 2), 0);

        assertThat(harness.extractOutputValues()).containsExactly(good, bad);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aMessageThatIsNotJsonGoesToTheDeadLettersWithWhereItCameFrom() throws Exception {
        send("temperature=12", 42);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).startsWith("not JSON");
            assertThat(letter.payload()).isEqualTo("temperature=12");
            assertThat(letter.topic()).isEqualTo("plumeline.telemetry");
            assertThat(letter.partition()).isEqualTo(3);
            assertThat(letter.offset()).isEqualTo(42);
        });
    }

    @Test
    void theReasonNamesTheFieldThatIsWrong() throws Exception {
        send("{\"v\":1,\"site\":\"test-refinery\",\"tag\":\"" + FLOW + "\",\"value\":1.0,\"quality\":\"GOOD\",\"status\":0}", 1);
        send("{\"v\":1,\"site\":\"test-refinery\",\"tag\":\"" + FLOW + "\",\"ts\":\"yesterday\",\"value\":1.0,"
                + "\"quality\":\"GOOD\",\"status\":0}", 2);

        assertThat(deadLetters()).extracting(DeadLetter::reason)
                .satisfiesExactly(r -> assertThat(r).isEqualTo("ts: missing"), r -> assertThat(r).startsWith("ts: "));
    }

    @Test
    void aTagOrSiteThatTheSiteModelDoesNotKnowIsADeadLetter() throws Exception {
        harness.processElement(message(reading("heater-9.ghost", TS, 1.0, GOOD), 1), 0);
        harness.processElement(message(Reading.of("other-site", FLOW, TS, 1.0, GOOD, TS, 1), 2), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).extracting(DeadLetter::reason).containsExactly(
                "tag: 'heater-9.ghost' is not in the site model of test-refinery",
                "site: 'other-site' is not the site of this job ('test-refinery')");
    }

    @Test
    void anEmptyMessageIsADeadLetterToo() throws Exception {
        harness.processElement(RawMessage.of("plumeline.telemetry", 0, 7, null), 0);

        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("empty message");
            assertThat(letter.payload()).isNull();
        });
    }

    @Test
    void aReadingStampedAheadOfTheTimeItWasSentOrOfItsServerTsIsADeadLetter() throws Exception {
        // sent (Kafka timestamp) at TS: 10 years ahead is refused, 4 minutes ahead is within the 5-minute tolerance
        Reading tenYearsAhead = reading(FLOW, TS.plus(Duration.ofDays(3653)), 1.0, GOOD);
        Reading aheadOfServer = Reading.of(TestSite.SITE, FLOW, TS.plus(Duration.ofMinutes(6)), 1.0, GOOD, TS, 2);
        Reading slightlyAhead = Reading.of(TestSite.SITE, FLOW, TS.plus(Duration.ofMinutes(4)), 1.0, GOOD, null, 3);
        harness.processElement(sentAt(tenYearsAhead, TS, 1), 0);
        harness.processElement(sentAt(aheadOfServer, TS.plus(Duration.ofHours(1)), 2), 0);
        harness.processElement(sentAt(slightlyAhead, TS, 3), 0);

        assertThat(harness.extractOutputValues()).containsExactly(slightlyAhead);
        assertThat(deadLetters()).extracting(DeadLetter::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("ts: 2036-").contains("days ahead of the time received " + TS),
                r -> assertThat(r).contains("PT6M ahead of serverTs " + TS));
    }

    public static RawMessage sentAt(Reading reading, Instant sent, long offset) {
        return RawMessage.of("plumeline.telemetry", 0, offset, sent.toEpochMilli(),
                io.plumeline.core.telemetry.ReadingJson.toBytes(reading));
    }
}
