//! The audit log's SQL: the one INSERT, and the filtered, scoped read.
//! There is no UPDATE or DELETE here on purpose.

use sqlx::FromRow;

use super::Entry;
use crate::db::Pool;

type Result<T> = std::result::Result<T, sqlx::Error>;

pub(super) async fn insert(conn: &mut sqlx::AnyConnection, entry: &Entry<'_>) -> Result<()> {
    let (target_kind, target_id) = entry.target.stored();
    sqlx::query(
        "INSERT INTO audit_log (created_at, actor_id, organisation_id, group_id, topic_id, action, target_kind, \
           target_id, detail, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(entry.at)
    .bind(entry.actor)
    .bind(entry.organisation_id)
    .bind(entry.group_id)
    .bind(entry.topic_id)
    .bind(entry.action.code())
    .bind(target_kind)
    .bind(target_id)
    .bind(entry.detail.as_str())
    .bind(entry.reason)
    .execute(conn)
    .await?;
    Ok(())
}

/// One entry as the log page shows it, names looked up now (an erased
/// account shows as a former one).
#[derive(Debug, Clone, FromRow)]
pub struct EntryRow {
    pub id: i64,
    pub created_at: i64,
    pub actor_id: Option<i64>,
    pub actor: Option<String>,
    pub organisation: Option<String>,
    pub group_name: Option<String>,
    pub group_slug: Option<String>,
    pub topic_id: Option<i64>,
    pub topic_title: Option<String>,
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<i64>,
    /// The member acted on, for `member` targets.
    pub member: Option<String>,
    pub detail: String,
    pub reason: String,
}

/// What the log is filtered by (all optional).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub group_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub action: Option<&'static str>,
    /// Entries older than this id (keyset pages).
    pub before: Option<i64>,
}

/// Entries on one page of the log, a literal in the SQL (SQLite prepares a
/// statement again every time a bound LIMIT is bound).
macro_rules! page_size {
    () => {
        50
    };
}
pub const PAGE_SIZE: i64 = page_size!();

/// Entries the viewer may read — every one for an admin, else those of the
/// organisations they lead — newest first: a page and one more, to tell
/// whether there are more.
pub async fn entries(pool: &Pool, viewer: i64, is_admin: bool, filter: &Filter) -> Result<Vec<EntryRow>> {
    sqlx::query_as(concat!(
        "SELECT a.id, a.created_at, a.actor_id, au.pseudonym AS actor, o.name AS organisation, \
           g.name AS group_name, g.slug AS group_slug, a.topic_id, t.title AS topic_title, a.action, \
           a.target_kind, a.target_id, tu.pseudonym AS member, a.detail, a.reason \
         FROM audit_log a \
         LEFT JOIN users au ON au.id = a.actor_id \
         LEFT JOIN organisations o ON o.id = a.organisation_id \
         LEFT JOIN support_groups g ON g.id = a.group_id \
         LEFT JOIN topics t ON t.id = a.topic_id \
         LEFT JOIN users tu ON a.target_kind = 'member' AND tu.id = a.target_id \
         WHERE ($2 = 1 OR a.organisation_id IN \
             (SELECT s.organisation_id FROM staff s WHERE s.user_id = $1 AND s.role = 'lead')) \
           AND ($3 IS NULL OR a.group_id = $3) AND ($4 IS NULL OR a.actor_id = $4) \
           AND ($5 IS NULL OR a.action = $5) AND ($6 IS NULL OR a.id < $6) \
         ORDER BY a.id DESC LIMIT ",
        page_size!(),
        " + 1"
    ))
    .bind(viewer)
    .bind(i64::from(is_admin))
    .bind(filter.group_id)
    .bind(filter.actor_id)
    .bind(filter.action)
    .bind(filter.before)
    .fetch_all(pool)
    .await
}

/// The staff who appear in the log the viewer may read, for the filter.
pub async fn actors(pool: &Pool, viewer: i64, is_admin: bool) -> Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT u.id, u.pseudonym FROM users u WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.actor_id = u.id \
           AND ($2 = 1 OR a.organisation_id IN \
             (SELECT s.organisation_id FROM staff s WHERE s.user_id = $1 AND s.role = 'lead'))) \
         ORDER BY u.pseudonym",
    )
    .bind(viewer)
    .bind(i64::from(is_admin))
    .fetch_all(pool)
    .await
}

/// The groups whose entries the viewer may read, for the filter.
pub async fn groups(pool: &Pool, viewer: i64, is_admin: bool) -> Result<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT g.id, g.name FROM support_groups g WHERE $2 = 1 OR g.organisation_id IN \
           (SELECT s.organisation_id FROM staff s WHERE s.user_id = $1 AND s.role = 'lead') \
         ORDER BY g.name, g.id",
    )
    .bind(viewer)
    .bind(i64::from(is_admin))
    .fetch_all(pool)
    .await
}

/// The organisations the viewer leads (the log is theirs to read).
pub async fn led_organisations(pool: &Pool, viewer: i64) -> Result<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT organisation_id FROM staff WHERE user_id = $1 AND role = 'lead'")
        .bind(viewer)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}
