//! Notices: what the facilitators did that a member should know — let in or
//! declined (with their note), a post approved, declined (with what to
//! change) or redacted (with why), a suspension, a removal. They sit at the
//! top of the member's notifications page and count in the header like
//! notifications; seeing them there reads them.

use super::store;
use crate::{
    clock::format_utc,
    discussions::topics::post_href,
    web::{AppState, paths},
};

pub struct NoticeLine {
    /// Translation key of the sentence, with `$group` as its argument.
    pub sentence: &'static str,
    pub group: String,
    pub topic: Option<String>,
    pub href: Option<String>,
    pub note: String,
    pub time: String,
    pub unread: bool,
}

fn sentence(kind: &str) -> &'static str {
    match kind {
        "member_approved" => "notice-member-approved",
        "member_declined" => "notice-member-declined",
        "member_removed" => "notice-member-removed",
        "suspended" => "notice-suspended",
        "post_approved" => "notice-post-approved",
        "post_declined" => "notice-post-declined",
        _ => "notice-post-redacted",
    }
}

/// The member's notices for their notifications page, and marks them read.
pub async fn for_page(state: &AppState, user_id: i64) -> Result<Vec<NoticeLine>, sqlx::Error> {
    let rows = store::notices(&state.db.read, user_id).await?;
    if rows.iter().any(|row| row.unread == 1) {
        store::read_notices(&state.db.write, user_id, state.clock.now()).await?;
    }
    Ok(rows
        .into_iter()
        .map(|row| NoticeLine {
            sentence: sentence(&row.kind),
            group: row.group_name,
            href: match (row.topic_id, row.post_id) {
                (Some(topic), Some(post)) => Some(post_href(topic, post)),
                (Some(topic), None) => Some(paths::fill(paths::TOPIC, &topic.to_string())),
                _ => None,
            },
            topic: row.topic_title,
            note: row.note,
            time: format_utc(row.created_at),
            unread: row.unread == 1,
        })
        .collect())
}
