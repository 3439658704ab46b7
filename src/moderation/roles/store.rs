//! SQL for staff roles: role changes waiting for a second person, removing
//! staff, admins, and the counts that keep a last lead or admin in place.

use sqlx::{AnyConnection, FromRow};

use crate::{clock::UnixTime, db::Pool};

type Result<T> = std::result::Result<T, sqlx::Error>;

/// A request waits this long for its confirmation, then lapses.
pub const REQUEST_DAYS: i64 = 7;

#[derive(Debug, Clone, FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub organisation_id: Option<i64>,
    pub user_id: i64,
    pub pseudonym: String,
    pub change: String,
    pub requested_by: i64,
    pub requester: String,
    pub created_at: i64,
}

macro_rules! request_select {
    () => {
        "SELECT r.id, r.organisation_id, r.user_id, u.pseudonym, r.change, r.requested_by, b.pseudonym AS requester, \
           r.created_at FROM role_requests r JOIN users u ON u.id = r.user_id JOIN users b ON b.id = r.requested_by "
    };
}

/// Requests still waiting for an organisation (`None`: the instance's admins).
pub async fn waiting(pool: &Pool, organisation_id: Option<i64>, now: UnixTime) -> Result<Vec<RequestRow>> {
    sqlx::query_as(concat!(
        request_select!(),
        "WHERE ((r.organisation_id IS NULL AND $1 IS NULL) OR r.organisation_id = $1) AND r.created_at > $2 \
         ORDER BY r.id"
    ))
    .bind(organisation_id)
    .bind(now - REQUEST_DAYS * 86_400)
    .fetch_all(pool)
    .await
}

pub async fn request(pool: &Pool, id: i64, now: UnixTime) -> Result<Option<RequestRow>> {
    sqlx::query_as(concat!(request_select!(), "WHERE r.id = $1 AND r.created_at > $2"))
        .bind(id)
        .bind(now - REQUEST_DAYS * 86_400)
        .fetch_optional(pool)
        .await
}

/// Asks for a change (once: asking again for the same change adds nothing).
/// Returns the request's id, or `None` if the same one was already waiting.
pub async fn ask(
    conn: &mut AnyConnection,
    organisation_id: Option<i64>,
    user_id: i64,
    change: &str,
    by: i64,
    now: UnixTime,
) -> Result<Option<i64>> {
    let existing: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM role_requests WHERE ((organisation_id IS NULL AND $1 IS NULL) OR organisation_id = $1) \
         AND user_id = $2 AND change = $3 AND created_at > $4",
    )
    .bind(organisation_id)
    .bind(user_id)
    .bind(change)
    .bind(now - REQUEST_DAYS * 86_400)
    .fetch_optional(&mut *conn)
    .await?;
    if existing.is_some() {
        return Ok(None);
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO role_requests (organisation_id, user_id, change, requested_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(organisation_id)
    .bind(user_id)
    .bind(change)
    .bind(by)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Some(id))
}

pub async fn forget(conn: &mut AnyConnection, id: i64) -> Result<bool> {
    let done = sqlx::query("DELETE FROM role_requests WHERE id = $1").bind(id).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

/// Takes someone off an organisation's staff, and off its groups' facilitators.
pub async fn remove_staff(conn: &mut AnyConnection, organisation_id: i64, user_id: i64) -> Result<()> {
    sqlx::query(
        "DELETE FROM group_facilitators WHERE user_id = $1 \
         AND group_id IN (SELECT id FROM support_groups WHERE organisation_id = $2)",
    )
    .bind(user_id)
    .bind(organisation_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM staff WHERE organisation_id = $1 AND user_id = $2")
        .bind(organisation_id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn leads_of(conn: &mut AnyConnection, organisation_id: i64) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM staff WHERE organisation_id = $1 AND role = 'lead'")
        .bind(organisation_id)
        .fetch_one(conn)
        .await?;
    Ok(n)
}

pub async fn admin_count(conn: &mut AnyConnection) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE is_admin = 1").fetch_one(conn).await?;
    Ok(n)
}

/// Whether the account is the instance's only admin, or the only lead of an
/// organisation: (last admin, last lead somewhere).
pub async fn holds_power_alone(pool: &Pool, user_id: i64) -> Result<(bool, bool)> {
    let (last_admin, last_lead): (i64, i64) = sqlx::query_as(
        "SELECT CASE WHEN u.is_admin = 1 AND (SELECT COUNT(*) FROM users a WHERE a.is_admin = 1) = 1 THEN 1 ELSE 0 END, \
           (SELECT COUNT(*) FROM staff s WHERE s.user_id = u.id AND s.role = 'lead' \
              AND (SELECT COUNT(*) FROM staff o WHERE o.organisation_id = s.organisation_id AND o.role = 'lead') = 1) \
         FROM users u WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_one(pool)
    .await?;
    Ok((last_admin == 1, last_lead > 0))
}

pub async fn set_admin(conn: &mut AnyConnection, user_id: i64, admin: bool) -> Result<()> {
    sqlx::query("UPDATE users SET is_admin = $1 WHERE id = $2")
        .bind(i64::from(admin))
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn admins(pool: &Pool) -> Result<Vec<(i64, String)>> {
    sqlx::query_as("SELECT id, pseudonym FROM users WHERE is_admin = 1 ORDER BY pseudonym").fetch_all(pool).await
}

/// Deletes requests nobody confirmed in time (they no longer count); returns
/// how many. Idempotent: the purge runs it on every node.
pub async fn delete_lapsed(pool: &Pool, now: UnixTime) -> Result<u64> {
    let done = sqlx::query("DELETE FROM role_requests WHERE created_at <= $1")
        .bind(now - REQUEST_DAYS * 86_400)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
