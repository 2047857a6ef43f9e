-- Units, accounts, sessions, grants, module locks and the audit log (issue 3, ORG-1…ORG-7).

-- The unit tree is a reference table (every shard holds all of it). `path` is the chain of ids from the root,
-- '/1/5/9/', so "is U inside G's subtree" is a prefix test. `search_name` is the name folded to lower-case ASCII.
CREATE TABLE units (
    id BIGINT PRIMARY KEY,
    parent_id BIGINT,
    path TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    search_name TEXT NOT NULL,
    district_code TEXT NOT NULL,
    levels TEXT NOT NULL,
    status TEXT NOT NULL,
    totp_required BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX units_parent ON units (parent_id);
CREATE INDEX units_path ON units (path);

-- One account per person. `kind` is 'admin' for the unit administrator account, 'person' otherwise.
CREATE TABLE accounts (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    username TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    family_name TEXT NOT NULL,
    middle_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    full_name TEXT NOT NULL,
    search_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    must_change_password BIGINT NOT NULL,
    status TEXT NOT NULL,
    totp_secret TEXT,
    totp_enabled BIGINT NOT NULL DEFAULT 0,
    totp_last_counter BIGINT NOT NULL DEFAULT -1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, id)
);
CREATE INDEX accounts_id ON accounts (id);

-- Server-side sessions; only SHA-256 of the cookie token and of the CSRF token are stored.
CREATE TABLE sessions (
    unit_id BIGINT NOT NULL,
    token_hash TEXT NOT NULL,
    account_id BIGINT NOT NULL,
    csrf_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    revoked_at BIGINT,
    PRIMARY KEY (unit_id, token_hash)
);
CREATE INDEX sessions_token ON sessions (token_hash);
CREATE INDEX sessions_account ON sessions (account_id);

-- A role held by an account in its unit, optionally narrowed to a class, a subject or a student.
CREATE TABLE grants (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    role TEXT NOT NULL,
    class_id BIGINT,
    subject TEXT,
    student_id BIGINT,
    granted_by BIGINT NOT NULL,
    granted_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, id)
);
CREATE INDEX grants_account ON grants (account_id);

-- A module switched off for a unit (ORG-7). A row means locked.
CREATE TABLE module_locks (
    unit_id BIGINT NOT NULL,
    module TEXT NOT NULL,
    locked_by BIGINT NOT NULL,
    locked_at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (unit_id, module)
);

-- Failed sign-ins per key ('account:<username>' or 'ip:<address>'), for growing delays.
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    blocked_until BIGINT NOT NULL
);

-- Append-only record of who did what, when and from where. Never updated or deleted.
CREATE TABLE audit_log (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor_id BIGINT,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    client_address TEXT NOT NULL,
    details TEXT NOT NULL,
    PRIMARY KEY (unit_id, id)
);
CREATE INDEX audit_log_at ON audit_log (at);
