//! Discussions: topics and posts in a group (sanitised Markdown rendered at
//! write time, content warnings, pins and locks), supportive reactions,
//! unread tracking with keyset pages, search within one's own groups, and
//! in-app notifications.

pub mod drafts;
pub mod notifications;
pub mod posts;
pub mod publish;
pub mod search;
pub mod store;
pub mod topics;
pub mod views;

use axum::Router;

use crate::web::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(topics::router()).merge(search::router()).merge(notifications::router())
}
