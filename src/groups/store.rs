//! Groups' SQL: organisations, staff, groups, facilitators, memberships,
//! agreements and the groups an invite joins.

use sqlx::{Any, AnyConnection, Executor, FromRow};

use super::policy::{self, Access, Standing};
use crate::{clock::UnixTime, db::Pool};

type Result<T> = std::result::Result<T, sqlx::Error>;

#[derive(Debug, Clone, FromRow)]
pub struct GroupRow {
    pub id: i64,
    pub organisation_id: i64,
    pub slug: String,
    pub name: String,
    pub purpose: String,
    pub facilitation: String,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub agreements_version: i64,
    pub edit_window_minutes: i64,
    pub member_messages: i64,
    pub resources_html: String,
    pub retention_days: Option<i64>,
    pub discourage_copying: i64,
    pub watermark: i64,
    pub members_need_approval: i64,
    /// `none`, `new-members` or `all` (see `policy::Premoderation`).
    pub premoderation: String,
    pub premoderation_posts: i64,
    pub locked_down_at: Option<i64>,
}

impl GroupRow {
    pub fn premoderation(&self) -> policy::Premoderation {
        policy::Premoderation::from_setting(&self.premoderation, self.premoderation_posts)
    }
}

macro_rules! group_columns {
    () => {
        "g.id, g.organisation_id, g.slug, g.name, g.purpose, g.facilitation, g.starts_at, g.ends_at, \
         g.agreements_version, g.edit_window_minutes, g.member_messages, g.resources_html, \
         g.retention_days, g.discourage_copying, g.watermark, \
         g.members_need_approval, g.premoderation, g.premoderation_posts, g.locked_down_at"
    };
}

/// The flags a viewer's standing is computed from, fetched with the group
/// (with `from_group_with_access!`).
macro_rules! access_columns {
    () => {
        "m.agreed_version, m.state AS membership_state, m.suspended_until, \
         CASE WHEN EXISTS (SELECT 1 FROM group_facilitators f WHERE f.group_id = g.id AND f.user_id = $1) \
           THEN 1 ELSE 0 END AS is_facilitator, \
         (SELECT s.role FROM staff s WHERE s.organisation_id = g.organisation_id AND s.user_id = $1) AS staff_role"
    };
}

macro_rules! from_group_with_access {
    () => {
        " FROM support_groups g LEFT JOIN memberships m ON m.group_id = g.id AND m.user_id = $1 "
    };
}

#[derive(Debug, Clone, FromRow)]
pub struct GroupWithAccess {
    #[sqlx(flatten)]
    pub group: GroupRow,
    agreed_version: Option<i64>,
    membership_state: Option<String>,
    suspended_until: Option<i64>,
    is_facilitator: i64,
    staff_role: Option<String>,
}

impl GroupWithAccess {
    pub fn access(&self, now: UnixTime) -> Access {
        let membership = self
            .membership_state
            .as_deref()
            .map(|state| policy::Membership { pending: state == "pending", suspended_until: self.suspended_until });
        Access {
            standing: Standing::of(membership, self.is_facilitator == 1, self.staff_role.as_deref(), now),
            phase: policy::phase(self.group.starts_at, self.group.ends_at, now),
            agreed: self.agreed_version == Some(self.group.agreements_version),
            locked_down: self.group.locked_down_at.is_some(),
        }
    }

    /// Until when the viewer is suspended in the group, if they are now.
    pub fn suspended_until(&self, now: UnixTime) -> Option<UnixTime> {
        self.suspended_until.filter(|until| now < *until)
    }

    pub fn is_member(&self) -> bool {
        self.agreed_version.is_some()
    }

    /// The agreements version this member last accepted (0: none yet).
    pub fn agreed_version(&self) -> i64 {
        self.agreed_version.unwrap_or(0)
    }
}

/// A group by its slug with the viewer's standing in it, or `None` when the
/// viewer is an outsider there (the caller answers 404 either way).
pub async fn group_for_viewer(pool: &Pool, user_id: i64, slug: &str, now: UnixTime) -> Result<Option<GroupWithAccess>> {
    let found: Option<GroupWithAccess> = sqlx::query_as(concat!(
        "SELECT ",
        group_columns!(),
        ", ",
        access_columns!(),
        from_group_with_access!(),
        "WHERE g.slug = $2"
    ))
    .bind(user_id)
    .bind(slug)
    .fetch_optional(pool)
    .await?;
    Ok(found.filter(|g| g.access(now).sees_group()))
}

/// The same by id, for pages reached through a topic or a check-in.
pub async fn group_by_id_for_viewer(
    pool: &Pool,
    user_id: i64,
    id: i64,
    now: UnixTime,
) -> Result<Option<GroupWithAccess>> {
    let found: Option<GroupWithAccess> = sqlx::query_as(concat!(
        "SELECT ",
        group_columns!(),
        ", ",
        access_columns!(),
        from_group_with_access!(),
        "WHERE g.id = $2"
    ))
    .bind(user_id)
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(found.filter(|g| g.access(now).sees_group()))
}

/// One line of the home page: a group the viewer is in or runs.
#[derive(Debug, Clone, FromRow)]
pub struct MyGroupRow {
    pub slug: String,
    pub name: String,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub needs_agreement: i64,
    pub is_staff: i64,
    /// Waiting for the facilitators to approve the membership.
    pub pending: i64,
    pub suspended_until: Option<i64>,
    pub locked_down: i64,
    /// Posts in topics of the group the viewer has not read (0 until they may read).
    pub unread: i64,
}

/// Home's unread count covers a group's 100 most recently active topics:
/// this is the `OFFSET` of the 100th, written into the SQL (SQLite prepares a
/// statement again on every run when a LIMIT or OFFSET is bound).
macro_rules! recent_topics {
    () => {
        "99"
    };
}

/// Every group the viewer belongs to or facilitates or leads, with unread
/// counts, in one query (topics carry their post count and last post id, and
/// reads their count, so unread is a sum over topics, never a scan of posts;
/// only published topics and posts are counted). The sum covers each group's
/// 100 most recently active topics, read from one covering index,
/// so home costs the same in a group of any age or size.
pub async fn my_groups(pool: &Pool, user_id: i64, now: UnixTime) -> Result<Vec<MyGroupRow>> {
    sqlx::query_as(concat!(
        "SELECT g.slug, g.name, g.starts_at, g.ends_at, \
           CASE WHEN ",
        crate::readable_group!(),
        " THEN 0 ELSE 1 END AS needs_agreement, \
           CASE WHEN ",
        crate::moderates_group!(),
        " THEN 1 ELSE 0 END AS is_staff, \
           CASE WHEN m.state = 'pending' THEN 1 ELSE 0 END AS pending, \
           CASE WHEN m.suspended_until > $2 THEN m.suspended_until END AS suspended_until, \
           CASE WHEN g.locked_down_at IS NULL THEN 0 ELSE 1 END AS locked_down, \
           CAST(CASE WHEN ",
        crate::readable_group!(),
        " THEN COALESCE((SELECT SUM(t.post_count - COALESCE(r.read_count, 0)) \
              FROM topics t LEFT JOIN topic_reads r ON r.topic_id = t.id AND r.user_id = $1 \
              WHERE t.group_id = g.id AND t.state = 'published' \
                AND t.last_post_id > COALESCE(r.last_read_post_id, 0) \
                AND t.last_post_id >= COALESCE((SELECT n.last_post_id FROM topics n \
                  WHERE n.group_id = g.id AND n.state = 'published' \
                  ORDER BY n.last_post_id DESC LIMIT 1 OFFSET ",
        recent_topics!(),
        "), 0)), 0) ELSE 0 END AS BIGINT) AS unread \
         FROM support_groups g LEFT JOIN memberships m ON m.group_id = g.id AND m.user_id = $1 \
         WHERE m.user_id IS NOT NULL OR ",
        crate::moderates_group!(),
        " \
         ORDER BY g.name, g.id"
    ))
    .bind(user_id)
    .bind(now)
    .fetch_all(pool)
    .await
}

// ----- organisations and staff -----

#[derive(Debug, Clone, FromRow)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
}

pub async fn insert_organisation<'e>(db: impl Executor<'e, Database = Any>, name: &str, now: UnixTime) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id")
        .bind(name)
        .bind(now)
        .fetch_one(db)
        .await?;
    Ok(id)
}

pub async fn organisations(pool: &Pool) -> Result<Vec<OrganisationRow>> {
    sqlx::query_as("SELECT id, name FROM organisations ORDER BY name, id").fetch_all(pool).await
}

pub async fn organisation(pool: &Pool, id: i64) -> Result<Option<OrganisationRow>> {
    sqlx::query_as("SELECT id, name FROM organisations WHERE id = $1").bind(id).fetch_optional(pool).await
}

/// The organisations where the viewer is staff, with their role.
pub async fn staff_roles(pool: &Pool, user_id: i64) -> Result<Vec<(OrganisationRow, String)>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT o.id, o.name, s.role FROM staff s JOIN organisations o ON o.id = s.organisation_id \
         WHERE s.user_id = $1 ORDER BY o.name, o.id",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(id, name, role)| (OrganisationRow { id, name }, role)).collect())
}

pub async fn staff_role(pool: &Pool, organisation_id: i64, user_id: i64) -> Result<Option<String>> {
    let found: Option<(String,)> = sqlx::query_as("SELECT role FROM staff WHERE organisation_id = $1 AND user_id = $2")
        .bind(organisation_id)
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    Ok(found.map(|(role,)| role))
}

/// Adds a staff member or changes their role.
pub async fn set_staff<'e>(
    db: impl Executor<'e, Database = Any>,
    organisation_id: i64,
    user_id: i64,
    role: &str,
    now: UnixTime,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO staff (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = excluded.role",
    )
    .bind(organisation_id)
    .bind(user_id)
    .bind(role)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct StaffRow {
    pub user_id: i64,
    pub pseudonym: String,
    pub role: String,
}

pub async fn staff_of(pool: &Pool, organisation_id: i64) -> Result<Vec<StaffRow>> {
    sqlx::query_as(
        "SELECT s.user_id, u.pseudonym, s.role FROM staff s JOIN users u ON u.id = s.user_id \
         WHERE s.organisation_id = $1 ORDER BY s.role, u.pseudonym",
    )
    .bind(organisation_id)
    .fetch_all(pool)
    .await
}

// ----- groups -----

pub struct NewGroup<'a> {
    pub organisation_id: i64,
    pub slug: &'a str,
    pub name: &'a str,
    pub purpose: &'a str,
    pub facilitation: &'a str,
    pub starts_at: Option<UnixTime>,
    pub ends_at: Option<UnixTime>,
    pub agreements_md: &'a str,
    pub agreements_html: &'a str,
    pub facilitators: &'a [i64],
    pub now: UnixTime,
}

/// Creates a group with its first agreements and facilitators, in one transaction.
pub async fn insert_group(pool: &Pool, group: NewGroup<'_>) -> Result<i64> {
    let mut tx = pool.begin().await?;
    let id = insert_group_in(&mut tx, group).await?;
    tx.commit().await?;
    Ok(id)
}

/// The same inside the caller's transaction.
pub async fn insert_group_in(tx: &mut AnyConnection, group: NewGroup<'_>) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO support_groups (organisation_id, slug, name, purpose, facilitation, starts_at, ends_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(group.organisation_id)
    .bind(group.slug)
    .bind(group.name)
    .bind(group.purpose)
    .bind(group.facilitation)
    .bind(group.starts_at)
    .bind(group.ends_at)
    .bind(group.now)
    .fetch_one(&mut *tx)
    .await?;
    insert_agreements(&mut *tx, id, 1, group.agreements_md, group.agreements_html, group.now).await?;
    for user_id in group.facilitators {
        add_facilitator(&mut *tx, id, *user_id).await?;
    }
    Ok(id)
}

pub async fn add_facilitator<'e>(db: impl Executor<'e, Database = Any>, group_id: i64, user_id: i64) -> Result<()> {
    sqlx::query("INSERT INTO group_facilitators (group_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(group_id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Replaces a group's facilitators with the chosen staff of its organisation
/// (anyone else in the list is ignored).
pub async fn set_facilitators(
    tx: &mut AnyConnection,
    group_id: i64,
    organisation_id: i64,
    chosen: &[i64],
) -> Result<()> {
    sqlx::query("DELETE FROM group_facilitators WHERE group_id = $1").bind(group_id).execute(&mut *tx).await?;
    for user_id in chosen {
        sqlx::query(
            "INSERT INTO group_facilitators (group_id, user_id) SELECT $1, user_id FROM staff \
             WHERE organisation_id = $2 AND user_id = $3 ON CONFLICT DO NOTHING",
        )
        .bind(group_id)
        .bind(organisation_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

pub async fn facilitators(pool: &Pool, group_id: i64) -> Result<Vec<StaffRow>> {
    sqlx::query_as(
        "SELECT f.user_id, u.pseudonym, 'facilitator' AS role FROM group_facilitators f \
         JOIN users u ON u.id = f.user_id WHERE f.group_id = $1 ORDER BY u.pseudonym",
    )
    .bind(group_id)
    .fetch_all(pool)
    .await
}

/// Every group of an organisation, for its staff pages.
pub async fn groups_of(pool: &Pool, organisation_id: i64) -> Result<Vec<GroupRow>> {
    sqlx::query_as(concat!(
        "SELECT ",
        group_columns!(),
        " FROM support_groups g WHERE g.organisation_id = $1 ORDER BY g.name, g.id"
    ))
    .bind(organisation_id)
    .fetch_all(pool)
    .await
}

/// Groups the viewer may invite people into: those they facilitate or lead
/// (not while one is locked down: the invites page leaves those out).
pub async fn invitable_groups(pool: &Pool, user_id: i64) -> Result<Vec<GroupRow>> {
    sqlx::query_as(concat!(
        "SELECT ",
        group_columns!(),
        " FROM support_groups g WHERE ",
        crate::moderates_group!(),
        " ORDER BY g.name, g.id"
    ))
    .bind(user_id)
    .fetch_all(pool)
    .await
}

pub async fn group_id_by_slug(pool: &Pool, slug: &str) -> Result<Option<i64>> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM support_groups WHERE slug = $1").bind(slug).fetch_optional(pool).await?;
    Ok(found.map(|(id,)| id))
}

/// Whether a group is locked down (no one joins it until that is lifted).
pub async fn is_locked_down(pool: &Pool, group_id: i64) -> Result<bool> {
    let (locked,): (i64,) =
        sqlx::query_as("SELECT CASE WHEN locked_down_at IS NULL THEN 0 ELSE 1 END FROM support_groups WHERE id = $1")
            .bind(group_id)
            .fetch_one(pool)
            .await?;
    Ok(locked == 1)
}

pub struct GroupSettings<'a> {
    pub name: &'a str,
    pub purpose: &'a str,
    pub facilitation: &'a str,
    pub starts_at: Option<UnixTime>,
    pub ends_at: Option<UnixTime>,
    pub edit_window_minutes: i64,
}

pub async fn update_settings(tx: &mut AnyConnection, group_id: i64, settings: GroupSettings<'_>) -> Result<()> {
    sqlx::query(
        "UPDATE support_groups SET name = $1, purpose = $2, facilitation = $3, starts_at = $4, ends_at = $5, \
         edit_window_minutes = $6 WHERE id = $7",
    )
    .bind(settings.name)
    .bind(settings.purpose)
    .bind(settings.facilitation)
    .bind(settings.starts_at)
    .bind(settings.ends_at)
    .bind(settings.edit_window_minutes)
    .bind(group_id)
    .execute(tx)
    .await?;
    Ok(())
}

pub async fn set_member_messages(tx: &mut AnyConnection, group_id: i64, on: bool) -> Result<()> {
    sqlx::query("UPDATE support_groups SET member_messages = $1 WHERE id = $2")
        .bind(i64::from(on))
        .bind(group_id)
        .execute(tx)
        .await?;
    Ok(())
}

pub async fn set_resources<'e>(
    db: impl Executor<'e, Database = Any>,
    group_id: i64,
    markdown: &str,
    html: &str,
) -> Result<()> {
    sqlx::query("UPDATE support_groups SET resources_md = $1, resources_html = $2 WHERE id = $3")
        .bind(markdown)
        .bind(html)
        .bind(group_id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn resources_source(pool: &Pool, group_id: i64) -> Result<String> {
    let (source,): (String,) =
        sqlx::query_as("SELECT resources_md FROM support_groups WHERE id = $1").bind(group_id).fetch_one(pool).await?;
    Ok(source)
}

// ----- agreements -----

#[derive(Debug, Clone, FromRow)]
pub struct AgreementsRow {
    pub version: i64,
    pub body_md: String,
    pub body_html: String,
}

async fn insert_agreements<'e>(
    db: impl Executor<'e, Database = Any>,
    group_id: i64,
    version: i64,
    markdown: &str,
    html: &str,
    now: UnixTime,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO agreements (group_id, version, body_md, body_html, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(group_id)
    .bind(version)
    .bind(markdown)
    .bind(html)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Saves new agreements as the next version (inside the caller's
/// transaction); every member must accept them again.
pub async fn replace_agreements(
    tx: &mut AnyConnection,
    group_id: i64,
    markdown: &str,
    html: &str,
    now: UnixTime,
) -> Result<i64> {
    let (version,): (i64,) = sqlx::query_as(
        "UPDATE support_groups SET agreements_version = agreements_version + 1 WHERE id = $1 \
         RETURNING agreements_version",
    )
    .bind(group_id)
    .fetch_one(&mut *tx)
    .await?;
    insert_agreements(&mut *tx, group_id, version, markdown, html, now).await?;
    Ok(version)
}

pub async fn agreements(pool: &Pool, group_id: i64, version: i64) -> Result<Option<AgreementsRow>> {
    sqlx::query_as("SELECT version, body_md, body_html FROM agreements WHERE group_id = $1 AND version = $2")
        .bind(group_id)
        .bind(version)
        .fetch_optional(pool)
        .await
}

/// Records that a member accepted this version (only if it is still the current one).
pub async fn accept_agreements(pool: &Pool, group_id: i64, user_id: i64, version: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE memberships SET agreed_version = $1 WHERE group_id = $2 AND user_id = $3 \
         AND $1 = (SELECT agreements_version FROM support_groups WHERE id = $2)",
    )
    .bind(version)
    .bind(group_id)
    .bind(user_id)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

// ----- memberships -----

pub async fn join<'e>(db: impl Executor<'e, Database = Any>, group_id: i64, user_id: i64, now: UnixTime) -> Result<()> {
    sqlx::query("INSERT INTO memberships (group_id, user_id, joined_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(group_id)
        .bind(user_id)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// Ends a membership, and with it the notifications from that group.
pub async fn leave(pool: &Pool, group_id: i64, user_id: i64) -> Result<bool> {
    let mut tx = pool.begin().await?;
    let left = leave_in(&mut tx, group_id, user_id).await?;
    tx.commit().await?;
    Ok(left)
}

/// The same inside the caller's transaction.
pub async fn leave_in(tx: &mut AnyConnection, group_id: i64, user_id: i64) -> Result<bool> {
    let done = sqlx::query("DELETE FROM memberships WHERE group_id = $1 AND user_id = $2")
        .bind(group_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM notifications WHERE group_id = $1 AND user_id = $2")
        .bind(group_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, FromRow)]
pub struct MemberRow {
    pub user_id: i64,
    pub pseudonym: String,
    pub joined_at: i64,
    pub agreed_version: i64,
    pub suspended_until: Option<i64>,
    pub banned_at: Option<i64>,
}

/// The group's members (not those still waiting for approval).
pub async fn members(pool: &Pool, group_id: i64) -> Result<Vec<MemberRow>> {
    sqlx::query_as(
        "SELECT m.user_id, u.pseudonym, m.joined_at, m.agreed_version, m.suspended_until, u.banned_at \
         FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.group_id = $1 AND m.state = 'active' ORDER BY u.pseudonym",
    )
    .bind(group_id)
    .fetch_all(pool)
    .await
}

// ----- invites into groups -----

pub async fn add_invite_group<'e>(db: impl Executor<'e, Database = Any>, invite_id: i64, group_id: i64) -> Result<()> {
    sqlx::query("INSERT INTO invite_groups (invite_id, group_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(invite_id)
        .bind(group_id)
        .execute(db)
        .await?;
    Ok(())
}

/// The organisation whose groups an invite joins (the first one's, if it
/// names groups of several), for its audit entries.
pub async fn invite_organisation<'e>(db: impl Executor<'e, Database = Any>, invite_id: i64) -> Result<Option<i64>> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT g.organisation_id FROM invite_groups i JOIN support_groups g ON g.id = i.group_id \
         WHERE i.invite_id = $1 ORDER BY g.organisation_id LIMIT 1",
    )
    .bind(invite_id)
    .fetch_optional(db)
    .await?;
    Ok(found.map(|(id,)| id))
}

/// The names of the groups an invite joins.
pub async fn invite_group_names(pool: &Pool, invite_id: i64) -> Result<Vec<String>> {
    let names: Vec<(String,)> = sqlx::query_as(
        "SELECT g.name FROM invite_groups i JOIN support_groups g ON g.id = i.group_id \
         WHERE i.invite_id = $1 ORDER BY g.name",
    )
    .bind(invite_id)
    .fetch_all(pool)
    .await?;
    Ok(names.into_iter().map(|(name,)| name).collect())
}

/// Joins the invited member to every group the invite names that is not
/// locked down: waiting for approval where the group wants that, or where the
/// invite came from a partner organisation and the host wants that.
pub async fn join_invite_groups<'e>(
    db: impl Executor<'e, Database = Any>,
    invite_id: i64,
    user_id: i64,
    now: UnixTime,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO memberships (group_id, user_id, joined_at, state, invite_id) \
         SELECT ig.group_id, $2, $3, \
           CASE WHEN g.members_need_approval = 1 \
             OR (i.partnership_id IS NOT NULL AND o.partner_invites_need_approval = 1) \
             THEN 'pending' ELSE 'active' END, $1 \
         FROM invite_groups ig JOIN invites i ON i.id = ig.invite_id \
           JOIN support_groups g ON g.id = ig.group_id JOIN organisations o ON o.id = g.organisation_id \
         WHERE ig.invite_id = $1 AND g.locked_down_at IS NULL ON CONFLICT DO NOTHING",
    )
    .bind(invite_id)
    .bind(user_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

// ----- the instance's resources page -----

pub async fn instance_resources(pool: &Pool) -> Result<Option<(String, String)>> {
    sqlx::query_as("SELECT body_md, body_html FROM instance_resources WHERE id = 1").fetch_optional(pool).await
}

pub async fn set_instance_resources<'e>(
    db: impl Executor<'e, Database = Any>,
    markdown: &str,
    html: &str,
    now: UnixTime,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO instance_resources (id, body_md, body_html, updated_at) VALUES (1, $1, $2, $3) \
         ON CONFLICT (id) DO UPDATE SET body_md = excluded.body_md, body_html = excluded.body_html, \
         updated_at = excluded.updated_at",
    )
    .bind(markdown)
    .bind(html)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}
