-- Accounts of network members, their invitations, and login throttling. Times are Unix
-- seconds, the same on every backend.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'editor', 'admin')),
    -- NULL until the invited person has chosen a password.
    password_hash TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    -- Raised whenever existing sessions must end (password change, deactivation).
    session_generation BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    last_login_at BIGINT
);

CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY NOT NULL,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_by BIGINT REFERENCES accounts (id),
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX invitations_account ON invitations (account_id);

CREATE TABLE login_throttle (
    throttle_key TEXT PRIMARY KEY NOT NULL,
    failures BIGINT NOT NULL,
    last_failure BIGINT NOT NULL,
    locked_until BIGINT NOT NULL
);
