//! The one error type. A handler returns `AppError`; the response carries only
//! the status and which message to show, and `web::context` renders the
//! translated page around it, because only it knows the reader's language.
//! Internal causes are logged (inside the request's span) and never shown.

use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use super::paths;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("malformed request")]
    BadRequest,
    #[error("form check failed")]
    Csrf,
    #[error("too many attempts")]
    RateLimited,
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("sign-in required")]
    SignInRequired,
    #[error("internal error: {0}")]
    Internal(String),
}

/// Put on an error response so the page renderer knows which message to show.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage {
    pub status: StatusCode,
    pub message_key: &'static str,
}

impl AppError {
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest => StatusCode::BAD_REQUEST,
            Self::Csrf => StatusCode::FORBIDDEN,
            Self::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::SignInRequired => StatusCode::SEE_OTHER,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// The message for any error status, including those axum produces itself
/// (405, 415) that never pass through `AppError`.
pub fn message_key_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "error-bad-request",
        403 => "error-csrf",
        404 => "error-not-found",
        413 => "error-too-large",
        429 => "error-rate-limited",
        500..=599 => "error-internal",
        _ => "error-bad-request",
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let Self::Internal(cause) = &self {
            tracing::error!(%cause, "request failed");
        }
        if matches!(self, Self::SignInRequired) {
            return (StatusCode::SEE_OTHER, [(header::LOCATION, paths::SIGN_IN)]).into_response();
        }
        let status = self.status();
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorPage { status, message_key: message_key_for(status) });
        response
    }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        Self::internal(format!("database: {err}"))
    }
}

impl From<askama::Error> for AppError {
    fn from(err: askama::Error) -> Self {
        Self::internal(format!("template: {err}"))
    }
}
