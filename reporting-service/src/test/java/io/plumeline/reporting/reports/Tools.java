package io.plumeline.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The independent checkers, run as the real programs: xmllint (libxml2-utils) and pdftotext (poppler-utils). */
final class Tools {

    record Result(int exit, String output) {
    }

    /** Where the tests leave the exports they checked, for a person to look at (target/). */
    static final Path SAMPLES = Path.of("target", "report-samples");

    private Tools() {
    }

    /** The text of a PDF download as pdftotext reads it; the PDF and its text are kept in {@link #SAMPLES}. */
    static String pdfText(Path dir, Download pdf) {
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String name = pdf.disposition().replaceAll(".*filename=\"?([^\";]+).*", "$1");
        Path file = write(dir, name, pdf.bytes());
        Result text = run("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-");
        assertThat(text.exit()).as(text.output()).isZero();
        keep(name, pdf.bytes());
        keep(name + ".txt", text.output().getBytes(StandardCharsets.UTF_8));
        return text.output();
    }

    static void keep(String name, byte[] bytes) {
        try {
            Files.createDirectories(SAMPLES);
            Files.write(SAMPLES.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(String... command) {
        String program = command[0];
        if (!Files.isExecutable(Path.of("/usr/bin", program))) {
            throw new IllegalStateException(program + " is not installed (/usr/bin/" + program + "); `./plumeline test`"
                    + " installs it (libxml2-utils for xmllint, poppler-utils for pdftotext)");
        }
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
