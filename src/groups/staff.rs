//! A group's staff pages: settings, members, agreements and resources (its
//! facilitators and the lead), and the instance's resources page (the admin).
//! Organisations and their staff are `organisations`.

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::get,
};

use super::{
    routes::group_of,
    store::{self, GroupWithAccess},
    views,
};
use crate::{
    accounts::{Admin, Member, session::Viewer},
    clock::{format_date, parse_date},
    markdown,
    moderation::audit::{self, Action, Entry, Target},
    web::{
        AppState,
        csrf::{Fields, Post},
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
        .route(paths::ADMIN_RESOURCES, get(instance_resources_edit_get).post(instance_resources_edit_post))
        .route(paths::GROUP_SETTINGS, get(settings_get).post(settings_post))
        .route(paths::GROUP_MEMBERS, get(members_get))
        .route(paths::GROUP_AGREEMENTS_EDIT, get(agreements_edit_get).post(agreements_edit_post))
        .route(paths::GROUP_RESOURCES_EDIT, get(resources_edit_get).post(resources_edit_post))
}

/// Trimmed text of 1..=max characters.
pub(super) fn required(text: &str, max: usize) -> Option<String> {
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
pub(super) fn optional_date(text: &str) -> Result<Option<i64>, ()> {
    if text.trim().is_empty() { Ok(None) } else { parse_date(text).map(Some).ok_or(()) }
}

// ----- a group's staff pages -----

/// The group in the URL for its staff (facilitators and the lead); 404 for anyone else.
pub async fn staffed_group(state: &AppState, viewer: &Viewer, slug: &str) -> Result<GroupWithAccess, AppError> {
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
        ctx: ctx.in_group(g),
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
            let g = &group.group;
            let mut tx = state.db.write.begin().await?;
            store::update_settings(&mut tx, g.id, settings).await?;
            if access.switches_member_messages() {
                let chosen: Vec<i64> = form.all("facilitator").filter_map(|v| v.parse().ok()).collect();
                store::set_facilitators(&mut tx, g.id, g.organisation_id, &chosen).await?;
                store::set_member_messages(&mut tx, g.id, form.one("member_messages") == "on").await?;
            }
            let entry =
                Entry::new(Some(viewer.user_id), Action::GroupSettingsChanged, Target::Group(g.id), state.clock.now());
            audit::record(&mut tx, &entry.in_group(g)).await?;
            tx.commit().await?;
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
            href: paths::fill(&paths::fill(paths::GROUP_MEMBER, &slug), &m.user_id.to_string()),
            suspended: m.suspended_until.is_some_and(|until| until > state.clock.now()),
            banned: m.banned_at.is_some(),
            pseudonym: m.pseudonym,
            joined: format_date(m.joined_at),
            agreed: m.agreed_version == version,
        })
        .collect();
    render(&views::MembersView {
        ctx: ctx.in_group(&group.group),
        group_name: group.group.name,
        group_href: paths::fill(paths::GROUP, &slug),
        members,
    })
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
    let ctx = ctx.in_group(&group.group);
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
    let source = match MarkdownPage::Agreements.submitted(ctx.in_group(&group.group), &slug, &form) {
        Submitted::Save(source) => source,
        Submitted::Show(status, view) => return render_with_status(status, view.as_ref()),
    };
    let g = &group.group;
    let current = store::agreements(&state.db.read, g.id, g.agreements_version).await?;
    if current.is_none_or(|c| c.body_md != source) {
        let (html, now) = (markdown::to_html(&source), state.clock.now());
        let mut tx = state.db.write.begin().await?;
        let version = store::replace_agreements(&mut tx, g.id, &source, &html, now).await?;
        let entry = Entry::new(Some(viewer.user_id), Action::AgreementsChanged, Target::Group(g.id), now);
        audit::record(&mut tx, &entry.in_group(g).detail(version.to_string())).await?;
        tx.commit().await?;
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
    render(&MarkdownPage::GroupResources.editor(ctx.in_group(&group.group), &slug, source))
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
    let source = match MarkdownPage::GroupResources.submitted(ctx.in_group(&group.group), &slug, &form) {
        Submitted::Save(source) => source,
        Submitted::Show(status, view) => return render_with_status(status, view.as_ref()),
    };
    let g = &group.group;
    let mut tx = state.db.write.begin().await?;
    store::set_resources(&mut *tx, g.id, &source, &markdown::to_html(&source)).await?;
    let entry = Entry::new(Some(viewer.user_id), Action::ResourcesChanged, Target::Group(g.id), state.clock.now());
    audit::record(&mut tx, &entry.in_group(g)).await?;
    tx.commit().await?;
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
    Admin(admin): Admin,
    ctx: PageCtx,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let source = match MarkdownPage::InstanceResources.submitted(ctx, "", &form) {
        Submitted::Save(source) => source,
        Submitted::Show(status, view) => return render_with_status(status, view.as_ref()),
    };
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    store::set_instance_resources(&mut *tx, &source, &markdown::to_html(&source), now).await?;
    let entry = Entry::new(Some(admin.user_id), Action::InstanceResourcesChanged, Target::Instance, now);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(see_other(paths::RESOURCES))
}
