//! The sessions page: every device the account is signed in on (a coarse
//! description, when it started, when it was last active — never an
//! address), and signing any one of them out, or all but this one.

use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::{get, post},
};

use super::{
    device::Device,
    store,
    views::{SessionItem, SessionsView},
};
use crate::{
    accounts::{Member, store as accounts_store},
    clock::format_utc,
    web::{
        AppState,
        csrf::{NoFields, Post},
        error::AppError,
        page::{PageCtx, render, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ACCOUNT_SESSIONS, get(sessions_get))
        .route(paths::ACCOUNT_SESSION_END, post(session_end_post))
        .route(paths::ACCOUNT_SESSIONS_END_OTHERS, post(end_others_post))
}

/// "Firefox on Android" in the page's language.
pub fn device_name(ctx: &PageCtx, stored: &str) -> String {
    let (browser, system) = Device::names(stored);
    let browser = browser.map_or_else(|| ctx.t("device-unknown-browser"), str::to_owned);
    let system = system.map_or_else(|| ctx.t("device-unknown-system"), str::to_owned);
    ctx.t_with("device-on", &[("browser", &browser), ("system", &system)])
}

/// GET /account/sessions
async fn sessions_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
) -> Result<Response, AppError> {
    let sessions: Vec<SessionItem> = store::sessions_of(&state.db.read, viewer.user_id)
        .await?
        .into_iter()
        .map(|line| SessionItem {
            device: device_name(&ctx, &line.device),
            started: format_utc(line.created_at),
            last_active: format_utc(line.last_seen_at),
            current: line.id == viewer.session_id,
            remembered: line.remember == 1,
            end_action: paths::fill(paths::ACCOUNT_SESSION_END, &line.id.to_string()),
        })
        .collect();
    let others = sessions.iter().filter(|s| !s.current).count();
    render(&SessionsView { ctx, sessions, others })
}

/// POST /account/sessions/{id}/end — signs out one other session (this one
/// signs out with "Sign out").
async fn session_end_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path(id): Path<String>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    let id = paths::parse_id(&id)?;
    if id == viewer.session_id || !store::end_session(&state.db.write, viewer.user_id, id).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(paths::ACCOUNT_SESSIONS))
}

/// POST /account/sessions/end-others
async fn end_others_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    accounts_store::delete_sessions_of(&state.db.write, viewer.user_id, Some(viewer.session_id)).await?;
    Ok(see_other(paths::ACCOUNT_SESSIONS))
}
