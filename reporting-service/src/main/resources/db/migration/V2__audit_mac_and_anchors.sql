-- Review finding M8: each audit entry carries an HMAC-SHA256 keyed with a secret kept outside the database
-- (plumeline.audit.key-file), so whoever can rewrite rows cannot make the chain verify again. Entries written before
-- this migration have none and fail verify as unkeyed.
ALTER TABLE audit_entry ADD COLUMN mac CHAR(64);

-- Periodic anchors: the chain's head (seq and hash) at a time, with their HMAC, for the operator to publish
-- outside the database (GET /api/v1/audit/anchors); a published anchor pins everything up to its entry.
CREATE TABLE audit_anchor (
    seq       BIGINT        NOT NULL PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    head_seq  BIGINT        NOT NULL,
    head_hash CHAR(64)      NOT NULL,
    mac       CHAR(64)      NOT NULL
);
