//! `GET /bench/ceiling`: a fixed HTML page of `HEARTH_BENCH_CEILING_BYTES`
//! bytes, for `bench/run` to measure what this server, its HTTP stack and
//! the machine can do at most for a page the size of a topic page. It goes
//! through the same outer layers as every response (security headers,
//! request log), like the stylesheet, but does no database or session work.
//! The route exists only while the setting is set, which production never does.

use axum::{
    Router,
    body::Bytes,
    http::header,
    response::{IntoResponse, Response},
    routing::get,
};

use crate::web::{AppState, paths};

pub fn router(bytes: usize) -> Router<AppState> {
    let page = Bytes::from(page_of(bytes));
    Router::new().route(paths::BENCH_CEILING, get(move || std::future::ready(answer(page.clone()))))
}

fn answer(page: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

/// A well-formed page of exactly `bytes` bytes (at least its frame's).
fn page_of(bytes: usize) -> String {
    const HEAD: &str =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ceiling</title></head><body>";
    const TAIL: &str = "</body></html>\n";
    const LINE: &str = "<p>The same bytes every time, for the benchmark's ceiling.</p>\n";
    let mut page = String::with_capacity(bytes.max(HEAD.len() + TAIL.len()));
    page.push_str(HEAD);
    while page.len() + LINE.len() + TAIL.len() <= bytes {
        page.push_str(LINE);
    }
    while page.len() + TAIL.len() < bytes {
        page.push(' ');
    }
    page.push_str(TAIL);
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_the_size_asked_for() {
        for bytes in [200, 12_000, 41_234] {
            assert_eq!(page_of(bytes).len(), bytes);
        }
        assert!(page_of(1).ends_with("</html>\n"));
    }
}
