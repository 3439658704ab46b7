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
