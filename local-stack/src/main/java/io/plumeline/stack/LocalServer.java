package io.plumeline.stack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A data service of the local stack (InfluxDB, Kafka) running as a child process on loopback, with its data
 * in one folder. A temporary one (for tests) deletes its folder when it stops, and stops when the JVM exits
 * even if nobody closed it.
 */
public abstract class LocalServer implements AutoCloseable {

    private final ChildProcess process;
    private final int port;
    private final Path dataDir;
    private final boolean temporary;
    private final Duration stopGrace;
    private Thread cleanupAtExit;

    LocalServer(ChildProcess process, int port, Path dataDir, boolean temporary, Duration stopGrace) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.stopGrace = stopGrace;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return process.logFile();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The server's process id, for measuring its CPU and memory. */
    public long pid() {
        return process.pid();
    }

    ChildProcess process() {
        return process;
    }

    /** Stops this server and deletes its data when the JVM exits first: a backstop for tests that fail early. */
    void stopAtExit(String threadName) {
        cleanupAtExit = new Thread(this::stopAndClean, threadName);
        Runtime.getRuntime().addShutdownHook(cleanupAtExit);
    }

    /** SIGTERM, so the service shuts down in a controlled way and the next start needs no recovery. */
    @Override
    public void close() {
        if (cleanupAtExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running or about to: it does the same.
            }
        }
        stopAndClean();
    }

    /** Returns true when the service stopped by itself, false when it had to be killed. */
    boolean stopAndClean() {
        beforeStop();
        boolean clean = process.stop(stopGrace);
        if (temporary) {
            Folders.deleteRecursively(dataDir);
        }
        return clean;
    }

    /** What the service's own clients must close before it stops. */
    void beforeStop() {
    }
}
