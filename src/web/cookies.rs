//! Hearth's cookies, all `__Host-` (HTTPS-only, this host only, path `/`),
//! `HttpOnly` and `SameSite=Strict`, and without `Max-Age`, so they end when
//! the browser closes:
//! - `__Host-hearth`: the session token of a signed-in member;
//! - `__Host-hearth-pre`: a random value that anchors the CSRF token of forms
//!   shown before sign-in (sign-in, invite, recovery);
//! - `__Host-hearth-2fa`: between a right password and its two-factor code.
//!
//! Only a member who asks to stay signed in gets a session cookie with a
//! `Max-Age` (`set_lasting`).

use axum::http::{HeaderMap, HeaderValue, header};

pub const SESSION: &str = "__Host-hearth";
pub const PRE_SESSION: &str = "__Host-hearth-pre";
pub const CHALLENGE: &str = "__Host-hearth-2fa";

/// The value of a cookie sent by the browser.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim())
        .filter(|value| !value.is_empty())
}

pub fn set(name: &str, value: &str) -> HeaderValue {
    header_value(&format!("{name}={value}; Path=/; Secure; HttpOnly; SameSite=Strict"))
}

/// A cookie that outlives the browser, for `max_age_seconds`.
pub fn set_lasting(name: &str, value: &str, max_age_seconds: i64) -> HeaderValue {
    header_value(&format!("{name}={value}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age={max_age_seconds}"))
}

pub fn remove(name: &str) -> HeaderValue {
    header_value(&format!("{name}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0"))
}

fn header_value(text: &str) -> HeaderValue {
    // Names are constants and values are base64url, so this cannot fail; an
    // empty cookie is the harmless fallback.
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_named_cookie_only() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; __Host-hearth=tok; __Host-hearth-pre=pre"));
        assert_eq!(get(&headers, SESSION), Some("tok"));
        assert_eq!(get(&headers, PRE_SESSION), Some("pre"));
        assert_eq!(get(&headers, "missing"), None);
    }

    #[test]
    fn cookies_are_host_only_and_strict() {
        let value = set(SESSION, "tok");
        let text = value.to_str().unwrap();
        for part in ["Path=/", "Secure", "HttpOnly", "SameSite=Strict"] {
            assert!(text.contains(part), "{text}");
        }
        assert!(!text.contains("Max-Age"));
    }
}
