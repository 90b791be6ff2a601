package io.plumeline.flink;

import io.plumeline.flink.influx.InfluxPoint;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** The InfluxDB sink with a failure on demand: once armed, its next point fails the task, as a crash would. */
final class FailingOnce implements Sink<InfluxPoint> {

    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicInteger FAILURES = new AtomicInteger();

    private final Sink<InfluxPoint> delegate;

    FailingOnce(Sink<InfluxPoint> delegate) {
        this.delegate = delegate;
    }

    @Override
    public SinkWriter<InfluxPoint> createWriter(WriterInitContext context) throws IOException {
        SinkWriter<InfluxPoint> writer = delegate.createWriter(context);
        return new SinkWriter<>() {
            @Override
            public void write(InfluxPoint point, Context ctx) throws IOException, InterruptedException {
                if (ARMED.getAndSet(false)) {
                    FAILURES.incrementAndGet();
                    throw new IOException("failure injected by the test");
                }
                writer.write(point, ctx);
            }

            @Override
            public void flush(boolean endOfInput) throws IOException, InterruptedException {
                writer.flush(endOfInput);
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        };
    }
}
