//! Moderation: who gets in (approval of pending members, partner
//! organisations' invite quotas), what gets posted (pre-moderation, filters
//! for identifying details, staff word lists, crisis words), reports, the
//! actions staff take on posts, topics and members, lockdown, and the audit
//! log every staff action writes to. Who may do what is decided in
//! `groups::policy` (and `groups::policy::roles` for organisation roles).
//!
//! Stored records (see `migrations/*/0003_moderation.sql`):
//! | table | holds |
//! |---|---|
//! | audit_log | who did what, on what, when, why — append-only |

pub mod audit;
pub mod filters;
pub mod lockdown;
pub mod members;
pub mod notices;
pub mod partners;
pub mod posts;
pub mod queue;
pub mod reports;
pub mod roles;
pub mod screening;
pub mod settings;
pub mod store;
pub mod topics;
pub mod views;

use axum::Router;

use crate::web::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(audit::routes::router())
        .merge(posts::router())
        .merge(settings::router())
        .merge(queue::router())
        .merge(members::router())
        .merge(reports::router())
        .merge(lockdown::router())
        .merge(topics::router())
        .merge(roles::router())
        .merge(partners::router())
}
