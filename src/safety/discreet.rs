//! Discreet mode, the member's side: follow the instance, or always on, or
//! off. (What it changes is in `web::page`: titles and header show only the
//! neutral name, and the sign-in page can look like a notes app's.)

use axum::{Router, extract::State, response::Response, routing::post};
use serde::Deserialize;

use crate::{
    accounts::{Member, security::store},
    web::{AppState, csrf::Post, error::AppError, page::see_other, paths},
};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::ACCOUNT_DISCREET, post(discreet_post))
}

#[derive(Deserialize)]
struct DiscreetForm {
    #[serde(default)]
    discreet: String,
}

/// POST /account/discreet — "default", "on" or "off".
async fn discreet_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Post(form): Post<DiscreetForm>,
) -> Result<Response, AppError> {
    let choice = match form.discreet.as_str() {
        "default" => None,
        "on" => Some(true),
        "off" => Some(false),
        _ => return Err(AppError::BadRequest),
    };
    store::set_discreet(&state.db.write, viewer.user_id, choice).await?;
    Ok(see_other(paths::ACCOUNT))
}
