//! The purge: everything Hearth keeps only for a while, deleted when its
//! time is up — expired sessions and sign-in challenges, spent invites and
//! reset links, role changes nobody confirmed, posts (held ones included)
//! past their group's retention with the moderation records of the same age
//! (redaction originals, reports, notices, audit entries), records outside
//! any group past the instance's longest retention, and the conversations
//! of groups that ended long enough ago — then the database files scrubbed
//! of what was deleted (`Db::scrub`). Every step is idempotent and safe to
//! run on every node at once; the server runs it periodically and `hearth
//! purge` on demand.

use super::{retention, store};
use crate::{
    accounts::{security::store as security_store, session},
    moderation::{members::store as members_store, roles::store as roles_store},
    web::AppState,
};

/// Used, withdrawn and expired invites stay this long, so staff see what became of them.
pub const SPENT_INVITE_DAYS: i64 = 7;

/// What one run deleted: (what, how many).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Purged(pub Vec<(&'static str, u64)>);

impl Purged {
    pub fn total(&self) -> u64 {
        self.0.iter().map(|(_, n)| n).sum()
    }
}

/// Runs every purge once.
pub async fn run(state: &AppState) -> Result<Purged, sqlx::Error> {
    let now = state.clock.now();
    let write = &state.db.write;
    let mut purged = Vec::new();
    purged.push(("expired sessions", session::purge_expired(state).await?));
    purged.push(("expired sign-in challenges", security_store::delete_expired_challenges(write, now).await?));
    let spent_before = now - SPENT_INVITE_DAYS * retention::DAY_SECONDS;
    purged.push(("spent invites", store::delete_spent_invites(write, spent_before).await?));
    purged.push(("spent password-reset links", members_store::delete_spent_resets(write, now).await?));
    purged.push(("role changes nobody confirmed", roles_store::delete_lapsed(write, now).await?));
    let by_group = groups(state, now).await?;
    purged.push(("posts past their group's retention", by_group.posts));
    purged.push(("moderation records past their group's retention", by_group.records));
    purged.push(("conversations of ended groups", by_group.conversations));
    let outside_groups = match state.config.retention.max_days {
        Some(days) => {
            store::delete_instance_records_before(write, now - i64::from(days) * retention::DAY_SECONDS).await?
        }
        None => 0,
    };
    purged.push(("records outside groups past the longest retention", outside_groups));
    state.db.scrub().await?;
    Ok(Purged(purged))
}

/// What the group-by-group part deleted.
struct ByGroup {
    posts: u64,
    records: u64,
    conversations: u64,
}

/// Retention and the end of time-limited groups, group by group.
async fn groups(state: &AppState, now: i64) -> Result<ByGroup, sqlx::Error> {
    let limits = &state.config.retention;
    let mut done = ByGroup { posts: 0, records: 0, conversations: 0 };
    for group in store::groups_retention(&state.db.read).await? {
        if let Some(days) = retention::effective_days(limits, group.retention_days) {
            let cutoff = now - days * retention::DAY_SECONDS;
            // Records first: what staff kept of a post goes with it.
            done.records += store::delete_group_records_before(&state.db.write, group.id, cutoff).await?;
            done.posts += store::delete_group_posts_before(&state.db.write, group.id, cutoff).await?;
        }
        let ended_days = i64::from(limits.ended_group_days);
        if group.ends_at.is_some_and(|end| end + ended_days * retention::DAY_SECONDS <= now) {
            done.conversations += store::delete_group_conversations(&state.db.write, group.id).await?;
            done.records += store::delete_group_records(&state.db.write, group.id).await?;
        }
    }
    Ok(done)
}
