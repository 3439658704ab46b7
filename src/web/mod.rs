//! What every feature shares: the application state, the router that merges
//! each feature's routes in one place, and the layers around them.

pub mod assets;
pub mod context;
pub mod cookies;
pub mod csrf;
pub mod error;
pub mod headers;
pub mod i18n;
pub mod limits;
pub mod log;
pub mod page;
pub mod paths;

use std::{net::SocketAddr, sync::Arc, time::Duration};

use axum::{Router, extract::DefaultBodyLimit, middleware};
use tower_http::catch_panic::CatchPanicLayer;

use crate::{accounts, clock::Clock, config::Config, db::Db, safety};

/// Largest request body accepted; a long post is far smaller.
pub const BODY_LIMIT_BYTES: usize = 1024 * 1024;

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub clock: Arc<dyn Clock>,
    pub limits: Arc<limits::RateLimits>,
    pub hasher: accounts::password::Hasher,
    pub translations: Arc<i18n::Translations>,
}

impl AppState {
    pub fn new(db: Db, config: Config, clock: Arc<dyn Clock>) -> Result<Self, String> {
        let hashers = std::thread::available_parallelism().map_or(1, usize::from).min(4);
        Ok(Self {
            limits: Arc::new(limits::RateLimits::new(&config)),
            hasher: accounts::password::Hasher::new(hashers),
            translations: Arc::new(i18n::Translations::load()?),
            config: Arc::new(config),
            clock,
            db,
        })
    }
}

/// The whole application, as production runs it and tests drive it.
pub fn app(state: AppState) -> Router {
    let pages = Router::new()
        .merge(accounts::routes::router())
        .merge(safety::routes::router())
        .fallback(|| async { error::AppError::NotFound })
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(state.clone(), context::with_context));
    Router::new()
        .merge(assets::router())
        .merge(pages)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(middleware::from_fn(log::log_requests))
        .layer(middleware::from_fn_with_state(state.clone(), headers::security_headers))
        .with_state(state)
}

/// How long open connections get to finish once shutdown starts; a client
/// that never completes its request must not keep the process alive.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Serves until `shutdown` resolves (then at most `SHUTDOWN_GRACE` more);
/// forgets idle rate-limit entries meanwhile.
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = Arc::clone(&state.limits);
    let sweeper = tokio::spawn(async move {
        let mut every_minute = tokio::time::interval(Duration::from_secs(60));
        loop {
            every_minute.tick().await;
            limits.forget_idle();
        }
    });
    let (stopping, stopped) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown.await;
        let _ = stopping.send(true);
    });
    let mut graceful_signal = stopped.clone();
    let mut deadline_signal = stopped;
    let service = app(state).into_make_service_with_connect_info::<SocketAddr>();
    let serving = axum::serve(listener, service).with_graceful_shutdown(async move {
        let _ = graceful_signal.wait_for(|stopping| *stopping).await;
    });
    let deadline = async move {
        let _ = deadline_signal.wait_for(|stopping| *stopping).await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    let result = tokio::select! {
        result = serving => result,
        () = deadline => {
            tracing::warn!("connections still open after the shutdown grace period; stopping anyway");
            Ok(())
        }
    };
    sweeper.abort();
    result
}
