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
pub mod server;

use std::sync::Arc;

use axum::{Router, extract::DefaultBodyLimit, middleware};
use tower_http::catch_panic::CatchPanicLayer;

use crate::{accounts, clock::Clock, config::Config, db::Db, discussions, groups, moderation, operations, safety};

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
            hasher: accounts::password::Hasher::new(hashers)?,
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
        .merge(groups::router())
        .merge(discussions::router())
        .merge(moderation::router())
        .merge(safety::router())
        .fallback(|| async { error::AppError::NotFound })
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(state.clone(), context::with_context))
        .layer(middleware::from_fn_with_state(state.clone(), operations::kept::give_back_unsaved_forms));
    let mut outside_pages = Router::new().merge(assets::router()).merge(operations::router());
    if let Some(bytes) = state.config.bench_ceiling_bytes {
        outside_pages = outside_pages.merge(crate::seed::ceiling::router(bytes));
    }
    outside_pages
        .merge(pages)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(middleware::from_fn(log::log_requests))
        .layer(middleware::from_fn_with_state(state.clone(), headers::security_headers))
        .with_state(state)
}
