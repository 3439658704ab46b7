//! Staff roles, by the table in `groups::policy::roles`: a lead or an admin
//! adds and removes facilitators at once; anything that gives or takes away
//! lead or admin power is asked for, and done when a second lead of the
//! organisation (or an admin) confirms it — except stepping down oneself.
//! The last lead of an organisation and the last admin stay. Requests lapse
//! after a week. Every step is audited.

pub mod admins;
pub mod store;

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::post,
};

use super::{
    audit::{self, Action, Entry, Target},
    views::NoticeView,
};
use crate::{
    accounts::{Member, session::Viewer},
    clock::UnixTime,
    groups::{
        policy::roles::{self, Decision, Manager, OrgRole, StaffChange},
        store as groups_store,
    },
    web::{
        AppState,
        csrf::{NoFields, Post},
        error::AppError,
        page::{PageCtx, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ORGANISATION_STAFF_REMOVE, post(remove_post))
        .route(paths::ROLE_REQUEST_CONFIRM, post(confirm_post))
        .route(paths::ROLE_REQUEST_CANCEL, post(cancel_post))
        .merge(admins::router())
}

/// What became of a change someone asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Waiting for a second lead or admin.
    Asked,
    Refused(&'static str),
}

/// The viewer as a manager of an organisation (`None`: of the instance's admins).
pub async fn manager(state: &AppState, viewer: &Viewer, organisation_id: Option<i64>) -> Result<Manager, sqlx::Error> {
    let role = match organisation_id {
        Some(id) => groups_store::staff_role(&state.db.read, id, viewer.user_id).await?,
        None => None,
    };
    Ok(Manager { role: role.as_deref().and_then(OrgRole::from_setting), is_admin: viewer.is_admin })
}

/// Why the account may not go (its member erasing it): it is the instance's
/// last admin or an organisation's last lead, whom no one else can replace.
pub async fn last_of_their_kind(state: &AppState, user_id: i64) -> Result<Option<&'static str>, sqlx::Error> {
    Ok(match store::holds_power_alone(&state.db.read, user_id).await? {
        (true, _) => Some("role-last-admin"),
        (_, true) => Some("role-last-lead"),
        _ => None,
    })
}

/// Makes a change now; refuses what would leave an organisation without a
/// lead or the instance without an admin.
async fn apply(
    conn: &mut sqlx::AnyConnection,
    organisation_id: Option<i64>,
    user_id: i64,
    change: StaffChange,
    now: UnixTime,
) -> Result<Result<(), &'static str>, sqlx::Error> {
    let organisation = organisation_id.unwrap_or_default();
    match change {
        StaffChange::AddFacilitator => {
            groups_store::set_staff(&mut *conn, organisation, user_id, "facilitator", now).await?
        }
        StaffChange::MakeLead => groups_store::set_staff(&mut *conn, organisation, user_id, "lead", now).await?,
        StaffChange::MakeFacilitator | StaffChange::RemoveLead if store::leads_of(conn, organisation).await? <= 1 => {
            return Ok(Err("role-last-lead"));
        }
        StaffChange::MakeFacilitator => {
            groups_store::set_staff(&mut *conn, organisation, user_id, "facilitator", now).await?;
        }
        StaffChange::RemoveFacilitator | StaffChange::RemoveLead => {
            store::remove_staff(conn, organisation, user_id).await?
        }
        StaffChange::MakeAdmin => store::set_admin(conn, user_id, true).await?,
        StaffChange::RemoveAdmin if store::admin_count(conn).await? <= 1 => return Ok(Err("role-last-admin")),
        StaffChange::RemoveAdmin => store::set_admin(conn, user_id, false).await?,
    }
    Ok(Ok(()))
}

fn entry<'a>(viewer: &Viewer, action: Action, organisation_id: Option<i64>, user_id: i64, now: UnixTime) -> Entry<'a> {
    let mut entry = Entry::new(Some(viewer.user_id), action, Target::Member(user_id), now);
    entry.organisation_id = organisation_id;
    entry
}

/// Asks for a change to `user_id`'s role, as the table allows: done at once,
/// asked for (waiting for a second person), or refused.
pub async fn request_change(
    state: &AppState,
    viewer: &Viewer,
    organisation_id: Option<i64>,
    user_id: i64,
    change: StaffChange,
) -> Result<Outcome, AppError> {
    let actor = manager(state, viewer, organisation_id).await?;
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    let outcome = match roles::decide(actor, change, user_id == viewer.user_id) {
        Decision::Refused => Outcome::Refused("role-not-allowed"),
        Decision::Alone => match apply(&mut tx, organisation_id, user_id, change, now).await? {
            Err(key) => Outcome::Refused(key),
            Ok(()) => {
                let (action, detail) = match change {
                    StaffChange::AddFacilitator => (Action::StaffAdded, "facilitator"),
                    StaffChange::RemoveFacilitator => (Action::StaffRemoved, "facilitator"),
                    other => (Action::RoleChanged, other.request_kind().unwrap_or_default()),
                };
                audit::record(&mut tx, &entry(viewer, action, organisation_id, user_id, now).detail(detail)).await?;
                Outcome::Done
            }
        },
        Decision::NeedsSecond => {
            let kind = change.request_kind().unwrap_or_default();
            if store::ask(&mut tx, organisation_id, user_id, kind, viewer.user_id, now).await?.is_some() {
                let entry = entry(viewer, Action::RoleChangeRequested, organisation_id, user_id, now).detail(kind);
                audit::record(&mut tx, &entry).await?;
            }
            Outcome::Asked
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Where a role page returns: the organisation's page, or the admins'.
fn home_of(organisation_id: Option<i64>) -> String {
    organisation_id
        .map_or_else(|| paths::ADMIN_ADMINS.to_owned(), |id| paths::fill(paths::ORGANISATION, &id.to_string()))
}

fn refused_page(ctx: PageCtx, key: &'static str, back: String) -> Result<Response, AppError> {
    render_with_status(StatusCode::CONFLICT, &NoticeView { ctx, title: "role-title", message: key, back_href: back })
}

/// POST /organisations/{id}/staff/{user}/remove — a facilitator at once; a lead when a second confirms.
async fn remove_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path((id, user)): Path<(String, String)>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    let organisation = crate::groups::organisations::organisation_for(&state, &viewer, &id).await?;
    let user_id = paths::parse_id(&user)?;
    let role = groups_store::staff_role(&state.db.read, organisation.id, user_id).await?;
    let change = match role.as_deref() {
        Some("lead") => StaffChange::RemoveLead,
        Some(_) => StaffChange::RemoveFacilitator,
        None => return Err(AppError::NotFound),
    };
    match request_change(&state, &viewer, Some(organisation.id), user_id, change).await? {
        Outcome::Refused(key) => refused_page(ctx, key, home_of(Some(organisation.id))),
        Outcome::Done | Outcome::Asked => Ok(see_other(&home_of(Some(organisation.id)))),
    }
}

/// POST /role-requests/{id}/confirm — by a second lead of the organisation or an admin.
async fn confirm_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let request = store::request(&state.db.read, paths::parse_id(&id)?, now).await?.ok_or(AppError::NotFound)?;
    let change = StaffChange::from_request_kind(&request.change).ok_or(AppError::NotFound)?;
    let confirmer = manager(&state, &viewer, request.organisation_id).await?;
    if !roles::confirms(confirmer, change, request.requested_by == viewer.user_id) {
        return Err(AppError::NotFound);
    }
    let mut tx = state.db.write.begin().await?;
    if let Err(key) = apply(&mut tx, request.organisation_id, request.user_id, change, now).await? {
        tx.rollback().await?;
        return refused_page(ctx, key, home_of(request.organisation_id));
    }
    store::forget(&mut tx, request.id).await?;
    let entry = entry(&viewer, Action::RoleChangeConfirmed, request.organisation_id, request.user_id, now)
        .detail(request.change.clone());
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(see_other(&home_of(request.organisation_id)))
}

/// POST /role-requests/{id}/cancel — by whoever asked, or anyone who could confirm it.
async fn cancel_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path(id): Path<String>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let request = store::request(&state.db.read, paths::parse_id(&id)?, now).await?.ok_or(AppError::NotFound)?;
    let change = StaffChange::from_request_kind(&request.change).ok_or(AppError::NotFound)?;
    let asked = request.requested_by == viewer.user_id;
    if !asked && !roles::confirms(manager(&state, &viewer, request.organisation_id).await?, change, false) {
        return Err(AppError::NotFound);
    }
    let mut tx = state.db.write.begin().await?;
    if store::forget(&mut tx, request.id).await? {
        let entry = entry(&viewer, Action::RoleChangeCancelled, request.organisation_id, request.user_id, now)
            .detail(request.change.clone());
        audit::record(&mut tx, &entry).await?;
    }
    tx.commit().await?;
    Ok(see_other(&home_of(request.organisation_id)))
}

/// A request as an organisation's or the admins' page lists it.
pub struct RequestLine {
    pub pseudonym: String,
    /// Translation key of the change.
    pub change: &'static str,
    pub requester: String,
    pub confirm_action: Option<String>,
    pub cancel_action: Option<String>,
}

fn change_key(kind: &str) -> &'static str {
    match kind {
        "lead" => "role-change-lead",
        "facilitator" => "role-change-facilitator",
        "remove" => "role-change-remove",
        "admin" => "role-change-admin",
        _ => "role-change-not-admin",
    }
}

/// The requests waiting, with what this viewer may do about each.
pub async fn waiting_lines(
    state: &AppState,
    viewer: &Viewer,
    organisation_id: Option<i64>,
) -> Result<Vec<RequestLine>, AppError> {
    let me = manager(state, viewer, organisation_id).await?;
    Ok(store::waiting(&state.db.read, organisation_id, state.clock.now())
        .await?
        .into_iter()
        .filter_map(|r| {
            let change = StaffChange::from_request_kind(&r.change)?;
            let asked = r.requested_by == viewer.user_id;
            let id = r.id.to_string();
            Some(RequestLine {
                confirm_action: roles::confirms(me, change, asked)
                    .then(|| paths::fill(paths::ROLE_REQUEST_CONFIRM, &id)),
                cancel_action: (asked || roles::confirms(me, change, false))
                    .then(|| paths::fill(paths::ROLE_REQUEST_CANCEL, &id)),
                pseudonym: r.pseudonym,
                change: change_key(&r.change),
                requester: r.requester,
            })
        })
        .collect())
}
