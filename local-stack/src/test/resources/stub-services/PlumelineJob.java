package io.plumeline.flink;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Stands in for the Flink job: writes three readings and one emission hour, then runs until SIGTERM. */
public class PlumelineJob {
    public static void main(String[] args) throws Exception {
        record("PlumelineJob " + String.join(" ", args));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> record("PlumelineJob stopped")));
        String influx = args[Arrays.asList(args).indexOf("--influx") + 1];
        String lines = "telemetry,site=s,unit=u,tag=a value=1.0,status=0,quality=\"GOOD\" 1000000000\n"
                + "telemetry,site=s,unit=u,tag=a value=2.0,status=0,quality=\"GOOD\" 2000000000\n"
                + "telemetry,site=s,unit=u,tag=b status=2156134400,quality=\"BAD\" 2000000000\n"
                + "emissions,site=s,unit=u,source=x,gas=CO2,method=EPA_C2A mass_kg=5.0,co2e_kg=5.0 0\n";
        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(influx + "/write?db=plumeline"))
                .POST(HttpRequest.BodyPublishers.ofString(lines)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        System.out.println("PlumelineJob running (stub), write answered " + status);
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
