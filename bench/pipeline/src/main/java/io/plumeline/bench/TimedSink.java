package io.plumeline.bench;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Wraps a sink and records when its first element arrived and when its last writer had flushed at the end of
 * the input, so a job's throughput is timed without the MiniCluster's start and stop. The times live in this JVM
 * (the MiniCluster's tasks run in it) under the name the sink was given.
 */
final class TimedSink<T> implements Sink<T> {

    private static final Map<String, Span> SPANS = new ConcurrentHashMap<>();

    /** First element and last end-of-input flush, {@code System.nanoTime()}; count of elements written. */
    static final class Span {
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong elements = new AtomicLong();

        double seconds() {
            return (last.get() - first.get()) / 1e9;
        }
    }

    private final String name;
    private final Sink<T> delegate;

    TimedSink(String name, Sink<T> delegate) {
        this.name = name;
        this.delegate = delegate;
        SPANS.put(name, new Span());
    }

    static Span span(String name) {
        return SPANS.get(name);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        SinkWriter<T> writer = delegate.createWriter(context);
        Span span = SPANS.get(name);
        return new SinkWriter<>() {
            private boolean started;
            private long written;

            @Override
            public void write(T element, Context ctx) throws IOException, InterruptedException {
                if (!started) {
                    started = true;
                    span.first.accumulateAndGet(System.nanoTime(), Math::min);
                }
                written++;
                writer.write(element, ctx);
            }

            @Override
            public void writeWatermark(Watermark watermark) throws IOException, InterruptedException {
                writer.writeWatermark(watermark);
            }

            @Override
            public void flush(boolean endOfInput) throws IOException, InterruptedException {
                writer.flush(endOfInput);
                if (endOfInput) {
                    span.last.accumulateAndGet(System.nanoTime(), Math::max);
                    span.elements.addAndGet(written);
                    written = 0;
                }
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        };
    }
}
