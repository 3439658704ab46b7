//! `/exit`: where the quick exit lands first when it is configured to end the
//! session. It needs no CSRF token: it only signs out, and a cross-site request
//! arrives without our SameSite=Strict cookie, so it can end nothing.

use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};

use crate::web::{AppState, context::RequestContext, cookies, error::AppError, paths};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::EXIT, get(exit_get))
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
