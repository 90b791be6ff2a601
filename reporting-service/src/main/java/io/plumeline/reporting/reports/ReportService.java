package io.plumeline.reporting.reports;

import io.plumeline.core.lineage.Sha256;
import io.plumeline.core.reporting.ReportingPeriod;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.audit.AuditAction;
import io.plumeline.reporting.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle of stored reports: generate a draft from the data now, approve it (frozen from then on),
 * submit it (visible to regulators). Every step and every export is recorded in the audit log in the same
 * transaction as the change it records.
 */
@Service
public class ReportService {

    private final ReportCalculator calculator;
    private final ReportRepository reports;
    private final ReportExports exports;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ReportsProperties.FourEyes fourEyes;

    public ReportService(ReportCalculator calculator, ReportRepository reports, ReportExports exports, AuditLog audit,
                         TransactionTemplate transaction, ReportsProperties properties) {
        this.calculator = calculator;
        this.reports = reports;
        this.exports = exports;
        this.audit = audit;
        this.transaction = transaction;
        this.fourEyes = properties.fourEyes();
    }

    /**
     * A draft from the data as it is now. A draft already there for the period is replaced (same revision, new id);
     * an approved or submitted one stays as it is and the new draft is its next revision.
     */
    public ReportSummary generate(SiteModel model, ReportingPeriod period, String user) {
        // Read InfluxDB before the transaction, so no database connection waits on it.
        ReportContent content = calculator.compute(model, period);
        String json = ReportJson.write(content);
        String sha256 = Sha256.hex(json.getBytes(StandardCharsets.UTF_8));
        try {
            return transaction.execute(status -> {
                var latest = reports.latest(model.site().id(), period.toString());
                int revision = 1;
                String previousRevision = null;
                String replaces = "";
                if (latest.isPresent()) {
                    ReportSummary last = latest.get();
                    if (last.state() == ReportStatus.DRAFT) {
                        reports.deleteDraft(last.id());
                        revision = last.revision();
                        previousRevision = last.previousRevisionId();
                        replaces = "; replaces draft " + last.id();
                    } else {
                        revision = last.revision() + 1;
                        previousRevision = last.id();
                    }
                }
                ReportSummary report = new ReportSummary(UUID.randomUUID().toString(), model.site().id(),
                        period.toString(), revision, ReportStatus.DRAFT.id(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        user, null, null, null, null, content.totals().co2eKg(), previousRevision);
                reports.insert(report, json, sha256);
                audit.append(user, AuditAction.GENERATED, report.id(), "site " + report.site() + ", period "
                        + report.period() + ", revision " + revision + ", co2eKg " + CsvExport.number(report.co2eKg())
                        + ", content sha256 " + sha256 + replaces);
                return report;
            });
        } catch (DuplicateKeyException e) {
            throw ReportProblems.conflict("period", "another report of " + model.site().id() + " " + period
                    + " was generated at the same moment; try again");
        }
    }

    /**
     * A draft that holds hours awaiting a collector's backfill is not approved: they may still change, so the report
     * is generated again once the backfill is done (docs/reports.md, "Hours awaiting a backfill").
     */
    public ReportSummary approve(String id, String user) {
        ReportSummary draft = find(id, false);
        if (draft.state() == ReportStatus.DRAFT) {
            List<String> pending = content(draft).bySource().stream().filter(s -> s.backfillPendingHours() > 0)
                    .map(s -> s.source() + " (" + s.backfillPendingHours() + " h)").toList();
            if (!pending.isEmpty()) {
                throw ReportProblems.conflict("id", "report " + id + " holds hours awaiting a collector's backfill: "
                        + String.join(", ", pending) + "; generate it again once the backfill is done");
            }
        }
        return transition(id, ReportStatus.DRAFT, ReportStatus.APPROVED, AuditAction.APPROVED, user);
    }

    public ReportSummary submit(String id, String user) {
        return transition(id, ReportStatus.APPROVED, ReportStatus.SUBMITTED, AuditAction.SUBMITTED, user);
    }

    private ReportSummary transition(String id, ReportStatus from, ReportStatus to, AuditAction action, String user) {
        return transaction.execute(status -> {
            ReportSummary report = find(id, false);
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            if (report.state() == from) {
                checkFourEyes(report, to, user);
            }
            if (report.state() != from || !reports.transition(id, from, to, at, user)) {
                throw ReportProblems.conflict("id", "report " + id + " is " + report.status() + "; only a " + from.id()
                        + " report can be " + to.id());
            }
            audit.append(user, action, id, "site " + report.site() + ", period " + report.period() + ", revision "
                    + report.revision());
            return find(id, false);
        });
    }

    /** Generated by one person, approved by another; approved by one, submitted by another (where required). */
    private void checkFourEyes(ReportSummary report, ReportStatus to, String user) {
        if (!fourEyes.requiredAt(report.site())) {
            return;
        }
        if (to == ReportStatus.APPROVED && user.equals(report.createdBy())) {
            throw ReportProblems.fourEyes("report " + report.id() + " was generated by " + user + "; another compliance"
                    + " officer must approve it (four-eyes rule of site " + report.site() + ", plumeline.reports.four-eyes)");
        }
        if (to == ReportStatus.SUBMITTED && user.equals(report.approvedBy())) {
            throw ReportProblems.fourEyes("report " + report.id() + " was approved by " + user + "; another compliance"
                    + " officer must submit it (four-eyes rule of site " + report.site() + ", plumeline.reports.four-eyes)");
        }
    }

    /** A stored report; {@code submittedOnly} (a regulator asking) hides the others as if they did not exist. */
    public ReportSummary find(String id, boolean submittedOnly) {
        ReportSummary report = reports.find(id).orElseThrow(() -> ReportProblems.notFound("id", id));
        if (submittedOnly && report.state() != ReportStatus.SUBMITTED) {
            throw ReportProblems.notFound("id", id);
        }
        return report;
    }

    public ReportContent content(ReportSummary report) {
        return ReportJson.content(reports.content(report.id()).orElseThrow(() -> ReportProblems.notFound("id", report.id())));
    }

    public List<ReportSummary> list(String site, String period, ReportStatus status) {
        return reports.list(site, period, status);
    }

    /** One file of a stored report (or the zip of all, {@code format} null), recorded in the audit log. */
    public ReportExports.ExportFile export(ReportSummary report, ReportFormat format, Locale language, String user) {
        ReportContent content = content(report);
        ReportExports.ExportFile file = format == null ? exports.zip(content, report.identity(), language)
                : exports.file(content, report.identity(), format, language);
        transaction.executeWithoutResult(status -> audit.append(user, AuditAction.EXPORTED, report.id(),
                "file " + file.name() + ", sha256 " + Sha256.hex(file.bytes())));
        return file;
    }

    /** The differences from {@code againstId}, or from the previous revision when it is null. */
    public ReportDiff diff(ReportSummary report, String againstId, boolean submittedOnly) {
        String other = againstId != null ? againstId : report.previousRevisionId();
        if (other == null) {
            throw ReportProblems.conflict("against", "report " + report.id() + " is revision " + report.revision()
                    + " and has no previous revision; give against=ID");
        }
        ReportSummary before = find(other, submittedOnly);
        if (!before.site().equals(report.site()) || !before.period().equals(report.period())) {
            throw new BadParameterException("against", "report " + other + " is of " + before.site() + " "
                    + before.period() + ", not of " + report.site() + " " + report.period());
        }
        return ReportDiff.of(report, content(report), before, content(before));
    }
}
