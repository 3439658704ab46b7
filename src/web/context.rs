//! Per-request context for pages, computed once in a middleware: who is
//! signed in (one query, and a write at most once a minute), which language,
//! which CSRF token. The same middleware turns every error status into a
//! translated page, because it is the one place that knows the language.
//! It is also where staff and admins without two-factor are stopped
//! (`two_factor::gate`), so no route can forget to.

use askama::Template;
use axum::{
    extract::{Request, State},
    http::{HeaderValue, header, request::Parts},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{
    AppState, cookies, csrf,
    error::{AppError, ErrorPage, message_key_for},
    i18n::Locale,
    log::RequestId,
    page::{PageCtx, Rendered, render_with_status},
};
use crate::accounts::{
    secret,
    security::two_factor,
    session::{self, Resumed, Viewer},
};

#[derive(Debug, Clone)]
pub struct RequestContext {
    pub viewer: Option<Viewer>,
    pub locale: Locale,
    /// The token forms on this page carry.
    pub csrf_token: String,
    /// Tokens a POST may carry: one per `__Host-` cookie the browser sent.
    pub accepted_csrf: Vec<String>,
    /// The raw session token, for signing out.
    pub session_token: Option<String>,
}

impl RequestContext {
    pub fn from_parts(parts: &Parts) -> Result<&Self, AppError> {
        parts.extensions.get::<Self>().ok_or_else(|| AppError::internal("page route outside the context layer"))
    }

    pub fn from_request(request: &Request) -> Result<&Self, AppError> {
        request.extensions().get::<Self>().ok_or_else(|| AppError::internal("page route outside the context layer"))
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for RequestContext {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Self::from_parts(parts).cloned()
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorView {
    ctx: PageCtx,
    message_key: &'static str,
    request_id: Option<String>,
}

pub async fn with_context(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let now = state.clock.now();
    let headers = request.headers();
    let session_token = cookies::get(headers, cookies::SESSION).map(str::to_owned);
    let sent_pre_session = cookies::get(headers, cookies::PRE_SESSION).map(str::to_owned);
    let accept_language =
        headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::negotiate);
    let request_id = request.extensions().get::<RequestId>().map(|id| id.0.clone());

    let mut forget_session = false;
    let viewer = match &session_token {
        None => None,
        Some(token) => match session::resume(&state, token, now).await {
            Ok(Resumed::Live(viewer)) => Some(viewer),
            Ok(Resumed::Dead) => {
                forget_session = true;
                None
            }
            Err(err) => {
                // A database that is away for a moment answers 503, and the
                // session's own token lets a form given back be sent again.
                let unavailable = crate::db::is_unavailable(&err);
                let response =
                    if unavailable { AppError::StorageUnavailable(err.to_string()) } else { AppError::from(err) };
                let context = RequestContext {
                    viewer: None,
                    locale: accept_language.unwrap_or_default(),
                    csrf_token: if unavailable { csrf::token_for(token) } else { String::new() },
                    accepted_csrf: Vec::new(),
                    session_token: None,
                };
                return error_response(&state, &context, response.into_response(), request_id);
            }
        },
    };
    let new_pre_session = sent_pre_session.is_none().then(secret::new_token);
    let pre_session = sent_pre_session.clone().or_else(|| new_pre_session.clone()).unwrap_or_default();
    let live_token = viewer.as_ref().and(session_token.as_deref());
    let context = RequestContext {
        locale: viewer.as_ref().and_then(|v| v.locale).or(accept_language).unwrap_or_default(),
        csrf_token: csrf::token_for(live_token.unwrap_or(&pre_session)),
        accepted_csrf: [session_token.as_deref(), sent_pre_session.as_deref()]
            .into_iter()
            .flatten()
            .map(csrf::token_for)
            .collect(),
        session_token: live_token.map(str::to_owned),
        viewer,
    };
    request.extensions_mut().insert(context.clone());
    if let Some(redirect) = context.viewer.as_ref().and_then(|viewer| two_factor::gate(viewer, request.uri().path())) {
        return redirect;
    }

    let mut response = error_response(&state, &context, next.run(request).await, request_id);
    let headers = response.headers_mut();
    if forget_session {
        headers.append(header::SET_COOKIE, cookies::remove(cookies::SESSION));
    }
    if let Some(value) = new_pre_session {
        // Sign-out clears site data; a page rendered after it must not bring
        // the old anchor back, so only set the cookie when none was sent.
        if !headers.contains_key("clear-site-data") {
            headers.append(header::SET_COOKIE, cookies::set(cookies::PRE_SESSION, &value));
        }
    }
    response
}

/// An error status becomes a translated page (unless the handler rendered
/// one), keeping the headers the handler chose (e.g. cookies). The page
/// carries the request's context and which error it shows, for the layer
/// that gives a form's text back (`operations::kept`).
fn error_response(
    state: &AppState,
    context: &RequestContext,
    response: Response,
    request_id: Option<String>,
) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || response.extensions().get::<Rendered>().is_some() {
        return response;
    }
    let page = response
        .extensions()
        .get::<ErrorPage>()
        .copied()
        .unwrap_or(ErrorPage { status, message_key: message_key_for(status) });
    let mut rendered = error_page(state, context, page, request_id);
    for (name, value) in response.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            rendered.headers_mut().append(name.clone(), value.clone());
        }
    }
    rendered.extensions_mut().insert(page);
    rendered.extensions_mut().insert(context.clone());
    rendered
}

fn error_page(state: &AppState, context: &RequestContext, page: ErrorPage, request_id: Option<String>) -> Response {
    let view = ErrorView {
        ctx: PageCtx::new(state, context),
        message_key: page.message_key,
        // Only a server fault needs quoting to an operator.
        request_id: request_id.filter(|_| page.status.is_server_error()),
    };
    match render_with_status(page.status, &view) {
        Ok(response) => response,
        Err(err) => {
            tracing::error!(cause = %err, "rendering the error page failed");
            let mut response = (page.status, "Error").into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
            response
        }
    }
}
