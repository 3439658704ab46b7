//! Keeping an account to its owner: two-factor sign-in with an authenticator
//! app (required for staff and admins before anything else, see
//! `two_factor::gate`), the code step after the password, and the sessions
//! page (every signed-in device, coarsely described, and signing them out).

pub mod device;
pub mod second_step;
pub mod sessions;
pub mod store;
pub mod totp;
pub mod two_factor;
pub mod views;

use axum::Router;

use crate::web::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(two_factor::router()).merge(second_step::router()).merge(sessions::router())
}
