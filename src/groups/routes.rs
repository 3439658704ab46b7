//! The member-facing pages of a group: home (my groups), the group page,
//! its agreements (accept, and accept again when they change), leaving, and
//! resources pages.

use axum::{
    Router,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
    routing::get,
};
use serde::Deserialize;

use super::{
    agreements,
    policy::{Access, Phase},
    store::{self, GroupWithAccess},
    views,
};
use crate::{
    accounts::{Member, session::Viewer},
    clock::{format_date, format_utc},
    discussions, moderation,
    web::{
        AppState,
        csrf::Post,
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::HOME, get(home_get))
        .route(paths::GROUP, get(group_get))
        .route(paths::GROUP_AGREEMENTS, get(agreements_get).post(agreements_post))
        .route(paths::GROUP_LEAVE, get(leave_get).post(leave_post))
        .route(paths::GROUP_RESOURCES, get(group_resources_get))
        .route(paths::RESOURCES, get(instance_resources_get))
}

/// The group named in the URL, if the viewer is in it or runs it; 404 otherwise.
pub(super) async fn group_of(state: &AppState, viewer: &Viewer, slug: &str) -> Result<GroupWithAccess, AppError> {
    store::group_for_viewer(&state.db.read, viewer.user_id, slug, state.clock.now()).await?.ok_or(AppError::NotFound)
}

pub(super) fn phase_banner(phase: Phase) -> Option<&'static str> {
    match phase {
        Phase::NotYetOpen => Some("group-not-yet-open"),
        Phase::Open => None,
        Phase::Ended => Some("group-ended"),
    }
}

/// GET / — the member's groups with unread counts, and when this account last signed in.
async fn home_get(State(state): State<AppState>, Member(viewer): Member, ctx: PageCtx) -> Result<Response, AppError> {
    let now = state.clock.now();
    let groups = store::my_groups(&state.db.read, viewer.user_id, now)
        .await?
        .into_iter()
        .map(|g| views::MyGroupLine {
            href: paths::fill(paths::GROUP, &g.slug),
            name: g.name,
            unread: g.unread,
            needs_agreement: g.needs_agreement == 1 && g.is_staff == 0 && g.pending == 0 && g.suspended_until.is_none(),
            is_staff: g.is_staff == 1,
            waiting: g.pending == 1 && g.is_staff == 0,
            suspended: g.suspended_until.is_some() && g.is_staff == 0,
            locked_down: g.locked_down == 1,
            phase: phase_banner(super::policy::phase(g.starts_at, g.ends_at, now)),
        })
        .collect();
    let organisations = store::staff_roles(&state.db.read, viewer.user_id)
        .await?
        .into_iter()
        .filter(|(_, role)| role == "lead")
        .map(|(organisation, _)| views::OrganisationLink {
            href: paths::fill(paths::ORGANISATION, &organisation.id.to_string()),
            name: organisation.name,
        })
        .collect();
    // Staff see at once what waits for them (members' home costs no more).
    let queue = match viewer.is_staff {
        true => Some(moderation::queue::summary(&state, viewer.user_id).await?),
        false => None,
    };
    render(&views::HomeView {
        ctx,
        pseudonym: viewer.pseudonym,
        previous_sign_in: viewer.previous_sign_in_at.map(format_utc),
        groups,
        organisations,
        queue,
    })
}

#[derive(Deserialize)]
struct GroupQuery {
    before: Option<String>,
}

/// GET /groups/{slug} — purpose, how it is facilitated, schedule, and its topics
/// for those who may read them; otherwise what to do first.
async fn group_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Query(query): Query<GroupQuery>,
) -> Result<Response, AppError> {
    let group = group_of(&state, &viewer, &slug).await?;
    let now = state.clock.now();
    let access = group.access(now);
    if access.standing == super::policy::Standing::Pending {
        return render(&moderation::views::WaitingView {
            ctx: ctx.in_group(&group.group),
            group_name: group.group.name.clone(),
            purpose: group.group.purpose.clone(),
            agreements_href: paths::fill(paths::GROUP_AGREEMENTS, &slug),
            leave_href: paths::fill(paths::GROUP_LEAVE, &slug),
        });
    }
    let topics = if access.reads_content() {
        Some(discussions::topics::topic_list(&state, viewer.user_id, &group, query.before).await?)
    } else {
        None
    };
    let g = &group.group;
    render(&views::GroupView {
        purpose: g.purpose.clone(),
        facilitation: g.facilitation.clone(),
        schedule: schedule(&ctx, g.starts_at, g.ends_at),
        phase: phase_banner(access.phase),
        needs_agreement: !access.reads_content() && access.phase != Phase::NotYetOpen,
        agreements_href: paths::fill(paths::GROUP_AGREEMENTS, &slug),
        resources_href: paths::fill(paths::GROUP_RESOURCES, &slug),
        check_in_href: (access.writes() && !access.moderates()).then(|| paths::fill(paths::GROUP_CHECK_IN_NEW, &slug)),
        message_member_href: access
            .writes_to_members(g.member_messages == 1)
            .then(|| paths::fill(paths::GROUP_MESSAGE_NEW, &slug)),
        leave_action: (!access.moderates()).then(|| paths::fill(paths::GROUP_LEAVE, &slug)),
        staff_links: staff_links(&slug, access),
        suspended_until: group.suspended_until(now).map(format_utc),
        locked_down: access.locked_down,
        topics,
        name: g.name.clone(),
        ctx: ctx.in_group(g),
    })
}

fn schedule(ctx: &PageCtx, starts_at: Option<i64>, ends_at: Option<i64>) -> String {
    let from = starts_at.map(|at| ctx.t1("group-from", "date", &format_date(at)));
    let until = ends_at.map(|at| ctx.t1("group-until", "date", &format_date(at)));
    match (from, until) {
        (None, None) => ctx.t("group-open-ended"),
        (from, until) => [from, until].into_iter().flatten().collect::<Vec<_>>().join(" "),
    }
}

fn staff_links(slug: &str, access: Access) -> Vec<views::StaffLink> {
    if !access.moderates() {
        return Vec::new();
    }
    let queue =
        views::StaffLink { href: format!("{}?group={slug}", paths::MODERATION), label: "group-staff-moderation" };
    std::iter::once(queue)
        .chain(
            [
                (paths::GROUP_MEMBERS, "group-staff-members"),
                (paths::GROUP_SETTINGS, "group-staff-settings"),
                (paths::GROUP_MODERATION_SETTINGS, "group-staff-moderation-settings"),
                (paths::GROUP_LOCKDOWN, "group-staff-lockdown"),
                (paths::GROUP_AGREEMENTS_EDIT, "group-staff-agreements"),
                (paths::GROUP_RESOURCES_EDIT, "group-staff-resources"),
                (paths::GROUP_PRIVACY, "group-staff-privacy"),
                (paths::GROUP_CHECK_IN_NEW, "group-staff-check-in"),
            ]
            .into_iter()
            .map(|(route, label)| views::StaffLink { href: paths::fill(route, slug), label }),
        )
        .collect()
}

async fn agreements_page(
    state: &AppState,
    ctx: PageCtx,
    group: &GroupWithAccess,
    error: Option<&'static str>,
) -> Result<views::AgreementsView, AppError> {
    let g = &group.group;
    let current = store::agreements(&state.db.read, g.id, g.agreements_version)
        .await?
        .ok_or_else(|| AppError::internal("group without agreements"))?;
    let access = group.access(state.clock.now());
    let must_accept = access.standing == super::policy::Standing::Member && !access.agreed;
    let previous = match group.agreed_version() {
        version if must_accept && version > 0 => store::agreements(&state.db.read, g.id, version).await?,
        _ => None,
    };
    let changes = previous.map(|p| agreements::changes(&p.body_md, &current.body_md)).unwrap_or_default();
    Ok(views::AgreementsView {
        privacy_notes: crate::safety::group_privacy::agreement_notes(&ctx, &state.config.retention, g),
        ctx: ctx.in_group(g),
        group_name: g.name.clone(),
        group_href: paths::fill(paths::GROUP, &g.slug),
        body_html: current.body_html,
        version: current.version,
        accept_action: must_accept.then(|| paths::fill(paths::GROUP_AGREEMENTS, &g.slug)),
        added: changes.added,
        removed: changes.removed,
        error,
    })
}

/// GET /groups/{slug}/agreements — the group's agreements; what changed since
/// the member last accepted them, and the form to accept.
async fn agreements_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = group_of(&state, &viewer, &slug).await?;
    render(&agreements_page(&state, ctx, &group, None).await?)
}

#[derive(Deserialize)]
struct AcceptForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    accept: String,
}

/// POST /groups/{slug}/agreements — accepts the version the member read
/// (if the facilitators changed them meanwhile, the page shows the new ones).
async fn agreements_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Post(form): Post<AcceptForm>,
) -> Result<Response, AppError> {
    let group = group_of(&state, &viewer, &slug).await?;
    let version = form.version.parse::<i64>().map_err(|_| AppError::BadRequest)?;
    if form.accept != "yes" {
        let view = agreements_page(&state, ctx, &group, Some("agreements-tick-box")).await?;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    }
    if !store::accept_agreements(&state.db.write, group.group.id, viewer.user_id, version).await? {
        let view = agreements_page(&state, ctx, &group, Some("agreements-changed-meanwhile")).await?;
        return render_with_status(StatusCode::CONFLICT, &view);
    }
    Ok(see_other(&paths::fill(paths::GROUP, &slug)))
}

fn leave_view(ctx: PageCtx, group: &GroupWithAccess, error: Option<&'static str>) -> views::LeaveView {
    views::LeaveView {
        ctx: ctx.in_group(&group.group),
        group_name: group.group.name.clone(),
        group_href: paths::fill(paths::GROUP, &group.group.slug),
        leave_action: paths::fill(paths::GROUP_LEAVE, &group.group.slug),
        error,
    }
}

/// GET /groups/{slug}/leave — asks the member to confirm.
async fn leave_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = group_of(&state, &viewer, &slug).await?;
    if !group.is_member() {
        return Err(AppError::NotFound);
    }
    render(&leave_view(ctx, &group, None))
}

#[derive(Deserialize)]
struct LeaveForm {
    #[serde(default)]
    confirm: String,
}

/// POST /groups/{slug}/leave — the member leaves; their posts stay in the group.
async fn leave_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Post(form): Post<LeaveForm>,
) -> Result<Response, AppError> {
    let group = group_of(&state, &viewer, &slug).await?;
    if form.confirm != "yes" {
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &leave_view(ctx, &group, Some("leave-tick-box")));
    }
    if !store::leave(&state.db.write, group.group.id, viewer.user_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(paths::HOME))
}

/// GET /groups/{slug}/resources — local services, crisis lines, safety tips.
async fn group_resources_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = group_of(&state, &viewer, &slug).await?;
    let access = group.access(state.clock.now());
    if !access.sees_resources() {
        return Err(AppError::NotFound);
    }
    render(&views::ResourcesView {
        ctx: ctx.in_group(&group.group),
        group_name: Some(group.group.name.clone()),
        body_html: group.group.resources_html.clone(),
        edit_href: access.moderates().then(|| paths::fill(paths::GROUP_RESOURCES_EDIT, &slug)),
        instance_href: Some(paths::RESOURCES),
    })
}

/// GET /resources — the instance's own resources page, for every member.
async fn instance_resources_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
) -> Result<Response, AppError> {
    let body_html = store::instance_resources(&state.db.read).await?.map(|(_, html)| html).unwrap_or_default();
    render(&views::ResourcesView {
        ctx,
        group_name: None,
        body_html,
        edit_href: viewer.is_admin.then(|| paths::ADMIN_RESOURCES.to_owned()),
        instance_href: None,
    })
}
