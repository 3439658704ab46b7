//! Moderation's shared SQL: the word lists that apply in a group, how many
//! posts a member has published there, flags, and notices to members.

use sqlx::FromRow;

use super::screening::Flagged;
use crate::{clock::UnixTime, db::Pool};

type Result<T> = std::result::Result<T, sqlx::Error>;

/// The lists stored for a group and for its organisation.
#[derive(Debug, Clone, FromRow)]
pub struct StoredLists {
    /// None: Hearth's default crisis words.
    pub organisation_crisis: Option<String>,
    pub organisation_hold: String,
    pub organisation_flag: String,
    pub group_crisis: String,
    pub group_hold: String,
    pub group_flag: String,
}

pub async fn word_lists(pool: &Pool, group_id: i64) -> Result<StoredLists> {
    sqlx::query_as(
        "SELECT o.crisis_words AS organisation_crisis, o.hold_words AS organisation_hold, \
           o.flag_words AS organisation_flag, g.crisis_words AS group_crisis, g.hold_words AS group_hold, \
           g.flag_words AS group_flag \
         FROM support_groups g JOIN organisations o ON o.id = g.organisation_id WHERE g.id = $1",
    )
    .bind(group_id)
    .fetch_one(pool)
    .await
}

/// Posts of this member the group has published (for "a new member's first N posts").
pub async fn published_posts_by(pool: &Pool, group_id: i64, author_id: i64) -> Result<i64> {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM posts WHERE group_id = $1 AND author_id = $2 AND state IN ('published', 'hidden')",
    )
    .bind(group_id)
    .bind(author_id)
    .fetch_one(pool)
    .await?;
    Ok(count)
}

/// A flag Hearth raises itself (no reporter): crisis words are urgent.
pub async fn insert_flag(conn: &mut sqlx::AnyConnection, at: Flagged, reason: &str, details: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO reports (group_id, topic_id, post_id, about, reason, details, urgent, created_at) \
         VALUES ($1, $2, $3, 'post', $4, $5, $6, $7)",
    )
    .bind(at.group_id)
    .bind(at.topic_id)
    .bind(at.post_id)
    .bind(reason)
    .bind(details)
    .bind(i64::from(reason == "crisis"))
    .bind(at.now)
    .execute(conn)
    .await?;
    Ok(())
}

// ----- notices to members -----

/// Something the facilitators did that a member is told about.
#[derive(Debug, Clone, Copy)]
pub struct NewNotice<'a> {
    pub user_id: i64,
    pub group_id: i64,
    /// `member_approved`, `member_declined`, `member_removed`, `suspended`,
    /// `post_approved`, `post_declined` or `post_redacted`.
    pub kind: &'static str,
    pub topic_id: Option<i64>,
    pub post_id: Option<i64>,
    pub note: &'a str,
    pub now: UnixTime,
}

pub async fn insert_notice(conn: &mut sqlx::AnyConnection, notice: NewNotice<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO member_notices (user_id, group_id, kind, topic_id, post_id, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(notice.user_id)
    .bind(notice.group_id)
    .bind(notice.kind)
    .bind(notice.topic_id)
    .bind(notice.post_id)
    .bind(notice.note)
    .bind(notice.now)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct NoticeRow {
    pub id: i64,
    pub kind: String,
    pub group_name: String,
    pub topic_id: Option<i64>,
    pub topic_title: Option<String>,
    pub post_id: Option<i64>,
    pub note: String,
    pub created_at: i64,
    pub unread: i64,
}

/// The member's latest 20 notices, newest first (a literal LIMIT: SQLite
/// prepares a statement again every time a bound LIMIT is bound).
pub async fn notices(pool: &Pool, user_id: i64) -> Result<Vec<NoticeRow>> {
    sqlx::query_as(
        "SELECT n.id, n.kind, g.name AS group_name, n.topic_id, t.title AS topic_title, n.post_id, n.note, \
           n.created_at, CASE WHEN n.read_at IS NULL THEN 1 ELSE 0 END AS unread \
         FROM member_notices n JOIN support_groups g ON g.id = n.group_id LEFT JOIN topics t ON t.id = n.topic_id \
         WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT 20",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await
}

/// Shown whole on the notifications page, so seen there.
pub async fn read_notices(pool: &Pool, user_id: i64, now: UnixTime) -> Result<()> {
    sqlx::query("UPDATE member_notices SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(())
}

// ----- settings -----

pub struct GroupModeration<'a> {
    pub members_need_approval: bool,
    pub premoderation: &'a str,
    pub premoderation_posts: i64,
    pub crisis_words: &'a str,
    pub hold_words: &'a str,
    pub flag_words: &'a str,
}

pub async fn set_group_moderation(conn: &mut sqlx::AnyConnection, group_id: i64, s: GroupModeration<'_>) -> Result<()> {
    sqlx::query(
        "UPDATE support_groups SET members_need_approval = $1, premoderation = $2, premoderation_posts = $3, \
           crisis_words = $4, hold_words = $5, flag_words = $6 WHERE id = $7",
    )
    .bind(i64::from(s.members_need_approval))
    .bind(s.premoderation)
    .bind(s.premoderation_posts)
    .bind(s.crisis_words)
    .bind(s.hold_words)
    .bind(s.flag_words)
    .bind(group_id)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct OrganisationModeration {
    pub partner_invites_need_approval: i64,
    pub crisis_words: Option<String>,
    pub hold_words: String,
    pub flag_words: String,
}

pub async fn organisation_moderation(pool: &Pool, organisation_id: i64) -> Result<OrganisationModeration> {
    sqlx::query_as(
        "SELECT partner_invites_need_approval, crisis_words, hold_words, flag_words FROM organisations WHERE id = $1",
    )
    .bind(organisation_id)
    .fetch_one(pool)
    .await
}

pub async fn set_organisation_moderation(
    conn: &mut sqlx::AnyConnection,
    organisation_id: i64,
    s: &OrganisationModeration,
) -> Result<()> {
    sqlx::query(
        "UPDATE organisations SET partner_invites_need_approval = $1, crisis_words = $2, hold_words = $3, \
           flag_words = $4 WHERE id = $5",
    )
    .bind(s.partner_invites_need_approval)
    .bind(s.crisis_words.as_deref())
    .bind(&s.hold_words)
    .bind(&s.flag_words)
    .bind(organisation_id)
    .execute(conn)
    .await?;
    Ok(())
}

// ----- lockdown -----

/// Locks a group down (`Some(now)`) or lifts it (`None`); on locking, every
/// unused invite into the group is revoked (a partner's quota gets them
/// back). Returns how many invites were revoked.
pub async fn set_lockdown(conn: &mut sqlx::AnyConnection, group_id: i64, at: Option<UnixTime>) -> Result<u64> {
    sqlx::query("UPDATE support_groups SET locked_down_at = $1 WHERE id = $2")
        .bind(at)
        .bind(group_id)
        .execute(&mut *conn)
        .await?;
    let Some(now) = at else { return Ok(0) };
    revoke_group_invites(conn, group_id, now).await
}

/// Revokes every unused invite naming the group, giving partners their quota back.
pub async fn revoke_group_invites(conn: &mut sqlx::AnyConnection, group_id: i64, now: UnixTime) -> Result<u64> {
    sqlx::query(
        "UPDATE partnerships SET invites_made = invites_made - (SELECT COUNT(*) FROM invites i \
           WHERE i.partnership_id = partnerships.id AND i.used_at IS NULL AND i.revoked_at IS NULL \
           AND i.id IN (SELECT invite_id FROM invite_groups WHERE group_id = $1)) \
         WHERE id IN (SELECT i.partnership_id FROM invites i JOIN invite_groups ig ON ig.invite_id = i.id \
           WHERE ig.group_id = $1 AND i.used_at IS NULL AND i.revoked_at IS NULL)",
    )
    .bind(group_id)
    .execute(&mut *conn)
    .await?;
    let done = sqlx::query(
        "UPDATE invites SET revoked_at = $2 WHERE used_at IS NULL AND revoked_at IS NULL \
         AND id IN (SELECT invite_id FROM invite_groups WHERE group_id = $1)",
    )
    .bind(group_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

/// Groups of the same organisation the viewer moderates, other than this one
/// (where a topic may move).
pub async fn move_targets(pool: &Pool, viewer: i64, organisation_id: i64, except: i64) -> Result<Vec<(i64, String)>> {
    sqlx::query_as(concat!(
        "SELECT g.id, g.name FROM support_groups g WHERE g.organisation_id = $2 AND g.id <> $3 AND ",
        crate::moderates_group!(),
        " ORDER BY g.name, g.id"
    ))
    .bind(viewer)
    .bind(organisation_id)
    .bind(except)
    .fetch_all(pool)
    .await
}
