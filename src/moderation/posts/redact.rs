//! Redaction: staff change someone else's post, with a reason the author is
//! told. What it said before is kept for the group's staff as long as the
//! post itself — the group's retention, counted from when the post was
//! written — and goes with it (the purge, the author deleting it or erasing
//! their account): one rule for a member's words, whoever last changed them.

use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::get,
};

use super::{StaffPost, note, staff_post, store};
use crate::{
    accounts::Member,
    clock::{UnixTime, format_utc},
    discussions::{
        drafts::Draft,
        store::{PostEdit, update_post_in},
        topics::post_href,
        views::FormErrors,
    },
    moderation::{
        audit::{self, Action, Entry, Target},
        store::{NewNotice, insert_notice},
    },
    safety::retention,
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
        .route(paths::POST_REDACT, get(redact_get).post(redact_post))
        .route(paths::POST_ORIGINALS, get(originals_get))
}

#[derive(Template)]
#[template(path = "moderation/redact.html")]
pub struct RedactView {
    pub ctx: PageCtx,
    pub topic_title: String,
    pub post_href: String,
    pub action: String,
    pub with_title: bool,
    pub title: String,
    pub warning: String,
    pub body: String,
    pub reason: String,
    pub errors: FormErrors,
    pub reason_error: Option<&'static str>,
    /// The group's retention in days; `None`: posts are kept until deleted.
    pub retention_days: Option<i64>,
}

/// The group's retention for this post's words, in days (`None`: no limit).
fn retention_days(state: &AppState, scope: &StaffPost) -> Option<i64> {
    retention::effective_days(&state.config.retention, scope.group.group.retention_days)
}

/// When the post — and what staff kept of it — is deleted by the group's retention.
fn deleted_with_the_post(state: &AppState, scope: &StaffPost) -> Option<UnixTime> {
    retention_days(state, scope).map(|days| scope.post.created_at + days * retention::DAY_SECONDS)
}

/// A post staff may redact: published or hidden, with its words.
async fn redactable(
    state: &AppState,
    viewer: &crate::accounts::session::Viewer,
    id: &str,
) -> Result<StaffPost, AppError> {
    let scope = staff_post(state, viewer, id).await?;
    let has_words = scope.post.deleted_at.is_none() && matches!(scope.post.state.as_str(), "published" | "hidden");
    if has_words { Ok(scope) } else { Err(AppError::NotFound) }
}

fn view(state: &AppState, ctx: PageCtx, scope: &StaffPost) -> RedactView {
    let post = &scope.post;
    RedactView {
        ctx: ctx.in_group(&scope.group.group),
        topic_title: post.title.clone(),
        post_href: post_href(post.topic_id, post.id),
        action: paths::fill(paths::POST_REDACT, &post.id.to_string()),
        with_title: post.is_first == 1,
        title: post.title.clone(),
        warning: post.warning.clone().or_else(|| post.topic_warning.clone()).unwrap_or_default(),
        body: post.body_md.clone(),
        reason: String::new(),
        errors: FormErrors::default(),
        reason_error: None,
        retention_days: retention_days(state, scope),
    }
}

/// GET /posts/{id}/redact — the post's words to change, and why.
async fn redact_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = redactable(&state, &viewer, &id).await?;
    render(&view(&state, ctx, &scope))
}

/// POST /posts/{id}/redact — saves the new words; the original is kept for
/// staff, the author told why.
async fn redact_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = redactable(&state, &viewer, &id).await?;
    let post = &scope.post;
    let with_title = post.is_first == 1;
    let draft = Draft::from_text(form.one("title"), form.one("warning"), form.one("body"), with_title);
    let reason =
        note(form.one("reason")).and_then(|r| if r.is_empty() { Err("moderation-reason-required") } else { Ok(r) });
    let (draft, reason) = match (draft, reason) {
        (Ok(draft), Ok(reason)) => (draft, reason),
        (draft, reason) => {
            let mut page = view(&state, ctx, &scope);
            (page.title, page.warning, page.body) =
                (form.one("title").to_owned(), form.one("warning").to_owned(), form.one("body").to_owned());
            page.reason = form.one("reason").to_owned();
            page.errors = draft.err().unwrap_or_default();
            page.reason_error = reason.err();
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let (html, search_text) = (draft.html(), draft.search_text(with_title));
    let mut tx = state.db.write.begin().await?;
    let original = store::Original {
        post_id: post.id,
        title: with_title.then_some(post.title.as_str()),
        warning: post.warning.as_deref().or(post.topic_warning.as_deref()),
        body_md: &post.body_md,
        reason: &reason,
        redacted_by: viewer.user_id,
        now: scope.now,
    };
    store::keep_original(&mut tx, original).await?;
    let edit = PostEdit {
        post_id: post.id,
        topic_id: post.topic_id,
        title: with_title.then_some(draft.title.as_str()),
        warning: draft.warning.as_deref(),
        body_md: &draft.body,
        body_html: &html,
        search_text: &search_text,
        now: scope.now,
    };
    update_post_in(&mut tx, edit).await?;
    if let Some(author) = post.author_id {
        let notice = NewNotice {
            user_id: author,
            group_id: post.group_id,
            kind: "post_redacted",
            topic_id: Some(post.topic_id),
            post_id: Some(post.id),
            note: &reason,
            now: scope.now,
        };
        insert_notice(&mut tx, notice).await?;
    }
    let entry = Entry::new(Some(viewer.user_id), Action::PostRedacted, Target::Post(post.id), scope.now)
        .in_group(&scope.group.group)
        .in_topic(post.topic_id)
        .reason(&reason);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(see_other(&post_href(post.topic_id, post.id)))
}

pub struct OriginalLine {
    pub title: Option<String>,
    pub warning: Option<String>,
    pub body: String,
    pub reason: String,
    pub by: Option<String>,
    pub at: String,
}

#[derive(Template)]
#[template(path = "moderation/originals.html")]
pub struct OriginalsView {
    pub ctx: PageCtx,
    pub topic_title: String,
    pub post_href: String,
    pub originals: Vec<OriginalLine>,
    /// When they are deleted with the post, if the group's retention limits it.
    pub deleted_on: Option<String>,
}

/// GET /posts/{id}/originals — what a redacted post said (staff only, as long as the post).
async fn originals_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = staff_post(&state, &viewer, &id).await?;
    let originals = store::originals(&state.db.read, scope.post.id)
        .await?
        .into_iter()
        .map(|row| OriginalLine {
            title: row.original_title,
            warning: row.original_warning,
            body: row.original_md,
            reason: row.reason,
            by: row.redacted_by,
            at: format_utc(row.created_at),
        })
        .collect();
    render(&OriginalsView {
        deleted_on: deleted_with_the_post(&state, &scope).map(format_utc),
        ctx: ctx.in_group(&scope.group.group),
        topic_title: scope.post.title.clone(),
        post_href: post_href(scope.post.topic_id, scope.post.id),
        originals,
    })
}
