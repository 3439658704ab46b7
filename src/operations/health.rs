//! `GET /healthz` for load balancers and monitors: "ok" while the database
//! answers, "not ok" (503) when it does not. Nothing else: no version, no
//! database details, no counts, and no session or cookie work.

use std::time::Duration;

use axum::{
    Router,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};

use super::store;
use crate::web::{AppState, paths};

/// A database slower than this to answer a trivial query is not healthy.
const DEADLINE: Duration = Duration::from_secs(3);

pub fn router() -> Router<AppState> {
    Router::new().route(paths::HEALTHZ, get(healthz_get))
}

/// GET /healthz — 200 "ok" or 503 "not ok", plain text.
async fn healthz_get(State(state): State<AppState>) -> Response {
    let answered = tokio::time::timeout(DEADLINE, store::ping(&state.db.read)).await;
    let (status, text) = match answered {
        Ok(Ok(())) => (StatusCode::OK, "ok\n"),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "not ok\n"),
    };
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}
