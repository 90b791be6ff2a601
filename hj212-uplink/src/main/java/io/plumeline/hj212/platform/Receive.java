package io.plumeline.hj212.platform;

import io.plumeline.core.contracts.ReadyLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hj212-uplink receive --port N}: a receiving platform for checking a data logger. Prints one line per frame:
 * what it was and what was wrong with it, and acknowledges packets that ask for it.
 */
@Command(name = "receive", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Receives HJ 212 packets on a TCP port, checks CRC, length and fields, acknowledges (CN 9014) and prints each.")
public final class Receive implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PORT", description = "TCP port")
    private int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", paramLabel = "ADDRESS", description = "default: ${DEFAULT-VALUE}")
    private String bind;

    @Option(names = "--password-file", paramLabel = "FILE", description = "refuse packets whose PW differs (QnRtn 3)")
    private Path passwordFile;

    @Option(names = "--drop-every", defaultValue = "0", paramLabel = "N", description = "leave every N-th packet unanswered (0: none)")
    private int dropEvery;

    @Option(names = "--delay", defaultValue = "PT0S", paramLabel = "DURATION", description = "wait this long before each reply")
    private Duration delay;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("--port " + port + ": not a port");
        Optional<String> password = passwordFile == null ? Optional.empty() : Optional.of(Files.readString(passwordFile).strip());
        PrintWriter out = spec.commandLine().getOut();
        TestPlatform platform = new TestPlatform(InetAddress.getByName(bind), port, password, r -> {
            synchronized (out) {
                out.println(r.at() + " " + r.outcome() + (r.qnRtn() != null ? " QnRtn=" + r.qnRtn() : "")
                        + (r.problem() != null ? " (" + r.problem() + ")" : "") + " " + r.frame().strip());
                out.flush();
            }
        });
        platform.dropEvery(dropEvery);
        platform.delayReplies(delay);
        platform.start();
        out.println(ReadyLines.HJ212_PLATFORM + " " + bind + ":" + platform.port());
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
