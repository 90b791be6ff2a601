package io.plumeline.stack;

/** The loopback ports of a local stack: the documented ones for ./plumeline, free ones in tests. */
record StackPorts(int influx, int kafka, int kafkaController, int reporting) {

    static final StackPorts STANDARD = new StackPorts(8086, 9092, 9093, 8080);

    static StackPorts free() {
        return new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free());
    }
}
