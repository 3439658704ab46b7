//! CSRF protection for every POST, sign-in and invite forms included: the
//! browser must say the request is same-origin (`Sec-Fetch-Site`, `Origin`),
//! and the form must carry a token derived from one of our `__Host-` cookies,
//! which another site can neither read nor set.

use axum::{
    body::Bytes,
    extract::{FromRef, FromRequest, Request},
    http::{HeaderMap, header},
};
use data_encoding::BASE64URL_NOPAD;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::{AppState, context::RequestContext, cookies, error::AppError};
use crate::accounts::secret;

/// The token a form carries for a cookie value.
pub fn token_for(cookie_value: &str) -> String {
    let digest = Sha256::new().chain_update(b"hearth-csrf\0").chain_update(cookie_value.as_bytes()).finalize();
    BASE64URL_NOPAD.encode(&digest)
}

/// A same-origin request, by the browser's own account. Browsers that send
/// neither header are judged by the token alone.
fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        // Under `Referrer-Policy: no-referrer` browsers send `Origin: null` even
        // for a same-origin form. A cross-site "null" (sandboxed frame, data:
        // URL) arrives without our SameSite=Strict cookies, so the token fails.
        Some("null") => true,
        Some(origin) => {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
            let origin_host = origin.split_once("://").map_or("", |(_, rest)| rest);
            !host.is_empty() && origin_host.eq_ignore_ascii_case(host)
        }
    }
}

/// Whether a form's token and origin would pass the check above, judged from
/// the request's own cookies (for a layer that sees the form before, or
/// without, the page context).
pub fn form_passes(headers: &HeaderMap, token: &str) -> bool {
    same_origin(headers)
        && [cookies::SESSION, cookies::PRE_SESSION]
            .into_iter()
            .filter_map(|name| cookies::get(headers, name))
            .any(|cookie| secret::same(token_for(cookie).as_bytes(), token.as_bytes()))
}

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

/// A CSRF-checked, URL-encoded form. Malformed bodies are a 400, bodies over
/// the limit a 413, a failed check a 403.
#[derive(Debug)]
pub struct Post<T>(pub T);

impl<S, T> FromRequest<S> for Post<T>
where
    AppState: FromRef<S>,
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let accepted = RequestContext::from_request(&request)?.accepted_csrf.clone();
        if !same_origin(request.headers()) {
            return Err(AppError::Csrf);
        }
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(AppError::BadRequest);
        }
        let body = Bytes::from_request(request, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge
            } else {
                AppError::BadRequest
            }
        })?;
        let CsrfField { csrf } = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest)?;
        if !accepted.iter().any(|token| secret::same(token.as_bytes(), csrf.as_bytes())) {
            return Err(AppError::Csrf);
        }
        let form = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest)?;
        Ok(Self(form))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn cross_site_requests_are_refused() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("forum.example.org"));
        assert!(same_origin(&headers));
        headers.insert(header::ORIGIN, HeaderValue::from_static("https://forum.example.org"));
        assert!(same_origin(&headers));
        headers.insert(header::ORIGIN, HeaderValue::from_static("https://evil.example"));
        assert!(!same_origin(&headers));
        // Browsers send `Origin: null` for same-origin forms under no-referrer.
        headers.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(same_origin(&headers));
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&headers));
        headers.remove(header::ORIGIN);
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&headers));
    }

    #[test]
    fn tokens_differ_per_cookie() {
        assert_ne!(token_for("a"), token_for("b"));
        assert_eq!(token_for("a"), token_for("a"));
    }
}

/// For forms whose only field is the CSRF token (sign-out, revoke).
#[derive(Debug, serde::Deserialize)]
pub struct NoFields {}

/// A form read as its list of fields, for forms with repeated names (a
/// checkbox per group); `Post<Fields>`.
#[derive(Debug, serde::Deserialize)]
#[serde(transparent)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    /// The first value of a field, or "" when it is absent.
    pub fn one(&self, name: &str) -> &str {
        self.0.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.as_str())
    }

    /// Every value of a repeated field.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> {
        self.0.iter().filter(move |(key, _)| key == name).map(|(_, value)| value.as_str())
    }
}
