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
    /// The database cannot be reached or cannot write right now (down,
    /// restarting, disk full): a 503 that says to try again, and a form's
    /// text is given back (`operations::kept`).
    #[error("database unavailable: {0}")]
    StorageUnavailable(String),
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
            Self::StorageUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

/// The message of a 503: the database is away for a moment.
pub const STORAGE_UNAVAILABLE_KEY: &str = "error-storage-unavailable";

/// How long a client is asked to wait before trying again after a 503.
pub const RETRY_AFTER_SECONDS: &str = "30";

/// The message for any error status, including those axum produces itself
/// (405, 415) that never pass through `AppError`.
pub fn message_key_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "error-bad-request",
        403 => "error-csrf",
        404 => "error-not-found",
        413 => "error-too-large",
        429 => "error-rate-limited",
        503 => STORAGE_UNAVAILABLE_KEY,
        500..=599 => "error-internal",
        _ => "error-bad-request",
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            Self::Internal(cause) => tracing::error!(%cause, "request failed"),
            Self::StorageUnavailable(cause) => tracing::warn!(%cause, "database unavailable"),
            _ => {}
        }
        if matches!(self, Self::SignInRequired) {
            return (StatusCode::SEE_OTHER, [(header::LOCATION, paths::SIGN_IN)]).into_response();
        }
        let status = self.status();
        let mut response = status.into_response();
        if matches!(self, Self::StorageUnavailable(_)) {
            response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static(RETRY_AFTER_SECONDS));
        }
        response.extensions_mut().insert(ErrorPage { status, message_key: message_key_for(status) });
        response
    }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        if crate::db::is_unavailable(&err) {
            Self::StorageUnavailable(err.to_string())
        } else {
            Self::internal(format!("database: {err}"))
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(err: askama::Error) -> Self {
        Self::internal(format!("template: {err}"))
    }
}
