//! Keeping members safe on the device they use and in what is kept about
//! them: the safety page and the quick exit, discreet mode, the privacy
//! options of a group, retention purges, account erasure, and the inventory
//! of everything Hearth stores.

pub mod discreet;
pub mod erasure;
pub mod group_privacy;
pub mod inventory;
pub mod purge;
pub mod retention;
pub mod routes;
pub mod store;
pub mod views;

use axum::Router;

use crate::web::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(routes::router())
        .merge(discreet::router())
        .merge(group_privacy::router())
        .merge(erasure::router())
}
