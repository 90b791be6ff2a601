package io.plumeline.edge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Stands in for the edge collector; with a site file named failing-*.yaml it fails the way a real one would. */
public class EdgeCollector {
    public static void main(String[] args) throws Exception {
        record("EdgeCollector " + String.join(" ", args));
        String site = args[Arrays.asList(args).indexOf("--site") + 1];
        if (Path.of(site).getFileName().toString().startsWith("failing-")) {
            System.err.println("edge-collector: cannot reach dcs-1 at opc.tcp://127.0.0.1:4840/plumeline");
            System.exit(3);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> record("EdgeCollector stopped")));
        System.out.println("EdgeCollector started (stub)");
        Thread.sleep(Long.MAX_VALUE);
    }

    static void record(String line) {
        try {
            Files.writeString(Path.of("stub-calls.txt"), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
