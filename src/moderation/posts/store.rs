//! SQL for what staff do to posts: publishing a held post, declining it,
//! hiding and showing it again, redacting it (keeping the original), and
//! moving a topic. Topics count published posts only, and read markers count
//! the same posts, so every change of a post's state adjusts both.

use sqlx::{Any, AnyConnection, FromRow, Transaction};

use crate::{clock::UnixTime, db::Pool};

type Result<T> = std::result::Result<T, sqlx::Error>;

/// A held post as it is published.
#[derive(Debug, Clone, FromRow)]
pub struct Published {
    pub post_id: i64,
    pub topic_id: i64,
    pub group_id: i64,
    pub author_id: Option<i64>,
    pub topic_author_id: Option<i64>,
    pub body_md: String,
    pub is_first: i64,
}

/// Publishes a held post. It becomes a new post at the end of its topic (so
/// everyone sees it as new, however long it waited), counted on the topic,
/// and the topic is published with it if it was its first post. The
/// author's read marker moves past it if it was at the end. `None` if the
/// post is no longer held.
pub async fn publish_held(tx: &mut Transaction<'_, Any>, post_id: i64, now: UnixTime) -> Result<Option<Published>> {
    let found: Option<(i64, i64)> = sqlx::query_as(
        "SELECT p.topic_id, t.last_post_id FROM posts p JOIN topics t ON t.id = p.topic_id \
                        WHERE p.id = $1 AND p.state = 'held'",
    )
    .bind(post_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((topic_id, previous_last)) = found else { return Ok(None) };
    let (new_id,): (i64,) = sqlx::query_as(
        "INSERT INTO posts (topic_id, group_id, author_id, warning, body_md, body_html, search_text, created_at, \
           edited_at, state) \
         SELECT topic_id, group_id, author_id, warning, body_md, body_html, search_text, created_at, edited_at, \
           'published' FROM posts WHERE id = $1 RETURNING id",
    )
    .bind(post_id)
    .fetch_one(&mut **tx)
    .await?;
    for statement in [
        "UPDATE reports SET post_id = $1 WHERE post_id = $2",
        "UPDATE member_notices SET post_id = $1 WHERE post_id = $2",
    ] {
        sqlx::query(statement).bind(new_id).bind(post_id).execute(&mut **tx).await?;
    }
    sqlx::query("DELETE FROM posts WHERE id = $1").bind(post_id).execute(&mut **tx).await?;
    sqlx::query(
        "UPDATE topics SET post_count = post_count + 1, last_post_id = $1, last_post_at = $2, state = 'published' \
         WHERE id = $3",
    )
    .bind(new_id)
    .bind(now)
    .bind(topic_id)
    .execute(&mut **tx)
    .await?;
    // The author has read their own post if they had read everything before it.
    sqlx::query(
        "UPDATE topic_reads SET last_read_post_id = $1, read_count = read_count + 1 \
         WHERE topic_id = $2 AND user_id = (SELECT author_id FROM posts WHERE id = $1) \
           AND last_read_post_id >= $3",
    )
    .bind(new_id)
    .bind(topic_id)
    .bind(previous_last)
    .execute(&mut **tx)
    .await?;
    sqlx::query_as(
        "SELECT p.id AS post_id, p.topic_id, p.group_id, p.author_id, t.author_id AS topic_author_id, p.body_md, \
           CASE WHEN p.id = (SELECT MIN(f.id) FROM posts f WHERE f.topic_id = p.topic_id) THEN 1 ELSE 0 END \
             AS is_first \
         FROM posts p JOIN topics t ON t.id = p.topic_id WHERE p.id = $1",
    )
    .bind(new_id)
    .fetch_optional(&mut **tx)
    .await
}

/// Sends a held post back to its author with the facilitators' note.
pub async fn decline(conn: &mut AnyConnection, post_id: i64, note: &str) -> Result<bool> {
    let done =
        sqlx::query("UPDATE posts SET state = 'declined', moderation_note = $1 WHERE id = $2 AND state = 'held'")
            .bind(note)
            .bind(post_id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// The author's new words for a post that is not published, still held
/// (back in the queue, the facilitators' note cleared) for these reasons.
pub async fn hold_again(conn: &mut AnyConnection, post_id: i64, reasons: &str) -> Result<()> {
    sqlx::query(
        "UPDATE posts SET state = 'held', held_reason = $1, moderation_note = '' \
         WHERE id = $2 AND state IN ('held', 'declined')",
    )
    .bind(reasons)
    .bind(post_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Readied for publishing after the author edited a held or declined post.
pub async fn ready_to_publish(conn: &mut AnyConnection, post_id: i64) -> Result<()> {
    sqlx::query("UPDATE posts SET state = 'held', moderation_note = '' WHERE id = $1 AND state = 'declined'")
        .bind(post_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Withdraws a post that was never published: it and (for a first post) its
/// topic are deleted for good.
pub async fn withdraw(conn: &mut AnyConnection, post_id: i64, topic_id: i64, is_first: bool) -> Result<()> {
    if is_first {
        sqlx::query("DELETE FROM topics WHERE id = $1 AND state = 'held'").bind(topic_id).execute(conn).await?;
    } else {
        sqlx::query("DELETE FROM posts WHERE id = $1 AND state IN ('held', 'declined')")
            .bind(post_id)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Hides a published post, or shows a hidden one again. A first post hides
/// its whole topic; a reply stops (or starts again) being counted, and so
/// does every read marker past it. Hiding also drops the notifications about
/// it. False if the post was not in the state to change.
pub async fn set_hidden(conn: &mut AnyConnection, post_id: i64, hide: bool, is_first: bool) -> Result<bool> {
    let (from, to, step) = if hide { ("published", "hidden", -1) } else { ("hidden", "published", 1) };
    let done = sqlx::query("UPDATE posts SET state = $1 WHERE id = $2 AND state = $3")
        .bind(to)
        .bind(post_id)
        .bind(from)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    if is_first {
        sqlx::query("UPDATE topics SET state = $1 WHERE id = (SELECT topic_id FROM posts WHERE id = $2)")
            .bind(to)
            .bind(post_id)
            .execute(&mut *conn)
            .await?;
    } else {
        sqlx::query(
            "UPDATE topic_reads SET read_count = read_count + $1 \
             WHERE topic_id = (SELECT topic_id FROM posts WHERE id = $2) AND last_read_post_id >= $2",
        )
        .bind(step)
        .bind(post_id)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "UPDATE topics SET post_count = post_count + $1, last_post_id = COALESCE((SELECT MAX(p.id) FROM posts p \
               WHERE p.topic_id = topics.id AND p.state = 'published'), 0) \
             WHERE id = (SELECT topic_id FROM posts WHERE id = $2)",
        )
        .bind(step)
        .bind(post_id)
        .execute(&mut *conn)
        .await?;
    }
    if hide && is_first {
        sqlx::query("DELETE FROM notifications WHERE topic_id = (SELECT topic_id FROM posts WHERE id = $1)")
            .bind(post_id)
            .execute(&mut *conn)
            .await?;
    } else if hide {
        sqlx::query("DELETE FROM notifications WHERE post_id = $1").bind(post_id).execute(&mut *conn).await?;
    }
    Ok(true)
}

// ----- redactions -----

/// What a post says now, kept for staff before a redaction replaces it.
pub struct Original<'a> {
    pub post_id: i64,
    pub title: Option<&'a str>,
    pub warning: Option<&'a str>,
    pub body_md: &'a str,
    pub reason: &'a str,
    pub redacted_by: i64,
    pub now: UnixTime,
}

/// Keeps the original and marks the post redacted (the new words are saved
/// by `discussions::store::update_post_in` in the same transaction).
pub async fn keep_original(conn: &mut AnyConnection, original: Original<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO redactions (post_id, original_title, original_warning, original_md, reason, redacted_by, \
           created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(original.post_id)
    .bind(original.title)
    .bind(original.warning)
    .bind(original.body_md)
    .bind(original.reason)
    .bind(original.redacted_by)
    .bind(original.now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE posts SET redacted_at = $1, redaction_reason = $2 WHERE id = $3")
        .bind(original.now)
        .bind(original.reason)
        .bind(original.post_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct OriginalRow {
    pub original_title: Option<String>,
    pub original_warning: Option<String>,
    pub original_md: String,
    pub reason: String,
    pub redacted_by: Option<String>,
    pub created_at: i64,
}

/// A post's kept originals, newest first (the caller checked the viewer is its staff).
pub async fn originals(pool: &Pool, post_id: i64) -> Result<Vec<OriginalRow>> {
    sqlx::query_as(
        "SELECT r.original_title, r.original_warning, r.original_md, r.reason, u.pseudonym AS redacted_by, \
           r.created_at \
         FROM redactions r LEFT JOIN users u ON u.id = r.redacted_by WHERE r.post_id = $1 ORDER BY r.id DESC",
    )
    .bind(post_id)
    .fetch_all(pool)
    .await
}

// ----- moving a topic -----

/// Moves a topic, its posts, their reports and notifications to another group.
pub async fn move_topic(conn: &mut AnyConnection, topic_id: i64, to_group: i64) -> Result<()> {
    for statement in [
        "UPDATE topics SET group_id = $1 WHERE id = $2",
        "UPDATE posts SET group_id = $1 WHERE topic_id = $2",
        "UPDATE reports SET group_id = $1 WHERE topic_id = $2",
        "UPDATE notifications SET group_id = $1 WHERE topic_id = $2",
        "UPDATE member_notices SET group_id = $1 WHERE topic_id = $2",
    ] {
        sqlx::query(statement).bind(to_group).bind(topic_id).execute(&mut *conn).await?;
    }
    Ok(())
}
