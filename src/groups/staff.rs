//! Staff pages: the admin's organisations, an organisation's staff and
//! groups (its lead), and a group's settings, members, agreements and
//! resources (its facilitators and the lead).

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::{get, post},
};

use super::{
    agreements,
    routes::group_of,
    store::{self, GroupWithAccess},
    views,
};
use crate::{
    accounts::{Admin, Member, pseudonym::lookup_key, session::Viewer, store as accounts_store},
    clock::{format_date, parse_date},
    markdown,
    web::{
        AppState,
        csrf::{Fields, NoFields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub const NAME_MAX_CHARS: usize = 80;
pub const TEXT_MAX_CHARS: usize = 2_000;
pub const MARKDOWN_MAX_CHARS: usize = 20_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ADMIN_ORGANISATIONS, get(organisations_get).post(organisations_post))
        .route(paths::ADMIN_RESOURCES, get(instance_resources_edit_get).post(instance_resources_edit_post))
        .route(paths::ORGANISATION, get(organisation_get))
        .route(paths::ORGANISATION_STAFF, post(organisation_staff_post))
        .route(paths::ORGANISATION_GROUPS, post(organisation_groups_post))
        .route(paths::GROUP_SETTINGS, get(settings_get).post(settings_post))
        .route(paths::GROUP_MEMBERS, get(members_get))
        .route(paths::GROUP_MEMBER_REMOVE, post(member_remove_post))
        .route(paths::GROUP_AGREEMENTS_EDIT, get(agreements_edit_get).post(agreements_edit_post))
        .route(paths::GROUP_RESOURCES_EDIT, get(resources_edit_get).post(resources_edit_post))
}

/// Trimmed text of 1..=max characters.
fn required(text: &str, max: usize) -> Option<String> {
    let text = text.trim();
    (!text.is_empty() && text.chars().count() <= max).then(|| text.to_owned())
}

/// A group's short name in URLs: 3–40 lower-case letters, digits and inner hyphens.
pub fn parse_slug(text: &str) -> Option<String> {
    let slug = text.trim().to_ascii_lowercase();
    let valid = (3..=40).contains(&slug.len())
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    valid.then_some(slug)
}

/// An optional date field: empty is none, anything else must be a date.
fn optional_date(text: &str) -> Result<Option<i64>, ()> {
    if text.trim().is_empty() { Ok(None) } else { parse_date(text).map(Some).ok_or(()) }
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
    _admin: Admin,
    ctx: PageCtx,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let typed = (form.one("name").trim().to_owned(), form.one("lead").trim().to_owned());
    let lead = accounts_store::user_by_key(&state.db.read, &lookup_key(form.one("lead"))).await?;
    let outcome = match (required(form.one("name"), NAME_MAX_CHARS), lead) {
        (None, _) => Err("organisation-name-invalid"),
        (_, None) => Err("staff-pseudonym-unknown"),
        (Some(name), Some(lead)) => match store::insert_organisation(&state.db.write, &name, now).await {
            Ok(id) => {
                store::set_staff(&state.db.write, id, lead.id, "lead", now).await?;
                Ok(id)
            }
            Err(sqlx::Error::Database(err)) if err.is_unique_violation() => Err("organisation-name-taken"),
            Err(err) => return Err(err.into()),
        },
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
async fn organisation_for(state: &AppState, viewer: &Viewer, id: &str) -> Result<store::OrganisationRow, AppError> {
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
    ctx: PageCtx,
    organisation: store::OrganisationRow,
    draft: GroupDraft,
    staff_error: Option<&'static str>,
    group_error: Option<&'static str>,
) -> Result<views::OrganisationView, AppError> {
    let id = organisation.id.to_string();
    let staff = store::staff_of(&state.db.read, organisation.id).await?;
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
            .map(|s| views::StaffLine { user_id: s.user_id, pseudonym: s.pseudonym, role: s.role })
            .collect(),
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
    render(&organisation_page(&state, ctx, organisation, GroupDraft::default(), None, None).await?)
}

/// POST /organisations/{id}/staff — adds an existing account as staff, or changes a role.
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
    let error = match (user, role) {
        (_, role) if !matches!(role, "lead" | "facilitator") => Some("staff-role-invalid"),
        (None, _) => Some("staff-pseudonym-unknown"),
        (Some(user), role) => {
            store::set_staff(&state.db.write, organisation.id, user.id, role, state.clock.now()).await?;
            None
        }
    };
    match error {
        None => Ok(see_other(&paths::fill(paths::ORGANISATION, &id))),
        Some(key) => {
            let view = organisation_page(&state, ctx, organisation, GroupDraft::default(), Some(key), None).await?;
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
        }
    }
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
            match store::insert_group(&state.db.write, new).await {
                Ok(_) => return Ok(see_other(&paths::fill(paths::GROUP, &slug))),
                Err(sqlx::Error::Database(err)) if err.is_unique_violation() => Some("group-slug-taken"),
                Err(err) => return Err(err.into()),
            }
        }
    };
    let view = organisation_page(&state, ctx, organisation, draft, None, error).await?;
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
}

// ----- a group's staff pages -----

/// The group in the URL for its staff (facilitators and the lead); 404 for anyone else.
pub(crate) async fn staffed_group(state: &AppState, viewer: &Viewer, slug: &str) -> Result<GroupWithAccess, AppError> {
    let group = group_of(state, viewer, slug).await?;
    if group.access(state.clock.now()).moderates() { Ok(group) } else { Err(AppError::NotFound) }
}

async fn settings_page(
    state: &AppState,
    ctx: PageCtx,
    group: &GroupWithAccess,
    typed: Option<&Fields>,
    error: Option<&'static str>,
) -> Result<views::GroupSettingsView, AppError> {
    let g = &group.group;
    let access = group.access(state.clock.now());
    let field = |name: &str, stored: String| typed.map_or(stored, |f| f.one(name).trim().to_owned());
    let facilitators = store::facilitators(&state.db.read, g.id).await?;
    let choices = if access.switches_member_messages() {
        store::staff_of(&state.db.read, g.organisation_id)
            .await?
            .into_iter()
            .map(|s| views::Choice {
                checked: facilitators.iter().any(|f| f.user_id == s.user_id),
                value: s.user_id,
                label: s.pseudonym,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(views::GroupSettingsView {
        ctx,
        group_href: paths::fill(paths::GROUP, &g.slug),
        action: paths::fill(paths::GROUP_SETTINGS, &g.slug),
        name: field("name", g.name.clone()),
        purpose: field("purpose", g.purpose.clone()),
        facilitation: field("facilitation", g.facilitation.clone()),
        starts: field("starts", g.starts_at.map(format_date).unwrap_or_default()),
        ends: field("ends", g.ends_at.map(format_date).unwrap_or_default()),
        edit_window: field("edit_window", g.edit_window_minutes.to_string()),
        facilitators: facilitators.into_iter().map(|f| f.pseudonym).collect(),
        facilitator_choices: choices,
        lead_settings: access.switches_member_messages(),
        member_messages: g.member_messages == 1,
        error,
    })
}

/// GET /groups/{slug}/settings — name, purpose, facilitation, schedule, edit window;
/// for the lead also facilitators and member-to-member messages.
async fn settings_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    render(&settings_page(&state, ctx, &group, None, None).await?)
}

/// POST /groups/{slug}/settings
async fn settings_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let access = group.access(state.clock.now());
    let schedule = optional_date(form.one("starts")).and_then(|s| optional_date(form.one("ends")).map(|e| (s, e)));
    let window = form.one("edit_window").trim().parse::<i64>().ok().filter(|m| (0..=10_080).contains(m));
    let texts = (
        required(form.one("name"), NAME_MAX_CHARS),
        required(form.one("purpose"), TEXT_MAX_CHARS),
        required(form.one("facilitation"), TEXT_MAX_CHARS),
    );
    let error = match (texts, schedule, window) {
        ((Some(name), Some(purpose), Some(facilitation)), Ok((starts_at, ends_at)), Some(edit_window_minutes)) if !matches!((starts_at, ends_at), (Some(s), Some(e)) if e <= s) =>
        {
            let settings = store::GroupSettings {
                name: &name,
                purpose: &purpose,
                facilitation: &facilitation,
                starts_at,
                ends_at,
                edit_window_minutes,
            };
            store::update_settings(&state.db.write, group.group.id, settings).await?;
            if access.switches_member_messages() {
                let chosen: Vec<i64> = form.all("facilitator").filter_map(|v| v.parse().ok()).collect();
                store::set_facilitators(&state.db.write, group.group.id, group.group.organisation_id, &chosen).await?;
                store::set_member_messages(&state.db.write, group.group.id, form.one("member_messages") == "on")
                    .await?;
            }
            None
        }
        ((None, ..), ..) | ((_, None, _), ..) | ((.., None), ..) => Some("group-text-invalid"),
        (_, Err(()), _) => Some("group-date-invalid"),
        (_, _, None) => Some("group-edit-window-invalid"),
        _ => Some("group-dates-order"),
    };
    match error {
        None => Ok(see_other(&paths::fill(paths::GROUP, &slug))),
        Some(key) => {
            let view = settings_page(&state, ctx, &group, Some(&form), Some(key)).await?;
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
        }
    }
}

/// GET /groups/{slug}/members — who is in the group, and removing someone.
async fn members_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let version = group.group.agreements_version;
    let members = store::members(&state.db.read, group.group.id)
        .await?
        .into_iter()
        .map(|m| views::MemberLine {
            remove_action: paths::fill(&paths::fill(paths::GROUP_MEMBER_REMOVE, &slug), &m.user_id.to_string()),
            erase_href: paths::fill(&paths::fill(paths::GROUP_MEMBER_ERASE, &slug), &m.user_id.to_string()),
            pseudonym: m.pseudonym,
            joined: format_date(m.joined_at),
            agreed: m.agreed_version == version,
        })
        .collect();
    render(&views::MembersView {
        ctx,
        group_name: group.group.name,
        group_href: paths::fill(paths::GROUP, &slug),
        members,
    })
}

/// POST /groups/{slug}/members/{id}/remove — staff remove a member from the group.
async fn member_remove_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path((slug, user_id)): Path<(String, String)>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let user_id = paths::parse_id(&user_id)?;
    if !store::leave(&state.db.write, group.group.id, user_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&paths::fill(paths::GROUP_MEMBERS, &slug)))
}

// ----- Markdown pages: agreements and resources -----

/// The pages staff write in Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkdownPage {
    Agreements,
    GroupResources,
    /// The instance's own resources page (no group: `slug` is unused).
    InstanceResources,
}

/// What an editor's form asks for.
enum Submitted {
    /// Store this source.
    Save(String),
    /// Show the editor again: with a preview (200) or an error (422).
    Show(StatusCode, Box<views::EditMarkdownView>),
}

impl MarkdownPage {
    fn editor(self, ctx: PageCtx, slug: &str, source: String) -> views::EditMarkdownView {
        let (title, hint, back, action) = match self {
            Self::Agreements => (
                "agreements-edit-title",
                "agreements-edit-hint",
                paths::fill(paths::GROUP_AGREEMENTS, slug),
                paths::fill(paths::GROUP_AGREEMENTS_EDIT, slug),
            ),
            Self::GroupResources => (
                "resources-edit-title",
                "resources-edit-hint",
                paths::fill(paths::GROUP_RESOURCES, slug),
                paths::fill(paths::GROUP_RESOURCES_EDIT, slug),
            ),
            Self::InstanceResources => (
                "resources-edit-title",
                "resources-edit-hint",
                paths::RESOURCES.to_owned(),
                paths::ADMIN_RESOURCES.to_owned(),
            ),
        };
        views::EditMarkdownView { ctx, title, hint, back_href: back, action, source, preview_html: None, error: None }
    }

    /// Saves the source, previews it, or refuses it: too long, or empty
    /// agreements (a resources page may be empty).
    fn submitted(self, ctx: PageCtx, slug: &str, form: &Fields) -> Submitted {
        let source = form.one("body").trim().to_owned();
        let error = if source.chars().count() > MARKDOWN_MAX_CHARS {
            Some("markdown-too-long")
        } else if self == Self::Agreements && source.is_empty() {
            Some("markdown-empty")
        } else {
            None
        };
        let preview = form.one("action") == "preview";
        if error.is_none() && !preview {
            return Submitted::Save(source);
        }
        let mut view = self.editor(ctx, slug, source);
        if let Some(key) = error {
            view.source = form.one("body").to_owned();
            view.error = Some(key);
            return Submitted::Show(StatusCode::UNPROCESSABLE_ENTITY, Box::new(view));
        }
        view.preview_html = Some(markdown::to_html(&view.source));
        Submitted::Show(StatusCode::OK, Box::new(view))
    }
}

/// GET /groups/{slug}/agreements/edit
async fn agreements_edit_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let current = store::agreements(&state.db.read, group.group.id, group.group.agreements_version).await?;
    render(&MarkdownPage::Agreements.editor(ctx, &slug, current.map(|a| a.body_md).unwrap_or_default()))
}

/// POST /groups/{slug}/agreements/edit — saves a new version; every member accepts it again.
async fn agreements_edit_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let source = match MarkdownPage::Agreements.submitted(ctx, &slug, &form) {
        Submitted::Save(source) => source,
        Submitted::Show(status, view) => return render_with_status(status, view.as_ref()),
    };
    let current = store::agreements(&state.db.read, group.group.id, group.group.agreements_version).await?;
    if current.is_none_or(|c| c.body_md != source) {
        let html = markdown::to_html(&source);
        store::replace_agreements(&state.db.write, group.group.id, &source, &html, state.clock.now()).await?;
    }
    Ok(see_other(&paths::fill(paths::GROUP_AGREEMENTS, &slug)))
}

/// GET /groups/{slug}/resources/edit
async fn resources_edit_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let source = store::resources_source(&state.db.read, group.group.id).await?;
    render(&MarkdownPage::GroupResources.editor(ctx, &slug, source))
}

/// POST /groups/{slug}/resources/edit
async fn resources_edit_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let source = match MarkdownPage::GroupResources.submitted(ctx, &slug, &form) {
        Submitted::Save(source) => source,
        Submitted::Show(status, view) => return render_with_status(status, view.as_ref()),
    };
    store::set_resources(&state.db.write, group.group.id, &source, &markdown::to_html(&source)).await?;
    Ok(see_other(&paths::fill(paths::GROUP_RESOURCES, &slug)))
}

/// GET /admin/resources — the instance's resources page, edited by the admin.
async fn instance_resources_edit_get(
    State(state): State<AppState>,
    _admin: Admin,
    ctx: PageCtx,
) -> Result<Response, AppError> {
    let source = store::instance_resources(&state.db.read).await?.map(|(md, _)| md).unwrap_or_default();
    render(&MarkdownPage::InstanceResources.editor(ctx, "", source))
}

/// POST /admin/resources
async fn instance_resources_edit_post(
    State(state): State<AppState>,
    _admin: Admin,
    ctx: PageCtx,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let source = match MarkdownPage::InstanceResources.submitted(ctx, "", &form) {
        Submitted::Save(source) => source,
        Submitted::Show(status, view) => return render_with_status(status, view.as_ref()),
    };
    store::set_instance_resources(&state.db.write, &source, &markdown::to_html(&source), state.clock.now()).await?;
    Ok(see_other(paths::RESOURCES))
}
