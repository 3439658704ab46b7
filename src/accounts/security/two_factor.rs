//! Setting up two-factor sign-in, replacing the authenticator, turning it
//! off (members only), and the gate that keeps staff and admins without it
//! from doing anything else.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    response::Response,
    routing::{get, post},
};
use serde::Deserialize;

use super::{store, totp, views::TwoFactorView};
use crate::{
    accounts::{Member, session::Viewer, settings::current_password_matches, store as accounts_store},
    web::{
        AppState,
        csrf::Post,
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ACCOUNT_TWO_FACTOR, get(two_factor_get).post(two_factor_post))
        .route(paths::ACCOUNT_TWO_FACTOR_OFF, post(two_factor_off_post))
}

/// What a staff member or admin without two-factor can still reach: setting
/// it up, signing out, the quick exit and the safety page. (Stylesheet,
/// script and icon are served outside the page layer, so always.)
pub const OPEN_BEFORE_TWO_FACTOR: [&str; 4] = [paths::ACCOUNT_TWO_FACTOR, paths::SIGN_OUT, paths::EXIT, paths::SAFETY];

/// The gate, asked on every request of a signed-in viewer (`web::context`),
/// so no staff route, old or new, can forget it: staff and admins without
/// two-factor are sent to set it up, whatever they asked for.
pub fn gate(viewer: &Viewer, path: &str) -> Option<Response> {
    (viewer.must_set_up_two_factor() && !OPEN_BEFORE_TWO_FACTOR.contains(&path))
        .then(|| see_other(paths::ACCOUNT_TWO_FACTOR))
}

struct Errors {
    set_up: Option<&'static str>,
    off: Option<&'static str>,
}

const NO_ERRORS: Errors = Errors { set_up: None, off: None };

/// The page, with `secret` offered for set-up (a new one on each visit).
async fn page(
    state: &AppState,
    viewer: &Viewer,
    ctx: PageCtx,
    secret: &[u8],
    errors: Errors,
) -> Result<TwoFactorView, AppError> {
    // An authenticator app shows this name; in discreet mode, the neutral one.
    let url = totp::setup_url(secret, ctx.shown_name(), &viewer.pseudonym)
        .ok_or_else(|| AppError::internal("two-factor set-up address"))?;
    Ok(TwoFactorView {
        enabled: viewer.two_factor,
        required: viewer.is_staff || viewer.is_admin,
        secret: totp::display(secret),
        qr_svg: totp::qr_svg(&url).ok_or_else(|| AppError::internal("two-factor QR code"))?,
        codes_left: accounts_store::recovery_codes_left(&state.db.read, viewer.user_id).await?,
        error: errors.set_up,
        off_error: errors.off,
        ctx,
    })
}

/// GET /account/two-factor — on or off, and a new secret to set up an authenticator.
async fn two_factor_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
) -> Result<Response, AppError> {
    render(&page(&state, &viewer, ctx, &totp::new_secret(), NO_ERRORS).await?)
}

#[derive(Deserialize)]
struct SetUpForm {
    #[serde(default)]
    secret: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    current: String,
}

/// POST /account/two-factor — turns it on (or replaces the authenticator,
/// which needs the password too) once a code from the app proves it works.
async fn two_factor_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Post(form): Post<SetUpForm>,
) -> Result<Response, AppError> {
    // The secret comes back from the page's own hidden field.
    let secret = totp::parse(&form.secret).ok_or(AppError::BadRequest)?;
    let refused = if viewer.two_factor && !current_password_matches(&state, &viewer, &form.current).await? {
        Some("password-current-wrong")
    } else {
        None
    };
    let step = totp::matching_step(&secret, &form.code, state.clock.now());
    match (refused, step) {
        (None, Some(step)) => {
            store::set_totp(&state.db.write, viewer.user_id, &secret, step).await?;
            Ok(see_other(paths::ACCOUNT_TWO_FACTOR))
        }
        (refused, _) => {
            let errors = Errors { set_up: refused.or(Some("two-factor-code-wrong")), off: None };
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page(&state, &viewer, ctx, &secret, errors).await?)
        }
    }
}

#[derive(Deserialize)]
struct OffForm {
    #[serde(default)]
    current: String,
}

/// POST /account/two-factor/off — a member turns it off with their password;
/// staff and admins cannot (for them it is not a choice).
async fn two_factor_off_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Post(form): Post<OffForm>,
) -> Result<Response, AppError> {
    if viewer.is_staff || viewer.is_admin || !viewer.two_factor {
        return Err(AppError::NotFound);
    }
    if !current_password_matches(&state, &viewer, &form.current).await? {
        let errors = Errors { set_up: None, off: Some("password-current-wrong") };
        let view = page(&state, &viewer, ctx, &totp::new_secret(), errors).await?;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    }
    store::clear_totp(&state.db.write, viewer.user_id).await?;
    Ok(see_other(paths::ACCOUNT_TWO_FACTOR))
}
