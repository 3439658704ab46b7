//! The safety feature's SQL: a group's privacy options, the purges, and the
//! steps of erasing an account.

use sqlx::AnyConnection;

use crate::db::Pool;

type Result<T> = std::result::Result<T, sqlx::Error>;

/// A group's privacy options as its staff set them.
#[derive(Debug, Clone, Copy)]
pub struct GroupPrivacy {
    /// `None`: as long as the instance allows.
    pub retention_days: Option<i64>,
    pub discourage_copying: bool,
    pub watermark: bool,
}

/// Saves a group's privacy options: the one place they change (a staff
/// action: the caller records it in the same transaction).
pub async fn set_group_privacy(conn: &mut AnyConnection, group_id: i64, privacy: GroupPrivacy) -> Result<()> {
    sqlx::query("UPDATE support_groups SET retention_days = $1, discourage_copying = $2, watermark = $3 WHERE id = $4")
        .bind(privacy.retention_days)
        .bind(i64::from(privacy.discourage_copying))
        .bind(i64::from(privacy.watermark))
        .bind(group_id)
        .execute(conn)
        .await?;
    Ok(())
}

// ----- purges -----

/// A group's schedule and retention, for the purge.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GroupRetention {
    pub id: i64,
    pub retention_days: Option<i64>,
    pub ends_at: Option<i64>,
}

pub async fn groups_retention(pool: &Pool) -> Result<Vec<GroupRetention>> {
    sqlx::query_as("SELECT id, retention_days, ends_at FROM support_groups ORDER BY id").fetch_all(pool).await
}

/// Deletes a group's posts and check-in messages written before `cutoff`,
/// and the topics and check-ins left empty, keeping the counts that unread
/// marks rely on right; returns how many posts went. Idempotent.
pub async fn delete_group_posts_before(pool: &Pool, group_id: i64, cutoff: i64) -> Result<u64> {
    let mut tx = pool.begin().await?;
    let posts = sqlx::query("DELETE FROM posts WHERE group_id = $1 AND created_at < $2")
        .bind(group_id)
        .bind(cutoff)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if posts > 0 {
        // Only topics begun before the cutoff can have lost posts. Counts and
        // read markers count published posts only (held and hidden ones are
        // deleted by age like any other, but were never counted).
        for statement in [
            "DELETE FROM topics WHERE group_id = $1 AND created_at < $2 \
               AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.topic_id = topics.id)",
            "UPDATE topics SET post_count = (SELECT COUNT(*) FROM posts p \
               WHERE p.topic_id = topics.id AND p.state = 'published') \
             WHERE group_id = $1 AND created_at < $2",
            "UPDATE topic_reads SET read_count = (SELECT COUNT(*) FROM posts p \
               WHERE p.topic_id = topic_reads.topic_id AND p.id <= topic_reads.last_read_post_id \
                 AND p.state = 'published') \
             WHERE topic_id IN (SELECT id FROM topics WHERE group_id = $1 AND created_at < $2)",
        ] {
            sqlx::query(statement).bind(group_id).bind(cutoff).execute(&mut *tx).await?;
        }
    }
    for statement in [
        "DELETE FROM check_in_messages WHERE created_at < $2 \
           AND check_in_id IN (SELECT id FROM check_ins WHERE group_id = $1)",
        "DELETE FROM check_ins WHERE group_id = $1 AND created_at < $2 \
           AND NOT EXISTS (SELECT 1 FROM check_in_messages m WHERE m.check_in_id = check_ins.id)",
    ] {
        sqlx::query(statement).bind(group_id).bind(cutoff).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(posts)
}

/// Runs `statements` in one transaction, each with the same `binds` (`$1`,
/// `$2`…); returns how many rows they deleted.
async fn delete_together(pool: &Pool, statements: &[&'static str], binds: &[i64]) -> Result<u64> {
    let mut tx = pool.begin().await?;
    let mut deleted = 0;
    for statement in statements {
        let query = binds.iter().fold(sqlx::query(*statement), |query, value| query.bind(*value));
        deleted += query.execute(&mut *tx).await?.rows_affected();
    }
    tx.commit().await?;
    Ok(deleted)
}

/// Deletes a group's moderation records made before `cutoff`, as its posts
/// are: what staff kept of redacted posts written before it, reports,
/// notices to members and audit entries; returns how many. Idempotent.
pub async fn delete_group_records_before(pool: &Pool, group_id: i64, cutoff: i64) -> Result<u64> {
    let statements = [
        "DELETE FROM redactions WHERE post_id IN (SELECT id FROM posts WHERE group_id = $1 AND created_at < $2)",
        "DELETE FROM reports WHERE group_id = $1 AND created_at < $2",
        "DELETE FROM member_notices WHERE group_id = $1 AND created_at < $2",
        "DELETE FROM audit_log WHERE group_id = $1 AND created_at < $2",
    ];
    delete_together(pool, &statements, &[group_id, cutoff]).await
}

/// Deletes what the instance's longest retention covers rather than a
/// group's, made before `cutoff`: audit entries outside any group, and staff
/// notes (an organisation's, not a group's); returns how many. Idempotent.
pub async fn delete_instance_records_before(pool: &Pool, cutoff: i64) -> Result<u64> {
    let statements = [
        "DELETE FROM audit_log WHERE group_id IS NULL AND created_at < $1",
        "DELETE FROM staff_notes WHERE created_at < $1",
    ];
    delete_together(pool, &statements, &[cutoff]).await
}

/// Deletes every conversation of a group (topics with their posts, reactions,
/// reads, notifications, reports and redaction originals; check-ins with
/// their messages); returns how many topics and check-ins went. Idempotent.
pub async fn delete_group_conversations(pool: &Pool, group_id: i64) -> Result<u64> {
    let statements = ["DELETE FROM topics WHERE group_id = $1", "DELETE FROM check_ins WHERE group_id = $1"];
    delete_together(pool, &statements, &[group_id]).await
}

/// Deletes the rest of what an ended group's staff did and said: notices to
/// members and audit entries; returns how many. Idempotent.
pub async fn delete_group_records(pool: &Pool, group_id: i64) -> Result<u64> {
    let statements = ["DELETE FROM member_notices WHERE group_id = $1", "DELETE FROM audit_log WHERE group_id = $1"];
    delete_together(pool, &statements, &[group_id]).await
}

/// Deletes invites that were used, withdrawn or expired before `before`.
pub async fn delete_spent_invites(pool: &Pool, before: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM invites WHERE used_at < $1 OR revoked_at < $1 OR expires_at < $1")
        .bind(before)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

// ----- erasing an account -----

/// Which steps apply: all of them, or only with one choice about posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// The member chose to delete what they wrote.
    DeletingPosts,
    /// The member chose to leave their words, signed "former member".
    KeepingPosts,
}

/// One table's part in erasing an account; `$1` is the account. A step
/// that also needs the time says so (`$2`). Order matters: what points at
/// a row goes before it.
pub struct EraseStep {
    pub table: &'static str,
    pub when: When,
    pub sql: &'static str,
    pub binds_now: bool,
}

const fn step(table: &'static str, when: When, sql: &'static str) -> EraseStep {
    EraseStep { table, when, sql, binds_now: false }
}

/// Every step of an erasure; a new table that holds something of a member's
/// is one more line here (and in `inventory`).
pub const ERASE_STEPS: &[EraseStep] = &[
    step("notifications", When::Always, "DELETE FROM notifications WHERE user_id = $1"),
    step(
        "notifications",
        When::DeletingPosts,
        "DELETE FROM notifications WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1)",
    ),
    step("reactions", When::Always, "DELETE FROM reactions WHERE user_id = $1"),
    step(
        "reactions",
        When::DeletingPosts,
        "DELETE FROM reactions WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1)",
    ),
    step("topic_reads", When::Always, "DELETE FROM topic_reads WHERE user_id = $1"),
    step("check_in_reads", When::Always, "DELETE FROM check_in_reads WHERE user_id = $1"),
    step("check_ins", When::Always, "DELETE FROM check_ins WHERE member_id = $1 OR with_member_id = $1"),
    step("check_in_messages", When::Always, "UPDATE check_in_messages SET author_id = NULL WHERE author_id = $1"),
    // Moderation. What staff kept of their words before redacting them goes
    // whatever the choice; so do reports about their posts and topics.
    step(
        "redactions",
        When::Always,
        "DELETE FROM redactions WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1)",
    ),
    step("redactions", When::Always, "UPDATE redactions SET redacted_by = NULL WHERE redacted_by = $1"),
    step(
        "reports",
        When::Always,
        "DELETE FROM reports WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1) \
           OR (about = 'topic' AND topic_id IN (SELECT id FROM topics WHERE author_id = $1))",
    ),
    // A report they made stays for staff to act on, without their name or their words.
    step("reports", When::Always, "UPDATE reports SET reporter_id = NULL, details = '' WHERE reporter_id = $1"),
    step("reports", When::Always, "UPDATE reports SET resolved_by = NULL WHERE resolved_by = $1"),
    step("member_notices", When::Always, "DELETE FROM member_notices WHERE user_id = $1"),
    step("staff_notes", When::Always, "DELETE FROM staff_notes WHERE member_id = $1"),
    step("staff_notes", When::Always, "UPDATE staff_notes SET author_id = NULL WHERE author_id = $1"),
    step("password_resets", When::Always, "DELETE FROM password_resets WHERE user_id = $1"),
    step("password_resets", When::Always, "UPDATE password_resets SET created_by = NULL WHERE created_by = $1"),
    step("role_requests", When::Always, "DELETE FROM role_requests WHERE user_id = $1 OR requested_by = $1"),
    // The audit log keeps what staff did, but not who the person was: a reason
    // that mentions the pseudonym (`_` for a space, as in mentions, and as
    // LIKE's any-character) is dropped, and the account's id becomes
    // `audit::ERASED_ACCOUNT` — the only changes its trigger allows.
    step(
        "audit_log",
        When::Always,
        "UPDATE audit_log SET reason = '' WHERE reason <> '' AND LOWER(reason) LIKE \
           '%' || REPLACE(LOWER((SELECT pseudonym FROM users WHERE id = $1)), ' ', '_') || '%'",
    ),
    step("audit_log", When::Always, "UPDATE audit_log SET actor_id = 0 WHERE actor_id = $1"),
    step(
        "audit_log",
        When::Always,
        "UPDATE audit_log SET target_id = 0 WHERE target_kind = 'member' AND target_id = $1",
    ),
    // Posts never published (waiting for review, or sent back) were never the
    // group's words: they go whatever the choice.
    step("topics", When::Always, "DELETE FROM topics WHERE author_id = $1 AND state = 'held'"),
    step("posts", When::Always, "DELETE FROM posts WHERE author_id = $1 AND state IN ('held', 'declined')"),
    // Conversations they started go with their replies (which answer their words).
    step("topics", When::DeletingPosts, "DELETE FROM topics WHERE author_id = $1"),
    EraseStep {
        table: "posts",
        when: When::DeletingPosts,
        sql: "UPDATE posts SET body_md = '', body_html = '', warning = NULL, search_text = '', \
              moderation_note = '', redaction_reason = '', deleted_at = COALESCE(deleted_at, $2), \
              author_id = NULL WHERE author_id = $1",
        binds_now: true,
    },
    step("posts", When::KeepingPosts, "UPDATE posts SET author_id = NULL WHERE author_id = $1"),
    step("topics", When::KeepingPosts, "UPDATE topics SET author_id = NULL WHERE author_id = $1"),
    step("memberships", When::Always, "DELETE FROM memberships WHERE user_id = $1"),
    step("group_facilitators", When::Always, "DELETE FROM group_facilitators WHERE user_id = $1"),
    step("staff", When::Always, "DELETE FROM staff WHERE user_id = $1"),
    // The invite they came with may have a note about them.
    step("invites", When::Always, "DELETE FROM invites WHERE used_by = $1"),
    step("invites", When::Always, "UPDATE invites SET created_by = NULL WHERE created_by = $1"),
    step("recovery_codes", When::Always, "DELETE FROM recovery_codes WHERE user_id = $1"),
    step("sign_in_challenges", When::Always, "DELETE FROM sign_in_challenges WHERE user_id = $1"),
    step("sessions", When::Always, "DELETE FROM sessions WHERE user_id = $1"),
    step("users", When::Always, "DELETE FROM users WHERE id = $1"),
];

/// Runs every step that applies, inside the caller's transaction (all of it
/// or nothing, with the audit entry when staff erase on request).
pub async fn erase_account(conn: &mut AnyConnection, user_id: i64, keep_posts: bool, now: i64) -> Result<()> {
    let choice = if keep_posts { When::KeepingPosts } else { When::DeletingPosts };
    for step in ERASE_STEPS.iter().filter(|step| step.when == When::Always || step.when == choice) {
        let query = sqlx::query(step.sql).bind(user_id);
        let query = if step.binds_now { query.bind(now) } else { query };
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
