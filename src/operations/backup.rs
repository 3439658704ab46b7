//! `hearth backup PATH`: a consistent copy of the whole instance, taken
//! while it serves, for the operator's disaster recovery. It is not a
//! content export: it holds everything members wrote, so the file is created
//! readable by its owner only, and the operator is told to store it
//! encrypted and delete it on the retention schedule.
//!
//! - SQLite: `VACUUM INTO` from a read transaction (writers carry on); the
//!   copy is rebuilt page by page, so no free page keeps deleted content
//!   (`secure_delete`'s promise holds in the backup too). It is then synced
//!   and checked.
//! - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot), written
//!   straight into the owner-only file.

use std::{
    fs::{File, OpenOptions},
    path::Path,
    process::Stdio,
};

use sqlx::Connection;

use super::{pg_tools, store};
use crate::{config::Config, db::Db};

/// What the operator is reminded of after every backup.
pub const HANDLE_WITH_CARE: &str = "It holds everything members wrote: store it encrypted (e.g. `age` or `gpg`), \
     away from this server, and delete it on your retention schedule. It is for restoring this instance \
     (`hearth restore`), never for sharing.";

/// Creates the backup file, empty and owner-only; never replaces one.
fn create_file(path: &Path) -> Result<File, String> {
    if path.as_os_str().is_empty() || path.is_dir() {
        return Err(format!("{} is a folder: give the backup a file name", path.display()));
    }
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(|err| match err.kind() {
        std::io::ErrorKind::AlreadyExists => {
            format!("{} already exists: a backup never replaces a file, choose a new name", path.display())
        }
        _ => format!("cannot create {}: {err}", path.display()),
    })
}

/// Flushes a finished file and the folder that names it to the disk.
fn sync(path: &Path) -> Result<(), String> {
    let flush = |target: &Path| File::open(target).and_then(|file| file.sync_all());
    flush(path).map_err(|err| format!("cannot sync {}: {err}", path.display()))?;
    #[cfg(unix)]
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        flush(folder).map_err(|err| format!("cannot sync {}: {err}", folder.display()))?;
    }
    Ok(())
}

/// Writes the backup and returns the report to print.
pub async fn run(config: &Config, path: &Path) -> Result<String, String> {
    let file = create_file(path)?;
    let written = match crate::db::sqlite_file(&config.database_url) {
        Some(_) => {
            drop(file);
            sqlite(config, path).await
        }
        None => postgres(config, file).await,
    };
    let summary = match written.and_then(|summary| sync(path).map(|()| summary)) {
        Ok(summary) => summary,
        Err(problem) => {
            // A half-written backup must not be mistaken for a good one.
            let _ = std::fs::remove_file(path);
            return Err(problem);
        }
    };
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(format!("Backup written to {} ({} KiB): {summary}.\n{HANDLE_WITH_CARE}", path.display(), size.div_ceil(1024)))
}

async fn sqlite(config: &Config, path: &Path) -> Result<String, String> {
    let target = path.to_str().ok_or_else(|| format!("{} is not a UTF-8 path", path.display()))?;
    let db = Db::connect(&config.database_url).await.map_err(|err| format!("cannot open the database: {err}"))?;
    let copied = store::sqlite_vacuum_into(&db.read, target).await;
    db.close().await;
    copied.map_err(|err| format!("the backup failed: {err}"))?;
    verify_sqlite_copy(path).await
}

/// Opens a copy read-only (without creating `-wal`/`-shm` files next to it)
/// and checks it whole; returns what it holds.
pub async fn verify_sqlite_copy(path: &Path) -> Result<String, String> {
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}?mode=ro&immutable=true", path.display());
    let mut conn =
        sqlx::AnyConnection::connect(&url).await.map_err(|err| format!("cannot open {}: {err}", path.display()))?;
    let checked = async {
        let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check").fetch_one(&mut conn).await?;
        let has_record = store::migrations_table_exists(&mut conn, true).await?;
        let migrations = if has_record { store::applied_migrations(&mut conn).await?.len() } else { 0 };
        Ok::<_, sqlx::Error>((integrity, has_record, migrations))
    }
    .await;
    let _ = conn.close().await;
    match checked {
        Ok((integrity, true, migrations)) if integrity == "ok" => {
            Ok(format!("a Hearth database with {migrations} migrations, integrity ok"))
        }
        Ok((integrity, true, _)) => Err(format!("{} fails its integrity check: {integrity}", path.display())),
        Ok((_, false, _)) => Err(format!("{} is not a Hearth database", path.display())),
        Err(err) => Err(format!("{} is not a readable SQLite database: {err}", path.display())),
    }
}

async fn postgres(config: &Config, file: File) -> Result<String, String> {
    let tool = pg_tools::find("pg_dump").ok_or_else(|| {
        format!(
            "{}; or run it yourself: pg_dump --format=custom --file=BACKUP \"$HEARTH_DATABASE_URL\"",
            pg_tools::missing("pg_dump")
        )
    })?;
    let mut command = pg_tools::command(&tool, &config.database_url)?;
    command.args(["--format=custom", "--no-owner", "--no-privileges"]);
    command.stdin(Stdio::null()).stdout(file).stderr(Stdio::piped());
    let ran = tokio::process::Command::from(command)
        .spawn()
        .map_err(|err| format!("cannot run {}: {err}", tool.display()))?
        .wait_with_output()
        .await
        .map_err(|err| format!("{}: {err}", tool.display()))?;
    if !ran.status.success() {
        return Err(format!("pg_dump failed ({}): {}", ran.status, String::from_utf8_lossy(&ran.stderr).trim()));
    }
    Ok("a pg_dump archive of the whole database (restore it with `hearth restore`)".to_owned())
}
