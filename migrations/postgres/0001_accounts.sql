-- Accounts: members, invites, sessions, recovery codes.
-- Ids are 64-bit integers; times are UTC unix seconds; flags are 0/1.
-- Secrets (passwords, tokens, codes) are stored only as hashes.

CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pseudonym TEXT NOT NULL,
    -- case-folded confusables skeleton: two pseudonyms that look alike share it
    pseudonym_key TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    is_admin BIGINT NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    locale TEXT,
    created_at BIGINT NOT NULL,
    last_sign_in_at BIGINT
);

CREATE TABLE invites (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code_hash BYTEA NOT NULL UNIQUE,
    grants_admin BIGINT NOT NULL DEFAULT 0 CHECK (grants_admin IN (0, 1)),
    note TEXT,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    used_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    revoked_at BIGINT
);

CREATE TABLE sessions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash BYTEA NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    -- the account's previous sign-in, shown to this session so a member can
    -- notice someone else using their account
    previous_sign_in_at BIGINT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE recovery_codes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, code_hash)
);
