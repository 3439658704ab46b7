-- Moderation: who gets in (approval, partner organisations and their invite
-- quotas), what gets posted (pre-moderation, held, declined and hidden posts,
-- redactions, word lists), reports and flags, actions on members
-- (suspensions, bans, staff notes, staff-assisted password resets), lockdown,
-- role changes that need a second person, notices to members, and the
-- append-only audit log.
-- Ids are 64-bit integers; times are UTC unix seconds; flags are 0/1.

-- ----- group and organisation settings -----

ALTER TABLE support_groups ADD COLUMN members_need_approval BIGINT NOT NULL DEFAULT 0
    CHECK (members_need_approval IN (0, 1));
-- which posts wait for a facilitator: none, a new member's first N, or all
ALTER TABLE support_groups ADD COLUMN premoderation TEXT NOT NULL DEFAULT 'none'
    CHECK (premoderation IN ('none', 'new-members', 'all'));
ALTER TABLE support_groups ADD COLUMN premoderation_posts BIGINT NOT NULL DEFAULT 3;
-- set while the group is locked down (no new posts or members)
ALTER TABLE support_groups ADD COLUMN locked_down_at BIGINT;
-- word lists, one word or phrase a line: crisis words flag a post urgent,
-- hold words hold it, flag words flag it (the organisation's lists apply too)
ALTER TABLE support_groups ADD COLUMN crisis_words TEXT NOT NULL DEFAULT '';
ALTER TABLE support_groups ADD COLUMN hold_words TEXT NOT NULL DEFAULT '';
ALTER TABLE support_groups ADD COLUMN flag_words TEXT NOT NULL DEFAULT '';

ALTER TABLE organisations ADD COLUMN partner_invites_need_approval BIGINT NOT NULL DEFAULT 1
    CHECK (partner_invites_need_approval IN (0, 1));
-- NULL: Hearth's default crisis words (English and French)
ALTER TABLE organisations ADD COLUMN crisis_words TEXT;
ALTER TABLE organisations ADD COLUMN hold_words TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN flag_words TEXT NOT NULL DEFAULT '';

-- ----- members -----

ALTER TABLE users ADD COLUMN banned_at BIGINT;

-- a pending membership waits for a facilitator's approval
ALTER TABLE memberships ADD COLUMN state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'pending'));
-- suspended in this group until then
ALTER TABLE memberships ADD COLUMN suspended_until BIGINT;
-- the invite the member came in with (who made it, through which partner)
ALTER TABLE memberships ADD COLUMN invite_id BIGINT REFERENCES invites (id) ON DELETE SET NULL;
CREATE INDEX memberships_pending ON memberships (group_id, joined_at) WHERE state = 'pending';

-- ----- partner organisations -----

-- A host organisation lets a partner's staff invite people into chosen groups,
-- up to a quota; invites made minus invites revoked count against it.
CREATE TABLE partnerships (
    id INTEGER PRIMARY KEY,
    host_organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    partner_organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    invite_quota BIGINT NOT NULL CHECK (invite_quota >= 0),
    invites_made BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    ended_at BIGINT,
    UNIQUE (host_organisation_id, partner_organisation_id),
    CHECK (host_organisation_id <> partner_organisation_id)
);
CREATE INDEX partnerships_partner ON partnerships (partner_organisation_id);

CREATE TABLE partnership_groups (
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (partnership_id, group_id)
);

ALTER TABLE invites ADD COLUMN partnership_id BIGINT REFERENCES partnerships (id) ON DELETE SET NULL;
CREATE INDEX invite_groups_group ON invite_groups (group_id);

-- ----- posts -----

-- held: waiting for a facilitator (only its author and staff see it);
-- declined: back with its author to edit; hidden: taken out by staff.
ALTER TABLE posts ADD COLUMN state TEXT NOT NULL DEFAULT 'published'
    CHECK (state IN ('published', 'held', 'declined', 'hidden'));
-- why it was held: 'premoderation', 'words', or the kinds of details found
ALTER TABLE posts ADD COLUMN held_reason TEXT NOT NULL DEFAULT '';
-- the facilitators' note to the author when they declined it
ALTER TABLE posts ADD COLUMN moderation_note TEXT NOT NULL DEFAULT '';
ALTER TABLE posts ADD COLUMN redacted_at BIGINT;
ALTER TABLE posts ADD COLUMN redaction_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX posts_unpublished ON posts (group_id, id) WHERE state <> 'published';

-- a topic is as visible as its first post
ALTER TABLE topics ADD COLUMN state TEXT NOT NULL DEFAULT 'published'
    CHECK (state IN ('published', 'held', 'hidden'));

-- What a post said before staff redacted it, kept for staff until purge_at.
CREATE TABLE redactions (
    id INTEGER PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    original_title TEXT,
    original_warning TEXT,
    original_md TEXT NOT NULL,
    reason TEXT NOT NULL,
    redacted_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    purge_at BIGINT NOT NULL
);
CREATE INDEX redactions_post ON redactions (post_id);
CREATE INDEX redactions_purge ON redactions (purge_at);

-- ----- reports and flags -----

-- A member's report, or a flag Hearth raised itself (reporter NULL, reason
-- 'crisis' or 'words'). The reporter is shown to staff only.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    topic_id BIGINT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    post_id BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    about TEXT NOT NULL CHECK (about IN ('post', 'topic')),
    reporter_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL
        CHECK (reason IN ('unkind', 'identifying', 'intruder', 'at-risk', 'spam', 'other', 'crisis', 'words')),
    details TEXT NOT NULL DEFAULT '',
    urgent BIGINT NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    resolved_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    outcome TEXT CHECK (outcome IN ('action-taken', 'no-action')),
    resolution_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reports_open ON reports (group_id, urgent, created_at) WHERE resolved_at IS NULL;
CREATE INDEX reports_post ON reports (post_id);

-- ----- members: notes, resets, notices -----

-- Short notes staff keep about a member, shared by the organisation's staff.
CREATE TABLE staff_notes (
    id INTEGER PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX staff_notes_member ON staff_notes (organisation_id, member_id, id);

-- One-time links staff hand over in person to set a new password.
CREATE TABLE password_resets (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash BLOB NOT NULL UNIQUE,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- What the facilitators did that a member should know: a membership approved
-- or declined, a post approved, declined or redacted, a suspension.
CREATE TABLE member_notices (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('member_approved', 'member_declined', 'member_removed', 'suspended',
        'post_approved', 'post_declined', 'post_redacted')),
    topic_id BIGINT REFERENCES topics (id) ON DELETE CASCADE,
    post_id BIGINT REFERENCES posts (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX member_notices_user ON member_notices (user_id, read_at, id);

-- ----- roles that need a second person -----

-- A change that gives or takes away lead or admin power waits here until a
-- second lead of the organisation (or an admin) confirms it.
CREATE TABLE role_requests (
    id INTEGER PRIMARY KEY,
    -- NULL: the instance's admins
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    change TEXT NOT NULL CHECK (change IN ('lead', 'facilitator', 'remove', 'admin', 'not-admin')),
    requested_by BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX role_requests_organisation ON role_requests (organisation_id);

-- ----- the audit log -----

-- One entry per staff action, written in the same transaction as the action.
-- No foreign keys: nothing may change an entry, not even a cascade; names
-- are looked up when the log is read. Entries are never updated.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    created_at BIGINT NOT NULL,
    -- NULL: the server's command line
    actor_id BIGINT,
    organisation_id BIGINT,
    group_id BIGINT,
    topic_id BIGINT,
    action TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id BIGINT,
    detail TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_organisation ON audit_log (organisation_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit entries are never changed');
END;
