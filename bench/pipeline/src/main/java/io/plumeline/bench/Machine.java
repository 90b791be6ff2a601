package io.plumeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on. */
record Machine(String cpu, int cores, long memoryMiB, String os, String java, String influxd, String loadAtStart) {

    static Machine describe() {
        return new Machine(cpuModelName(), Runtime.getRuntime().availableProcessors(), totalMemoryMiB(), osName(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), influxdVersion(), loadAverage());
    }

    String oneLine() {
        return cores + " vCPU " + cpu + ", " + Math.round(memoryMiB / 1024.0) + " GiB, " + os + ", " + java + ", " + influxd;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String cpuModelName() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long totalMemoryMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String osName() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring(12).replace("\"", "")).findFirst().orElse("Linux");
        } catch (IOException e) {
            return "Linux";
        }
    }

    private static String influxdVersion() {
        try {
            Process p = new ProcessBuilder("influxd", "version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return text.replaceAll("\\s*\\(.*", "");
        } catch (IOException e) {
            return "influxd ?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "influxd ?";
        }
    }
}
