//! What staff do to posts, from the queue and from the topic page: approve or
//! decline a held post, hide and show one again, redact one (the original
//! kept for staff as long as the post), see what a redacted post said. Each
//! action writes its audit entry in its own transaction.

pub mod redact;
pub mod review;
pub mod store;

use axum::Router;
use sqlx::{Any, Transaction};

use crate::{
    accounts::session::Viewer,
    clock::UnixTime,
    discussions::{
        notifications::{self, PostPublished},
        store::{PostInTopic, post_for_viewer},
    },
    groups::store::{GroupWithAccess, group_by_id_for_viewer},
    web::{AppState, error::AppError, page::see_other, paths},
};

/// Longest reason or note staff may give, in characters.
pub const NOTE_MAX_CHARS: usize = 1_000;

pub fn router() -> Router<AppState> {
    Router::new().merge(review::router()).merge(redact::router())
}

/// A post of a group the viewer moderates.
pub(crate) struct StaffPost {
    pub post: PostInTopic,
    pub group: GroupWithAccess,
    pub now: UnixTime,
}

/// The post in the URL, for its group's staff; 404 for anyone else.
pub(crate) async fn staff_post(state: &AppState, viewer: &Viewer, raw_id: &str) -> Result<StaffPost, AppError> {
    let id = paths::parse_id(raw_id)?;
    let now = state.clock.now();
    let post = post_for_viewer(&state.db.read, viewer.user_id, id, now).await?.ok_or(AppError::NotFound)?;
    let group = group_by_id_for_viewer(&state.db.read, viewer.user_id, post.group_id, now)
        .await?
        .filter(|group| group.access(now).moderates())
        .ok_or(AppError::NotFound)?;
    Ok(StaffPost { post, group, now })
}

/// A staff member's note or reason: trimmed, at most [`NOTE_MAX_CHARS`].
pub fn note(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.chars().count() > NOTE_MAX_CHARS {
        return Err("moderation-note-too-long");
    }
    Ok(text.chars().filter(|c| !c.is_control() || *c == '\n').collect())
}

/// Publishes a held post and tells the people it mentions or answers, in
/// the caller's transaction. Returns its new id, or `None` if it was no
/// longer held.
pub async fn publish(tx: &mut Transaction<'_, Any>, post_id: i64, now: UnixTime) -> Result<Option<i64>, sqlx::Error> {
    let Some(published) = store::publish_held(tx, post_id, now).await? else { return Ok(None) };
    let event = PostPublished {
        group_id: published.group_id,
        topic_id: published.topic_id,
        post_id: published.post_id,
        author_id: published.author_id.unwrap_or_default(),
        topic_author_id: published.topic_author_id,
        is_reply: published.is_first == 0,
        body_md: &published.body_md,
        now,
    };
    notifications::post_published(tx, event).await?;
    Ok(Some(published.post_id))
}

/// Where a staff action returns: the topic page it was taken from, or the queue.
pub(crate) fn back(to: &str, group: &GroupWithAccess, topic_href: String) -> axum::response::Response {
    if to == "topic" {
        see_other(&topic_href)
    } else {
        see_other(&format!("{}?group={}", paths::MODERATION, group.group.slug))
    }
}
