//! Writing a new post — a reply, or a new topic with its first post — and
//! what publishing it sets off (notifications, the author's read marker, the
//! facilitators' flags), as one write that waits for its commit in the
//! committer's queue (`db::commit`), so it owns everything it needs.

use sqlx::{Any, Transaction};

use super::{
    drafts::Draft,
    notifications::{self, PostPublished},
    store::{self, NewPost},
};
use crate::{
    clock::UnixTime,
    db::commit::Committer,
    moderation::{
        filters::Verdict,
        screening::{self, Flagged},
    },
    web::error::AppError,
};

/// A checked draft, rendered, with what the filters made of it.
pub struct Publishing {
    pub author_id: i64,
    pub now: UnixTime,
    title: String,
    warning: Option<String>,
    body: String,
    html: String,
    search_text: String,
    /// Why it waits for a facilitator, when it does.
    held: Option<String>,
    verdict: Verdict,
}

impl Publishing {
    /// Renders the draft (a first post's search text includes its title).
    pub fn new(draft: Draft, first_post: bool, verdict: Verdict, author_id: i64, now: UnixTime) -> Self {
        let (html, search_text) = (draft.html(), draft.search_text(first_post));
        let held = verdict.held();
        Self {
            author_id,
            now,
            title: draft.title,
            warning: draft.warning,
            body: draft.body,
            html,
            search_text,
            held,
            verdict,
        }
    }

    fn post(&self) -> NewPost<'_> {
        NewPost {
            author_id: self.author_id,
            warning: self.warning.as_deref(),
            body_md: &self.body,
            body_html: &self.html,
            search_text: &self.search_text,
            now: self.now,
            held: self.held.as_deref(),
        }
    }

    /// Notifications and flags once a post is published; whether a flag was a crisis flag.
    async fn announce(
        &self,
        tx: &mut Transaction<'_, Any>,
        at: Flagged,
        topic_author_id: Option<i64>,
        is_reply: bool,
    ) -> Result<bool, sqlx::Error> {
        let published = PostPublished {
            group_id: at.group_id,
            topic_id: at.topic_id,
            post_id: at.post_id,
            author_id: self.author_id,
            topic_author_id,
            is_reply,
            body_md: &self.body,
            now: self.now,
        };
        notifications::post_published(tx, published).await?;
        screening::raise(tx, at, self.verdict.flags()).await
    }
}

/// The topic a reply goes to, as its page was loaded.
pub struct ReplyTo {
    pub topic_id: i64,
    pub group_id: i64,
    pub topic_author_id: Option<i64>,
    pub last_post_id: i64,
    pub may_reply_when_locked: bool,
}

/// A post written, and whether it raised a crisis flag (its page then shows
/// the group's crisis resources).
pub struct Written {
    pub topic_id: i64,
    pub post_id: i64,
    pub crisis: bool,
}

/// Writes a reply; `None` when the topic was locked meanwhile and the author
/// may not reply to a locked topic (nothing is written).
pub async fn reply(committer: &Committer, to: ReplyTo, post: Publishing) -> Result<Option<Written>, AppError> {
    committer
        .write(move |tx| {
            Box::pin(async move {
                let Some(post_id) =
                    store::insert_reply(tx, to.topic_id, to.group_id, &post.post(), to.may_reply_when_locked).await?
                else {
                    return Ok(None);
                };
                let mut crisis = false;
                if post.held.is_none() {
                    store::read_own_reply(tx, post.author_id, to.topic_id, to.last_post_id, post_id).await?;
                    let at = Flagged { group_id: to.group_id, topic_id: to.topic_id, post_id, now: post.now };
                    crisis = post.announce(tx, at, to.topic_author_id, true).await?;
                }
                Ok(Some(Written { topic_id: to.topic_id, post_id, crisis }))
            })
        })
        .await
}

/// Writes a new topic with its first post.
pub async fn topic(committer: &Committer, group_id: i64, post: Publishing) -> Result<Written, AppError> {
    let written = committer
        .write(move |tx| {
            Box::pin(async move {
                let (topic_id, post_id) = store::insert_topic(tx, group_id, &post.title, &post.post()).await?;
                let mut crisis = false;
                if post.held.is_none() {
                    let at = Flagged { group_id, topic_id, post_id, now: post.now };
                    crisis = post.announce(tx, at, Some(post.author_id), false).await?;
                }
                Ok(Some(Written { topic_id, post_id, crisis }))
            })
        })
        .await?;
    written.ok_or_else(|| AppError::internal("a new topic was undone"))
}
