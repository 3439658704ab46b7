//! Groups: organisations and their staff (leads and facilitators), support
//! groups with a purpose, a schedule and agreements every member accepts,
//! memberships, resources pages, and private check-ins between a member and
//! a group's facilitators. Who may do what is decided in `policy`.
//!
//! Stored records (see `migrations/`):
//! | table | holds |
//! |---|---|
//! | organisations, staff | name; who is lead or facilitator |
//! | support_groups, group_facilitators | purpose, schedule, settings, resources; who facilitates |
//! | agreements | every version of a group's agreements (to show what changed) |
//! | memberships | member, joined, which agreements version they accepted |
//! | invite_groups | the groups an invite joins |
//! | check_ins, check_in_messages, check_in_reads | private conversations with facilitators |

pub mod agreements;
pub mod check_ins;
pub mod organisations;
pub mod policy;
pub mod routes;
pub mod staff;
pub mod store;
pub mod views;

use axum::Router;

use crate::web::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(routes::router())
        .merge(organisations::router())
        .merge(staff::router())
        .merge(check_ins::router())
}
