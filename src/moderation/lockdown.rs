//! Lockdown: when a hostile intruder is in a group, or an account was taken
//! over, one action stops new posts from members and new members (approvals
//! wait, the group's unused invites are revoked, its invites can no longer
//! be redeemed or made) and shows members a calm banner. Everything already
//! written stays readable, and members can still write to the facilitators.
//! Any of the group's staff may lock it down at once; lifting it is a lead's
//! (one stolen facilitator account must not open the group back up). Both
//! are audited.

use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::get,
};

use super::{
    audit::{self, Action, Entry, Target},
    posts::note,
    store,
};
use crate::{
    accounts::Member,
    clock::format_utc,
    groups::staff::staffed_group,
    web::{
        AppState,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::GROUP_LOCKDOWN, get(lockdown_get).post(lockdown_post))
}

#[derive(Template)]
#[template(path = "moderation/lockdown.html")]
pub struct LockdownView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub group_href: String,
    pub action: String,
    /// When it was locked down, if it is.
    pub since: Option<String>,
    /// A facilitator cannot lift it; a lead can.
    pub may_lift: bool,
}

/// GET /groups/{slug}/lockdown — what a lockdown does, and the switch.
async fn lockdown_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let access = group.access(state.clock.now());
    render(&LockdownView {
        ctx: ctx.in_group(&group.group),
        group_name: group.group.name.clone(),
        group_href: paths::fill(paths::GROUP, &slug),
        action: paths::fill(paths::GROUP_LOCKDOWN, &slug),
        since: group.group.locked_down_at.map(format_utc),
        may_lift: access.undoes_safety_measures(),
    })
}

/// POST /groups/{slug}/lockdown — `action=lock` (any of its staff) or `action=lift` (a lead).
async fn lockdown_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path(slug): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let now = state.clock.now();
    let access = group.access(now);
    let reason = note(form.one("reason")).map_err(|_| AppError::BadRequest)?;
    let (at, action) = match (form.one("action"), access.locked_down) {
        ("lock", false) => (Some(now), Action::GroupLockedDown),
        ("lift", true) if access.undoes_safety_measures() => (None, Action::LockdownLifted),
        ("lift", true) => return Err(AppError::NotFound),
        ("lock" | "lift", _) => return Ok(see_other(&paths::fill(paths::GROUP, &slug))),
        _ => return Err(AppError::BadRequest),
    };
    let g = &group.group;
    let mut tx = state.db.write.begin().await?;
    let revoked = store::set_lockdown(&mut tx, g.id, at).await?;
    let mut entry = Entry::new(Some(viewer.user_id), action, Target::Group(g.id), now).in_group(g).reason(&reason);
    if at.is_some() {
        entry = entry.detail(revoked.to_string());
    }
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    if at.is_none() {
        return Ok(see_other(&paths::fill(paths::GROUP, &slug)));
    }
    Ok(see_other(&paths::fill(paths::GROUP_LOCKDOWN, &slug)))
}
