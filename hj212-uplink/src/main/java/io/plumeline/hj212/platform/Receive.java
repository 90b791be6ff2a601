package io.plumeline.hj212.platform;

import io.plumeline.core.contracts.ReadyLines;
import io.plumeline.hj212.packet.Cp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hj212-uplink receive --port N}: a receiving platform for checking a data logger. Prints one line per frame:
 * what it was and what was wrong with it, and acknowledges packets that ask for it. Each line on standard input,
 * {@code MN CN [CP]}, is sent as a request to the connected logger with that MN ({@link TestPlatform#request(String,
 * String, Cp)}); its replies are printed as they come, like any frame.
 */
@Command(name = "receive", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Receives HJ 212 packets on a TCP port, checks CRC, length and fields, acknowledges (CN 9014) and prints each.",
                "Each line on standard input, MN CN [CP], is sent to the connected logger with that MN as a request, "
                        + "e.g. PLM0001 2061 BeginTime=20260301000000;EndTime=20260301020000 or PLM0001 1011."})
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
        Thread requests = new Thread(() -> sendRequests(platform, new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8)), out), "hj212-platform-requests");
        requests.setDaemon(true);
        requests.start();
        new CountDownLatch(1).await();
        return 0;
    }

    /** One request per line until the input ends; a line that is none, or for no connected logger, is said so. */
    static void sendRequests(TestPlatform platform, BufferedReader in, PrintWriter out) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) continue;
                String said;
                try {
                    RequestLine request = RequestLine.parse(line);
                    said = "REQUEST QN=" + platform.request(request.mn(), request.cn(), request.cp()) + " CN=" + request.cn()
                            + " to " + request.mn();
                } catch (IOException | RuntimeException e) {
                    said = "REQUEST not sent (" + e.getMessage() + "): " + line.strip();
                }
                synchronized (out) {
                    out.println(Instant.now() + " " + said);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // standard input is gone: no more requests
        }
    }

    /** A line of standard input: {@code MN CN [CP]}, the CP as between {@code CP=&&} and {@code &&}. */
    record RequestLine(String mn, String cn, Cp cp) {

        static RequestLine parse(String line) {
            String[] parts = line.strip().split("\\s+", 3);
            if (parts.length < 2 || !parts[1].matches("\\d{4}")) {
                throw new IllegalArgumentException("a request is MN CN [CP], e.g. PLM0001 2061 BeginTime=20260301000000;EndTime=20260301020000");
            }
            return new RequestLine(parts[0], parts[1], parts.length == 3 ? Cp.parse(parts[2]) : Cp.EMPTY);
        }
    }
}
