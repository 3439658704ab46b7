-- Safety and privacy: two-factor sign-in, what a session remembers about its
-- device, discreet mode, per-group retention and copy protection.
-- Ids are 64-bit integers; times are UTC unix seconds; flags are 0/1.

-- The authenticator's shared secret (RFC 6238). Unlike a password it cannot
-- be hashed: the server computes the same codes from it. NULL = no two-factor.
ALTER TABLE users ADD COLUMN totp_secret BYTEA;
-- The last 30-second step whose code was accepted, so a code works only once.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
-- Discreet mode for this member: NULL follows the instance, 0 off, 1 on.
ALTER TABLE users ADD COLUMN discreet BIGINT CHECK (discreet IN (0, 1));

-- A coarse device description ("firefox android"), never the raw User-Agent.
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
-- "Keep me signed in": the cookie outlives the browser.
ALTER TABLE sessions ADD COLUMN remember BIGINT NOT NULL DEFAULT 0 CHECK (remember IN (0, 1));

-- A password that was right, waiting for its two-factor code. The session is
-- only made once the code is right too.
CREATE TABLE sign_in_challenges (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash BYTEA NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    remember BIGINT NOT NULL DEFAULT 0 CHECK (remember IN (0, 1)),
    device TEXT NOT NULL DEFAULT '',
    failures BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sign_in_challenges_user ON sign_in_challenges (user_id);

-- Posts older than this many days are deleted (NULL: the instance's longest).
ALTER TABLE support_groups ADD COLUMN retention_days BIGINT;
-- Post bodies cannot be selected; a faint watermark carries the viewer's pseudonym.
ALTER TABLE support_groups ADD COLUMN discourage_copying BIGINT NOT NULL DEFAULT 0 CHECK (discourage_copying IN (0, 1));
ALTER TABLE support_groups ADD COLUMN watermark BIGINT NOT NULL DEFAULT 0 CHECK (watermark IN (0, 1));

-- For the retention purge and for erasing an account.
CREATE INDEX posts_group_created ON posts (group_id, created_at);
CREATE INDEX topics_author ON topics (author_id);
CREATE INDEX reactions_user ON reactions (user_id);

