//! Accounts: invite-only, pseudonymous members with passwords and recovery
//! codes instead of e-mail; sessions; the admin's invite page.
//!
//! Stored records (see `migrations/`):
//! | table | holds | secret kept as |
//! |---|---|---|
//! | users | pseudonym, its look-alike key, admin flag, language, last sign-in | argon2id hash |
//! | invites | expiry, note, creator, used/revoked times | SHA-256 of the code |
//! | sessions | member, start, last seen (≤ 1/min), expiry, previous sign-in | SHA-256 of the token |
//! | recovery_codes | member | SHA-256 of the code |
//! | sign_in_challenges | member, device, expiry (two-factor step) | SHA-256 of the token |

pub mod invites;
pub mod join;
pub mod password;
pub mod pseudonym;
pub mod routes;
pub mod secret;
pub mod security;
pub mod session;
pub mod settings;
pub mod store;
pub mod views;

use axum::{extract::FromRequestParts, http::request::Parts};

use crate::web::{context::RequestContext, error::AppError};
use session::Viewer;

/// Any signed-in member; anyone else is sent to sign in.
#[derive(Debug, Clone)]
pub struct Member(pub Viewer);

impl<S: Send + Sync> FromRequestParts<S> for Member {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        RequestContext::from_parts(parts)?.viewer.clone().map(Self).ok_or(AppError::SignInRequired)
    }
}

/// An instance admin. Others get the same 404 as a page that does not exist.
#[derive(Debug, Clone)]
pub struct Admin(pub Viewer);

impl<S: Send + Sync> FromRequestParts<S> for Admin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Member(viewer) = Member::from_request_parts(parts, state).await?;
        if viewer.is_admin { Ok(Self(viewer)) } else { Err(AppError::NotFound) }
    }
}

/// Ten fresh recovery codes: the plain codes to show once, and their hashes to store.
pub fn new_recovery_codes() -> (Vec<String>, Vec<Vec<u8>>) {
    let codes: Vec<String> = (0..10).map(|_| secret::new_recovery_code()).collect();
    let hashes = codes.iter().map(|code| secret::digest(&secret::normalise_recovery_code(code))).collect();
    (codes, hashes)
}
