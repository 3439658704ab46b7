//! Reports' SQL: filing one, and whether the reporter already has one open.

use sqlx::AnyConnection;

use crate::{clock::UnixTime, db::Pool};

type Result<T> = std::result::Result<T, sqlx::Error>;

pub struct NewReport<'a> {
    pub group_id: i64,
    pub topic_id: i64,
    pub post_id: i64,
    /// `post` or `topic`.
    pub about: &'static str,
    pub reporter_id: i64,
    pub reason: &'static str,
    pub details: &'a str,
    pub now: UnixTime,
}

pub async fn insert(conn: &mut AnyConnection, report: NewReport<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO reports (group_id, topic_id, post_id, about, reporter_id, reason, details, urgent, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(report.group_id)
    .bind(report.topic_id)
    .bind(report.post_id)
    .bind(report.about)
    .bind(report.reporter_id)
    .bind(report.reason)
    .bind(report.details)
    .bind(i64::from(report.reason == "at-risk"))
    .bind(report.now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The member already reported this and it is not resolved yet.
pub async fn already_open(pool: &Pool, reporter_id: i64, post_id: i64, about: &str) -> Result<bool> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM reports WHERE reporter_id = $1 AND post_id = $2 AND about = $3 AND resolved_at IS NULL",
    )
    .bind(reporter_id)
    .bind(post_id)
    .bind(about)
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}
