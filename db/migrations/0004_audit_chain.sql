-- GB-6: the audit trail is hash-chained per unit. Each entry records its position in its unit's chain (seq),
-- the previous entry's hash and its own: hash = SHA-256(prev_hash || canonical entry). The head row holds the
-- chain's last position and hash, so removing entries from the end is detected too.
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE INDEX audit_log_chain ON audit_log (unit_id, seq);
CREATE TABLE audit_chain_heads (
    unit_id BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
