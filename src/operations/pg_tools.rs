//! PostgreSQL's own tools (`pg_dump`, `pg_restore`), which Hearth wraps for
//! backups rather than reimplementing them: found on `PATH` or where Debian
//! installs them, and given the database address without its password (on
//! a command line every local user could read it); the password goes in
//! `PGPASSWORD`.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

/// Connection parameters libpq understands in a URL; sqlx's own (such as
/// `statement-cache-capacity`) would make the tools refuse it.
const LIBPQ_PARAMETERS: &[&str] = &[
    "host",
    "port",
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "sslcrl",
    "options",
    "application_name",
    "connect_timeout",
    "target_session_attrs",
];

/// `name` on `PATH`, else the newest `/usr/lib/postgresql/*/bin/name`.
pub fn find(name: &str) -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file());
    on_path.or_else(|| {
        let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
                Some((version, entry.path().join("bin").join(name)))
            })
            .filter(|(_, path)| path.is_file())
            .collect();
        versions.sort();
        versions.pop().map(|(_, path)| path)
    })
}

/// The database URL without its password (and without sqlx-only
/// parameters), and the password apart.
pub fn split_password(database_url: &str) -> Result<(String, Option<String>), String> {
    let mut url = url::Url::parse(database_url).map_err(|err| format!("HEARTH_DATABASE_URL: {err}"))?;
    let password =
        url.password().map(|encoded| percent_encoding::percent_decode_str(encoded).decode_utf8_lossy().into_owned());
    url.set_password(None).map_err(|()| "HEARTH_DATABASE_URL: cannot remove the password".to_owned())?;
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(key, _)| LIBPQ_PARAMETERS.contains(&key.as_ref()))
        .map(|(k, v)| (k.into(), v.into()))
        .collect();
    url.set_query(None);
    if !kept.is_empty() {
        url.query_pairs_mut().extend_pairs(kept);
    }
    Ok((url.to_string(), password))
}

/// A command for one of the tools, pointed at the database.
pub fn command(tool: &Path, database_url: &str) -> Result<Command, String> {
    let (url, password) = split_password(database_url)?;
    let mut command = Command::new(tool);
    command.arg(format!("--dbname={url}"));
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    Ok(command)
}

/// Why a tool is missing, and what to do about it.
pub fn missing(name: &str) -> String {
    format!(
        "{name} was not found on PATH or in /usr/lib/postgresql/*/bin: install PostgreSQL's client tools \
         (Debian: apt install postgresql-client), in a version at least that of the server"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_stays_off_the_command_line() {
        let (url, password) = split_password(
            "postgres://hearth:p%40ss%20w@db.example:5433/forum?sslmode=require&statement-cache-capacity=0",
        )
        .unwrap();
        assert_eq!(url, "postgres://hearth@db.example:5433/forum?sslmode=require");
        assert_eq!(password.as_deref(), Some("p@ss w"));
        let (url, password) = split_password("postgres://postgres@127.0.0.1:5432/postgres").unwrap();
        assert_eq!(url, "postgres://postgres@127.0.0.1:5432/postgres");
        assert!(password.is_none());
    }
}
