//! SQL for what staff do to a group's members: let them in or decline them,
//! suspend, remove, ban, hand over a password-reset link, keep notes.

use sqlx::{AnyConnection, FromRow};

use crate::{clock::UnixTime, db::Pool};

type Result<T> = std::result::Result<T, sqlx::Error>;

/// Someone in (or waiting to join) a group, as staff see them.
#[derive(Debug, Clone, FromRow)]
pub struct MemberRow {
    pub user_id: i64,
    pub pseudonym: String,
    pub state: String,
    pub joined_at: i64,
    pub agreed_version: i64,
    pub suspended_until: Option<i64>,
    pub banned_at: Option<i64>,
    /// Staff in any organisation, or an admin: group staff do not ban them or reset their password.
    pub holds_power: i64,
}

pub async fn member(pool: &Pool, group_id: i64, user_id: i64) -> Result<Option<MemberRow>> {
    sqlx::query_as(
        "SELECT m.user_id, u.pseudonym, m.state, m.joined_at, m.agreed_version, m.suspended_until, u.banned_at, \
           CASE WHEN u.is_admin = 1 OR EXISTS (SELECT 1 FROM staff s WHERE s.user_id = u.id) THEN 1 ELSE 0 END \
             AS holds_power \
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 AND m.user_id = $2",
    )
    .bind(group_id)
    .bind(user_id)
    .fetch_optional(pool)
    .await
}

pub async fn admit(conn: &mut AnyConnection, group_id: i64, user_id: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE memberships SET state = 'active' WHERE group_id = $1 AND user_id = $2 AND state = 'pending'",
    )
    .bind(group_id)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn decline(conn: &mut AnyConnection, group_id: i64, user_id: i64) -> Result<bool> {
    let done = sqlx::query("DELETE FROM memberships WHERE group_id = $1 AND user_id = $2 AND state = 'pending'")
        .bind(group_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Suspends until `until`, or lifts a suspension (`None`).
pub async fn set_suspension(
    conn: &mut AnyConnection,
    group_id: i64,
    user_id: i64,
    until: Option<UnixTime>,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE memberships SET suspended_until = $1 WHERE group_id = $2 AND user_id = $3 AND state = 'active'",
    )
    .bind(until)
    .bind(group_id)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Bans an account from the whole instance: it cannot sign in, and every
/// session it has ends now, with any sign-in waiting for its two-factor code.
/// `None` lifts the ban.
pub async fn set_ban(conn: &mut AnyConnection, user_id: i64, at: Option<UnixTime>) -> Result<bool> {
    let done = sqlx::query("UPDATE users SET banned_at = $1 WHERE id = $2 AND is_admin = 0")
        .bind(at)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    if at.is_some() {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
        sqlx::query("DELETE FROM sign_in_challenges WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    }
    Ok(done.rows_affected() == 1)
}

// ----- staff notes -----

#[derive(Debug, Clone, FromRow)]
pub struct NoteRow {
    pub author: Option<String>,
    pub body: String,
    pub created_at: i64,
}

pub async fn add_note(
    conn: &mut AnyConnection,
    organisation_id: i64,
    member_id: i64,
    author_id: i64,
    body: &str,
    now: UnixTime,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO staff_notes (organisation_id, member_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(organisation_id)
    .bind(member_id)
    .bind(author_id)
    .bind(body)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The organisation's notes on a member, newest first.
pub async fn notes(pool: &Pool, organisation_id: i64, member_id: i64) -> Result<Vec<NoteRow>> {
    sqlx::query_as(
        "SELECT u.pseudonym AS author, n.body, n.created_at FROM staff_notes n LEFT JOIN users u ON u.id = n.author_id \
         WHERE n.organisation_id = $1 AND n.member_id = $2 ORDER BY n.id DESC LIMIT 100",
    )
    .bind(organisation_id)
    .bind(member_id)
    .fetch_all(pool)
    .await
}

// ----- staff-assisted password resets -----

/// A new one-time link for a member; earlier unused ones stop working.
pub async fn insert_reset(
    conn: &mut AnyConnection,
    user_id: i64,
    code_hash: &[u8],
    created_by: i64,
    now: UnixTime,
    expires_at: UnixTime,
) -> Result<i64> {
    sqlx::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO password_resets (user_id, code_hash, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user_id)
    .bind(code_hash)
    .bind(created_by)
    .bind(now)
    .bind(expires_at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Deletes reset links that were used or have expired; returns how many.
/// Idempotent: the purge runs it on every node.
pub async fn delete_spent_resets(pool: &Pool, now: UnixTime) -> Result<u64> {
    let done = sqlx::query("DELETE FROM password_resets WHERE used_at IS NOT NULL OR expires_at <= $1")
        .bind(now)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

/// The member a reset link is for, while it can still be used.
pub async fn usable_reset(pool: &Pool, code_hash: &[u8], now: UnixTime) -> Result<Option<(i64, String)>> {
    sqlx::query_as(
        "SELECT u.id, u.pseudonym FROM password_resets r JOIN users u ON u.id = r.user_id \
         WHERE r.code_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND u.banned_at IS NULL",
    )
    .bind(code_hash)
    .bind(now)
    .fetch_optional(pool)
    .await
}

/// Spends a reset link, atomically: of two uses racing, one gets the member.
pub async fn claim_reset(conn: &mut AnyConnection, code_hash: &[u8], now: UnixTime) -> Result<Option<i64>> {
    let claimed: Option<(i64,)> = sqlx::query_as(
        "UPDATE password_resets SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 \
         RETURNING user_id",
    )
    .bind(code_hash)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(claimed.map(|(id,)| id))
}
