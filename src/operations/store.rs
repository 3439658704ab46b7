//! The SQL of running Hearth: health pings, integrity checks, the migration
//! record, online backups and the advisory locks that say a PostgreSQL
//! database is in use. Where the dialects differ, both versions sit here.

use sqlx::{Any, AnyConnection, Executor, FromRow};

use crate::db::Pool;

type Result<T> = std::result::Result<T, sqlx::Error>;

/// Advisory-lock key held (shared) by every Hearth process using a
/// PostgreSQL database and taken exclusively by `hearth restore`. Advisory
/// locks belong to one database, so one key serves every instance.
pub const PRESENCE_KEY: i64 = 0x4845_4152_5448_0007;

pub async fn ping(pool: &Pool) -> Result<()> {
    sqlx::query("SELECT 1").execute(pool).await.map(drop)
}

/// SQLite's full integrity check: `["ok"]` or the problems found.
pub async fn sqlite_integrity(pool: &Pool) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check").fetch_all(pool).await?;
    Ok(rows.into_iter().map(|(line,)| line).collect())
}

/// Rows whose foreign key points nowhere (none in a sound database).
pub async fn sqlite_foreign_key_problems(pool: &Pool) -> Result<usize> {
    // Each row has four columns of mixed types; only their number matters.
    let rows = sqlx::query("PRAGMA foreign_key_check").fetch_all(pool).await?;
    Ok(rows.len())
}

/// A consistent copy of the whole database into a new (empty) file, from a
/// read transaction, so writers carry on meanwhile. The copy is rebuilt
/// page by page: it holds no free pages with deleted content.
pub async fn sqlite_vacuum_into(pool: &Pool, file: &str) -> Result<()> {
    sqlx::query("VACUUM INTO $1").bind(file).execute(pool).await.map(drop)
}

pub async fn postgres_version(pool: &Pool) -> Result<String> {
    let (version,): (String,) = sqlx::query_as("SHOW server_version").fetch_one(pool).await?;
    Ok(version)
}

/// Whether sqlx's migration record exists (a Hearth database, however old).
pub async fn migrations_table_exists<'e>(db: impl Executor<'e, Database = Any>, sqlite: bool) -> Result<bool> {
    let sql = if sqlite {
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'"
    } else {
        "SELECT COUNT(*) FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'"
    };
    let (count,): (i64,) = sqlx::query_as(sql).fetch_one(db).await?;
    Ok(count > 0)
}

#[derive(Debug, FromRow)]
pub struct AppliedMigration {
    pub version: i64,
    pub checksum: Vec<u8>,
    pub success: i64,
}

/// The migrations a database has run (sqlx's own table).
pub async fn applied_migrations<'e>(db: impl Executor<'e, Database = Any>) -> Result<Vec<AppliedMigration>> {
    // `success` is a BOOLEAN on PostgreSQL, which the Any driver cannot decode.
    sqlx::query_as(
        "SELECT version, checksum, CASE WHEN success THEN 1 ELSE 0 END AS success \
         FROM _sqlx_migrations ORDER BY version",
    )
    .fetch_all(db)
    .await
}

/// Waits for the shared presence lock (only a restore holds it exclusively).
pub async fn postgres_hold_presence(conn: &mut AnyConnection) -> Result<()> {
    // The lock functions return `void` or `boolean`, which the Any driver
    // cannot decode: wrap them in a count or a CASE.
    sqlx::query("SELECT COUNT(*) FROM (SELECT pg_advisory_lock_shared($1)) AS locked")
        .bind(PRESENCE_KEY)
        .execute(conn)
        .await
        .map(drop)
}

/// The presence lock without waiting: shared (a Hearth process) unless a
/// restore holds it; exclusive (a restore) unless any process holds it.
pub async fn postgres_try_presence(conn: &mut AnyConnection, exclusive: bool) -> Result<bool> {
    let sql = if exclusive {
        "SELECT CASE WHEN pg_try_advisory_lock($1) THEN 1 ELSE 0 END"
    } else {
        "SELECT CASE WHEN pg_try_advisory_lock_shared($1) THEN 1 ELSE 0 END"
    };
    let (taken,): (i64,) = sqlx::query_as(sql).bind(PRESENCE_KEY).fetch_one(conn).await?;
    Ok(taken == 1)
}
