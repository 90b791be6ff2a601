package io.plumeline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.site.Tag;
import io.plumeline.simulator.profile.ProfileSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRawModifiedDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HistoryRead raw of one tag, on ticks recomputed from the run's settings: ranges, order, bounds, pages. */
class TagHistoryTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EPOCH = Instant.parse("2026-03-01T12:00:00Z");
    private static final double SPEED = 30;
    private static final String FLOW = "heater-1.fuel_gas_flow";
    private static final long DUE = 20;

    @TempDir
    Path dir;

    private Tag tag;
    private ProfileSet profiles;
    private TickSource source;
    private TagNode node;

    @BeforeEach
    void setUp() throws Exception {
        SiteModel model = SiteModelLoader.load(TestSites.siteWithFreePorts(dir));
        tag = model.tag(FLOW).orElseThrow();
        profiles = ProfileSet.load(model, TestSites.resource("/profiles.yaml"), 7, START);
        source = new TickSource(new SourceClock(START, SPEED), profiles, Map.of(FLOW, List.of(FaultWindow.parse(FLOW + ":3-5"))));
        node = new TagNode(tag, null);
        node.resumeAt(DUE);
    }

    @Test
    void forwardRangeHoldsExactlyItsTicksBadOnesIncluded() throws Exception {
        TagHistory.Page page = history(100_000).readRaw(details(time(2), time(8), 0, false), null, TimestampsToReturn.Both);

        assertThat(ticks(page.values())).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(page.continuationPoint()).isNull();
        assertThat(page.status().isGood()).isTrue();
        for (DataValue value : page.values()) {
            long k = tickOf(value);
            assertThat(value.serverTime().getJavaInstant()).isEqualTo(EPOCH.plusMillis(k * tag.samplingMs()));
            if (k >= 3 && k <= 5) {
                assertThat(value.statusCode().getValue()).isEqualTo(StatusCodes.Bad_SensorFailure);
                assertThat(value.value().value()).isNull();
            } else {
                assertThat(value.statusCode().isGood()).isTrue();
                assertThat(value.value().value()).isEqualTo(profiles.valueAt(FLOW, time(k)));
            }
        }
    }

    @Test
    void pagesFollowTheContinuationPointToTheLastTickDue() throws Exception {
        TagHistory history = history(100_000);
        ReadRawModifiedDetails details = details(time(0), time(1000), 6, false);
        List<Integer> sizes = new ArrayList<>();
        List<DataValue> all = new ArrayList<>();
        ByteString continuationPoint = null;
        do {
            TagHistory.Page page = history.readRaw(details, continuationPoint, TimestampsToReturn.Source);
            sizes.add(page.values().size());
            all.addAll(page.values());
            continuationPoint = page.continuationPoint();
        } while (continuationPoint != null);

        assertThat(sizes).containsExactly(6, 6, 6, 2);
        assertThat(ticks(all)).containsExactlyElementsOf(LongStream.range(0, DUE).boxed().toList());
        assertThat(all).allSatisfy(v -> assertThat(v.serverTime()).isNull());
    }

    @Test
    void laterStartThanEndReadsNewestFirstWithoutTheEndTime() throws Exception {
        TagHistory.Page page = history(100_000).readRaw(details(time(7), time(2), 0, false), null, TimestampsToReturn.Both);

        assertThat(ticks(page.values())).containsExactly(7L, 6L, 5L, 4L, 3L);
    }

    @Test
    void equalStartAndEndReadTheTickAtThatTime() throws Exception {
        TagHistory history = history(100_000);

        assertThat(ticks(history.readRaw(details(time(4), time(4), 0, false), null, TimestampsToReturn.Both).values()))
                .containsExactly(4L);
        TagHistory.Page between = history.readRaw(details(time(4).plusMillis(1), time(4).plusMillis(1), 0, false), null,
                TimestampsToReturn.Both);
        assertThat(between.values()).isEmpty();
        assertThat(between.status().getValue()).isEqualTo(StatusCodes.Good_NoData);
    }

    @Test
    void oneTimeAndACountReadThatManyTicks() throws Exception {
        TagHistory history = history(100_000);

        assertThat(ticks(history.readRaw(details(time(17), null, 5, false), null, TimestampsToReturn.Both).values()))
                .containsExactly(17L, 18L, 19L);
        assertThat(ticks(history.readRaw(details(null, time(10), 3, false), null, TimestampsToReturn.Both).values()))
                .containsExactly(9L, 8L, 7L);
    }

    @Test
    void boundsAreTheNeighbouringTicksOrBoundNotFound() throws Exception {
        Instant afterTick1 = time(1).plusSeconds(1);
        Instant beyond = time(DUE + 5);

        TagHistory.Page page = history(100_000).readRaw(details(afterTick1, beyond, 0, true), null, TimestampsToReturn.Both);

        List<DataValue> values = page.values();
        assertThat(tickOf(values.get(0))).as("start bound: the tick before the start").isEqualTo(1);
        assertThat(ticks(values.subList(1, values.size() - 1)))
                .containsExactlyElementsOf(LongStream.range(2, DUE).boxed().toList());
        DataValue endBound = values.get(values.size() - 1);
        assertThat(endBound.statusCode().getValue()).isEqualTo(StatusCodes.Bad_BoundNotFound);
        assertThat(endBound.sourceTime().getJavaInstant()).isEqualTo(beyond);
    }

    @Test
    void reachesBackOnlyTheLastDepthTicks() throws Exception {
        TagHistory.Page page = history(5).readRaw(details(time(0), time(1000), 0, false), null, TimestampsToReturn.Both);

        assertThat(ticks(page.values())).containsExactly(15L, 16L, 17L, 18L, 19L);
    }

    @Test
    void refusesWhatItCannotServe() {
        TagHistory history = history(100_000);

        assertStatus(() -> history.readRaw(new ReadRawModifiedDetails(true, new DateTime(time(0)), new DateTime(time(5)),
                uint(0), false), null, TimestampsToReturn.Both), StatusCodes.Bad_HistoryOperationUnsupported);
        assertStatus(() -> history.readRaw(details(time(0), null, 0, false), null, TimestampsToReturn.Both),
                StatusCodes.Bad_HistoryOperationInvalid);
        assertStatus(() -> history.readRaw(details(null, null, 5, false), null, TimestampsToReturn.Both),
                StatusCodes.Bad_InvalidTimestampArgument);
        assertStatus(() -> history.readRaw(details(time(0), time(5), 0, false), ByteString.of(new byte[] {1, 2, 3}),
                TimestampsToReturn.Both), StatusCodes.Bad_ContinuationPointInvalid);
        assertStatus(() -> history.readRaw(details(time(0), time(5), 0, false), null, TimestampsToReturn.Neither),
                StatusCodes.Bad_TimestampsToReturnInvalid);
    }

    private interface Read {
        void run() throws UaException;
    }

    private static void assertStatus(Read read, long status) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(UaException.class,
                e -> assertThat(e.getStatusCode().getValue()).isEqualTo(status));
    }

    private TagHistory history(long depth) {
        return new TagHistory(node, source, new TickSchedule(EPOCH), depth);
    }

    private Instant time(long k) {
        return source.sourceTime(tag, k);
    }

    private static ReadRawModifiedDetails details(Instant start, Instant end, long numValues, boolean bounds) {
        return new ReadRawModifiedDetails(false, start == null ? DateTime.MIN_VALUE : new DateTime(start),
                end == null ? DateTime.MIN_VALUE : new DateTime(end), uint(numValues), bounds);
    }

    private long tickOf(DataValue value) {
        Duration since = Duration.between(START, value.sourceTime().getJavaInstant());
        return since.toMillis() / (long) (tag.samplingMs() * SPEED);
    }

    private List<Long> ticks(List<DataValue> values) {
        return values.stream().map(this::tickOf).toList();
    }
}
