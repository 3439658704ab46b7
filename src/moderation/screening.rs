//! Where the writing handlers meet the filters: [`check`] decides whether a
//! post being written is published or held (word lists, identifying details,
//! the group's pre-moderation), [`raise`] files the flags a published post
//! raises, and [`reasons`] says in the author's words why a post waits.

use super::{
    filters::{self, Flag, HoldReason, Lists, Verdict},
    store,
};
use crate::{
    clock::UnixTime,
    groups::{policy::Premoderation, store::GroupWithAccess},
    web::AppState,
};

/// What the rules make of a post about to be written by `author_id`.
pub async fn check(
    state: &AppState,
    group: &GroupWithAccess,
    author_id: i64,
    text: &str,
) -> Result<Verdict, sqlx::Error> {
    let now = state.clock.now();
    let standing = group.access(now).standing;
    if standing.is_staff() {
        return Ok(Verdict::Publish(Vec::new()));
    }
    let stored = store::word_lists(&state.db.read, group.group.id).await?;
    let lists = Lists::from_stored(
        [stored.organisation_crisis.as_deref(), Some(&stored.organisation_hold), Some(&stored.organisation_flag)],
        [&stored.group_crisis, &stored.group_hold, &stored.group_flag],
    );
    let premoderation = group.group.premoderation();
    let published = match premoderation {
        Premoderation::NewMembers(_) => store::published_posts_by(&state.db.read, group.group.id, author_id).await?,
        Premoderation::None | Premoderation::All => 0,
    };
    Ok(filters::verdict(filters::screen(text, &lists), premoderation, standing, published))
}

/// Where a flag points.
#[derive(Debug, Clone, Copy)]
pub struct Flagged {
    pub group_id: i64,
    pub topic_id: i64,
    pub post_id: i64,
    pub now: UnixTime,
}

/// Files a published post's flags for the facilitators, in the transaction
/// that publishes it. True when one of them is a crisis flag (the author is
/// then shown the group's crisis resources).
pub async fn raise(conn: &mut sqlx::AnyConnection, at: Flagged, flags: &[Flag]) -> Result<bool, sqlx::Error> {
    let mut crisis = false;
    for flag in flags {
        let (reason, details) = match flag {
            Flag::Crisis { words, details } => {
                crisis = true;
                let mut found = words.clone();
                found.extend(details.iter().map(|d| d.code().to_owned()));
                ("crisis", found.join(", "))
            }
            Flag::Words(words) => ("words", words.join(", ")),
        };
        store::insert_flag(conn, at, reason, &details).await?;
    }
    Ok(crisis)
}

/// The translation keys that tell an author why their post waits.
pub fn reasons(stored: &str) -> Vec<&'static str> {
    let held = HoldReason::split(stored);
    let mut keys: Vec<&'static str> = held
        .iter()
        .filter_map(|reason| match reason {
            HoldReason::Detail(detail) => Some(detail.message_key()),
            _ => None,
        })
        .collect();
    if !keys.is_empty() {
        keys.insert(0, "held-reason-details");
        keys.push("held-reason-details-edit");
    }
    if held.contains(&HoldReason::Words) {
        keys.push("held-reason-words");
    }
    if held.contains(&HoldReason::Premoderation) {
        keys.push("held-reason-premoderation");
    }
    keys
}

/// After an author edits a post: one that is not published waits again (or
/// is published now, if nothing holds it any more); a published one raises
/// its flags. Returns the post's id (a new one if it was published now) and
/// whether a crisis flag was raised.
pub async fn settle(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    post: &crate::discussions::store::PostInTopic,
    verdict: &Verdict,
    now: UnixTime,
) -> Result<(i64, bool), sqlx::Error> {
    let at = |post_id| Flagged { group_id: post.group_id, topic_id: post.topic_id, post_id, now };
    match (post.state.as_str(), verdict) {
        ("published", verdict) => Ok((post.id, raise(tx, at(post.id), verdict.flags()).await?)),
        (_, Verdict::Hold(reasons)) => {
            super::posts::store::hold_again(tx, post.id, &HoldReason::join(reasons)).await?;
            Ok((post.id, false))
        }
        (_, Verdict::Publish(flags)) => {
            super::posts::store::ready_to_publish(tx, post.id).await?;
            let new_id = super::posts::publish(tx, post.id, now).await?.unwrap_or(post.id);
            Ok((new_id, raise(tx, at(new_id), flags).await?))
        }
    }
}

/// Why an edit of a published post was not saved: holding it would take a
/// post others have read out of the conversation, so the author is asked to
/// take the detail out (or write a new post, which the facilitators read first).
pub fn edit_refusal(stored: &str) -> &'static str {
    match HoldReason::split(stored).first() {
        Some(HoldReason::Detail(filters::Detail::Phone)) => "held-edit-phone",
        Some(HoldReason::Detail(filters::Detail::Email)) => "held-edit-email",
        Some(HoldReason::Detail(filters::Detail::Address)) => "held-edit-address",
        Some(HoldReason::Detail(filters::Detail::Handle)) => "held-edit-handle",
        Some(HoldReason::Detail(filters::Detail::ProfileLink)) => "held-edit-profile-link",
        Some(HoldReason::Words) => "held-edit-words",
        Some(HoldReason::Premoderation) | None => "held-edit-premoderation",
    }
}

/// The same reasons as staff read them in the queue (what was found, in short).
pub fn staff_reasons(stored: &str) -> Vec<&'static str> {
    HoldReason::split(stored)
        .into_iter()
        .map(|reason| match reason {
            HoldReason::Detail(detail) => detail.message_key(),
            HoldReason::Words => "queue-held-words",
            HoldReason::Premoderation => "queue-held-premoderation",
        })
        .collect()
}
