//! Sessions: a 256-bit token in the `__Host-hearth` cookie, only its hash in
//! the database. A session ends after the idle timeout, at its absolute
//! lifetime, at sign-out, or when the quick exit is configured to end it.

use axum::http::HeaderValue;

use super::{security::device::Device, store};
use crate::{
    accounts::secret,
    clock::UnixTime,
    db,
    web::{AppState, cookies, i18n::Locale},
};

/// Write "last seen" at most this often, so reading pages does not write.
pub const TOUCH_INTERVAL_SECONDS: i64 = 60;

/// The signed-in member making a request.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: i64,
    pub session_id: i64,
    pub pseudonym: String,
    pub is_admin: bool,
    pub locale: Option<Locale>,
    /// When the account signed in before this session began.
    pub previous_sign_in_at: Option<UnixTime>,
    /// Posts with a content warning stay folded until opened (the default).
    pub fold_warnings: bool,
    /// For the count in the header (never in the page title).
    pub unread_notifications: i64,
    /// Lead or facilitator in some organisation.
    pub is_staff: bool,
    /// Signs in with a code from an authenticator app too.
    pub two_factor: bool,
    /// The member's discreet-mode choice; `None` follows the instance.
    pub discreet: Option<bool>,
}

impl Viewer {
    /// Staff and admins may do nothing else until two-factor is on.
    pub fn must_set_up_two_factor(&self) -> bool {
        (self.is_staff || self.is_admin) && !self.two_factor
    }
}

/// The idle timeout in the seconds that stored times use.
fn idle_seconds(state: &AppState) -> i64 {
    i64::try_from(state.config.session_idle.as_secs()).unwrap_or(i64::MAX)
}

/// What a session cookie turned out to be.
pub enum Resumed {
    Live(Viewer),
    /// Expired, signed out or unknown: the browser should forget the cookie.
    Dead,
}

pub async fn resume(state: &AppState, token: &str, now: UnixTime) -> Result<Resumed, sqlx::Error> {
    let hash = secret::digest(token);
    let Some(row) = store::session_by_token(&state.db.read, &hash).await? else {
        return Ok(Resumed::Dead);
    };
    // Neither write is needed to serve the page: a database that cannot
    // write (disk full) must not stop members from reading.
    if now >= row.expires_at || now - row.last_seen_at >= idle_seconds(state) {
        db::unless_unavailable(store::delete_session(&state.db.write, &hash).await, "ending a session")?;
        return Ok(Resumed::Dead);
    }
    if now - row.last_seen_at >= TOUCH_INTERVAL_SECONDS {
        db::unless_unavailable(store::touch_session(&state.db.write, row.session_id, now).await, "session seen")?;
    }
    Ok(Resumed::Live(Viewer {
        user_id: row.user_id,
        session_id: row.session_id,
        pseudonym: row.pseudonym,
        is_admin: row.is_admin == 1,
        locale: row.locale.as_deref().and_then(Locale::from_code),
        previous_sign_in_at: row.previous_sign_in_at,
        fold_warnings: row.fold_warnings == 1,
        unread_notifications: row.unread_notifications,
        is_staff: row.is_staff == 1,
        two_factor: row.two_factor == 1,
        discreet: row.discreet.map(|on| on == 1),
    }))
}

/// How a new session is kept: where it started (coarsely), and whether the
/// member asked to stay signed in after the browser closes.
#[derive(Debug, Clone, Copy)]
pub struct Keeping<'a> {
    pub device: &'a Device,
    pub remember: bool,
}

/// A session just made: the `Set-Cookie` value, and the token (forms on the
/// page that answers carry a CSRF token derived from it).
pub struct Started {
    pub cookie: HeaderValue,
    pub token: String,
}

/// Starts a session for a member who just proved who they are, inside the
/// caller's transaction. A new token every
/// time: a token planted before sign-in never becomes a signed-in one.
pub async fn start(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    user: &store::UserRow,
    now: UnixTime,
    keeping: Keeping<'_>,
) -> Result<Started, sqlx::Error> {
    let token = secret::new_token();
    let lifetime = i64::try_from(state.config.session_lifetime.as_secs()).unwrap_or(i64::MAX);
    store::insert_session(
        &mut *conn,
        store::NewSession {
            token_hash: &secret::digest(&token),
            user_id: user.id,
            now,
            expires_at: now.saturating_add(lifetime),
            previous_sign_in_at: user.last_sign_in_at,
            device: &keeping.device.0,
            remember: keeping.remember,
        },
    )
    .await?;
    store::record_sign_in(&mut *conn, user, now).await?;
    // Without "keep me signed in" the cookie has no Max-Age and ends with the browser.
    let cookie = if keeping.remember {
        cookies::set_lasting(cookies::SESSION, &token, lifetime)
    } else {
        cookies::set(cookies::SESSION, &token)
    };
    Ok(Started { cookie, token })
}

/// Forgets sessions that can no longer be resumed, so the table holds only
/// live ones. Idempotent: every node may run it.
pub async fn purge_expired(state: &AppState) -> Result<u64, sqlx::Error> {
    store::delete_expired_sessions(&state.db.write, state.clock.now(), idle_seconds(state)).await
}

pub async fn end(state: &AppState, token: &str) -> Result<(), sqlx::Error> {
    store::delete_session(&state.db.write, &secret::digest(token)).await
}
