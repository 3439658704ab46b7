//! The queue's SQL, scoped in every query to the groups the viewer (`$1`)
//! facilitates or leads (`moderates_group!`), optionally one of them (`$2`,
//! a slug). Each list is bounded, oldest first within its urgency.

use sqlx::FromRow;

use crate::db::Pool;

type Result<T> = std::result::Result<T, sqlx::Error>;

/// Items on one page of each list; more wait behind them. A literal in the
/// SQL: SQLite prepares a statement again every time a bound LIMIT is bound.
macro_rules! list_limit {
    () => {
        50
    };
}

/// The groups in the viewer's scope, `g`, with the optional group filter.
macro_rules! in_scope {
    () => {
        concat!("(", crate::moderates_group!(), " AND ($2 IS NULL OR g.slug = $2))")
    };
}

/// How much waits, and since when (0: nothing).
#[derive(Debug, Clone, Default, FromRow)]
pub struct Counts {
    pub urgent: i64,
    pub urgent_since: i64,
    pub reports: i64,
    pub reports_since: i64,
    pub held: i64,
    pub held_since: i64,
    pub pending: i64,
    pub pending_since: i64,
}

/// How many items of `$from` (its group aliased `g`) wait where `$open`, and
/// since when the oldest (its `$at`), as the columns `$name` and `$name_since`.
macro_rules! tally {
    ($from:literal, $open:literal, $at:literal, $name:literal) => {
        concat!(
            "(SELECT COUNT(*) FROM ",
            $from,
            " WHERE ",
            $open,
            " AND ",
            in_scope!(),
            ") AS ",
            $name,
            ", \
             (SELECT COALESCE(MIN(",
            $at,
            "), 0) FROM ",
            $from,
            " WHERE ",
            $open,
            " AND ",
            in_scope!(),
            ") AS ",
            $name,
            "_since"
        )
    };
}

pub async fn counts(pool: &Pool, viewer: i64, group: Option<&str>) -> Result<Counts> {
    sqlx::query_as(concat!(
        "SELECT ",
        tally!(
            "reports r JOIN support_groups g ON g.id = r.group_id",
            "r.resolved_at IS NULL AND r.urgent = 1",
            "r.created_at",
            "urgent"
        ),
        ", ",
        tally!(
            "reports r JOIN support_groups g ON g.id = r.group_id",
            "r.resolved_at IS NULL AND r.urgent = 0",
            "r.created_at",
            "reports"
        ),
        ", ",
        tally!("posts p JOIN support_groups g ON g.id = p.group_id", "p.state = 'held'", "p.created_at", "held"),
        ", ",
        tally!(
            "memberships m JOIN support_groups g ON g.id = m.group_id",
            "m.state = 'pending'",
            "m.joined_at",
            "pending"
        )
    ))
    .bind(viewer)
    .bind(group)
    .fetch_one(pool)
    .await
}

/// An open report or flag, with the post it is about.
#[derive(Debug, Clone, FromRow)]
pub struct ReportItem {
    pub id: i64,
    pub group_slug: String,
    pub group_name: String,
    pub topic_id: i64,
    pub topic_title: String,
    pub post_id: Option<i64>,
    pub about: String,
    pub reason: String,
    pub details: String,
    pub urgent: i64,
    /// None for a flag Hearth raised (or a reporter whose account is gone).
    pub reporter: Option<String>,
    pub created_at: i64,
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub post_state: Option<String>,
    pub post_warning: Option<String>,
    pub post_html: Option<String>,
}

/// Open reports and flags: urgent ones first, then oldest first.
pub async fn reports(pool: &Pool, viewer: i64, group: Option<&str>) -> Result<Vec<ReportItem>> {
    sqlx::query_as(concat!(
        "SELECT r.id, g.slug AS group_slug, g.name AS group_name, r.topic_id, t.title AS topic_title, r.post_id, \
           r.about, r.reason, r.details, r.urgent, ru.pseudonym AS reporter, r.created_at, p.author_id, \
           au.pseudonym AS author, p.state AS post_state, COALESCE(p.warning, t.warning) AS post_warning, \
           p.body_html AS post_html \
         FROM reports r JOIN support_groups g ON g.id = r.group_id JOIN topics t ON t.id = r.topic_id \
         LEFT JOIN posts p ON p.id = r.post_id LEFT JOIN users au ON au.id = p.author_id \
         LEFT JOIN users ru ON ru.id = r.reporter_id \
         WHERE r.resolved_at IS NULL AND ",
        in_scope!(),
        " \
         ORDER BY r.urgent DESC, r.created_at, r.id LIMIT ",
        list_limit!()
    ))
    .bind(viewer)
    .bind(group)
    .fetch_all(pool)
    .await
}

/// A post waiting for a facilitator.
#[derive(Debug, Clone, FromRow)]
pub struct HeldItem {
    pub id: i64,
    pub group_slug: String,
    pub group_name: String,
    pub topic_id: i64,
    pub topic_title: String,
    pub is_first: i64,
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub held_reason: String,
    pub warning: Option<String>,
    pub body_html: String,
    pub created_at: i64,
}

pub async fn held_posts(pool: &Pool, viewer: i64, group: Option<&str>) -> Result<Vec<HeldItem>> {
    sqlx::query_as(concat!(
        "SELECT p.id, g.slug AS group_slug, g.name AS group_name, p.topic_id, t.title AS topic_title, \
           CASE WHEN t.state = 'held' THEN 1 ELSE 0 END AS is_first, p.author_id, u.pseudonym AS author, \
           p.held_reason, COALESCE(p.warning, t.warning) AS warning, p.body_html, p.created_at \
         FROM posts p JOIN support_groups g ON g.id = p.group_id JOIN topics t ON t.id = p.topic_id \
         LEFT JOIN users u ON u.id = p.author_id \
         WHERE p.state = 'held' AND ",
        in_scope!(),
        " ORDER BY p.created_at, p.id LIMIT ",
        list_limit!()
    ))
    .bind(viewer)
    .bind(group)
    .fetch_all(pool)
    .await
}

/// Someone waiting to be let into a group, and how they were invited.
#[derive(Debug, Clone, FromRow)]
pub struct PendingItem {
    pub user_id: i64,
    pub pseudonym: String,
    pub group_slug: String,
    pub group_name: String,
    pub joined_at: i64,
    pub invited_by: Option<String>,
    pub invite_note: Option<String>,
    /// The partner organisation whose staff made the invite.
    pub partner: Option<String>,
    /// Approvals wait while the group is locked down.
    pub locked_down: i64,
}

pub async fn pending_members(pool: &Pool, viewer: i64, group: Option<&str>) -> Result<Vec<PendingItem>> {
    sqlx::query_as(concat!(
        "SELECT m.user_id, u.pseudonym, g.slug AS group_slug, g.name AS group_name, m.joined_at, \
           iu.pseudonym AS invited_by, i.note AS invite_note, po.name AS partner, \
           CASE WHEN g.locked_down_at IS NULL THEN 0 ELSE 1 END AS locked_down \
         FROM memberships m JOIN support_groups g ON g.id = m.group_id JOIN users u ON u.id = m.user_id \
         LEFT JOIN invites i ON i.id = m.invite_id LEFT JOIN users iu ON iu.id = i.created_by \
         LEFT JOIN partnerships ps ON ps.id = i.partnership_id \
         LEFT JOIN organisations po ON po.id = ps.partner_organisation_id \
         WHERE m.state = 'pending' AND ",
        in_scope!(),
        " ORDER BY m.joined_at, u.pseudonym LIMIT ",
        list_limit!()
    ))
    .bind(viewer)
    .bind(group)
    .fetch_all(pool)
    .await
}

/// The groups the viewer moderates, for the queue's group filter.
pub async fn my_groups(pool: &Pool, viewer: i64) -> Result<Vec<(String, String)>> {
    sqlx::query_as(concat!(
        "SELECT g.slug, g.name FROM support_groups g WHERE ",
        crate::moderates_group!(),
        " ORDER BY g.name, g.id"
    ))
    .bind(viewer)
    .fetch_all(pool)
    .await
}

/// An open report in a group the viewer moderates, for resolving it.
#[derive(Debug, Clone, FromRow)]
pub struct OpenReport {
    pub id: i64,
    pub group_id: i64,
    pub organisation_id: i64,
    pub group_slug: String,
    pub topic_id: i64,
}

pub async fn open_report(pool: &Pool, viewer: i64, report_id: i64) -> Result<Option<OpenReport>> {
    sqlx::query_as(concat!(
        "SELECT r.id, r.group_id, g.organisation_id, g.slug AS group_slug, r.topic_id \
         FROM reports r JOIN support_groups g ON g.id = r.group_id \
         WHERE r.id = $2 AND r.resolved_at IS NULL AND ",
        crate::moderates_group!()
    ))
    .bind(viewer)
    .bind(report_id)
    .fetch_optional(pool)
    .await
}

pub async fn resolve(
    conn: &mut sqlx::AnyConnection,
    report_id: i64,
    by: i64,
    outcome: &str,
    note: &str,
    now: crate::clock::UnixTime,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE reports SET resolved_at = $1, resolved_by = $2, outcome = $3, resolution_note = $4 \
         WHERE id = $5 AND resolved_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(outcome)
    .bind(note)
    .bind(report_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
