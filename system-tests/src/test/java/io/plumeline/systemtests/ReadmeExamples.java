package io.plumeline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's {@code curl} examples, run as printed by bash (their {@code $(date …)} ranges included): each must
 * answer 200 with a JSON body that is not empty, so the first thing a newcomer types works.
 */
final class ReadmeExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadmeExamples() {
    }

    static List<String> curlLines(Path readme) throws IOException {
        return Files.readAllLines(readme).stream().map(String::strip)
                .filter(l -> l.startsWith("curl ") && l.contains("127.0.0.1:8080/api/")).toList();
    }

    static void assertEachAnswersWithData(Path readme) {
        try {
            List<String> examples = curlLines(readme);
            assertThat(examples).as("curl examples in " + readme).hasSizeGreaterThanOrEqualTo(3);
            for (String example : examples) {
                Process curl = new ProcessBuilder("bash", "-c", example + " --silent --show-error --write-out '\\n%{http_code}'")
                        .redirectErrorStream(true).start();
                assertThat(curl.waitFor(60, TimeUnit.SECONDS)).as("finished: " + example).isTrue();
                String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                String status = out.substring(out.lastIndexOf('\n') + 1);
                String body = out.substring(0, Math.max(0, out.lastIndexOf('\n')));
                assertThat(status).as("HTTP status of the README's\n  %s\nanswered:\n%s", example, body).isEqualTo("200");
                JsonNode json = JSON.readTree(body);
                assertThat(json.isObject() && json.size() > 0).as("a JSON answer to " + example + ": " + body).isTrue();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
