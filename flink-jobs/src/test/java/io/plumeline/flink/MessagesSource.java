package io.plumeline.flink;

import io.plumeline.flink.telemetry.RawMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/** A bounded source of fixed messages in order (per parallel reader), in place of Kafka. */
final class MessagesSource {

    private MessagesSource() {
    }

    static DataGeneratorSource<RawMessage> of(List<RawMessage> messages) {
        return new DataGeneratorSource<>(new Nth(new ArrayList<>(messages)), messages.size(),
                TypeInformation.of(RawMessage.class));
    }

    private record Nth(ArrayList<RawMessage> messages) implements GeneratorFunction<Long, RawMessage> {
        @Override
        public RawMessage map(Long index) {
            return messages.get(index.intValue());
        }
    }
}
