//! GET /groups/{slug}/members/{id} — a member as the group's staff see them:
//! where they stand, the organisation's staff notes, and every action.

use askama::Template;
use axum::{
    extract::{Path, State},
    response::Response,
};

use super::{MemberScope, erasable_on_request, member_href, member_scope, store};
use crate::{
    accounts::Member,
    clock::{format_date, format_utc},
    groups::policy::roles,
    web::{
        AppState,
        error::AppError,
        page::{PageCtx, render},
        paths,
    },
};

/// Suspension lengths staff choose from, in days.
pub const SUSPENSION_DAYS: [i64; 6] = [1, 3, 7, 14, 30, 90];

pub struct NoteLine {
    pub author: Option<String>,
    pub body: String,
    pub time: String,
}

#[derive(Template)]
#[template(path = "moderation/member.html")]
pub struct MemberView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub members_href: String,
    pub pseudonym: String,
    pub joined: String,
    pub pending: bool,
    pub agreed: bool,
    pub suspended_until: Option<String>,
    pub banned: bool,
    /// Staff or an admin elsewhere: not banned or reset by group staff.
    pub holds_power: bool,
    pub notes: Vec<NoteLine>,
    pub notes_action: String,
    pub suspend_action: String,
    pub unsuspend_action: String,
    pub remove_action: String,
    pub ban_action: String,
    /// Lifting a ban is for a lead.
    pub unban_action: Option<String>,
    pub reset_action: String,
    /// Erasing the account on the member's request (not staff or admins, not
    /// while banned).
    pub erase_href: Option<String>,
    pub days: [i64; 6],
    pub error: Option<&'static str>,
    /// A password-reset link just made, shown this once.
    pub reset_link: Option<String>,
}

/// The page for a member, with an error or a new reset link when there is one.
pub(super) async fn page(
    state: &AppState,
    ctx: PageCtx,
    scope: &MemberScope,
    error: Option<&'static str>,
    reset_link: Option<String>,
) -> Result<MemberView, AppError> {
    let (g, m) = (&scope.group.group, &scope.member);
    let target = |route: &str| paths::fill(&paths::fill(route, &g.slug), &m.user_id.to_string());
    let notes = store::notes(&state.db.read, g.organisation_id, m.user_id)
        .await?
        .into_iter()
        .map(|n| NoteLine { author: n.author, body: n.body, time: format_utc(n.created_at) })
        .collect();
    let access = scope.group.access(scope.now);
    Ok(MemberView {
        ctx: ctx.in_group(g),
        group_name: g.name.clone(),
        members_href: paths::fill(paths::GROUP_MEMBERS, &g.slug),
        pseudonym: m.pseudonym.clone(),
        joined: format_date(m.joined_at),
        pending: m.state == "pending",
        agreed: m.agreed_version == g.agreements_version,
        suspended_until: m.suspended_until.filter(|until| *until > scope.now).map(format_utc),
        banned: m.banned_at.is_some(),
        holds_power: !roles::acted_on_by_group_staff(m.holds_power == 1, false),
        notes,
        notes_action: target(paths::GROUP_MEMBER_NOTES),
        suspend_action: target(paths::GROUP_MEMBER_SUSPEND),
        unsuspend_action: target(paths::GROUP_MEMBER_UNSUSPEND),
        remove_action: target(paths::GROUP_MEMBER_REMOVE),
        ban_action: target(paths::GROUP_MEMBER_BAN),
        unban_action: access.undoes_safety_measures().then(|| target(paths::GROUP_MEMBER_UNBAN)),
        reset_action: target(paths::GROUP_MEMBER_RESET),
        erase_href: erasable_on_request(m).then(|| target(paths::GROUP_MEMBER_ERASE)),
        days: SUSPENSION_DAYS,
        error,
        reset_link,
    })
}

/// GET /groups/{slug}/members/{id}
pub(super) async fn member_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = member_scope(&state, &viewer, &slug, &id).await?;
    render(&page(&state, ctx, &scope, None, None).await?)
}

/// Back to the member's page after an action.
pub(super) fn back_to(scope: &MemberScope) -> String {
    member_href(&scope.group.group.slug, scope.member.user_id)
}
