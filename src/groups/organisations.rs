//! Organisations: the admin's list of them (and creating one with its first
//! lead), and an organisation's page for its lead or the admin — its staff,
//! its groups, and creating a group.

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::{get, post},
};

use super::{
    agreements,
    staff::{NAME_MAX_CHARS, TEXT_MAX_CHARS, optional_date, parse_slug, required},
    store, views,
};
use crate::{
    accounts::{Admin, Member, pseudonym::lookup_key, session::Viewer, store as accounts_store},
    groups::policy::roles::StaffChange,
    markdown,
    moderation::{
        self,
        audit::{self, Action, Entry, Target},
        roles::{Outcome, request_change},
    },
    web::{
        AppState,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ADMIN_ORGANISATIONS, get(organisations_get).post(organisations_post))
        .route(paths::ORGANISATION, get(organisation_get))
        .route(paths::ORGANISATION_STAFF, post(organisation_staff_post))
        .route(paths::ORGANISATION_GROUPS, post(organisation_groups_post))
}

// ----- organisations (admin) -----

async fn organisations_page(
    state: &AppState,
    ctx: PageCtx,
    form: (String, String),
    error: Option<&'static str>,
) -> Result<views::OrganisationsView, AppError> {
    let organisations = store::organisations(&state.db.read)
        .await?
        .into_iter()
        .map(|o| views::OrganisationLink { href: paths::fill(paths::ORGANISATION, &o.id.to_string()), name: o.name })
        .collect();
    Ok(views::OrganisationsView { ctx, organisations, name: form.0, lead: form.1, error })
}

/// GET /admin/organisations — the instance's organisations and a form for a new one.
async fn organisations_get(State(state): State<AppState>, _admin: Admin, ctx: PageCtx) -> Result<Response, AppError> {
    render(&organisations_page(&state, ctx, Default::default(), None).await?)
}

/// POST /admin/organisations — a new organisation with its first lead (an existing account).
async fn organisations_post(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ctx: PageCtx,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let typed = (form.one("name").trim().to_owned(), form.one("lead").trim().to_owned());
    let lead = accounts_store::user_by_key(&state.db.read, &lookup_key(form.one("lead"))).await?;
    let outcome = match (required(form.one("name"), NAME_MAX_CHARS), lead) {
        (None, _) => Err("organisation-name-invalid"),
        (_, None) => Err("staff-pseudonym-unknown"),
        (Some(name), Some(lead)) => {
            // The first lead needs no second person: there is no one to confirm yet.
            let mut tx = state.db.write.begin().await?;
            match store::insert_organisation(&mut *tx, &name, now).await {
                Ok(id) => {
                    store::set_staff(&mut *tx, id, lead.id, "lead", now).await?;
                    let entry =
                        Entry::new(Some(admin.user_id), Action::OrganisationCreated, Target::Organisation(id), now);
                    audit::record(&mut tx, &entry.in_organisation(id)).await?;
                    tx.commit().await?;
                    Ok(id)
                }
                Err(sqlx::Error::Database(err)) if err.is_unique_violation() => Err("organisation-name-taken"),
                Err(err) => return Err(err.into()),
            }
        }
    };
    match outcome {
        Ok(id) => Ok(see_other(&paths::fill(paths::ORGANISATION, &id.to_string()))),
        Err(key) => {
            let view = organisations_page(&state, ctx, typed, Some(key)).await?;
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
        }
    }
}

// ----- an organisation (its lead, or the admin) -----

/// The organisation in the URL, for its lead or the instance admin; 404 for anyone else.
pub async fn organisation_for(state: &AppState, viewer: &Viewer, id: &str) -> Result<store::OrganisationRow, AppError> {
    let id = paths::parse_id(id)?;
    let organisation = store::organisation(&state.db.read, id).await?.ok_or(AppError::NotFound)?;
    let role = store::staff_role(&state.db.read, id, viewer.user_id).await?;
    if viewer.is_admin || role.as_deref() == Some("lead") { Ok(organisation) } else { Err(AppError::NotFound) }
}

#[derive(Default)]
struct GroupDraft {
    slug: String,
    name: String,
    purpose: String,
    facilitation: String,
    starts: String,
    ends: String,
}

async fn organisation_page(
    state: &AppState,
    viewer: &Viewer,
    ctx: PageCtx,
    organisation: store::OrganisationRow,
    draft: GroupDraft,
    staff_error: Option<&'static str>,
    group_error: Option<&'static str>,
) -> Result<views::OrganisationView, AppError> {
    let id = organisation.id.to_string();
    let staff = store::staff_of(&state.db.read, organisation.id).await?;
    let requests = moderation::roles::waiting_lines(state, viewer, Some(organisation.id)).await?;
    let groups = store::groups_of(&state.db.read, organisation.id)
        .await?
        .into_iter()
        .map(|g| views::OrganisationLink { href: paths::fill(paths::GROUP, &g.slug), name: g.name })
        .collect();
    Ok(views::OrganisationView {
        ctx,
        name: organisation.name,
        staff_action: paths::fill(paths::ORGANISATION_STAFF, &id),
        groups_action: paths::fill(paths::ORGANISATION_GROUPS, &id),
        staff: staff
            .into_iter()
            .map(|s| views::StaffLine {
                remove_action: paths::fill(&paths::fill(paths::ORGANISATION_STAFF_REMOVE, &id), &s.user_id.to_string()),
                is_me: s.user_id == viewer.user_id,
                user_id: s.user_id,
                pseudonym: s.pseudonym,
                role: s.role,
            })
            .collect(),
        requests,
        moderation_href: paths::fill(paths::ORGANISATION_MODERATION, &id),
        partners_href: paths::fill(paths::ORGANISATION_PARTNERS, &id),
        audit_href: paths::AUDIT,
        asked: false,
        groups,
        slug: draft.slug,
        group_name: draft.name,
        purpose: draft.purpose,
        facilitation: draft.facilitation,
        starts: draft.starts,
        ends: draft.ends,
        staff_error,
        group_error,
    })
}

/// GET /organisations/{id} — staff and groups of an organisation.
async fn organisation_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let organisation = organisation_for(&state, &viewer, &id).await?;
    render(&organisation_page(&state, &viewer, ctx, organisation, GroupDraft::default(), None, None).await?)
}

/// POST /organisations/{id}/staff — adds an existing account as a
/// facilitator at once, or asks to make someone a lead (or a lead a
/// facilitator), done when a second lead or an admin confirms
/// (`policy::roles`).
async fn organisation_staff_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let organisation = organisation_for(&state, &viewer, &id).await?;
    let role = form.one("role");
    let user = accounts_store::user_by_key(&state.db.read, &lookup_key(form.one("pseudonym"))).await?;
    let outcome = match (user, role) {
        (_, role) if !matches!(role, "lead" | "facilitator") => Outcome::Refused("staff-role-invalid"),
        (None, _) => Outcome::Refused("staff-pseudonym-unknown"),
        (Some(user), role) => {
            let now = store::staff_role(&state.db.read, organisation.id, user.id).await?;
            let change = match (now.as_deref(), role) {
                (Some(now), wanted) if now == wanted => None,
                (None, "facilitator") => Some(StaffChange::AddFacilitator),
                (Some("lead"), _) => Some(StaffChange::MakeFacilitator),
                _ => Some(StaffChange::MakeLead),
            };
            match change {
                Some(change) => request_change(&state, &viewer, Some(organisation.id), user.id, change).await?,
                None => Outcome::Done,
            }
        }
    };
    let (asked, error) = match outcome {
        Outcome::Done => return Ok(see_other(&paths::fill(paths::ORGANISATION, &id))),
        Outcome::Asked => (true, None),
        Outcome::Refused(key) => (false, Some(key)),
    };
    let mut view = organisation_page(&state, &viewer, ctx, organisation, GroupDraft::default(), error, None).await?;
    view.asked = asked;
    if asked { render(&view) } else { render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view) }
}

/// POST /organisations/{id}/groups — a new group with default agreements and chosen facilitators.
async fn organisation_groups_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let organisation = organisation_for(&state, &viewer, &id).await?;
    let staff = store::staff_of(&state.db.read, organisation.id).await?;
    let facilitators: Vec<i64> = form
        .all("facilitator")
        .filter_map(|v| v.parse::<i64>().ok())
        .filter(|user_id| staff.iter().any(|s| s.user_id == *user_id))
        .collect();
    let draft = GroupDraft {
        slug: form.one("slug").trim().to_owned(),
        name: form.one("name").trim().to_owned(),
        purpose: form.one("purpose").trim().to_owned(),
        facilitation: form.one("facilitation").trim().to_owned(),
        starts: form.one("starts").trim().to_owned(),
        ends: form.one("ends").trim().to_owned(),
    };
    let now = state.clock.now();
    let schedule = optional_date(&draft.starts).and_then(|s| optional_date(&draft.ends).map(|e| (s, e)));
    let fields = (
        parse_slug(&draft.slug),
        required(&draft.name, NAME_MAX_CHARS),
        required(&draft.purpose, TEXT_MAX_CHARS),
        required(&draft.facilitation, TEXT_MAX_CHARS),
    );
    let error = match (fields, schedule) {
        ((None, ..), _) => Some("group-slug-invalid"),
        ((_, None, ..), _) | ((.., None, _), _) | ((.., None), _) => Some("group-text-invalid"),
        (_, Err(())) => Some("group-date-invalid"),
        (_, Ok((Some(start), Some(end)))) if end <= start => Some("group-dates-order"),
        (_, _) if facilitators.is_empty() => Some("group-facilitator-needed"),
        ((Some(slug), Some(name), Some(purpose), Some(facilitation)), Ok((starts_at, ends_at))) => {
            let agreements_md = agreements::default_for(ctx.locale);
            let new = store::NewGroup {
                organisation_id: organisation.id,
                slug: &slug,
                name: &name,
                purpose: &purpose,
                facilitation: &facilitation,
                starts_at,
                ends_at,
                agreements_md,
                agreements_html: &markdown::to_html(agreements_md),
                facilitators: &facilitators,
                now,
            };
            let mut tx = state.db.write.begin().await?;
            match store::insert_group_in(&mut tx, new).await {
                Ok(id) => {
                    let entry = Entry::new(Some(viewer.user_id), Action::GroupCreated, Target::Group(id), now);
                    audit::record(&mut tx, &entry.in_group_of(organisation.id, id)).await?;
                    tx.commit().await?;
                    return Ok(see_other(&paths::fill(paths::GROUP, &slug)));
                }
                Err(sqlx::Error::Database(err)) if err.is_unique_violation() => Some("group-slug-taken"),
                Err(err) => return Err(err.into()),
            }
        }
    };
    let view = organisation_page(&state, &viewer, ctx, organisation, draft, None, error).await?;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
}
