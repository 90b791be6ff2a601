package io.plumeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process from /proc (Linux): what `top` would show, without `top`. */
final class ProcStats {

    /** USER_HZ; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** User + system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident set size in MiB. */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has ended
        }
        return Double.NaN;
    }

    /** CPU seconds of the whole machine (all cores, busy time) so far, from /proc/stat. */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) busy += Long.parseLong(f[i]); // all but idle and iowait
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A process's CPU use over an interval, in percent of one core. */
    static final class CpuMeter {
        private final long pid;
        private double cpu0;
        private long t0;

        CpuMeter(long pid) {
            this.pid = pid;
            reset();
        }

        void reset() {
            cpu0 = cpuSeconds(pid);
            t0 = System.nanoTime();
        }

        double percentOfOneCore() {
            double seconds = (System.nanoTime() - t0) / 1e9;
            return 100 * (cpuSeconds(pid) - cpu0) / seconds;
        }
    }
}
