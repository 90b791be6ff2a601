package io.plumeline.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterSerializerTest {

    @Test
    void aDeadLetterIsAJsonObjectOnTheDlqTopic() throws Exception {
        DeadLetter letter = new DeadLetter("ts: missing", "{\"v\":1}", "plumeline.telemetry", 2, 918273);

        ProducerRecord<byte[], byte[]> record = new DeadLetterSerializer("plumeline.telemetry.dlq")
                .serialize(letter, null, 1234L);

        assertThat(record.topic()).isEqualTo("plumeline.telemetry.dlq");
        assertThat(record.timestamp()).isEqualTo(1234L);
        JsonNode json = new ObjectMapper().readTree(record.value());
        assertThat(json.get("reason").asText()).isEqualTo("ts: missing");
        assertThat(json.get("payload").asText()).isEqualTo("{\"v\":1}");
        assertThat(json.get("topic").asText()).isEqualTo("plumeline.telemetry");
        assertThat(json.get("partition").asInt()).isEqualTo(2);
        assertThat(json.get("offset").asLong()).isEqualTo(918273);
    }
}
