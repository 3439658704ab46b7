//! Redeeming an invite: first what Hearth stores and who sees it (consent,
//! which must be given), then a pseudonym and a password, then the recovery
//! codes, shown once. The invite is claimed in the same transaction that
//! creates the account, so it can never be used twice.

use axum::{
    Router,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use serde::Deserialize;

use super::{
    Member, new_recovery_codes,
    password::Password,
    pseudonym::Pseudonym,
    secret,
    security::device::Device,
    session, store,
    views::{InviteUnusableView, JoinAccountView, JoinConsentView, JoinGroupsView, RecoveryCodesView},
};
use crate::groups;
use crate::web::{
    AppState,
    csrf::{NoFields, Post},
    error::AppError,
    limits::ClientAddress,
    page::{PageCtx, render, render_with_status, see_other},
    paths,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::JOIN, get(join_get))
        .route(paths::JOIN_AGREE, post(join_agree_post))
        .route(paths::JOIN_ACCOUNT, post(join_account_post))
        .route(paths::JOIN_GROUPS, post(join_groups_post))
}

/// The same page for a code that never existed, was used, expired or was revoked.
fn unusable(ctx: PageCtx) -> Result<Response, AppError> {
    render_with_status(StatusCode::NOT_FOUND, &InviteUnusableView { ctx })
}

async fn invite_is_usable(state: &AppState, code: &str) -> Result<bool, AppError> {
    Ok(store::usable_invite(&state.db.read, &secret::digest(code), state.clock.now()).await?.is_some())
}

/// What joining means, with the list of what is stored generated from the
/// data inventory and this instance's settings.
fn consent_view(state: &AppState, ctx: PageCtx, code: &str, error: Option<&'static str>) -> JoinConsentView {
    let inventory = crate::safety::inventory::shown(&state.translations, ctx.locale, &state.config);
    JoinConsentView { ctx, agree_action: paths::fill(paths::JOIN_AGREE, code), inventory, error }
}

fn account_view(ctx: PageCtx, code: &str, pseudonym: String) -> JoinAccountView {
    JoinAccountView {
        ctx,
        account_action: paths::fill(paths::JOIN_ACCOUNT, code),
        pseudonym,
        pseudonym_error: None,
        password_error: None,
    }
}

/// GET /join/{code} — what joining means, before anything is asked. A member
/// already signed in who opens an invite into groups is offered to join them
/// with this account instead of making a second one.
async fn join_get(
    State(state): State<AppState>,
    client: ClientAddress,
    ctx: PageCtx,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    state.limits.check_address(client)?;
    let Some(invite) = store::usable_invite(&state.db.read, &secret::digest(&code), state.clock.now()).await? else {
        return unusable(ctx);
    };
    if ctx.pseudonym.is_some() {
        let groups = groups::store::invite_group_names(&state.db.read, invite.id).await?;
        if !groups.is_empty() {
            return render(&JoinGroupsView { ctx, groups, join_action: paths::fill(paths::JOIN_GROUPS, &code) });
        }
    }
    render(&consent_view(&state, ctx, &code, None))
}

/// POST /join/{code}/groups — a signed-in member joins the invite's groups;
/// the invite is spent.
async fn join_groups_post(
    State(state): State<AppState>,
    client: ClientAddress,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(code): Path<String>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    state.limits.check_address(client)?;
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    let Some(invite) = store::claim_invite(&mut *tx, &secret::digest(&code), now).await? else {
        return unusable(ctx);
    };
    if invite.grants_admin == 1 {
        return unusable(ctx);
    }
    store::set_invite_user(&mut *tx, invite.id, viewer.user_id).await?;
    groups::store::join_invite_groups(&mut *tx, invite.id, viewer.user_id, now).await?;
    tx.commit().await?;
    Ok(see_other(paths::HOME))
}

#[derive(Deserialize)]
struct AgreeForm {
    #[serde(default)]
    consent: String,
}

/// POST /join/{code}/agree — consent given; now the account form.
async fn join_agree_post(
    State(state): State<AppState>,
    client: ClientAddress,
    ctx: PageCtx,
    Path(code): Path<String>,
    Post(form): Post<AgreeForm>,
) -> Result<Response, AppError> {
    state.limits.check_address(client)?;
    if !invite_is_usable(&state, &code).await? {
        return unusable(ctx);
    }
    if form.consent != "yes" {
        return render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &consent_view(&state, ctx, &code, Some("join-consent-required")),
        );
    }
    render(&account_view(ctx, &code, String::new()))
}

#[derive(Deserialize)]
struct AccountForm {
    #[serde(default)]
    consent: String,
    #[serde(default)]
    pseudonym: String,
    #[serde(default)]
    password: String,
}

/// POST /join/{code}/account — creates the account, signs in, shows the recovery codes.
async fn join_account_post(
    State(state): State<AppState>,
    client: ClientAddress,
    device: Device,
    ctx: PageCtx,
    Path(code): Path<String>,
    Post(form): Post<AccountForm>,
) -> Result<Response, AppError> {
    state.limits.check_address(client)?;
    if form.consent != "yes" {
        return render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &consent_view(&state, ctx, &code, Some("join-consent-required")),
        );
    }
    if !invite_is_usable(&state, &code).await? {
        return unusable(ctx);
    }
    let mut view = account_view(ctx.clone(), &code, form.pseudonym.trim().to_owned());
    let pseudonym = Pseudonym::parse(&form.pseudonym).map_err(|problem| problem.message_key());
    let password = Password::parse(&form.password, &[form.pseudonym.trim(), &state.config.instance_name])
        .map_err(|problem| problem.message_key());
    let pseudonym = match pseudonym {
        Ok(pseudonym) if store::pseudonym_taken(&state.db.read, &pseudonym).await? => Err("pseudonym-taken"),
        other => other,
    };
    let (pseudonym, password) = match (pseudonym, password) {
        (Ok(pseudonym), Ok(password)) => (pseudonym, password),
        (pseudonym, password) => {
            view.pseudonym_error = pseudonym.err();
            view.password_error = password.err();
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    let password_hash = state.hasher.hash(&password).await?;

    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    let Some(invite) = store::claim_invite(&mut *tx, &secret::digest(&code), now).await? else {
        return unusable(ctx);
    };
    let user_id = match store::insert_user(&mut *tx, &pseudonym, &password_hash, invite.grants_admin == 1, now).await {
        Ok(id) => id,
        // Someone took the name between the check above and now.
        Err(sqlx::Error::Database(err)) if err.is_unique_violation() => {
            view.pseudonym_error = Some("pseudonym-taken");
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
        Err(err) => return Err(err.into()),
    };
    store::set_invite_user(&mut *tx, invite.id, user_id).await?;
    groups::store::join_invite_groups(&mut *tx, invite.id, user_id, now).await?;
    let (codes, hashes) = new_recovery_codes();
    store::replace_recovery_codes(&mut tx, user_id, &hashes, now).await?;
    let user = store::UserRow {
        id: user_id,
        pseudonym: pseudonym.as_str().to_owned(),
        pseudonym_key: pseudonym.key().to_owned(),
        password_hash,
        is_admin: invite.grants_admin,
        locale: None,
        last_sign_in_at: None,
        totp_secret: None,
        banned_at: None,
    };
    let keeping = session::Keeping { device: &device, remember: false };
    let session::Started { cookie, token } = session::start(&state, &mut tx, &user, now, keeping).await?;
    tx.commit().await?;

    let mut ctx = ctx;
    ctx.pseudonym = Some(user.pseudonym);
    ctx.is_admin = user.is_admin == 1;
    ctx.csrf = crate::web::csrf::token_for(&token);
    let mut response = render(&RecoveryCodesView { ctx, codes, welcome: true })?;
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response.into_response())
}
