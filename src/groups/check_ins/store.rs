//! Check-ins' SQL: conversations, their messages and read markers, always
//! scoped by `check_in_visible!` to the viewer's own or facilitated groups.

use sqlx::{Any, FromRow, Transaction};

use crate::{clock::UnixTime, db::Pool, discussions::notifications, markdown};

type Result<T> = std::result::Result<T, sqlx::Error>;

#[derive(Debug, FromRow)]
pub(super) struct InboxRow {
    pub(super) id: i64,
    pub(super) subject: String,
    pub(super) group_name: String,
    pub(super) member_pseudonym: Option<String>,
    /// For a conversation between two members: the other one.
    pub(super) peer_pseudonym: Option<String>,
    pub(super) is_peer: i64,
    pub(super) last_message_at: i64,
    pub(super) unread: i64,
    pub(super) as_staff: i64,
}

pub(super) async fn inbox(pool: &Pool, user_id: i64) -> Result<Vec<InboxRow>> {
    sqlx::query_as(concat!(
        "SELECT c.id, c.subject, g.name AS group_name, u.pseudonym AS member_pseudonym, \
           CASE WHEN c.member_id = $1 THEN w.pseudonym ELSE u.pseudonym END AS peer_pseudonym, \
           CASE WHEN c.with_member_id IS NULL THEN 0 ELSE 1 END AS is_peer, c.last_message_at, \
           CASE WHEN c.last_message_id > COALESCE(r.last_read_message_id, 0) THEN 1 ELSE 0 END AS unread, \
           CASE WHEN c.member_id = $1 OR c.with_member_id = $1 THEN 0 ELSE 1 END AS as_staff \
         FROM check_ins c JOIN support_groups g ON g.id = c.group_id \
         LEFT JOIN users u ON u.id = c.member_id \
         LEFT JOIN users w ON w.id = c.with_member_id \
         LEFT JOIN check_in_reads r ON r.check_in_id = c.id AND r.user_id = $1 \
         WHERE ",
        crate::check_in_visible!(),
        " ORDER BY c.last_message_at DESC, c.id DESC LIMIT 200"
    ))
    .bind(user_id)
    .fetch_all(pool)
    .await
}

#[derive(Debug, FromRow)]
pub(super) struct CheckInRow {
    pub(super) id: i64,
    pub(super) group_id: i64,
    pub(super) member_id: i64,
    pub(super) with_member_id: Option<i64>,
    pub(super) subject: String,
    pub(super) slug: String,
    pub(super) group_name: String,
    pub(super) member_pseudonym: Option<String>,
    pub(super) with_pseudonym: Option<String>,
    pub(super) last_message_id: i64,
    pub(super) starts_at: Option<i64>,
    pub(super) ends_at: Option<i64>,
    pub(super) member_messages: i64,
    pub(super) last_read: i64,
}

#[derive(Debug, FromRow)]
pub(super) struct MessageRow {
    pub(super) author_id: Option<i64>,
    pub(super) author: Option<String>,
    pub(super) body_html: String,
    pub(super) created_at: i64,
}

/// A check-in the viewer may see, or `None`, whether it exists or not.
pub(super) async fn check_in_for(pool: &Pool, user_id: i64, id: i64) -> Result<Option<CheckInRow>> {
    sqlx::query_as(concat!(
        "SELECT c.id, c.group_id, c.member_id, c.with_member_id, c.subject, g.slug, g.name AS group_name, \
           u.pseudonym AS member_pseudonym, w.pseudonym AS with_pseudonym, c.last_message_id, g.starts_at, g.ends_at, \
           g.member_messages, COALESCE(r.last_read_message_id, 0) AS last_read \
         FROM check_ins c JOIN support_groups g ON g.id = c.group_id LEFT JOIN users u ON u.id = c.member_id \
         LEFT JOIN users w ON w.id = c.with_member_id \
         LEFT JOIN check_in_reads r ON r.check_in_id = c.id AND r.user_id = $1 \
         WHERE c.id = $2 AND ",
        crate::check_in_visible!()
    ))
    .bind(user_id)
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// A conversation's messages, oldest first.
pub(super) async fn messages(pool: &Pool, check_in_id: i64) -> Result<Vec<MessageRow>> {
    sqlx::query_as(
        "SELECT mm.author_id, u.pseudonym AS author, mm.body_html, mm.created_at FROM check_in_messages mm \
         LEFT JOIN users u ON u.id = mm.author_id WHERE mm.check_in_id = $1 ORDER BY mm.id",
    )
    .bind(check_in_id)
    .fetch_all(pool)
    .await
}

/// Opens a conversation (its first message is added with `add_message`).
pub(super) async fn insert_check_in(tx: &mut Transaction<'_, Any>, new: NewCheckIn<'_>) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO check_ins (group_id, member_id, with_member_id, subject, started_by, created_at, last_message_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(new.group_id)
    .bind(new.member_id)
    .bind(new.with_member_id)
    .bind(new.subject)
    .bind(new.started_by)
    .bind(new.now)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

pub(super) struct NewCheckIn<'a> {
    pub(super) group_id: i64,
    pub(super) member_id: i64,
    pub(super) with_member_id: Option<i64>,
    pub(super) subject: &'a str,
    pub(super) started_by: i64,
    pub(super) now: UnixTime,
}

pub(super) struct CheckInMessage<'a> {
    pub(super) check_in_id: i64,
    pub(super) group_id: i64,
    pub(super) member_id: i64,
    pub(super) with_member_id: Option<i64>,
    pub(super) author_id: i64,
    pub(super) body: &'a str,
    pub(super) now: UnixTime,
}

/// Stores a message, marks it read for its author, and notifies the other
/// side: the member, every facilitator of the group, or the other member.
pub(super) async fn add_message(tx: &mut Transaction<'_, Any>, message: CheckInMessage<'_>) -> Result<()> {
    let (message_id,): (i64,) = sqlx::query_as(
        "INSERT INTO check_in_messages (check_in_id, author_id, body_md, body_html, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(message.check_in_id)
    .bind(message.author_id)
    .bind(message.body)
    .bind(markdown::to_html(message.body))
    .bind(message.now)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query("UPDATE check_ins SET last_message_at = $1, last_message_id = $2 WHERE id = $3")
        .bind(message.now)
        .bind(message_id)
        .bind(message.check_in_id)
        .execute(&mut **tx)
        .await?;
    mark_read(&mut **tx, message.author_id, message.check_in_id, message_id).await?;
    let recipients: Vec<(i64,)> = match message.with_member_id {
        Some(other) => vec![(if message.author_id == other { message.member_id } else { other },)],
        None if message.author_id == message.member_id => {
            sqlx::query_as("SELECT user_id FROM group_facilitators WHERE group_id = $1")
                .bind(message.group_id)
                .fetch_all(&mut **tx)
                .await?
        }
        None => vec![(message.member_id,)],
    };
    for (user_id,) in recipients.into_iter().filter(|(id,)| *id != message.author_id) {
        notifications::check_in_message(tx, user_id, message.group_id, message.check_in_id, message.now).await?;
    }
    Ok(())
}

pub(super) async fn mark_read<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    user_id: i64,
    check_in_id: i64,
    message_id: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO check_in_reads (user_id, check_in_id, last_read_message_id) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, check_in_id) DO UPDATE SET last_read_message_id = excluded.last_read_message_id \
         WHERE check_in_reads.last_read_message_id < excluded.last_read_message_id",
    )
    .bind(user_id)
    .bind(check_in_id)
    .bind(message_id)
    .execute(db)
    .await?;
    Ok(())
}
