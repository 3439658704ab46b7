//! What staff do about a group's members: let people waiting to join in or
//! decline them (with a note they read), and, from the member's page,
//! suspend them in the group for a while, remove them from it, ban them from
//! the instance (every session ends at once), hand them a one-time
//! password-reset link in person, and keep short staff notes. Banning and
//! resets are refused for staff and admins (`policy::roles`).

pub mod actions;
pub mod admission;
pub mod page;
pub mod reset;
pub mod store;

use axum::{
    Router,
    routing::{get, post},
};

use crate::{
    accounts::session::Viewer,
    clock::UnixTime,
    groups::{policy::roles, staff::staffed_group, store::GroupWithAccess},
    web::{AppState, error::AppError, paths},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(admission::router())
        .route(paths::GROUP_MEMBER, get(page::member_get))
        .route(paths::GROUP_MEMBER_NOTES, post(actions::notes_post))
        .route(paths::GROUP_MEMBER_SUSPEND, post(actions::suspend_post))
        .route(paths::GROUP_MEMBER_UNSUSPEND, post(actions::unsuspend_post))
        .route(paths::GROUP_MEMBER_REMOVE, post(actions::remove_post))
        .route(paths::GROUP_MEMBER_BAN, post(actions::ban_post))
        .route(paths::GROUP_MEMBER_UNBAN, post(actions::unban_post))
        .route(paths::GROUP_MEMBER_RESET, post(reset::reset_link_post))
        .route(paths::PASSWORD_RESET, get(reset::reset_get).post(reset::reset_post))
}

/// A member of (or someone waiting to join) a group the viewer moderates.
pub(crate) struct MemberScope {
    pub group: GroupWithAccess,
    pub member: store::MemberRow,
    pub now: UnixTime,
}

/// The group and member in the URL, for the group's staff; 404 otherwise.
pub(crate) async fn member_scope(
    state: &AppState,
    viewer: &Viewer,
    slug: &str,
    raw_id: &str,
) -> Result<MemberScope, AppError> {
    let group = staffed_group(state, viewer, slug).await?;
    let user_id = paths::parse_id(raw_id)?;
    let member = store::member(&state.db.read, group.group.id, user_id).await?.ok_or(AppError::NotFound)?;
    Ok(MemberScope { group, member, now: state.clock.now() })
}

/// Whether the group's staff may erase this member's account on their
/// request: not staff or an admin (`policy::roles`), and not banned (a ban
/// keeps the account, pseudonym included, until a lead lifts it; erasing it
/// would undo the ban and free the name).
pub fn erasable_on_request(member: &store::MemberRow) -> bool {
    roles::acted_on_by_group_staff(member.holds_power == 1, false) && member.banned_at.is_none()
}

/// The member's page in the group.
pub fn member_href(slug: &str, user_id: i64) -> String {
    paths::fill(&paths::fill(paths::GROUP_MEMBER, slug), &user_id.to_string())
}
