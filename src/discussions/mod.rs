//! Discussions: topics and posts in a group (sanitised Markdown rendered at
//! write time, content warnings, pins and locks), supportive reactions,
//! unread tracking with keyset pages, search within one's own groups, and
//! in-app notifications.

use axum::Router;

use crate::web::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
