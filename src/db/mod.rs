//! One handle over SQLite or PostgreSQL through sqlx's `Any` driver, so every
//! query is written once. SQLite gets one writer connection and a small read
//! pool (the standard cure for "database is locked"); PostgreSQL shares one pool.
//! Columns are only BIGINT/INTEGER, TEXT and BLOB/BYTEA; times are unix seconds.

use std::{path::Path, str::FromStr, time::Duration};

use sqlx::{
    Executor,
    any::{AnyPoolOptions, install_default_drivers},
    migrate::Migrator,
};

pub type Pool = sqlx::AnyPool;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct Db {
    /// Queries that only read.
    pub read: Pool,
    /// Everything that writes (on SQLite, a single connection).
    pub write: Pool,
    pub backend: Backend,
}

/// Run on every SQLite connection. `auto_vacuum` first: only a database
/// whose header is not written yet takes it (an older one is converted once
/// by `hearth purge`, see `vacuum_incrementally`), and switching to WAL
/// writes the header. WAL is persistent but harmless to repeat;
/// `synchronous=FULL` makes an acknowledged write survive power loss;
/// `secure_delete` overwrites deleted content instead of leaving it in free pages.
const SQLITE_PRAGMAS: &str = "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;";

impl Db {
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        install_default_drivers();
        if url.starts_with("sqlite:") {
            let url = sqlite_url(url)?;
            let options = || {
                AnyPoolOptions::new()
                    .acquire_timeout(Duration::from_secs(10))
                    .after_connect(|conn, _meta| Box::pin(async move { conn.execute(SQLITE_PRAGMAS).await.map(drop) }))
            };
            let write = options().max_connections(1).min_connections(1).connect(&url).await?;
            let read = options().max_connections(4).connect(&url).await?;
            Ok(Self { read, write, backend: Backend::Sqlite })
        } else {
            let pool =
                AnyPoolOptions::new().max_connections(16).acquire_timeout(Duration::from_secs(10)).connect(url).await?;
            Ok(Self { read: pool.clone(), write: pool, backend: Backend::Postgres })
        }
    }

    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.write).await,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.write).await,
        }
    }

    /// Makes what was deleted physically gone from the files. SQLite already
    /// overwrites deleted content (`secure_delete`), but the write-ahead log
    /// keeps older copies of pages until a checkpoint: this one copies them
    /// back and truncates the log, and free pages are returned to the file
    /// system. PostgreSQL's own VACUUM (autovacuum) reclaims dead rows; see
    /// the README.
    pub async fn scrub(&self) -> Result<(), sqlx::Error> {
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA incremental_vacuum").execute(&self.write).await?;
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.write).await?;
        }
        Ok(())
    }

    /// Scrubs right after a member deleted something, so the words leave the
    /// files now rather than at the next purge. The deletion itself is
    /// already done: a failure here (the purge will scrub) is only logged.
    pub async fn scrub_after_deleting(&self) {
        if let Err(err) = self.scrub().await {
            tracing::warn!(cause = %err, "scrubbing the database after a deletion failed");
        }
    }

    /// Turns on incremental vacuum for a SQLite database made before Hearth
    /// set it at creation: one full VACUUM (it rewrites the file and needs
    /// as much free disk space again). Returns whether it converted.
    pub async fn vacuum_incrementally(&self) -> Result<bool, sqlx::Error> {
        if self.backend != Backend::Sqlite {
            return Ok(false);
        }
        let (mode,): (i64,) = sqlx::query_as("PRAGMA auto_vacuum").fetch_one(&self.write).await?;
        if mode == 2 {
            return Ok(false);
        }
        sqlx::query("PRAGMA auto_vacuum = INCREMENTAL").execute(&self.write).await?;
        sqlx::query("VACUUM").execute(&self.write).await?;
        Ok(true)
    }

    pub async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }
}

/// Creates the database's folder (owner-only) and an empty database file
/// readable by its owner only; SQLite gives its -wal and -shm files the same
/// mode. Existing files keep theirs.
fn create_private(path: &Path) -> std::io::Result<()> {
    let mut folder = std::fs::DirBuilder::new();
    folder.recursive(true);
    let mut file = std::fs::OpenOptions::new();
    file.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        folder.mode(0o700);
        file.mode(0o600);
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        folder.create(parent)?;
    }
    match file.open(path) {
        Ok(_) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(err) => Err(err),
    }
}

/// Creates the database's folder and file, and asks SQLite to create the file (`mode=rwc`).
fn sqlite_url(url: &str) -> Result<String, sqlx::Error> {
    let rest = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() || path == ":memory:" {
        return Err(sqlx::Error::Configuration("HEARTH_DATABASE_URL: SQLite needs a file path".into()));
    }
    create_private(Path::new(path))
        .map_err(|err| sqlx::Error::Configuration(format!("cannot create {path}: {err}").into()))?;
    let query = if query.contains("mode=") {
        query.to_owned()
    } else if query.is_empty() {
        "mode=rwc".to_owned()
    } else {
        format!("{query}&mode=rwc")
    };
    // Validate early so a malformed URL is reported as configuration, not at first query.
    let full = format!("sqlite://{path}?{query}");
    sqlx::sqlite::SqliteConnectOptions::from_str(&full)?;
    Ok(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_create_the_file() {
        let dir = std::env::temp_dir().join(format!("hearth-url-{}", std::process::id()));
        let url = format!("sqlite://{}/sub/h.db", dir.display());
        let made = sqlite_url(&url).unwrap();
        assert!(made.ends_with("/sub/h.db?mode=rwc"));
        assert!(dir.join("sub").is_dir());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&dir.join("sub")), 0o700);
            assert_eq!(mode(&dir.join("sub/h.db")), 0o600, "the database is readable by its owner only");
        }
        std::fs::remove_dir_all(dir).unwrap();
        assert!(sqlite_url("sqlite::memory:").is_err());
    }

    /// A database made before Hearth set incremental vacuum at creation is
    /// converted once, by `hearth purge`.
    #[tokio::test]
    async fn older_databases_are_converted_to_incremental_vacuum_once() {
        use sqlx::Connection;
        let dir = std::env::temp_dir().join(format!("hearth-vacuum-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}/old.db?mode=rwc", dir.display());
        let mut old = sqlx::SqliteConnection::connect(&url).await.unwrap();
        old.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x TEXT)").await.unwrap();
        old.close().await.unwrap();
        let db = Db::connect(&url).await.unwrap();
        let mode = || async { sqlx::query_as::<_, (i64,)>("PRAGMA auto_vacuum").fetch_one(&db.write).await.unwrap().0 };
        assert_eq!(mode().await, 0, "setting it on an existing database changes nothing by itself");
        assert!(db.vacuum_incrementally().await.unwrap());
        assert_eq!(mode().await, 2);
        assert!(!db.vacuum_incrementally().await.unwrap(), "once");
        db.close().await;
        std::fs::remove_dir_all(dir).unwrap();
    }
}
