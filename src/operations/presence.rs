//! Whether a database is in use, so that `hearth restore` never replaces one
//! under a running server. Every `hearth` process that opens the database
//! holds a *shared* lock for as long as it runs; a restore takes it
//! *exclusively*. The operating system or PostgreSQL drops a lock when its
//! process dies, so a crash never leaves a database looking busy.
//!
//! - SQLite: `flock` on `<database>.serve-lock`. A second file,
//!   `<database>.restore-lock`, is held exclusively by a restore for its
//!   whole run: a server that sees it held stops (gracefully) so the restore
//!   can go ahead, and a server that starts meanwhile waits for the restore.
//! - PostgreSQL: a session advisory lock (`store::PRESENCE_KEY`) on a
//!   connection of its own, taken again after the database restarts. A
//!   restore there happens in one transaction under running nodes.

use std::{
    fs::{File, OpenOptions, TryLockError},
    path::{Path, PathBuf},
    sync::Arc,
    time::Duration,
};

use sqlx::Connection;

use super::store;
use crate::db;

/// How often a PostgreSQL node checks its presence connection is alive.
const PRESENCE_CHECK: Duration = Duration::from_secs(10);

/// How often a SQLite server looks whether a restore is waiting for it.
pub const RESTORE_WATCH: Duration = Duration::from_secs(1);

/// Held while the process uses the database.
#[derive(Debug)]
pub enum Presence {
    Sqlite { _serving: File, restoring: Arc<File> },
    Postgres { keeper: tokio::task::JoinHandle<()> },
}

impl Drop for Presence {
    fn drop(&mut self) {
        if let Self::Postgres { keeper } = self {
            keeper.abort();
        }
    }
}

/// The two lock files of a SQLite database.
pub struct LockFiles {
    pub serving: PathBuf,
    pub restoring: PathBuf,
}

impl LockFiles {
    pub fn of(database: &Path) -> Self {
        let with = |suffix: &str| {
            let mut name = database.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        };
        Self { serving: with(".serve-lock"), restoring: with(".restore-lock") }
    }
}

/// Opens (creating, owner-only) a lock file next to the database.
pub fn open_lock(path: &Path) -> Result<File, String> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        db::create_private_folder(folder).map_err(|err| format!("cannot create {}: {err}", folder.display()))?;
    }
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(|err| format!("cannot open {}: {err}", path.display()))
}

/// Takes a shared lock, waiting (off the async threads) if it is held exclusively.
async fn lock_shared(file: File, waiting: &'static str) -> Result<File, String> {
    match file.try_lock_shared() {
        Ok(()) => return Ok(file),
        Err(TryLockError::WouldBlock) => eprintln!("hearth: {waiting}"),
        Err(TryLockError::Error(err)) => return Err(format!("cannot lock the database: {err}")),
    }
    tokio::task::spawn_blocking(move || file.lock_shared().map(|()| file))
        .await
        .map_err(|err| err.to_string())?
        .map_err(|err| format!("cannot lock the database: {err}"))
}

/// Marks the database in use for as long as the returned value lives.
pub async fn hold(database_url: &str) -> Result<Presence, String> {
    match db::sqlite_file(database_url) {
        Some(database) => {
            db::check_owner(&database)?;
            let locks = LockFiles::of(&database);
            let restoring = open_lock(&locks.restoring)?;
            let serving = open_lock(&locks.serving)?;
            // Wait out a restore in progress, then take the presence lock
            // before letting go: a restore cannot slip in between.
            let restoring = lock_shared(restoring, "waiting for `hearth restore` to finish…").await?;
            let serving = lock_shared(serving, "waiting for `hearth restore` to finish…").await?;
            restoring.unlock().map_err(|err| format!("cannot lock the database: {err}"))?;
            Ok(Presence::Sqlite { _serving: serving, restoring: Arc::new(restoring) })
        }
        None => {
            let conn = postgres_presence(database_url).await?;
            Ok(Presence::Postgres { keeper: tokio::spawn(keep_postgres_presence(database_url.to_owned(), conn)) })
        }
    }
}

async fn postgres_presence(url: &str) -> Result<sqlx::AnyConnection, String> {
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await.map_err(|err| format!("cannot open the database: {err}"))?;
    if !store::postgres_try_presence(&mut conn, false).await.map_err(|err| err.to_string())? {
        eprintln!("hearth: waiting for `hearth restore` to finish…");
        store::postgres_hold_presence(&mut conn).await.map_err(|err| err.to_string())?;
    }
    Ok(conn)
}

/// Keeps the presence lock across database restarts: when its connection
/// drops, the lock went with it, so it is taken again on a new one.
async fn keep_postgres_presence(url: String, mut conn: sqlx::AnyConnection) {
    loop {
        tokio::time::sleep(PRESENCE_CHECK).await;
        if conn.ping().await.is_ok() {
            continue;
        }
        tracing::warn!("the presence connection to the database dropped; taking it again");
        loop {
            match postgres_presence(&url).await {
                Ok(new) => {
                    conn = new;
                    break;
                }
                Err(_) => tokio::time::sleep(PRESENCE_CHECK).await,
            }
        }
    }
}

impl Presence {
    /// Resolves when a `hearth restore --force` waits for this process to
    /// stop (SQLite only; on PostgreSQL a restore does not need servers to stop).
    pub async fn restore_requested(&self) {
        let Self::Sqlite { restoring, .. } = self else { return std::future::pending().await };
        let mut every = tokio::time::interval(RESTORE_WATCH);
        loop {
            every.tick().await;
            match restoring.try_lock_shared() {
                Ok(()) => {
                    let _ = restoring.unlock();
                }
                Err(TryLockError::WouldBlock) => return,
                Err(TryLockError::Error(err)) => {
                    tracing::warn!(cause = %err, "cannot watch for a restore");
                    return std::future::pending().await;
                }
            }
        }
    }
}
