//! Moving a topic to another group of the same organisation that the viewer
//! moderates (a conversation started in the wrong place). Never across
//! organisations: another organisation's staff would read it.

use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    response::Response,
    routing::get,
};

use super::{
    audit::{self, Action, Entry, Target},
    posts::store::move_topic,
    store,
};
use crate::{
    accounts::{Member, session::Viewer},
    discussions::store::{TopicRow, topic_for_viewer},
    groups::store::{GroupWithAccess, group_by_id_for_viewer},
    web::{
        AppState,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::TOPIC_MOVE, get(move_get).post(move_post))
}

#[derive(Template)]
#[template(path = "moderation/move.html")]
pub struct MoveView {
    pub ctx: PageCtx,
    pub title: String,
    pub topic_href: String,
    pub group_name: String,
    pub action: String,
    pub targets: Vec<(i64, String)>,
}

async fn movable(state: &AppState, viewer: &Viewer, raw_id: &str) -> Result<(TopicRow, GroupWithAccess), AppError> {
    let id = paths::parse_id(raw_id)?;
    let now = state.clock.now();
    let topic = topic_for_viewer(&state.db.read, viewer.user_id, id, now).await?.ok_or(AppError::NotFound)?;
    let group = group_by_id_for_viewer(&state.db.read, viewer.user_id, topic.group_id, now)
        .await?
        .filter(|group| group.access(now).moderates())
        .ok_or(AppError::NotFound)?;
    Ok((topic, group))
}

/// GET /topics/{id}/move — where it may go.
async fn move_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (topic, group) = movable(&state, &viewer, &id).await?;
    let g = &group.group;
    let targets = store::move_targets(&state.db.read, viewer.user_id, g.organisation_id, g.id).await?;
    render(&MoveView {
        ctx: ctx.in_group(g),
        topic_href: paths::fill(paths::TOPIC, &topic.id.to_string()),
        title: topic.title,
        group_name: g.name.clone(),
        action: paths::fill(paths::TOPIC_MOVE, &id),
        targets,
    })
}

/// POST /topics/{id}/move — `group` is the id of the group it goes to.
async fn move_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let (topic, group) = movable(&state, &viewer, &id).await?;
    let g = &group.group;
    let to = form.one("group").trim().parse::<i64>().map_err(|_| AppError::BadRequest)?;
    let targets = store::move_targets(&state.db.read, viewer.user_id, g.organisation_id, g.id).await?;
    if !targets.iter().any(|(target, _)| *target == to) {
        return Err(AppError::BadRequest);
    }
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    move_topic(&mut tx, topic.id, to).await?;
    let entry = Entry::new(Some(viewer.user_id), Action::TopicMoved, Target::Topic(topic.id), now)
        .in_group_of(g.organisation_id, to)
        .in_topic(topic.id)
        .detail(g.slug.clone())
        .reason(form.one("reason"));
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(see_other(&paths::fill(paths::TOPIC, &topic.id.to_string())))
}
