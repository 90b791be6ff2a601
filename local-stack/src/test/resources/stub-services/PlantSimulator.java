package io.plumeline.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Stands in for the plant simulator: says it is ready, then runs until SIGTERM. */
public class PlantSimulator {
    public static void main(String[] args) throws Exception {
        String server = args[Arrays.asList(args).indexOf("--server") + 1];
        record("PlantSimulator " + String.join(" ", args));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> record("PlantSimulator " + server + " stopped")));
        System.out.println("PlantSimulator ready on opc.tcp://127.0.0.1/stub/" + server);
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
