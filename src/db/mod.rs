//! One handle over SQLite or PostgreSQL through sqlx's `Any` driver, so every
//! query is written once. SQLite gets one writer connection and a small read
//! pool (the standard cure for "database is locked"); PostgreSQL shares one pool.
//! Columns are only BIGINT/INTEGER, TEXT and BLOB/BYTEA; times are unix seconds.

pub mod commit;

use std::{
    path::{Path, PathBuf},
    str::FromStr,
    time::Duration,
};

use sqlx::{
    Executor,
    any::{AnyPoolOptions, install_default_drivers},
    migrate::Migrator,
};

pub type Pool = sqlx::AnyPool;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// The migrations this binary carries for a backend.
pub fn migrator(backend: Backend) -> &'static Migrator {
    match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    }
}

/// How long a request waits for a PostgreSQL connection.
pub const POSTGRES_WAIT: Duration = Duration::from_secs(5);

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
    /// Writes whose requests wait for their commit, batched on SQLite (`commit`).
    pub committer: commit::Committer,
}

/// Run on the SQLite writer's connection (opened first). `auto_vacuum` first:
/// only a database whose header is not written yet takes it (an older one is
/// converted once by `hearth purge`, see `vacuum_incrementally`), and
/// switching to WAL writes the header. WAL is persistent but harmless to
/// repeat; `synchronous=FULL` makes an acknowledged write survive power loss;
/// `secure_delete` overwrites deleted content instead of leaving it in free pages.
const SQLITE_WRITER_PRAGMAS: &str = "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL; \
     PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;";

/// Run on each reader's connection: nothing that may write, so that a reader
/// can still be opened while the disk is full (reads must go on then). The
/// persistent settings (WAL, auto_vacuum) are the writer's to make.
const SQLITE_READER_PRAGMAS: &str = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

impl Db {
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        install_default_drivers();
        if url.starts_with("sqlite:") {
            let url = sqlite_url(url)?;
            let options = |pragmas: &'static str| {
                AnyPoolOptions::new()
                    .acquire_timeout(Duration::from_secs(10))
                    .after_connect(move |conn, _meta| Box::pin(async move { conn.execute(pragmas).await.map(drop) }))
            };
            let write = options(SQLITE_WRITER_PRAGMAS).max_connections(1).min_connections(1).connect(&url).await?;
            let read = options(SQLITE_READER_PRAGMAS).max_connections(4).connect(&url).await?;
            let committer = commit::Committer::start(write.clone(), Backend::Sqlite);
            Ok(Self { read, write, backend: Backend::Sqlite, committer })
        } else {
            // A request waits this long for PostgreSQL: long enough to ride
            // through a quick restart, short enough to answer "try again"
            // calmly while it is down.
            let pool = AnyPoolOptions::new().max_connections(16).acquire_timeout(POSTGRES_WAIT).connect(url).await?;
            let committer = commit::Committer::start(pool.clone(), Backend::Postgres);
            Ok(Self { read: pool.clone(), write: pool, backend: Backend::Postgres, committer })
        }
    }

    /// Runs pending migrations. On PostgreSQL sqlx holds an advisory lock
    /// while it migrates, so nodes starting at the same moment migrate once.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        migrator(self.backend).run(&self.write).await
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

/// Whether an error means the database cannot be reached or cannot write
/// right now (down or restarting, disk full, locked for too long, an I/O
/// error) rather than a fault in the request or in Hearth. Such a request can
/// be sent again once the database is back.
pub fn is_unavailable(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::BeginFailed => true,
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                // Primary result codes: BUSY, LOCKED, NOMEM, READONLY, IOERR,
                // CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB.
                code.parse::<i32>().is_ok_and(|code| matches!(code & 0xff, 5..=8 | 10 | 11 | 13..=15 | 26))
            } else {
                // SQLSTATE classes: connection exception (08), insufficient
                // resources (53, disk full among them), operator intervention
                // (57P: shutdown, restart), system error (58); a read-only
                // server (25006, e.g. a standby after a failover); and
                // serialization failures or deadlocks, which a retry resolves.
                code.starts_with("08")
                    || code.starts_with("53")
                    || code.starts_with("57P")
                    || code.starts_with("58")
                    || matches!(code.as_ref(), "25006" | "40001" | "40P01" | "55P03")
            }
        }
        _ => false,
    }
}

/// For a write that a page can do without (moving an unread marker, noting
/// when a session was last seen): while the database cannot write, the page
/// is still served and the write is skipped. Other errors still fail.
pub fn unless_unavailable(result: Result<(), sqlx::Error>, what: &'static str) -> Result<(), sqlx::Error> {
    match result {
        Err(err) if is_unavailable(&err) => {
            tracing::warn!(cause = %err, what, "database unavailable; skipped a write the page can do without");
            Ok(())
        }
        other => other,
    }
}

/// Creates the database's folder (owner-only) and an empty database file
/// readable by its owner only; SQLite gives its -wal and -shm files the same
/// mode. Existing files keep theirs.
pub fn create_private(path: &Path) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new();
    file.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut file, 0o600);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_folder(parent)?;
    }
    match file.open(path) {
        Ok(_) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(err) => Err(err),
    }
}

/// The file of a SQLite URL (`sqlite://./hearth-data/hearth.db?…`), or `None`
/// for PostgreSQL, in-memory or path-less URLs.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// A database file (or, before it exists, its folder) that belongs to
/// another user must not be opened: SQLite would create its `-wal` and `-shm`
/// files as this user, and the service, running as the owner, could no
/// longer open its own database (`sudo hearth backup …` is the usual way).
/// Shared folders such as `/tmp` (sticky) and folders still to be made are fine.
pub fn check_owner(path: &Path) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let owner = match (std::fs::metadata(path), std::fs::metadata(folder)) {
            (Ok(file), _) => Some((path, file.uid())),
            (Err(_), Ok(dir)) if dir.permissions().mode() & 0o1000 == 0 => Some((folder, dir.uid())),
            _ => None,
        };
        // /proc/self belongs to the process's own user (Linux); elsewhere, no check.
        if let (Some((owned, uid)), Ok(me)) = (owner, std::fs::metadata("/proc/self"))
            && me.uid() != uid
        {
            return Err(format!(
                "{} belongs to user id {uid}, not to this one ({}): run hearth as its owner, e.g. `sudo -u hearth hearth …`",
                owned.display(),
                me.uid()
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Creates a folder (and its parents) readable by its owner only; an existing
/// folder keeps its mode.
pub fn create_private_folder(folder: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}

/// Creates the database's folder and file, and asks SQLite to create the file (`mode=rwc`).
fn sqlite_url(url: &str) -> Result<String, sqlx::Error> {
    let rest = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() || path == ":memory:" {
        return Err(sqlx::Error::Configuration("HEARTH_DATABASE_URL: SQLite needs a file path".into()));
    }
    check_owner(Path::new(path)).map_err(|problem| sqlx::Error::Configuration(problem.into()))?;
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

    #[cfg(unix)]
    #[test]
    fn a_database_of_another_user_is_not_opened() {
        use std::os::unix::fs::MetadataExt;
        let dir = std::env::temp_dir().join(format!("hearth-owner-{}", std::process::id()));
        let file = dir.join("hearth.db");
        create_private(&file).unwrap();
        assert!(check_owner(&file).is_ok(), "one's own database");
        assert!(check_owner(&std::env::temp_dir().join("not-yet/hearth.db")).is_ok(), "a folder still to be made");
        assert!(check_owner(&std::env::temp_dir().join("hearth-not-yet.db")).is_ok(), "a shared (sticky) folder");
        // Only root can give a file away; other users check the rest.
        if std::fs::metadata("/proc/self").is_ok_and(|me| me.uid() == 0) {
            std::os::unix::fs::chown(&file, Some(65534), None).unwrap();
            let refused = check_owner(&file).unwrap_err();
            assert!(refused.contains("belongs to user id 65534"), "{refused}");
            std::os::unix::fs::chown(&dir, Some(65534), None).unwrap();
            std::fs::remove_file(&file).unwrap();
            assert!(check_owner(&file).is_err(), "nor a new one in another user's folder");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
