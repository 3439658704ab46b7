//! The accounts router (every accounts URL in one list) and the pages of
//! signing in and out and the signed-in home.

use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::Response,
    routing::{get, post},
};
use serde::Deserialize;

use super::{
    invites, join,
    pseudonym::lookup_key,
    security::{device::Device, second_step},
    session::{self, Keeping},
    settings, store, views,
};
use crate::{
    safety::routes::CLEAR_SITE_DATA,
    web::{
        AppState,
        context::RequestContext,
        cookies,
        csrf::{NoFields, Post},
        error::AppError,
        limits::ClientAddress,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::SIGN_IN, get(sign_in_get).post(sign_in_post))
        .route(paths::SIGN_OUT, post(sign_out_post))
        .merge(join::router())
        .merge(settings::router())
        .merge(invites::router())
        .merge(super::security::router())
}

/// The sign-in page; set to look like a notes sign-in, it is discreet too.
fn sign_in_page(mut ctx: PageCtx, pseudonym: String, error: Option<&'static str>) -> views::SignInView {
    ctx.discreet |= ctx.sign_in_as_notes;
    views::SignInView { ctx, pseudonym, error }
}

/// GET /sign-in
async fn sign_in_get(ctx: PageCtx) -> Result<Response, AppError> {
    if ctx.pseudonym.is_some() {
        return Ok(see_other(paths::HOME));
    }
    render(&sign_in_page(ctx, String::new(), None))
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    pseudonym: String,
    #[serde(default)]
    password: String,
    /// "Keep me signed in": unticked unless the member asks.
    #[serde(default)]
    remember: String,
}

/// POST /sign-in — a new session on success (or, with two-factor on, the code
/// step first); one message for any failure, so the page never tells whether
/// a pseudonym exists.
async fn sign_in_post(
    State(state): State<AppState>,
    client: ClientAddress,
    device: Device,
    ctx: PageCtx,
    Post(form): Post<SignInForm>,
) -> Result<Response, AppError> {
    state.limits.check_address(client)?;
    let key = lookup_key(&form.pseudonym);
    state.limits.check_sign_in(&key, client)?;
    let user = store::user_by_key(&state.db.read, &key).await?;
    let matches = state.hasher.verify(&form.password, user.as_ref().map(|u| u.password_hash.clone())).await?;
    let Some(user) = user.filter(|_| matches) else {
        let view = sign_in_page(ctx, form.pseudonym.trim().to_owned(), Some("sign-in-failed"));
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    if user.banned_at.is_some() {
        // Only someone who knows the password learns this.
        return render_with_status(StatusCode::FORBIDDEN, &sign_in_page(ctx, String::new(), Some("sign-in-banned")));
    }
    let keeping = Keeping { device: &device, remember: form.remember == "yes" };
    if user.totp_secret.is_some() {
        return second_step::challenge(&state, &user, keeping).await;
    }
    let mut tx = state.db.write.begin().await?;
    let started = session::start(&state, &mut tx, &user, state.clock.now(), keeping).await?;
    tx.commit().await?;
    let mut response = see_other(paths::HOME);
    response.headers_mut().append(header::SET_COOKIE, started.cookie);
    Ok(response)
}

/// POST /sign-out — ends the session on the server and clears what the
/// browser holds for this site.
async fn sign_out_post(
    State(state): State<AppState>,
    context: RequestContext,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    if let Some(token) = &context.session_token {
        session::end(&state, token).await?;
    }
    let mut response = see_other(paths::SIGN_IN);
    let headers = response.headers_mut();
    headers.insert("clear-site-data", HeaderValue::from_static(CLEAR_SITE_DATA));
    headers.append(header::SET_COOKIE, cookies::remove(cookies::SESSION));
    Ok(response)
}
