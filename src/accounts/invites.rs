//! Invites: creating them (admin page, `hearth invite create`, the setup link)
//! and the admin page that lists and revokes them.

use std::time::Duration;

use axum::{
    Router,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use serde::Deserialize;

use super::{Admin, secret, store, views};
use crate::{
    groups,
    clock::{UnixTime, format_utc},
    web::{
        AppState,
        csrf::{NoFields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status},
        paths,
    },
};

pub const NOTE_MAX_CHARS: usize = 200;

/// What an invite grants and for how long.
pub struct InviteSpec<'a> {
    pub expires_in: Duration,
    pub note: Option<&'a str>,
    pub created_by: Option<i64>,
    pub grants_admin: bool,
    /// Groups the invited person joins on redeeming it.
    pub groups: &'a [i64],
}

pub struct CreatedInvite {
    pub url: String,
    pub expires_at: UnixTime,
}

/// Makes an invite and returns its link; only the code's hash is stored, so
/// the link can be shown once and never again.
pub async fn create(state: &AppState, spec: InviteSpec<'_>) -> Result<CreatedInvite, sqlx::Error> {
    let now = state.clock.now();
    let code = secret::new_token();
    let expires_at = now.saturating_add(i64::try_from(spec.expires_in.as_secs()).unwrap_or(i64::MAX));
    let note = spec.note.map(str::trim).filter(|n| !n.is_empty());
    let mut tx = state.db.write.begin().await?;
    let invite_id = store::insert_invite(
        &mut *tx,
        store::NewInvite {
            code_hash: &secret::digest(&code),
            grants_admin: spec.grants_admin,
            note,
            created_by: spec.created_by,
            now,
            expires_at,
        },
    )
    .await?;
    for group_id in spec.groups {
        groups::store::add_invite_group(&mut *tx, invite_id, *group_id).await?;
    }
    tx.commit().await?;
    let url = format!("{}{}", state.config.base_url, paths::fill(paths::JOIN, &code));
    Ok(CreatedInvite { url, expires_at })
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::INVITES, get(invites_get).post(invites_post))
        .route(paths::INVITE_REVOKE, post(invite_revoke_post))
}

async fn page(
    state: &AppState,
    ctx: PageCtx,
    new_invite_url: Option<String>,
    note: String,
    error: Option<&'static str>,
) -> Result<views::InvitesView, AppError> {
    let now = state.clock.now();
    let invites = store::recent_invites(&state.db.read, 200)
        .await?
        .into_iter()
        .map(|invite| {
            let status = if invite.revoked_at.is_some() {
                "invite-status-revoked"
            } else if invite.used_at.is_some() {
                "invite-status-used"
            } else if invite.expires_at <= now {
                "invite-status-expired"
            } else {
                "invite-status-active"
            };
            views::InviteLine {
                revoke_action: paths::fill(paths::INVITE_REVOKE, &invite.id.to_string()),
                note: invite.note.unwrap_or_default(),
                created: format_utc(invite.created_at),
                expires: format_utc(invite.expires_at),
                status,
                revocable: status == "invite-status-active",
            }
        })
        .collect();
    Ok(views::InvitesView { ctx, invites, new_invite_url, note, error })
}

/// GET /invites — the invites made so far and a form for a new one.
async fn invites_get(State(state): State<AppState>, _admin: Admin, ctx: PageCtx) -> Result<Response, AppError> {
    render(&page(&state, ctx, None, String::new(), None).await?)
}

#[derive(Deserialize)]
struct NewInviteForm {
    #[serde(default)]
    days: String,
    #[serde(default)]
    note: String,
}

/// POST /invites — creates an invite and shows its link once.
async fn invites_post(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ctx: PageCtx,
    Post(form): Post<NewInviteForm>,
) -> Result<Response, AppError> {
    let days = form.days.trim().parse::<i64>().ok().filter(|d| views::INVITE_DAYS.contains(d));
    let note = form.note.trim().to_owned();
    let Some(days) = days.filter(|_| note.chars().count() <= NOTE_MAX_CHARS) else {
        let view = page(&state, ctx, None, note, Some("invite-form-invalid")).await?;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    let expires_in = Duration::from_secs(u64::try_from(days).unwrap_or(7) * 86_400);
    let spec = InviteSpec { expires_in, note: Some(&note), created_by: Some(admin.user_id), grants_admin: false, groups: &[] };
    let invite = create(&state, spec).await?;
    render(&page(&state, ctx, Some(invite.url), String::new(), None).await?)
}

/// POST /invites/{id}/revoke — an unused invite stops working at once.
async fn invite_revoke_post(
    State(state): State<AppState>,
    _admin: Admin,
    Path(id): Path<String>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
    if !store::revoke_invite(&state.db.write, id, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, paths::INVITES)]).into_response())
}
