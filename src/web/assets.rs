//! The few static files, embedded in the binary: one stylesheet, one small
//! script (the quick-exit shortcut), a neutral icon, and robots.txt.

use axum::{
    Router,
    http::{HeaderValue, header},
    response::IntoResponse,
    routing::get,
};

use super::{AppState, paths};

const STYLESHEET: &str = include_str!("../../assets/css/hearth.css");
const SCRIPT: &str = include_str!("../../assets/js/hearth.js");
const ICON: &str = include_str!("../../assets/icon.svg");
/// Nothing here is for search engines.
const ROBOTS: &str = "User-agent: *\nDisallow: /\n";

fn file(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, HeaderValue::from_static(content_type))], body)
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::STYLESHEET, get(|| async { file("text/css; charset=utf-8", STYLESHEET) }))
        .route(paths::SCRIPT, get(|| async { file("text/javascript; charset=utf-8", SCRIPT) }))
        .route(paths::ICON, get(|| async { file("image/svg+xml", ICON) }))
        .route(paths::ROBOTS, get(|| async { file("text/plain; charset=utf-8", ROBOTS) }))
}
