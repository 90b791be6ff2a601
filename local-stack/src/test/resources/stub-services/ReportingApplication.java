package io.plumeline.reporting;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Stands in for the reporting service: health UP on --server.port after a second. */
public class ReportingApplication {
    public static void main(String[] args) throws Exception {
        record("ReportingApplication " + String.join(" ", args));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> record("ReportingApplication stopped")));
        int port = 0;
        for (String arg : args) {
            if (arg.startsWith("--server.port=")) {
                port = Integer.parseInt(arg.substring("--server.port=".length()));
            }
        }
        Thread.sleep(1000);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
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
