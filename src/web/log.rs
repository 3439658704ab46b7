//! One log line per request: method, route *pattern*, status, latency and a
//! short request id that a 500 page shows. Never the client address, the raw
//! path (it can hold an invite code), the query string or any form field.

use std::time::Instant;

use axum::{
    extract::{MatchedPath, Request},
    middleware::Next,
    response::Response,
};
use rand::RngCore;
use tracing::Instrument;

use super::paths;

/// A random id per request, so a member can quote it and an operator find the line.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

pub async fn log_requests(mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().map_or("(unmatched)", |p| p.as_str()).to_owned();
    let mut id = [0u8; 5];
    rand::rng().fill_bytes(&mut id);
    let id = data_encoding::BASE32_NOPAD.encode(&id);
    request.extensions_mut().insert(RequestId(id.clone()));
    let span = tracing::info_span!("request", id = %id);
    let response = next.run(request).instrument(span.clone()).await;
    let status = response.status().as_u16();
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    let latency_ms = format!("{latency_ms:.1}");
    // A load balancer asks for /healthz every few seconds: only its failures are news.
    if route == paths::HEALTHZ && status < 500 {
        span.in_scope(|| tracing::debug!(%method, %route, status, latency_ms, "handled"));
    } else {
        span.in_scope(|| tracing::info!(%method, %route, status, latency_ms, "handled"));
    }
    response
}
