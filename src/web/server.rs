//! The HTTP server loop: the router on hyper's HTTP/1 connections, with two
//! things `axum::serve` does not offer: a deadline for a request's headers (a
//! client that trickles them in, or opens a connection and says nothing,
//! cannot hold it forever), and a shutdown that waits for requests in flight
//! but not longer than a grace period.

use std::{future::Future, pin::pin, time::Duration};

use axum::extract::ConnectInfo;
use hyper::server::conn::http1;
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    server::graceful::GracefulShutdown,
    service::TowerToHyperService,
};
use tower::ServiceExt;

use super::{AppState, app};
use crate::{accounts::session, safety::purge};

/// How long a client may take to send a request's headers.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// How long open connections get to finish once shutdown starts.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// The whole purge (retention, invites, scrubbing the files) runs at start
/// and then every this many minutes; expired sessions go every minute.
pub const PURGE_EVERY_MINUTES: u64 = 15;

/// Housekeeping while serving: every minute, forget idle rate-limit entries
/// and delete sessions that have expired; every quarter of an hour, the
/// purge. Both are idempotent, so every node may run them.
async fn sweep(state: AppState) {
    let mut every_minute = tokio::time::interval(Duration::from_secs(60));
    for minute in 0_u64.. {
        every_minute.tick().await;
        state.limits.forget_idle();
        if minute % PURGE_EVERY_MINUTES == 0 {
            match purge::run(&state).await {
                Ok(purged) => tracing::info!(deleted = purged.total(), "purged"),
                Err(err) => tracing::warn!(cause = %err, "the purge failed"),
            }
        } else if let Err(err) = session::purge_expired(&state).await {
            tracing::warn!(cause = %err, "purging expired sessions failed");
        }
    }
}

/// Serves until `shutdown` resolves, sweeping meanwhile.
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    let sweeper = tokio::spawn(sweep(state.clone()));
    let router = app(state);
    let connections = GracefulShutdown::new();
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors and the like: wait, don't spin.
                    tracing::warn!(cause = %err, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        // The client address travels with the request for rate limiting only.
        let service = router.clone().map_request(move |mut request: hyper::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo(remote));
            request
        });
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(HEADER_READ_TIMEOUT)
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = connections.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(cause = %err, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = connections.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {
            tracing::warn!("connections still open after the shutdown grace period; stopping anyway");
        }
    }
    sweeper.abort();
}
