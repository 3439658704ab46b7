//! Partnerships' SQL: a host organisation's grants to partners, the groups
//! each covers, the quota count, and what partner staff may invite into.

use sqlx::{AnyConnection, FromRow};

use crate::{clock::UnixTime, db::Pool};

type Result<T> = std::result::Result<T, sqlx::Error>;

#[derive(Debug, Clone, FromRow)]
pub struct PartnershipRow {
    pub id: i64,
    pub partner_organisation_id: i64,
    pub partner: String,
    pub invite_quota: i64,
    pub invites_made: i64,
    pub ended_at: Option<i64>,
    /// Invites of this partner that were used (people who came through it).
    pub invites_used: i64,
}

pub async fn of_host(pool: &Pool, host: i64) -> Result<Vec<PartnershipRow>> {
    sqlx::query_as(
        "SELECT p.id, p.partner_organisation_id, o.name AS partner, p.invite_quota, p.invites_made, p.ended_at, \
           (SELECT COUNT(*) FROM invites i WHERE i.partnership_id = p.id AND i.used_at IS NOT NULL) AS invites_used \
         FROM partnerships p JOIN organisations o ON o.id = p.partner_organisation_id \
         WHERE p.host_organisation_id = $1 ORDER BY p.ended_at IS NOT NULL, o.name",
    )
    .bind(host)
    .fetch_all(pool)
    .await
}

/// (partnership id, group id, group name) for a host's partnerships.
pub async fn groups_of_host(pool: &Pool, host: i64) -> Result<Vec<(i64, i64, String)>> {
    sqlx::query_as(
        "SELECT pg.partnership_id, g.id, g.name FROM partnership_groups pg JOIN partnerships p ON p.id = pg.partnership_id \
         JOIN support_groups g ON g.id = pg.group_id WHERE p.host_organisation_id = $1 ORDER BY g.name",
    )
    .bind(host)
    .fetch_all(pool)
    .await
}

/// Creates or updates the host's partnership with `partner`: its quota and
/// groups (only the host's own groups are kept). Returns its id.
pub async fn set(
    conn: &mut AnyConnection,
    host: i64,
    partner: i64,
    quota: i64,
    groups: &[i64],
    now: UnixTime,
) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO partnerships (host_organisation_id, partner_organisation_id, invite_quota, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (host_organisation_id, partner_organisation_id) \
         DO UPDATE SET invite_quota = excluded.invite_quota, ended_at = NULL RETURNING id",
    )
    .bind(host)
    .bind(partner)
    .bind(quota)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM partnership_groups WHERE partnership_id = $1").bind(id).execute(&mut *conn).await?;
    for group in groups {
        sqlx::query(
            "INSERT INTO partnership_groups (partnership_id, group_id) \
             SELECT $1, id FROM support_groups WHERE id = $2 AND organisation_id = $3 ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(group)
        .bind(host)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// Ends a partnership: its unused invites stop working. False if it was not
/// the host's, or already ended.
pub async fn end(conn: &mut AnyConnection, host: i64, id: i64, now: UnixTime) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE partnerships SET ended_at = $1 WHERE id = $2 AND host_organisation_id = $3 AND ended_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .bind(host)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE invites SET revoked_at = $1 WHERE partnership_id = $2 AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// A group partner staff may invite into, through which partnership.
#[derive(Debug, Clone, FromRow)]
pub struct PartnerGroup {
    pub partnership_id: i64,
    pub host: String,
    pub group_id: i64,
    pub group_name: String,
    /// Invites still allowed under the quota.
    pub remaining: i64,
}

/// Groups of other organisations the viewer's organisations were given
/// invites into (any of their staff may use them), while the quota lasts.
pub async fn invitable_through_partners(pool: &Pool, viewer: i64) -> Result<Vec<PartnerGroup>> {
    sqlx::query_as(
        "SELECT p.id AS partnership_id, h.name AS host, g.id AS group_id, g.name AS group_name, \
           p.invite_quota - p.invites_made AS remaining \
         FROM partnerships p JOIN organisations h ON h.id = p.host_organisation_id \
         JOIN partnership_groups pg ON pg.partnership_id = p.id JOIN support_groups g ON g.id = pg.group_id \
         WHERE p.ended_at IS NULL AND g.locked_down_at IS NULL \
           AND EXISTS (SELECT 1 FROM staff s WHERE s.organisation_id = p.partner_organisation_id AND s.user_id = $1) \
         ORDER BY h.name, g.name",
    )
    .bind(viewer)
    .fetch_all(pool)
    .await
}

/// Counts one more invite against a partnership's quota, atomically: false
/// when the quota is used up (or the partnership ended).
pub async fn take_from_quota(conn: &mut AnyConnection, partnership_id: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE partnerships SET invites_made = invites_made + 1 \
         WHERE id = $1 AND ended_at IS NULL AND invites_made < invite_quota",
    )
    .bind(partnership_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A revoked partner invite goes back to the quota.
pub async fn give_back(conn: &mut AnyConnection, invite_id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE partnerships SET invites_made = invites_made - 1 \
         WHERE id = (SELECT partnership_id FROM invites WHERE id = $1) AND invites_made > 0",
    )
    .bind(invite_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_invite_partnership(conn: &mut AnyConnection, invite_id: i64, partnership_id: i64) -> Result<()> {
    sqlx::query("UPDATE invites SET partnership_id = $1 WHERE id = $2")
        .bind(partnership_id)
        .bind(invite_id)
        .execute(conn)
        .await?;
    Ok(())
}
