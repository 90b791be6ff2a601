package io.plumeline.reporting.reports;

import io.plumeline.core.reporting.ReportingPeriod;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.security.Role;
import io.plumeline.reporting.site.SiteCatalog;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Period reports: the report of the data as it is now, and stored revisions with their lifecycle, differences and
 * exports. Who may call what is the security configuration's; here a regulator is shown submitted reports only,
 * and any other one is answered 404 as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/reports")
public class ReportsController {

    private final SiteCatalog sites;
    private final ReportCalculator calculator;
    private final ReportService reports;
    private final ReportExports exports;

    public ReportsController(SiteCatalog sites, ReportCalculator calculator, ReportService reports, ReportExports exports) {
        this.sites = sites;
        this.calculator = calculator;
        this.reports = reports;
        this.exports = exports;
    }

    /** A stored report with its frozen content. */
    public record ReportView(String id, String site, String period, int revision, String status, Instant createdAt,
                             String createdBy, Instant approvedAt, String approvedBy, Instant submittedAt,
                             String submittedBy, double co2eKg, String previousRevisionId, ReportContent content) {

        static ReportView of(ReportSummary s, ReportContent content) {
            return new ReportView(s.id(), s.site(), s.period(), s.revision(), s.status(), s.createdAt(), s.createdBy(),
                    s.approvedAt(), s.approvedBy(), s.submittedAt(), s.submittedBy(), s.co2eKg(), s.previousRevisionId(),
                    content);
        }
    }

    /** Contract 5's period report, computed from the data now and not stored. */
    @GetMapping("/emissions")
    public ResponseEntity<byte[]> current(@RequestParam(required = false) String site,
                                          @RequestParam(required = false) String period,
                                          @RequestParam(required = false) String format,
                                          @RequestParam(required = false) String lang,
                                          Authentication user) {
        SiteModel model = sites.resolve(site);
        ReportingPeriod reportingPeriod = PeriodParameter.parse(period);
        ReportFormat reportFormat = ReportFormat.parse("format", format, false);
        Locale language = ReportLanguage.of(lang, model.site());
        ReportContent content = calculator.compute(model, reportingPeriod);
        ReportIdentity identity = ReportIdentity.now(Instant.now().truncatedTo(ChronoUnit.SECONDS), user.getName());
        return file(exports.file(content, identity, reportFormat, language), reportFormat != ReportFormat.JSON);
    }

    @PostMapping
    public ResponseEntity<ReportSummary> generate(@RequestParam(required = false) String site,
                                                  @RequestParam(required = false) String period,
                                                  Authentication user) {
        SiteModel model = sites.resolve(site);
        ReportSummary report = reports.generate(model, PeriodParameter.parse(period), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id())).body(report);
    }

    @GetMapping
    public Map<String, List<ReportSummary>> list(@RequestParam(required = false) String site,
                                                 @RequestParam(required = false) String period,
                                                 @RequestParam(required = false) String status,
                                                 Authentication user) {
        String siteId = site == null || site.isBlank() ? null : sites.resolve(site).site().id();
        String periodText = period == null || period.isBlank() ? null : PeriodParameter.parse(period).toString();
        ReportStatus wanted = status == null || status.isBlank() ? null : ReportStatus.parse("status", status);
        if (submittedOnly(user)) {
            if (wanted != null && wanted != ReportStatus.SUBMITTED) return Map.of("reports", List.of());
            wanted = ReportStatus.SUBMITTED;
        }
        return Map.of("reports", reports.list(siteId, periodText, wanted));
    }

    @GetMapping("/{id}")
    public ReportView report(@PathVariable String id, Authentication user) {
        ReportSummary report = reports.find(id, submittedOnly(user));
        return ReportView.of(report, reports.content(report));
    }

    @PostMapping("/{id}/approve")
    public ReportSummary approve(@PathVariable String id, Authentication user) {
        return reports.approve(id, user.getName());
    }

    @PostMapping("/{id}/submit")
    public ReportSummary submit(@PathVariable String id, Authentication user) {
        return reports.submit(id, user.getName());
    }

    @GetMapping("/{id}/diff")
    public ReportDiff diff(@PathVariable String id, @RequestParam(required = false) String against,
                           Authentication user) {
        boolean submittedOnly = submittedOnly(user);
        ReportSummary report = reports.find(id, submittedOnly);
        return reports.diff(report, against == null || against.isBlank() ? null : against, submittedOnly);
    }

    @GetMapping("/{id}/exports/{format}")
    public ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable String format,
                                         @RequestParam(required = false) String lang, Authentication user) {
        ReportSummary report = reports.find(id, submittedOnly(user));
        ReportFormat reportFormat = ReportFormat.parse("format", format, true);
        Locale language = ReportLanguage.of(lang, sites.resolve(report.site()).site());
        return file(reports.export(report, reportFormat, language, user.getName()), true);
    }

    /** Every file and the manifest in one zip. */
    @GetMapping("/{id}/exports")
    public ResponseEntity<byte[]> bundle(@PathVariable String id, @RequestParam(required = false) String lang,
                                         Authentication user) {
        ReportSummary report = reports.find(id, submittedOnly(user));
        Locale language = ReportLanguage.of(lang, sites.resolve(report.site()).site());
        return file(reports.export(report, null, language, user.getName()), true);
    }

    /** A regulator (without a role that sees more) is shown submitted reports only. */
    static boolean submittedOnly(Authentication user) {
        Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return roles.contains(Role.REGULATOR.authority()) && !roles.contains(Role.COMPLIANCE.authority())
                && !roles.contains(Role.ADMIN.authority());
    }

    private static ResponseEntity<byte[]> file(ReportExports.ExportFile file, boolean attachment) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.mediaType()));
        if (attachment) {
            headers.setContentDisposition(ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build());
        }
        return ResponseEntity.ok().headers(headers).body(file.bytes());
    }
}
