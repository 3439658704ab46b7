//! Approving or declining a held post, and hiding a post or showing it again.

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::post,
};

use super::{StaffPost, back, note, publish, staff_post, store};
use crate::{
    accounts::Member,
    discussions::topics::post_href,
    moderation::{
        audit::{self, Action, Entry, Target},
        store::{NewNotice, insert_notice},
        views::ActionView,
    },
    web::{
        AppState,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render_with_status},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::POST_APPROVE, post(approve_post))
        .route(paths::POST_DECLINE, post(decline_post))
        .route(paths::POST_HIDE, post(hide_post))
}

fn entry<'a>(viewer: i64, action: Action, scope: &StaffPost, post_id: i64) -> Entry<'a> {
    Entry::new(Some(viewer), action, Target::Post(post_id), scope.now)
        .in_group(&scope.group.group)
        .in_topic(scope.post.topic_id)
}

/// The note form again, with why it was refused.
fn refused(
    ctx: PageCtx,
    scope: &StaffPost,
    form: &Fields,
    route: &str,
    title: &'static str,
) -> Result<Response, AppError> {
    let view = ActionView {
        ctx: ctx.in_group(&scope.group.group),
        title,
        explain: None,
        action: paths::fill(route, &scope.post.id.to_string()),
        back: form.one("back").to_owned(),
        cancel_href: post_href(scope.post.topic_id, scope.post.id),
        note_label: "moderation-note-label",
        note: form.one("note").to_owned(),
        submit: title,
        error: Some("moderation-note-too-long"),
    };
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
}

/// POST /posts/{id}/approve — a held post is published (at the end of its
/// topic, as new) and its author told.
async fn approve_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = staff_post(&state, &viewer, &id).await?;
    let topic_id = scope.post.topic_id;
    let mut tx = state.db.write.begin().await?;
    let Some(new_id) = publish(&mut tx, scope.post.id, scope.now).await? else {
        // Approved or withdrawn meanwhile: nothing to do.
        tx.rollback().await?;
        return Ok(back(form.one("back"), &scope.group, post_href(topic_id, scope.post.id)));
    };
    if let Some(author) = scope.post.author_id {
        let notice = NewNotice {
            user_id: author,
            group_id: scope.group.group.id,
            kind: "post_approved",
            topic_id: Some(topic_id),
            post_id: Some(new_id),
            note: "",
            now: scope.now,
        };
        insert_notice(&mut tx, notice).await?;
    }
    audit::record(&mut tx, &entry(viewer.user_id, Action::PostApproved, &scope, new_id)).await?;
    tx.commit().await?;
    Ok(back(form.one("back"), &scope.group, post_href(topic_id, new_id)))
}

/// POST /posts/{id}/decline — a held post goes back to its author with a note;
/// they keep their text and may edit it (it then waits again).
async fn decline_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = staff_post(&state, &viewer, &id).await?;
    let Ok(text) = note(form.one("note")) else {
        return refused(ctx, &scope, &form, paths::POST_DECLINE, "moderation-decline-post");
    };
    let here = post_href(scope.post.topic_id, scope.post.id);
    let mut tx = state.db.write.begin().await?;
    if !store::decline(&mut tx, scope.post.id, &text).await? {
        tx.rollback().await?;
        return Ok(back(form.one("back"), &scope.group, here));
    }
    if let Some(author) = scope.post.author_id {
        let notice = NewNotice {
            user_id: author,
            group_id: scope.group.group.id,
            kind: "post_declined",
            topic_id: Some(scope.post.topic_id),
            post_id: Some(scope.post.id),
            note: &text,
            now: scope.now,
        };
        insert_notice(&mut tx, notice).await?;
    }
    audit::record(&mut tx, &entry(viewer.user_id, Action::PostDeclined, &scope, scope.post.id).reason(&text)).await?;
    tx.commit().await?;
    Ok(back(form.one("back"), &scope.group, here))
}

/// POST /posts/{id}/hide — hides a published post from members (a first
/// post hides its topic), or shows a hidden one again.
async fn hide_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = staff_post(&state, &viewer, &id).await?;
    let (hide, action, title) = match scope.post.state.as_str() {
        "published" if scope.post.deleted_at.is_none() => (true, Action::PostHidden, "moderation-hide-post"),
        "hidden" => (false, Action::PostUnhidden, "moderation-unhide-post"),
        _ => return Err(AppError::NotFound),
    };
    let Ok(reason) = note(form.one("note")) else {
        return refused(ctx, &scope, &form, paths::POST_HIDE, title);
    };
    let mut tx = state.db.write.begin().await?;
    if store::set_hidden(&mut tx, scope.post.id, hide, scope.post.is_first == 1).await? {
        audit::record(&mut tx, &entry(viewer.user_id, action, &scope, scope.post.id).reason(&reason)).await?;
    }
    tx.commit().await?;
    Ok(back(form.one("back"), &scope.group, post_href(scope.post.topic_id, scope.post.id)))
}
