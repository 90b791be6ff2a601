-- Period reports and the audit log (docs/reports.md). Plain SQL that H2 (the embedded default) and PostgreSQL
-- (production) both run: no vendor types, no triggers.

-- One row per revision of a site's period report. content is the report as generated (JSON), stored once and
-- never recomputed; an approved or submitted row changes only in its approval and submission columns.
CREATE TABLE report (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    site                 VARCHAR(200)  NOT NULL,
    period               VARCHAR(7)    NOT NULL,
    revision             INTEGER       NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(200)  NOT NULL,
    approved_at          TIMESTAMP WITH TIME ZONE,
    approved_by          VARCHAR(200),
    submitted_at         TIMESTAMP WITH TIME ZONE,
    submitted_by         VARCHAR(200),
    co2e_kg              DOUBLE PRECISION NOT NULL,
    previous_revision_id VARCHAR(36),
    content              TEXT          NOT NULL,
    content_sha256       CHAR(64)      NOT NULL,
    CONSTRAINT report_revision UNIQUE (site, period, revision),
    CONSTRAINT report_status CHECK (status IN ('draft', 'approved', 'submitted'))
);

CREATE INDEX report_by_status ON report (status, created_at);

-- Append-only and hash-chained: hash = SHA-256(previous_hash || canonical fields of the entry). seq is the
-- primary key, so two writers cannot both append entry n: the second fails and retries on the new tail.
CREATE TABLE audit_entry (
    seq           BIGINT        NOT NULL PRIMARY KEY,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(200)  NOT NULL,
    action        VARCHAR(16)   NOT NULL,
    report_id     VARCHAR(36),
    detail        VARCHAR(2000) NOT NULL,
    previous_hash CHAR(64)      NOT NULL,
    hash          CHAR(64)      NOT NULL
);

-- The chain's head: the last entry's seq and hash. An append locks this one row (SELECT ... FOR UPDATE), so
-- appenders in any number of service replicas take turns, and verify can tell a cut-off tail from a whole chain.
CREATE TABLE audit_head (
    id   INTEGER  NOT NULL PRIMARY KEY,
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
