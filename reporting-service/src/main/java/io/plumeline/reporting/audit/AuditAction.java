package io.plumeline.reporting.audit;

/** What the audit log records about a report. */
public enum AuditAction {
    GENERATED, APPROVED, SUBMITTED, EXPORTED
}
