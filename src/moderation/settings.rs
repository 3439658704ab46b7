//! Moderation settings: a group's (whether new members need approval, which
//! posts a facilitator reads first, the group's own word lists), for its
//! staff; and an organisation's (whether people invited by partner
//! organisations need approval, the organisation's word lists, starting from
//! Hearth's crisis words), for its lead or the admin.

use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::get,
};

use super::{
    audit::{self, Action, Entry, Target},
    filters::words::{self, DEFAULT_CRISIS_WORDS},
    store,
};
use crate::{
    accounts::Member,
    groups::{organisations::organisation_for, staff::staffed_group, store::GroupWithAccess},
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
        .route(paths::GROUP_MODERATION_SETTINGS, get(group_get).post(group_post))
        .route(paths::ORGANISATION_MODERATION, get(organisation_get).post(organisation_post))
}

/// How many first posts of a new member may wait for review, at most.
pub const PREMODERATED_POSTS_MAX: i64 = 20;

#[derive(Template)]
#[template(path = "moderation/group_settings.html")]
pub struct GroupSettingsView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub group_href: String,
    pub action: String,
    pub members_need_approval: bool,
    pub premoderation: String,
    pub premoderation_posts: String,
    pub crisis_words: String,
    pub hold_words: String,
    pub flag_words: String,
    pub error: Option<&'static str>,
}

fn group_view(ctx: PageCtx, group: &GroupWithAccess, lists: store::StoredLists) -> GroupSettingsView {
    let g = &group.group;
    GroupSettingsView {
        ctx: ctx.in_group(g),
        group_name: g.name.clone(),
        group_href: paths::fill(paths::GROUP, &g.slug),
        action: paths::fill(paths::GROUP_MODERATION_SETTINGS, &g.slug),
        members_need_approval: g.members_need_approval == 1,
        premoderation: g.premoderation.clone(),
        premoderation_posts: g.premoderation_posts.to_string(),
        crisis_words: lists.group_crisis,
        hold_words: lists.group_hold,
        flag_words: lists.group_flag,
        error: None,
    }
}

/// GET /groups/{slug}/moderation/settings
async fn group_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let lists = store::word_lists(&state.db.read, group.group.id).await?;
    render(&group_view(ctx, &group, lists))
}

/// The three lists from a form, each checked.
fn lists_of(form: &Fields) -> Result<[String; 3], &'static str> {
    Ok([
        words::check(form.one("crisis_words"))?,
        words::check(form.one("hold_words"))?,
        words::check(form.one("flag_words"))?,
    ])
}

/// POST /groups/{slug}/moderation/settings
async fn group_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let premoderation = form.one("premoderation");
    let posts =
        form.one("premoderation_posts").trim().parse::<i64>().ok().filter(|n| (1..=PREMODERATED_POSTS_MAX).contains(n));
    let checked = match (premoderation, posts, lists_of(&form)) {
        (p, _, _) if !matches!(p, "none" | "new-members" | "all") => Err("moderation-settings-invalid"),
        (_, None, _) => Err("moderation-premoderation-posts-invalid"),
        (_, _, Err(key)) => Err(key),
        (_, Some(posts), Ok(lists)) => Ok((posts, lists)),
    };
    let (posts, [crisis, hold, flag]) = match checked {
        Ok(checked) => checked,
        Err(key) => {
            let lists = store::word_lists(&state.db.read, group.group.id).await?;
            let mut view = group_view(ctx, &group, lists);
            view.members_need_approval = form.one("members_need_approval") == "on";
            view.premoderation = premoderation.to_owned();
            view.premoderation_posts = form.one("premoderation_posts").to_owned();
            (view.crisis_words, view.hold_words, view.flag_words) = (
                form.one("crisis_words").to_owned(),
                form.one("hold_words").to_owned(),
                form.one("flag_words").to_owned(),
            );
            view.error = Some(key);
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    let settings = store::GroupModeration {
        members_need_approval: form.one("members_need_approval") == "on",
        premoderation,
        premoderation_posts: posts,
        crisis_words: &crisis,
        hold_words: &hold,
        flag_words: &flag,
    };
    let g = &group.group;
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    store::set_group_moderation(&mut tx, g.id, settings).await?;
    let entry = Entry::new(Some(viewer.user_id), Action::ModerationSettingsChanged, Target::Group(g.id), now)
        .in_group(g)
        .detail(premoderation);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(see_other(&paths::fill(paths::GROUP, &slug)))
}

#[derive(Template)]
#[template(path = "moderation/organisation_settings.html")]
pub struct OrganisationSettingsView {
    pub ctx: PageCtx,
    pub name: String,
    pub organisation_href: String,
    pub action: String,
    pub partner_invites_need_approval: bool,
    pub crisis_words: String,
    pub hold_words: String,
    pub flag_words: String,
    pub error: Option<&'static str>,
}

/// GET /organisations/{id}/moderation
async fn organisation_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let organisation = organisation_for(&state, &viewer, &id).await?;
    let settings = store::organisation_moderation(&state.db.read, organisation.id).await?;
    render(&OrganisationSettingsView {
        ctx,
        name: organisation.name,
        organisation_href: paths::fill(paths::ORGANISATION, &id),
        action: paths::fill(paths::ORGANISATION_MODERATION, &id),
        partner_invites_need_approval: settings.partner_invites_need_approval == 1,
        crisis_words: settings.crisis_words.unwrap_or_else(|| DEFAULT_CRISIS_WORDS.trim_end().to_owned()),
        hold_words: settings.hold_words,
        flag_words: settings.flag_words,
        error: None,
    })
}

/// POST /organisations/{id}/moderation
async fn organisation_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let organisation = organisation_for(&state, &viewer, &id).await?;
    let approval = form.one("partner_invites_need_approval") == "on";
    let [crisis, hold, flag] = match lists_of(&form) {
        Ok(lists) => lists,
        Err(key) => {
            let view = OrganisationSettingsView {
                ctx,
                name: organisation.name,
                organisation_href: paths::fill(paths::ORGANISATION, &id),
                action: paths::fill(paths::ORGANISATION_MODERATION, &id),
                partner_invites_need_approval: approval,
                crisis_words: form.one("crisis_words").to_owned(),
                hold_words: form.one("hold_words").to_owned(),
                flag_words: form.one("flag_words").to_owned(),
                error: Some(key),
            };
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    let settings = store::OrganisationModeration {
        partner_invites_need_approval: i64::from(approval),
        // Unchanged defaults stay the defaults, so later improvements to them apply.
        crisis_words: (crisis != words::check(DEFAULT_CRISIS_WORDS).unwrap_or_default()).then_some(crisis),
        hold_words: hold,
        flag_words: flag,
    };
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    store::set_organisation_moderation(&mut tx, organisation.id, &settings).await?;
    let entry = Entry::new(
        Some(viewer.user_id),
        Action::OrganisationSettingsChanged,
        Target::Organisation(organisation.id),
        now,
    )
    .in_organisation(organisation.id);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(see_other(&paths::fill(paths::ORGANISATION, &id)))
}
