package io.plumeline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.accounting.SourceHourResult;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.telemetry.DeadLetter;
import io.plumeline.flink.telemetry.LateReading;
import io.plumeline.flink.telemetry.RawMessage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records between the job's operators, and the live rate's window state, go through Flink's own
 * serializers, not Kryo (slower, and its form is not evolvable): with generic types disabled, building the job's
 * graph creates each of those serializers and fails on any type Flink would hand to Kryo. And every record is
 * immutable, which is what makes the job's object reuse safe (see {@link PlumelineJob#build}).
 */
class PlumelineJobTypesTest {

    static List<SiteModelText> sites() {
        return List.of(TestSite.model(), SiteModelText.read(Path.of("../examples/sites/refinery.yaml"))); // with the chain
    }

    private static StreamExecutionEnvironment jobOf(SiteModelText site, Configuration configuration) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        new PlumelineJob(site, PlumelineJob.Timing.defaults(), MessagesSource.of(List.of()),
                new DiscardingSink<DeadLetter>(), new DiscardingSink<InfluxPoint>()).build(env);
        return env;
    }

    @ParameterizedTest
    @MethodSource("sites")
    void theJobsStreamsNeedNoGenericType(SiteModelText site) {
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);

        assertThat(jobOf(site, noKryo).getStreamGraph().getStreamNodes()).isNotEmpty();
    }

    /**
     * With object reuse a record is handed to the next chained operators as it is, and the heap state keeps the
     * very object it was given: safe only when no record can change after it is emitted.
     */
    @ParameterizedTest
    @MethodSource("sites")
    void everyRecordOfTheJobIsARecordClassAndReusedAsItIs(SiteModelText site) {
        StreamExecutionEnvironment env = jobOf(site, new Configuration());
        assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
        Set<Class<?>> types = new HashSet<>();
        env.getTransformations().forEach(t -> t.getTransitivePredecessors().forEach(p -> types.add(p.getOutputType().getTypeClass())));
        assertThat(types).contains(RawMessage.class, Reading.class, SourceSample.class, SourceHourResult.class, InfluxPoint.class,
                DeadLetter.class, LateReading.class);
        assertThat(types).allSatisfy(type -> assertThat(type.isRecord()).as(type.getName()).isTrue());
    }

    @Test
    void theRecordsArePojosOfFlinksTypes() {
        for (Class<?> type : List.of(RawMessage.class, Reading.class, SourceSample.class, SourceHourResult.class, InfluxPoint.class,
                DeadLetter.class, StreamSample.class, LateReading.class)) {
            assertThat(TypeInformation.of(type)).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            assertNoGenericField(TypeInformation.of(type), type.getSimpleName());
        }
    }

    private static void assertNoGenericField(TypeInformation<?> info, String path) {
        assertThat(info).as(path).isNotInstanceOf(GenericTypeInfo.class);
        if (info instanceof PojoTypeInfo<?> pojo) {
            for (int i = 0; i < pojo.getArity(); i++) {
                var field = pojo.getPojoFieldAt(i);
                assertNoGenericField(field.getTypeInformation(), path + "." + field.getField().getName());
            }
        }
    }
}
