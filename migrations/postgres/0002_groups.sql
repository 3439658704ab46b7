-- Groups and conversations: organisations and their staff, groups and
-- memberships, agreements, topics and posts, reads, reactions,
-- notifications, check-ins with facilitators, resources, search.
-- Ids are 64-bit integers; times are UTC unix seconds; flags are 0/1.

ALTER TABLE users ADD COLUMN fold_warnings BIGINT NOT NULL DEFAULT 1 CHECK (fold_warnings IN (0, 1));

CREATE TABLE organisations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE staff (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'facilitator')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX staff_user ON staff (user_id);

-- "groups" is a keyword in window frames, hence the longer name.
CREATE TABLE support_groups (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    purpose TEXT NOT NULL,
    facilitation TEXT NOT NULL,
    -- open-ended when both are NULL; before starts_at not yet open, after ends_at read-only
    starts_at BIGINT,
    ends_at BIGINT,
    agreements_version BIGINT NOT NULL DEFAULT 1,
    -- how long members may edit their own posts
    edit_window_minutes BIGINT NOT NULL DEFAULT 60,
    -- member-to-member private messages; only an organisation lead turns them on
    member_messages BIGINT NOT NULL DEFAULT 0 CHECK (member_messages IN (0, 1)),
    resources_md TEXT NOT NULL DEFAULT '',
    resources_html TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX support_groups_organisation ON support_groups (organisation_id);

CREATE TABLE group_facilitators (
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_facilitators_user ON group_facilitators (user_id);

-- Every version is kept, so a member asked to accept again sees what changed.
CREATE TABLE agreements (
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    body_md TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (group_id, version)
);

CREATE TABLE memberships (
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at BIGINT NOT NULL,
    -- the agreements version this member accepted; 0 = not yet
    agreed_version BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE invite_groups (
    invite_id BIGINT NOT NULL REFERENCES invites (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (invite_id, group_id)
);

CREATE TABLE topics (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    warning TEXT,
    pinned BIGINT NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    locked BIGINT NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    created_at BIGINT NOT NULL,
    -- kept up to date on every post, so lists never count or scan posts
    last_post_id BIGINT NOT NULL DEFAULT 0,
    last_post_at BIGINT NOT NULL,
    post_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX topics_group_activity ON topics (group_id, pinned, last_post_at, id);

CREATE TABLE posts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id BIGINT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    warning TEXT,
    body_md TEXT NOT NULL,
    -- rendered and sanitised once, at write time
    body_html TEXT NOT NULL,
    -- accent- and case-folded title and body, for search
    search_text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    edited_at BIGINT,
    -- a deleted post keeps its place in the thread, not its words
    deleted_at BIGINT
);
CREATE INDEX posts_topic ON posts (topic_id, id);
CREATE INDEX posts_author ON posts (author_id);

-- Search: the same folded text as SQLite's FTS5 table, through a GIN index.
CREATE INDEX posts_search ON posts USING GIN (to_tsvector('simple', search_text));

CREATE TABLE reactions (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('support', 'me-too', 'thank-you')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, user_id, kind)
);

CREATE TABLE topic_reads (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic_id BIGINT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    last_read_post_id BIGINT NOT NULL,
    -- how many of the topic's posts that is, so unread = post_count - read_count
    read_count BIGINT NOT NULL,
    PRIMARY KEY (user_id, topic_id)
);

-- Private conversations between one member and the facilitators of a group,
-- or, where the organisation's lead allows it, between two members
-- (with_member_id set; then no one else reads them).
CREATE TABLE check_ins (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    with_member_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    started_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    last_message_at BIGINT NOT NULL,
    last_message_id BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX check_ins_member ON check_ins (member_id, last_message_at);
CREATE INDEX check_ins_group ON check_ins (group_id, last_message_at);
CREATE INDEX check_ins_with_member ON check_ins (with_member_id);

CREATE TABLE check_in_messages (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    check_in_id BIGINT NOT NULL REFERENCES check_ins (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    body_md TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX check_in_messages_thread ON check_in_messages (check_in_id, id);

CREATE TABLE check_in_reads (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    check_in_id BIGINT NOT NULL REFERENCES check_ins (id) ON DELETE CASCADE,
    last_read_message_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, check_in_id)
);

CREATE TABLE notifications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('reply', 'mention', 'check-in')),
    group_id BIGINT NOT NULL REFERENCES support_groups (id) ON DELETE CASCADE,
    topic_id BIGINT REFERENCES topics (id) ON DELETE CASCADE,
    post_id BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    check_in_id BIGINT REFERENCES check_ins (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, id);

-- The instance's own resources page (one row).
CREATE TABLE instance_resources (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    body_md TEXT NOT NULL,
    body_html TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
