//! `hearth restore PATH [--force]`: puts a backup back as the instance's
//! database. Everything written since the backup is replaced, so it refuses,
//! without `--force`, a database that is **live** (a Hearth process holds
//! its presence lock: a server, or a command in progress; see `presence`) or
//! that already holds a forum. The backup is checked first; one made by a
//! newer Hearth is refused.
//!
//! - SQLite, with `--force` on a live database: the running server sees the
//!   restore waiting, finishes its requests and stops (a service manager
//!   with `Restart=on-failure` starts it again; it then waits for the
//!   restore). The backup is copied beside the database, synced, and renamed
//!   over it, with the old `-wal`/`-shm` removed, while both locks are held.
//! - PostgreSQL: `pg_restore --clean --single-transaction`; with `--force`
//!   nodes may keep running: they wait on the restore's locks and carry on
//!   with the restored data.
//!
//! Either way the restored database is migrated to this binary's schema.

use std::{
    fs::{File, OpenOptions, TryLockError},
    path::{Path, PathBuf},
    process::Stdio,
    time::{Duration, Instant},
};

use sqlx::Connection;

use super::{
    backup::verify_sqlite_copy,
    check::{MigrationState, compare_migrations},
    pg_tools,
    presence::{LockFiles, RESTORE_WATCH, open_lock},
    store,
};
use crate::{
    config::Config,
    db::{self, Backend, Db},
    web::server::SHUTDOWN_GRACE,
};

/// How long `--force` waits for a running server to stop.
const STOP_WAIT: Duration = Duration::from_secs(SHUTDOWN_GRACE.as_secs() + RESTORE_WATCH.as_secs() + 5);

pub async fn run(config: &Config, backup: &Path, force: bool) -> Result<String, String> {
    if !backup.is_file() {
        return Err(format!("{} is not a file", backup.display()));
    }
    match db::sqlite_file(&config.database_url) {
        Some(database) => sqlite(&database, backup, force).await,
        None => postgres(config, backup, force).await,
    }
}

fn refuse_live(database: &str) -> String {
    format!(
        "a Hearth process is using {database} (a server, or a command still running). Stop it first \
         (e.g. `systemctl stop hearth`), or run again with --force to replace it under the running server"
    )
}

fn refuse_existing(database: &str) -> String {
    format!(
        "{database} already holds a forum: restoring replaces everything in it with the backup. \
         Run again with --force to do that"
    )
}

/// A lock taken without waiting: `Ok(false)` when someone else holds it.
fn try_exclusive(file: &File) -> Result<bool, String> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(TryLockError::WouldBlock) => Ok(false),
        Err(TryLockError::Error(err)) => Err(format!("cannot lock the database: {err}")),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn holds_data(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() > 0)
}

async fn sqlite(database: &Path, backup: &Path, force: bool) -> Result<String, String> {
    let shown = database.display().to_string();
    if std::fs::canonicalize(backup).ok() == std::fs::canonicalize(database).ok() {
        return Err(format!("{} is the database itself", backup.display()));
    }
    let holds = verify_sqlite_copy(backup).await?;
    check_backup_migrations_sqlite(backup).await?;
    db::check_owner(database)?;

    // Holding the presence lock exclusively keeps every Hearth process out
    // until the restore is done (one that starts meanwhile waits for it).
    let locks = LockFiles::of(database);
    let serving = open_lock(&locks.serving)?;
    let mut stopped_a_server = false;
    let _restoring = if try_exclusive(&serving)? {
        if !force && (holds_data(database) || holds_data(&with_suffix(database, "-wal"))) {
            return Err(refuse_existing(&shown));
        }
        None
    } else if !force {
        return Err(refuse_live(&shown));
    } else {
        let restoring = stop_servers(&locks, &serving, &shown).await?;
        stopped_a_server = true;
        Some(restoring)
    };

    // Copy beside the database, sync, then swap in one rename; SQLite's
    // files of the old database must not meet the new one.
    let incoming = with_suffix(database, ".incoming");
    let _ = std::fs::remove_file(&incoming);
    copy_private(backup, &incoming)?;
    for stale in ["-wal", "-shm", "-journal"] {
        match std::fs::remove_file(with_suffix(database, stale)) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                return Err(format!("cannot remove {shown}{stale}: {err}"));
            }
            _ => {}
        }
    }
    std::fs::rename(&incoming, database).map_err(|err| format!("cannot move the backup into place: {err}"))?;
    if let Some(folder) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
        File::open(folder)
            .and_then(|f| f.sync_all())
            .map_err(|err| format!("cannot sync {}: {err}", folder.display()))?;
    }
    let url = format!("sqlite://{}", database.display());
    let migrated = migrate(&url).await?;
    drop(serving);
    let restart = if stopped_a_server {
        "\nThe server stopped for the restore; a service manager with Restart=on-failure starts it again."
    } else {
        ""
    };
    Ok(format!("Restored {} into {shown} ({holds}){migrated}.{restart}", backup.display()))
}

/// `--force` on a live database: holding the restore lock tells running
/// servers to finish their requests and stop, and makes starting ones wait;
/// then the presence lock comes free. Returns the restore lock, to hold
/// until the end.
async fn stop_servers(locks: &LockFiles, serving: &File, shown: &str) -> Result<File, String> {
    let restoring = open_lock(&locks.restoring)?;
    let deadline = Instant::now() + STOP_WAIT;
    let mut said = false;
    // A server starting up holds the restore lock (shared) for an instant:
    // try again until it is ours, then until the servers are gone.
    while !try_exclusive(&restoring)? || !try_exclusive(serving)? {
        if Instant::now() > deadline {
            return Err(format!("{shown} is still in use after {}s; nothing was changed", STOP_WAIT.as_secs()));
        }
        if !said {
            eprintln!("hearth: waiting for the server on {shown} to finish its requests and stop…");
            said = true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(restoring)
}

/// Copies a file into a new owner-only file and syncs it.
fn copy_private(from: &Path, to: &Path) -> Result<(), String> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let copied = File::open(from).and_then(|mut source| {
        let mut target = options.open(to)?;
        std::io::copy(&mut source, &mut target)?;
        target.sync_all()
    });
    copied.map_err(|err| {
        let _ = std::fs::remove_file(to);
        format!("cannot copy {} to {}: {err}", from.display(), to.display())
    })
}

/// A backup made by a newer Hearth (with migrations this binary does not
/// know) cannot be served by this one.
async fn check_backup_migrations_sqlite(backup: &Path) -> Result<(), String> {
    let url = format!("sqlite://{}?mode=ro&immutable=true", backup.display());
    let mut conn = sqlx::AnyConnection::connect(&url).await.map_err(|err| err.to_string())?;
    let applied = store::applied_migrations(&mut conn).await.map_err(|err| err.to_string());
    let _ = conn.close().await;
    match compare_migrations(&applied?, db::migrator(Backend::Sqlite)) {
        MigrationState::Unknown(versions) => Err(format!(
            "{} was made by a newer Hearth (migrations {versions:?} are unknown to this one): upgrade Hearth first",
            backup.display()
        )),
        MigrationState::Altered(versions) | MigrationState::Failed(versions) => {
            Err(format!("{} has damaged migrations {versions:?}", backup.display()))
        }
        MigrationState::Current(_) | MigrationState::Pending(_) => Ok(()),
    }
}

/// Brings the restored database to this binary's schema and checks it answers.
async fn migrate(url: &str) -> Result<String, String> {
    let db = Db::connect(url).await.map_err(|err| format!("cannot open the restored database: {err}"))?;
    let migrated = db.migrate().await;
    db.close().await;
    migrated.map_err(|err| format!("the restored database could not be migrated: {err}"))?;
    Ok(", migrated to this version of Hearth".to_owned())
}

async fn postgres(config: &Config, backup: &Path, force: bool) -> Result<String, String> {
    let tool = pg_tools::find("pg_restore").ok_or_else(|| pg_tools::missing("pg_restore"))?;
    let listed = tokio::process::Command::new(&tool)
        .arg("--list")
        .arg(backup)
        .stdin(Stdio::null())
        .output()
        .await
        .map_err(|err| format!("cannot run {}: {err}", tool.display()))?;
    if !listed.status.success() {
        return Err(format!(
            "{} is not a pg_dump archive: {}",
            backup.display(),
            String::from_utf8_lossy(&listed.stderr).trim()
        ));
    }

    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&config.database_url)
        .await
        .map_err(|err| format!("cannot open the database: {err}"))?;
    let target = "the database";
    // Held to the end: nodes that start meanwhile wait for the restore.
    let alone = store::postgres_try_presence(&mut conn, true).await.map_err(|err| err.to_string())?;
    if !alone && !force {
        return Err(refuse_live(target));
    }
    if alone && !force && store::migrations_table_exists(&mut conn, false).await.map_err(|err| err.to_string())? {
        return Err(refuse_existing(target));
    }

    let mut command = pg_tools::command(&tool, &config.database_url)?;
    command
        .args(["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"])
        .arg(backup)
        .stdin(Stdio::null());
    let ran = tokio::process::Command::from(command)
        .output()
        .await
        .map_err(|err| format!("cannot run {}: {err}", tool.display()))?;
    if !ran.status.success() {
        let _ = conn.close().await;
        return Err(format!(
            "pg_restore failed ({}), nothing was changed: {}",
            ran.status,
            String::from_utf8_lossy(&ran.stderr).trim()
        ));
    }
    let migrated = migrate(&config.database_url).await;
    let _ = conn.close().await;
    let running = if alone { "" } else { "\nNodes that were running carry on with the restored data." };
    Ok(format!("Restored {} into {target}{}.{running}", backup.display(), migrated?))
}
