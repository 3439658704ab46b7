//! Accounts' SQL: users, invites, sessions and recovery codes. Every secret
//! arrives here already hashed.

use sqlx::{Any, Executor, FromRow};

use super::pseudonym::Pseudonym;
use crate::{clock::UnixTime, db::Pool};

type Result<T> = std::result::Result<T, sqlx::Error>;

#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub id: i64,
    pub pseudonym: String,
    pub pseudonym_key: String,
    pub password_hash: String,
    pub is_admin: i64,
    pub locale: Option<String>,
    pub last_sign_in_at: Option<i64>,
    /// The authenticator's secret when two-factor is on.
    pub totp_secret: Option<Vec<u8>>,
    /// Set when staff banned the account: it cannot sign in.
    pub banned_at: Option<i64>,
}

/// Column lists as macros so queries stay `&'static str` (sqlx refuses SQL built at run time).
macro_rules! user_columns {
    () => {
        "id, pseudonym, pseudonym_key, password_hash, is_admin, locale, last_sign_in_at, totp_secret, banned_at"
    };
}

pub async fn admin_exists(pool: &Pool) -> Result<bool> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM users WHERE is_admin = 1 LIMIT 1").fetch_optional(pool).await?;
    Ok(found.is_some())
}

pub async fn pseudonym_taken(pool: &Pool, pseudonym: &Pseudonym) -> Result<bool> {
    let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE pseudonym_key = $1")
        .bind(pseudonym.key())
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

/// Fails with a unique violation when the pseudonym (or a look-alike) exists.
pub async fn insert_user<'e>(
    db: impl Executor<'e, Database = Any>,
    pseudonym: &Pseudonym,
    password_hash: &str,
    is_admin: bool,
    now: UnixTime,
) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (pseudonym, pseudonym_key, password_hash, is_admin, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(pseudonym.as_str())
    .bind(pseudonym.key())
    .bind(password_hash)
    .bind(i64::from(is_admin))
    .bind(now)
    .fetch_one(db)
    .await?;
    Ok(id)
}

pub async fn user_by_key(pool: &Pool, key: &str) -> Result<Option<UserRow>> {
    sqlx::query_as(concat!("SELECT ", user_columns!(), " FROM users WHERE pseudonym_key = $1"))
        .bind(key)
        .fetch_optional(pool)
        .await
}

pub async fn user_by_id(pool: &Pool, id: i64) -> Result<Option<UserRow>> {
    sqlx::query_as(concat!("SELECT ", user_columns!(), " FROM users WHERE id = $1")).bind(id).fetch_optional(pool).await
}

pub async fn set_password_hash<'e>(db: impl Executor<'e, Database = Any>, user_id: i64, hash: &str) -> Result<()> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(hash).bind(user_id).execute(db).await?;
    Ok(())
}

pub async fn set_locale(pool: &Pool, user_id: i64, locale: Option<&str>) -> Result<()> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2").bind(locale).bind(user_id).execute(pool).await?;
    Ok(())
}

/// Records this sign-in (the session keeps the previous one to show it).
pub async fn record_sign_in<'e>(db: impl Executor<'e, Database = Any>, user: &UserRow, now: UnixTime) -> Result<()> {
    sqlx::query("UPDATE users SET last_sign_in_at = $1 WHERE id = $2").bind(now).bind(user.id).execute(db).await?;
    Ok(())
}

// ----- invites -----

#[derive(Debug, Clone, FromRow)]
pub struct InviteRow {
    pub id: i64,
    pub grants_admin: i64,
    pub note: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

macro_rules! invite_columns {
    () => {
        "id, grants_admin, note, created_at, expires_at, used_at, revoked_at"
    };
}

pub struct NewInvite<'a> {
    pub code_hash: &'a [u8],
    pub grants_admin: bool,
    pub note: Option<&'a str>,
    pub created_by: Option<i64>,
    pub now: UnixTime,
    pub expires_at: UnixTime,
}

pub async fn insert_invite<'e>(db: impl Executor<'e, Database = Any>, invite: NewInvite<'_>) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO invites (code_hash, grants_admin, note, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(invite.code_hash)
    .bind(i64::from(invite.grants_admin))
    .bind(invite.note)
    .bind(invite.created_by)
    .bind(invite.now)
    .bind(invite.expires_at)
    .fetch_one(db)
    .await?;
    Ok(id)
}

/// An invite that can still be redeemed: not used, not revoked, not expired.
pub async fn usable_invite(pool: &Pool, code_hash: &[u8], now: UnixTime) -> Result<Option<InviteRow>> {
    sqlx::query_as(concat!(
        "SELECT ",
        invite_columns!(),
        " FROM invites WHERE code_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2"
    ))
    .bind(code_hash)
    .bind(now)
    .fetch_optional(pool)
    .await
}

/// Marks the invite used, atomically: of two redemptions racing, one gets
/// `Some` and the other `None`.
pub async fn claim_invite<'e>(
    db: impl Executor<'e, Database = Any>,
    code_hash: &[u8],
    now: UnixTime,
) -> Result<Option<InviteRow>> {
    sqlx::query_as(concat!(
        "UPDATE invites SET used_at = $2 \
         WHERE code_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2 RETURNING ",
        invite_columns!()
    ))
    .bind(code_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

pub async fn set_invite_user<'e>(db: impl Executor<'e, Database = Any>, invite_id: i64, user_id: i64) -> Result<()> {
    sqlx::query("UPDATE invites SET used_by = $1 WHERE id = $2").bind(user_id).bind(invite_id).execute(db).await?;
    Ok(())
}

/// The invites a staff member `$N` sees and may revoke: those they made, and
/// every invite into a group of an organisation they lead (a partner's too).
macro_rules! invite_in_scope {
    ($n:literal) => {
        concat!(
            "($",
            $n,
            " IS NULL OR invites.created_by = $",
            $n,
            " OR EXISTS (SELECT 1 FROM invite_groups ig \
               JOIN support_groups g ON g.id = ig.group_id JOIN staff s ON s.organisation_id = g.organisation_id \
               WHERE ig.invite_id = invites.id AND s.user_id = $",
            $n,
            " AND s.role = 'lead'))"
        )
    };
}

/// An invite as the invites page lists it: who made it, through which partner.
#[derive(Debug, Clone, FromRow)]
pub struct InviteListRow {
    pub id: i64,
    pub note: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    pub revoked_at: Option<i64>,
    pub created_by: Option<i64>,
    pub creator: Option<String>,
    pub partner: Option<String>,
}

/// The latest 200 invites, newest first: all of them for the admin (`scope`
/// None), else those in the staff member's scope (see `invite_in_scope!`).
/// The LIMIT is a literal: SQLite prepares a statement again every time a
/// bound LIMIT is bound.
pub async fn recent_invites(pool: &Pool, scope: Option<i64>) -> Result<Vec<InviteListRow>> {
    sqlx::query_as(concat!(
        "SELECT invites.id, invites.note, invites.created_at, invites.expires_at, invites.used_at, \
           invites.revoked_at, invites.created_by, u.pseudonym AS creator, o.name AS partner \
         FROM invites LEFT JOIN users u ON u.id = invites.created_by \
         LEFT JOIN partnerships p ON p.id = invites.partnership_id \
         LEFT JOIN organisations o ON o.id = p.partner_organisation_id WHERE ",
        invite_in_scope!("1"),
        " ORDER BY invites.id DESC LIMIT 200"
    ))
    .bind(scope)
    .fetch_all(pool)
    .await
}

/// Revokes an invite that has not been used (any, for the admin: `scope`
/// None; else one in the staff member's scope); `false` if there was none.
pub async fn revoke_invite<'e>(
    db: impl Executor<'e, Database = Any>,
    invite_id: i64,
    scope: Option<i64>,
    now: UnixTime,
) -> Result<bool> {
    let done = sqlx::query(concat!(
        "UPDATE invites SET revoked_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL AND ",
        invite_in_scope!("3")
    ))
    .bind(now)
    .bind(invite_id)
    .bind(scope)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Before printing a new setup link, the old ones stop working.
pub async fn revoke_setup_invites(pool: &Pool, now: UnixTime) -> Result<()> {
    sqlx::query("UPDATE invites SET revoked_at = $1 WHERE grants_admin = 1 AND used_at IS NULL AND revoked_at IS NULL")
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

// ----- sessions -----

/// A live session joined with its member: what every signed-in request needs.
#[derive(Debug, Clone, FromRow)]
pub struct SessionRow {
    pub session_id: i64,
    pub user_id: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub previous_sign_in_at: Option<i64>,
    pub pseudonym: String,
    pub is_admin: i64,
    pub locale: Option<String>,
    pub fold_warnings: i64,
    pub unread_notifications: i64,
    pub is_staff: i64,
    pub two_factor: i64,
    pub discreet: Option<i64>,
}

pub struct NewSession<'a> {
    pub token_hash: &'a [u8],
    pub user_id: i64,
    pub now: UnixTime,
    pub expires_at: UnixTime,
    pub previous_sign_in_at: Option<UnixTime>,
    /// Coarse device description (see `security::device`).
    pub device: &'a str,
    pub remember: bool,
}

pub async fn insert_session<'e>(db: impl Executor<'e, Database = Any>, session: NewSession<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, previous_sign_in_at, \
           device, remember) VALUES ($1, $2, $3, $3, $4, $5, $6, $7)",
    )
    .bind(session.token_hash)
    .bind(session.user_id)
    .bind(session.now)
    .bind(session.expires_at)
    .bind(session.previous_sign_in_at)
    .bind(session.device)
    .bind(i64::from(session.remember))
    .execute(db)
    .await?;
    Ok(())
}

pub async fn session_by_token(pool: &Pool, token_hash: &[u8]) -> Result<Option<SessionRow>> {
    sqlx::query_as(
        "SELECT s.id AS session_id, s.user_id, s.last_seen_at, s.expires_at, s.previous_sign_in_at, \
                u.pseudonym, u.is_admin, u.locale, u.fold_warnings, \
                (SELECT COUNT(*) FROM notifications n WHERE n.user_id = s.user_id AND n.read_at IS NULL) \
                  + (SELECT COUNT(*) FROM member_notices mn WHERE mn.user_id = s.user_id AND mn.read_at IS NULL) \
                  AS unread_notifications, \
                CASE WHEN EXISTS (SELECT 1 FROM staff st WHERE st.user_id = s.user_id) THEN 1 ELSE 0 END AS is_staff, \
                CASE WHEN u.totp_secret IS NULL THEN 0 ELSE 1 END AS two_factor, u.discreet \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND u.banned_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await
}

pub async fn touch_session(pool: &Pool, session_id: i64, now: UnixTime) -> Result<()> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2").bind(now).bind(session_id).execute(pool).await?;
    Ok(())
}

pub async fn delete_session(pool: &Pool, token_hash: &[u8]) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
    Ok(())
}

/// Ends every session of a member, or every one but `keep`.
pub async fn delete_sessions_of<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: i64,
    keep: Option<i64>,
) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2")
        .bind(user_id)
        .bind(keep.unwrap_or(-1))
        .execute(db)
        .await?;
    Ok(())
}

/// Deletes sessions past their lifetime or idle timeout; returns how many.
pub async fn delete_expired_sessions(pool: &Pool, now: UnixTime, idle_seconds: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
        .bind(now)
        .bind(now.saturating_sub(idle_seconds))
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

// ----- recovery codes -----

pub async fn replace_recovery_codes(
    conn: &mut sqlx::AnyConnection,
    user_id: i64,
    code_hashes: &[Vec<u8>],
    now: UnixTime,
) -> Result<()> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    for hash in code_hashes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)")
            .bind(user_id)
            .bind(hash)
            .bind(now)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Deletes the code if the member has it; `true` when it was used up now.
pub async fn use_recovery_code<'e>(
    db: impl Executor<'e, Database = Any>,
    user_id: i64,
    code_hash: &[u8],
) -> Result<bool> {
    let done = sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1 AND code_hash = $2")
        .bind(user_id)
        .bind(code_hash)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn recovery_codes_left(pool: &Pool, user_id: i64) -> Result<i64> {
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1").bind(user_id).fetch_one(pool).await?;
    Ok(count)
}
