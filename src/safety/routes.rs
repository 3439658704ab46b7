//! The safety page, open to anyone, and `/exit`: where the quick exit lands
//! first when it is configured to end the session. `/exit` needs no CSRF
//! token: it only signs out, and a cross-site request arrives without our
//! SameSite=Strict cookie, so it can end nothing.

use askama::Template;
use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};

use crate::web::{
    AppState,
    context::RequestContext,
    cookies,
    error::AppError,
    page::{PageCtx, render},
    paths,
};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::SAFETY, get(safety_get)).route(paths::EXIT, get(exit_get))
}

/// The safety page's sections: (id and heading, text).
const SECTIONS: [(&str, &str); 8] = [
    ("safety-history", "safety-history-text"),
    ("safety-private", "safety-private-text"),
    ("safety-quick-exit", "safety-quick-exit-text"),
    ("safety-shared-device", "safety-shared-device-text"),
    ("safety-passwords", "safety-passwords-text"),
    ("safety-discreet", "safety-discreet-text"),
    ("safety-staff", "safety-staff-text"),
    ("safety-authenticator", "safety-authenticator-text"),
];

#[derive(Template)]
#[template(path = "safety/safety.html")]
struct SafetyView {
    ctx: PageCtx,
}

/// GET /safety — staying safe on a device others may use (linked from every footer).
async fn safety_get(ctx: PageCtx) -> Result<Response, AppError> {
    render(&SafetyView { ctx })
}

/// GET /exit — ends the session (when configured) and leaves for the exit page.
async fn exit_get(State(state): State<AppState>, context: RequestContext) -> Result<Response, AppError> {
    let exit = HeaderValue::from_str(&state.config.exit_url).map_err(AppError::internal)?;
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, exit)]).into_response();
    if state.config.exit_ends_session {
        if let Some(token) = &context.session_token {
            crate::accounts::session::end(&state, token).await?;
        }
        let headers = response.headers_mut();
        headers.insert("clear-site-data", HeaderValue::from_static(CLEAR_SITE_DATA));
        headers.append(header::SET_COOKIE, cookies::remove(cookies::SESSION));
    }
    Ok(response)
}

/// Tells the browser to drop this site's cache, cookies and storage.
pub const CLEAR_SITE_DATA: &str = "\"cache\", \"cookies\", \"storage\"";
