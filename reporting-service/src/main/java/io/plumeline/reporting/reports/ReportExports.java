package io.plumeline.reporting.reports;

import io.plumeline.core.lineage.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A report's files: CSV, JSON, XML, the PDF in one language, and the manifest that lists each with its SHA-256
 * and names the inputs. Everything is derived from the stored content and the report's identity, so the same
 * revision gives the same bytes every time.
 */
@Component
public class ReportExports {

    /** A file of a report: its name, media type and bytes. */
    public record ExportFile(String name, String mediaType, byte[] bytes) {
    }

    /** The manifest: the report, each file with its size and SHA-256, and the inputs the numbers were computed under. */
    record Manifest(Map<String, Object> report, List<ManifestFile> files, ReportContent.Inputs inputs) {
    }

    record ManifestFile(String name, String mediaType, long bytes, String sha256) {
    }

    private final ReportsProperties properties;

    public ReportExports(ReportsProperties properties) {
        this.properties = properties;
    }

    public ExportFile file(ReportContent content, ReportIdentity identity, ReportFormat format, Locale language) {
        String base = identity.baseName(content);
        return switch (format) {
            case CSV -> new ExportFile(base + ".csv", format.mediaType(), CsvExport.render(content));
            case JSON -> new ExportFile(base + ".json", format.mediaType(), utf8(ReportJson.write(content)));
            case XML -> new ExportFile(base + ".xml", format.mediaType(), XmlExport.render(content, identity));
            case PDF -> new ExportFile(base + "." + ReportLanguage.tag(language) + ".pdf", format.mediaType(),
                    PdfExport.render(content, identity, language, fontFor(language)));
            case MANIFEST -> new ExportFile(base + ".manifest.json", format.mediaType(),
                    utf8(ReportJson.write(manifest(content, identity, language))));
        };
    }

    /** Every file and the manifest as one zip; entries carry the report's generation time, not the clock's. */
    public ExportFile zip(ReportContent content, ReportIdentity identity, Locale language) {
        LocalDateTime entryTime = LocalDateTime.ofInstant(identity.createdAt(), ZoneOffset.UTC);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            List<ExportFile> files = new ArrayList<>(files(content, identity, language));
            ExportFile manifest = file(content, identity, ReportFormat.MANIFEST, language);
            files.add(new ExportFile("manifest.json", manifest.mediaType(), manifest.bytes()));
            for (ExportFile file : files) {
                ZipEntry entry = new ZipEntry(file.name());
                entry.setTimeLocal(entryTime);
                zip.putNextEntry(entry);
                zip.write(file.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportFile(identity.baseName(content) + ".zip", "application/zip", bytes.toByteArray());
    }

    private List<ExportFile> files(ReportContent content, ReportIdentity identity, Locale language) {
        return ReportFormat.FILES.stream().map(format -> file(content, identity, format, language)).toList();
    }

    private Manifest manifest(ReportContent content, ReportIdentity identity, Locale language) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", identity.id());
        report.put("site", content.site());
        report.put("period", content.period());
        report.put("revision", identity.revision());
        report.put("createdAt", identity.createdAt().toString());
        report.put("createdBy", identity.createdBy());
        report.put("pdfLanguage", ReportLanguage.tag(language));
        report.put("xmlSchema", XmlExport.SCHEMA + " (" + XmlExport.NAMESPACE + ")");
        List<ManifestFile> files = files(content, identity, language).stream()
                .map(f -> new ManifestFile(f.name(), f.mediaType(), f.bytes().length, Sha256.hex(f.bytes()))).toList();
        return new Manifest(report, files, content.inputs());
    }

    /**
     * The Chinese PDF needs a CJK font. English takes it too when it is installed, so that a site, source or tag
     * named in Chinese prints; without one it falls back to the PDF's standard Helvetica.
     */
    private Path fontFor(Locale language) {
        if (!"zh".equals(language.getLanguage())) {
            return properties.cjkFonts().stream().filter(Files::isReadable).findFirst().orElse(null);
        }
        return properties.cjkFonts().stream().filter(Files::isReadable).findFirst().orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "the Chinese PDF needs a CJK TrueType font and none of plumeline.reports.cjk-fonts "
                            + properties.cjkFonts() + " is there; install fonts-wqy-microhei (Debian) or name a font");
            problem.setTitle("No font for the Chinese PDF");
            problem.setProperty("parameter", "lang");
            return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
