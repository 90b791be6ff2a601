package io.plumeline.flink;

import io.plumeline.flink.telemetry.DeadLetter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** A dead-letter sink for MiniCluster tests: the job runs in the test's JVM, so a static queue collects. */
final class DeadLetterCollector implements Sink<DeadLetter> {

    private static final ConcurrentLinkedQueue<DeadLetter> LETTERS = new ConcurrentLinkedQueue<>();

    static void clear() {
        LETTERS.clear();
    }

    static List<DeadLetter> letters() {
        return List.copyOf(LETTERS);
    }

    @Override
    public SinkWriter<DeadLetter> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(DeadLetter letter, Context ctx) {
                LETTERS.add(letter);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
