//! The SQL of two-factor sign-in (secrets, used steps, pending challenges),
//! of the sessions page and of the discreet-mode choice. Tokens arrive hashed.

use sqlx::{Any, Executor, FromRow};

use crate::{clock::UnixTime, db::Pool};

type Result<T> = std::result::Result<T, sqlx::Error>;

// ----- the authenticator -----

/// Turns two-factor on with this secret (or replaces it), remembering the
/// step of the code that proved it, so that code cannot be used again.
pub async fn set_totp(pool: &Pool, user_id: i64, secret: &[u8], step: i64) -> Result<()> {
    sqlx::query("UPDATE users SET totp_secret = $1, totp_last_step = $2 WHERE id = $3")
        .bind(secret)
        .bind(step)
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn clear_totp(pool: &Pool, user_id: i64) -> Result<()> {
    sqlx::query("UPDATE users SET totp_secret = NULL, totp_last_step = 0 WHERE id = $1")
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Spends a code's step, atomically: `false` if this step (or a later one)
/// was already used, so of two requests with one code only one succeeds.
pub async fn claim_totp_step<'e>(db: impl Executor<'e, Database = Any>, user_id: i64, step: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1")
        .bind(step)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

// ----- sign-in challenges -----

pub struct NewChallenge<'a> {
    pub token_hash: &'a [u8],
    pub user_id: i64,
    pub remember: bool,
    pub device: &'a str,
    pub now: UnixTime,
    pub expires_at: UnixTime,
}

pub async fn insert_challenge(pool: &Pool, challenge: NewChallenge<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO sign_in_challenges (token_hash, user_id, remember, device, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(challenge.token_hash)
    .bind(challenge.user_id)
    .bind(i64::from(challenge.remember))
    .bind(challenge.device)
    .bind(challenge.now)
    .bind(challenge.expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct ChallengeRow {
    pub id: i64,
    pub user_id: i64,
    pub remember: i64,
    pub device: String,
}

/// A challenge that has not expired.
pub async fn live_challenge(pool: &Pool, token_hash: &[u8], now: UnixTime) -> Result<Option<ChallengeRow>> {
    sqlx::query_as(
        "SELECT id, user_id, remember, device FROM sign_in_challenges WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await
}

/// Counts a wrong code; the challenge is gone once it has had `allowed`.
pub async fn fail_challenge(pool: &Pool, id: i64, allowed: i64) -> Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE sign_in_challenges SET failures = failures + 1 WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sign_in_challenges WHERE id = $1 AND failures >= $2")
        .bind(id)
        .bind(allowed)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Spends the challenge; `false` if another request already did.
pub async fn take_challenge<'e>(db: impl Executor<'e, Database = Any>, id: i64) -> Result<bool> {
    let done = sqlx::query("DELETE FROM sign_in_challenges WHERE id = $1").bind(id).execute(db).await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_expired_challenges(pool: &Pool, now: UnixTime) -> Result<u64> {
    let done = sqlx::query("DELETE FROM sign_in_challenges WHERE expires_at <= $1").bind(now).execute(pool).await?;
    Ok(done.rows_affected())
}

// ----- the sessions page -----

#[derive(Debug, Clone, FromRow)]
pub struct SessionLine {
    pub id: i64,
    pub device: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub remember: i64,
}

/// The member's sessions, newest first.
pub async fn sessions_of(pool: &Pool, user_id: i64) -> Result<Vec<SessionLine>> {
    sqlx::query_as(
        "SELECT id, device, created_at, last_seen_at, remember FROM sessions WHERE user_id = $1 \
         ORDER BY created_at DESC, id DESC",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await
}

/// Ends one of the member's own sessions; `false` if it was not theirs or is gone.
pub async fn end_session(pool: &Pool, user_id: i64, session_id: i64) -> Result<bool> {
    let done = sqlx::query("DELETE FROM sessions WHERE id = $1 AND user_id = $2")
        .bind(session_id)
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

// ----- discreet mode -----

/// `None` follows the instance's setting.
pub async fn set_discreet(pool: &Pool, user_id: i64, discreet: Option<bool>) -> Result<()> {
    sqlx::query("UPDATE users SET discreet = $1 WHERE id = $2")
        .bind(discreet.map(i64::from))
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(())
}
