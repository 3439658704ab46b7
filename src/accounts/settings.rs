//! Looking after one's own account: change the password (needs the current
//! one), new recovery codes, language; and "forgot password", which takes a
//! recovery code instead of an e-mail address.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    response::Response,
    routing::{get, post},
};
use serde::Deserialize;

use super::{
    Member, new_recovery_codes,
    password::Password,
    pseudonym::lookup_key,
    secret,
    session::Viewer,
    store,
    views::{RecoverView, RecoveryCodesView, SettingsView},
};
use crate::web::{
    AppState,
    csrf::Post,
    error::AppError,
    i18n::Locale,
    limits::ClientAddress,
    page::{PageCtx, render, render_with_status, see_other},
    paths,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ACCOUNT, get(account_get))
        .route(paths::ACCOUNT_PASSWORD, post(password_post))
        .route(paths::ACCOUNT_RECOVERY_CODES, post(recovery_codes_post))
        .route(paths::ACCOUNT_LANGUAGE, post(language_post))
        .route(paths::RECOVER, get(recover_get).post(recover_post))
}

async fn settings_view(state: &AppState, viewer: &Viewer, ctx: PageCtx) -> Result<SettingsView, AppError> {
    Ok(SettingsView {
        codes_left: store::recovery_codes_left(&state.db.read, viewer.user_id).await?,
        language: viewer.locale.map_or("auto", Locale::code),
        fold_warnings: viewer.fold_warnings,
        two_factor: viewer.two_factor,
        discreet: match viewer.discreet {
            None => "default",
            Some(true) => "on",
            Some(false) => "off",
        },
        ctx,
        password_error: None,
        codes_error: None,
        notice: None,
    })
}

/// GET /account
async fn account_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
) -> Result<Response, AppError> {
    render(&settings_view(&state, &viewer, ctx).await?)
}

/// Checks the member's current password (slowly, like a sign-in).
pub async fn current_password_matches(state: &AppState, viewer: &Viewer, attempt: &str) -> Result<bool, AppError> {
    let user = store::user_by_id(&state.db.read, viewer.user_id).await?;
    state.hasher.verify(attempt, user.map(|u| u.password_hash)).await
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
}

/// POST /account/password — other sessions end, so whoever else was signed in is out.
async fn password_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Post(form): Post<PasswordForm>,
) -> Result<Response, AppError> {
    let mut view = settings_view(&state, &viewer, ctx).await?;
    if !current_password_matches(&state, &viewer, &form.current).await? {
        view.password_error = Some("password-current-wrong");
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    }
    let password = match Password::parse(&form.new, &[&viewer.pseudonym, &state.config.instance_name]) {
        Ok(password) => password,
        Err(problem) => {
            view.password_error = Some(problem.message_key());
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    let hash = state.hasher.hash(&password).await?;
    let mut tx = state.db.write.begin().await?;
    store::set_password_hash(&mut *tx, viewer.user_id, &hash).await?;
    store::delete_sessions_of(&mut *tx, viewer.user_id, Some(viewer.session_id)).await?;
    tx.commit().await?;
    view.notice = Some("password-changed");
    render(&view)
}

#[derive(Deserialize)]
struct CodesForm {
    #[serde(default)]
    current: String,
}

/// POST /account/recovery-codes — replaces all codes and shows the new ones once.
async fn recovery_codes_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Post(form): Post<CodesForm>,
) -> Result<Response, AppError> {
    if !current_password_matches(&state, &viewer, &form.current).await? {
        let mut view = settings_view(&state, &viewer, ctx).await?;
        view.codes_error = Some("password-current-wrong");
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    }
    let (codes, hashes) = new_recovery_codes();
    let mut tx = state.db.write.begin().await?;
    store::replace_recovery_codes(&mut tx, viewer.user_id, &hashes, state.clock.now()).await?;
    tx.commit().await?;
    render(&RecoveryCodesView { ctx, codes, welcome: false })
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    language: String,
}

/// POST /account/language — "auto" follows the browser.
async fn language_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Post(form): Post<LanguageForm>,
) -> Result<Response, AppError> {
    let locale = match form.language.as_str() {
        "auto" => None,
        code => Some(Locale::from_code(code).ok_or(AppError::BadRequest)?.code()),
    };
    store::set_locale(&state.db.write, viewer.user_id, locale).await?;
    Ok(see_other(paths::ACCOUNT))
}

/// GET /recover
async fn recover_get(ctx: PageCtx) -> Result<Response, AppError> {
    render(&RecoverView { ctx, pseudonym: String::new(), error: None, done: false })
}

#[derive(Deserialize)]
struct RecoverForm {
    #[serde(default)]
    pseudonym: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    password: String,
}

/// POST /recover — a recovery code sets a new password and ends every session.
async fn recover_post(
    State(state): State<AppState>,
    client: ClientAddress,
    ctx: PageCtx,
    Post(form): Post<RecoverForm>,
) -> Result<Response, AppError> {
    state.limits.check_address(client)?;
    let key = lookup_key(&form.pseudonym);
    state.limits.check_sign_in(&key, client)?;
    let mut view = RecoverView { ctx, pseudonym: form.pseudonym.trim().to_owned(), error: None, done: false };
    let user = store::user_by_key(&state.db.read, &key).await?;
    // The new password is checked first so a good code is not spent on a bad password.
    let password = match Password::parse(&form.password, &[form.pseudonym.trim(), &state.config.instance_name]) {
        Ok(password) => password,
        Err(problem) => {
            view.error = Some(problem.message_key());
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    let code_hash = secret::digest(&secret::normalise_recovery_code(&form.code));
    let hash = state.hasher.hash(&password).await?;
    let mut tx = state.db.write.begin().await?;
    let used = match &user {
        Some(user) => store::use_recovery_code(&mut *tx, user.id, &code_hash).await?,
        None => false,
    };
    let Some(user) = user.filter(|_| used) else {
        view.error = Some("recover-failed");
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    store::set_password_hash(&mut *tx, user.id, &hash).await?;
    store::delete_sessions_of(&mut *tx, user.id, None).await?;
    tx.commit().await?;
    view.done = true;
    render(&view)
}
