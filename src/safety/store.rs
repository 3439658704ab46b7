//! The safety feature's SQL: a group's privacy options, the purges, and the
//! steps of erasing an account.

use crate::db::Pool;

type Result<T> = std::result::Result<T, sqlx::Error>;

/// A group's privacy options as its staff set them.
#[derive(Debug, Clone, Copy)]
pub struct GroupPrivacy {
    /// `None`: as long as the instance allows.
    pub retention_days: Option<i64>,
    pub discourage_copying: bool,
    pub watermark: bool,
}

/// Saves a group's privacy options: the one place they change (a staff
/// action, to be audited).
pub async fn set_group_privacy(pool: &Pool, group_id: i64, privacy: GroupPrivacy) -> Result<()> {
    sqlx::query("UPDATE support_groups SET retention_days = $1, discourage_copying = $2, watermark = $3 WHERE id = $4")
        .bind(privacy.retention_days)
        .bind(i64::from(privacy.discourage_copying))
        .bind(i64::from(privacy.watermark))
        .bind(group_id)
        .execute(pool)
        .await?;
    Ok(())
}

// ----- purges -----

/// A group's schedule and retention, for the purge.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GroupRetention {
    pub id: i64,
    pub retention_days: Option<i64>,
    pub ends_at: Option<i64>,
}

pub async fn groups_retention(pool: &Pool) -> Result<Vec<GroupRetention>> {
    sqlx::query_as("SELECT id, retention_days, ends_at FROM support_groups ORDER BY id").fetch_all(pool).await
}

/// Deletes a group's posts and check-in messages written before `cutoff`,
/// and the topics and check-ins left empty, keeping the counts that unread
/// marks rely on right; returns how many posts went. Idempotent.
pub async fn delete_group_posts_before(pool: &Pool, group_id: i64, cutoff: i64) -> Result<u64> {
    let mut tx = pool.begin().await?;
    let posts = sqlx::query("DELETE FROM posts WHERE group_id = $1 AND created_at < $2")
        .bind(group_id)
        .bind(cutoff)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if posts > 0 {
        // Only topics begun before the cutoff can have lost posts.
        for statement in [
            "DELETE FROM topics WHERE group_id = $1 AND created_at < $2 \
               AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.topic_id = topics.id)",
            "UPDATE topics SET post_count = (SELECT COUNT(*) FROM posts p WHERE p.topic_id = topics.id) \
             WHERE group_id = $1 AND created_at < $2",
            "UPDATE topic_reads SET read_count = (SELECT COUNT(*) FROM posts p \
               WHERE p.topic_id = topic_reads.topic_id AND p.id <= topic_reads.last_read_post_id) \
             WHERE topic_id IN (SELECT id FROM topics WHERE group_id = $1 AND created_at < $2)",
        ] {
            sqlx::query(statement).bind(group_id).bind(cutoff).execute(&mut *tx).await?;
        }
    }
    for statement in [
        "DELETE FROM check_in_messages WHERE created_at < $2 \
           AND check_in_id IN (SELECT id FROM check_ins WHERE group_id = $1)",
        "DELETE FROM check_ins WHERE group_id = $1 AND created_at < $2 \
           AND NOT EXISTS (SELECT 1 FROM check_in_messages m WHERE m.check_in_id = check_ins.id)",
    ] {
        sqlx::query(statement).bind(group_id).bind(cutoff).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(posts)
}

/// Deletes every conversation of a group (topics with their posts, reactions,
/// reads and notifications; check-ins with their messages); returns how many
/// topics and check-ins went. Idempotent.
pub async fn delete_group_conversations(pool: &Pool, group_id: i64) -> Result<u64> {
    let mut tx = pool.begin().await?;
    let mut deleted = 0;
    for statement in ["DELETE FROM topics WHERE group_id = $1", "DELETE FROM check_ins WHERE group_id = $1"] {
        deleted += sqlx::query(statement).bind(group_id).execute(&mut *tx).await?.rows_affected();
    }
    tx.commit().await?;
    Ok(deleted)
}

/// Deletes invites that were used, withdrawn or expired before `before`.
pub async fn delete_spent_invites(pool: &Pool, before: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM invites WHERE used_at < $1 OR revoked_at < $1 OR expires_at < $1")
        .bind(before)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
