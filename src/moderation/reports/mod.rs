//! Reporting a post or a topic to the facilitators, with a reason: unkind or
//! harmful; shares identifying details; an intruder or someone pretending;
//! someone may be at risk (urgent: first in the queue); spam; something else
//! (in the reporter's words). Staff see who reported; the author is never
//! told, and nothing on the post changes for anyone else.

pub mod store;

use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::get,
};

use super::posts::NOTE_MAX_CHARS;
use crate::{
    accounts::{Member, session::Viewer},
    discussions::{
        store::{post_for_viewer, topic_for_viewer},
        topics::post_href,
    },
    groups::store::{GroupRow, group_by_id_for_viewer},
    web::{
        AppState,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status},
        paths,
    },
};

/// The reasons a member chooses from, in the order shown.
pub const REASONS: [(&str, &str); 6] = [
    ("unkind", "report-reason-unkind"),
    ("identifying", "report-reason-identifying"),
    ("intruder", "report-reason-intruder"),
    ("at-risk", "report-reason-at-risk"),
    ("spam", "report-reason-spam"),
    ("other", "report-reason-other"),
];

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::POST_REPORT, get(post_report_get).post(post_report_post))
        .route(paths::TOPIC_REPORT, get(topic_report_get).post(topic_report_post))
}

#[derive(Template)]
#[template(path = "moderation/report.html")]
pub struct ReportView {
    pub ctx: PageCtx,
    pub about_topic: bool,
    pub topic_title: String,
    pub back_href: String,
    pub action: String,
    /// (value, label key, checked)
    pub reasons: Vec<(&'static str, &'static str, bool)>,
    pub details: String,
    pub error: Option<&'static str>,
    /// Sent: the thank-you page instead of the form.
    pub sent: bool,
    pub urgent: bool,
}

/// What is reported: a published post (or a topic, through its first post)
/// in a group where the viewer is a member who may report it.
struct Reported {
    group: GroupRow,
    topic_id: i64,
    post_id: i64,
    title: String,
    about: &'static str,
}

async fn reported(state: &AppState, viewer: &Viewer, raw_id: &str, about: &'static str) -> Result<Reported, AppError> {
    let id = paths::parse_id(raw_id)?;
    let now = state.clock.now();
    let db = &state.db.read;
    let (group_id, topic_id, post_id, title, author, published) = if about == "topic" {
        let topic = topic_for_viewer(db, viewer.user_id, id, now).await?.ok_or(AppError::NotFound)?;
        let published = topic.state == "published";
        (topic.group_id, topic.id, topic.first_post_id, topic.title, topic.author_id, published)
    } else {
        let post = post_for_viewer(db, viewer.user_id, id, now).await?.ok_or(AppError::NotFound)?;
        let published = post.state == "published" && post.deleted_at.is_none() && post.topic_state == "published";
        (post.group_id, post.topic_id, post.id, post.title, post.author_id, published)
    };
    let group = group_by_id_for_viewer(db, viewer.user_id, group_id, now).await?.ok_or(AppError::NotFound)?;
    if !published || !group.access(now).reports(author == Some(viewer.user_id)) {
        return Err(AppError::NotFound);
    }
    Ok(Reported { group: group.group, topic_id, post_id, title, about })
}

fn form(ctx: PageCtx, reported: &Reported, chosen: &str, details: &str) -> ReportView {
    let route = if reported.about == "topic" { paths::TOPIC_REPORT } else { paths::POST_REPORT };
    let id = if reported.about == "topic" { reported.topic_id } else { reported.post_id };
    ReportView {
        ctx: ctx.in_group(&reported.group),
        about_topic: reported.about == "topic",
        topic_title: reported.title.clone(),
        back_href: post_href(reported.topic_id, reported.post_id),
        action: paths::fill(route, &id.to_string()),
        reasons: REASONS.iter().map(|(value, key)| (*value, *key, *value == chosen)).collect(),
        details: details.to_owned(),
        error: None,
        sent: false,
        urgent: false,
    }
}

async fn report_get(
    state: AppState,
    viewer: Viewer,
    ctx: PageCtx,
    id: String,
    about: &'static str,
) -> Result<Response, AppError> {
    let reported = reported(&state, &viewer, &id, about).await?;
    render(&form(ctx, &reported, "", ""))
}

async fn report_post(
    state: AppState,
    viewer: Viewer,
    ctx: PageCtx,
    id: String,
    about: &'static str,
    fields: Fields,
) -> Result<Response, AppError> {
    let reported = reported(&state, &viewer, &id, about).await?;
    let details = fields.one("details").trim();
    let reason = REASONS.iter().map(|(value, _)| *value).find(|value| *value == fields.one("reason"));
    let error = match reason {
        None => Some("report-reason-needed"),
        Some("other") if details.is_empty() => Some("report-details-needed"),
        Some(_) if details.chars().count() > NOTE_MAX_CHARS => Some("moderation-note-too-long"),
        Some(_) => None,
    };
    let (Some(reason), None) = (reason, error) else {
        let mut view = form(ctx, &reported, fields.one("reason"), fields.one("details"));
        view.error = error;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    // Reporting twice adds nothing the facilitators do not already have.
    if !store::already_open(&state.db.read, viewer.user_id, reported.post_id, about).await? {
        let report = store::NewReport {
            group_id: reported.group.id,
            topic_id: reported.topic_id,
            post_id: reported.post_id,
            about,
            reporter_id: viewer.user_id,
            reason,
            details,
            now: state.clock.now(),
        };
        let mut tx = state.db.write.begin().await?;
        store::insert(&mut tx, report).await?;
        tx.commit().await?;
    }
    let mut view = form(ctx, &reported, reason, "");
    (view.sent, view.urgent) = (true, reason == "at-risk");
    render(&view)
}

/// GET /posts/{id}/report
async fn post_report_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    report_get(state, viewer, ctx, id, "post").await
}

/// POST /posts/{id}/report
async fn post_report_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(fields): Post<Fields>,
) -> Result<Response, AppError> {
    report_post(state, viewer, ctx, id, "post", fields).await
}

/// GET /topics/{id}/report
async fn topic_report_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    report_get(state, viewer, ctx, id, "topic").await
}

/// POST /topics/{id}/report
async fn topic_report_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(fields): Post<Fields>,
) -> Result<Response, AppError> {
    report_post(state, viewer, ctx, id, "topic", fields).await
}
