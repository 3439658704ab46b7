//! Staff-assisted password reset: a facilitator makes a one-time link for a
//! member who lost both their password and their recovery codes, and hands
//! it over in person (Hearth sends nothing anywhere). The link works once,
//! for 24 hours; using it sets a new password, ends every session of the
//! account and gives new recovery codes. Staff and admin accounts are never
//! reset this way (a stolen facilitator account must not take them over).

use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};

use super::{MemberScope, member_scope, page::page, store};
use crate::{
    accounts::{
        Member, new_recovery_codes, password::Password, secret, store as accounts_store, views::RecoveryCodesView,
    },
    groups::policy::roles,
    moderation::audit::{self, Action, Entry, Target},
    web::{
        AppState,
        csrf::{Fields, NoFields, Post},
        error::AppError,
        limits::ClientAddress,
        page::{PageCtx, render, render_with_status},
        paths,
    },
};

/// How long a reset link works.
pub const RESET_VALID_SECONDS: i64 = 24 * 3600;

/// POST /groups/{slug}/members/{id}/password-reset — shows the new link once.
pub(super) async fn reset_link_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path((slug, id)): Path<(String, String)>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    let scope: MemberScope = member_scope(&state, &viewer, &slug, &id).await?;
    let m = &scope.member;
    if !roles::acted_on_by_group_staff(m.holds_power == 1, false) || m.banned_at.is_some() {
        let view = page(&state, ctx, &scope, Some("member-holds-power"), None).await?;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    }
    let code = secret::new_token();
    let expires_at = scope.now.saturating_add(RESET_VALID_SECONDS);
    let mut tx = state.db.write.begin().await?;
    store::insert_reset(&mut tx, m.user_id, &secret::digest(&code), viewer.user_id, scope.now, expires_at).await?;
    let entry = Entry::new(Some(viewer.user_id), Action::PasswordResetIssued, Target::Member(m.user_id), scope.now)
        .in_group(&scope.group.group);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    let link = format!("{}{}", state.config.base_url, paths::fill(paths::PASSWORD_RESET, &code));
    render(&page(&state, ctx, &scope, None, Some(link)).await?)
}

#[derive(Template)]
#[template(path = "moderation/reset.html")]
pub struct ResetView {
    pub ctx: PageCtx,
    /// None: the link cannot be used (never existed, used, expired).
    pub pseudonym: Option<String>,
    pub action: String,
    pub error: Option<&'static str>,
}

fn unusable(ctx: PageCtx) -> Result<Response, AppError> {
    render_with_status(StatusCode::NOT_FOUND, &ResetView { ctx, pseudonym: None, action: String::new(), error: None })
}

/// GET /reset/{code} — the form to choose a new password.
pub(super) async fn reset_get(
    State(state): State<AppState>,
    client: ClientAddress,
    ctx: PageCtx,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    state.limits.check_address(client)?;
    let Some((_, pseudonym)) = store::usable_reset(&state.db.read, &secret::digest(&code), state.clock.now()).await?
    else {
        return unusable(ctx);
    };
    let action = paths::fill(paths::PASSWORD_RESET, &code);
    render(&ResetView { ctx, pseudonym: Some(pseudonym), action, error: None })
}

/// POST /reset/{code} — a new password, every session ended, new recovery codes.
pub(super) async fn reset_post(
    State(state): State<AppState>,
    client: ClientAddress,
    ctx: PageCtx,
    Path(code): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    state.limits.check_address(client)?;
    let hash = secret::digest(&code);
    let now = state.clock.now();
    let Some((user_id, pseudonym)) = store::usable_reset(&state.db.read, &hash, now).await? else {
        return unusable(ctx);
    };
    let password = match Password::parse(form.one("password"), &[&pseudonym, &state.config.instance_name]) {
        Ok(password) => password,
        Err(problem) => {
            let action = paths::fill(paths::PASSWORD_RESET, &code);
            let view = ResetView { ctx, pseudonym: Some(pseudonym), action, error: Some(problem.message_key()) };
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    let password_hash = state.hasher.hash(&password).await?;
    let mut tx = state.db.write.begin().await?;
    if store::claim_reset(&mut tx, &hash, now).await? != Some(user_id) {
        return unusable(ctx);
    }
    accounts_store::set_password_hash(&mut *tx, user_id, &password_hash).await?;
    accounts_store::delete_sessions_of(&mut *tx, user_id, None).await?;
    let (codes, hashes) = new_recovery_codes();
    accounts_store::replace_recovery_codes(&mut tx, user_id, &hashes, now).await?;
    tx.commit().await?;
    render(&RecoveryCodesView { ctx, codes, welcome: false })
}
