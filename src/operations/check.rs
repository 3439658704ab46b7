//! `hearth check`: a short health report for the operator, without changing
//! anything (it does not migrate): the database opens and passes its
//! integrity check, its migrations are this binary's, and the settings make
//! sense for a deployment. Exits non-zero when something is wrong.

use std::{fmt, net::IpAddr};

use sqlx::migrate::Migrator;

use super::store::{self, AppliedMigration};
use crate::{
    accounts,
    config::Config,
    db::{self, Backend, Db},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Ok,
    Warning,
    Problem,
}

/// One line of the report.
#[derive(Debug)]
pub struct Finding {
    pub level: Level,
    pub topic: &'static str,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Report(pub Vec<Finding>);

impl Report {
    fn add(&mut self, level: Level, topic: &'static str, text: impl Into<String>) {
        self.0.push(Finding { level, topic, text: text.into() });
    }

    fn count(&self, level: Level) -> usize {
        self.0.iter().filter(|finding| finding.level == level).count()
    }

    pub fn healthy(&self) -> bool {
        self.count(Level::Problem) == 0
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.0 {
            let level = match finding.level {
                Level::Ok => "ok",
                Level::Warning => "warning",
                Level::Problem => "PROBLEM",
            };
            writeln!(f, "{level:<8} {}: {}", finding.topic, finding.text)?;
        }
        match (self.count(Level::Problem), self.count(Level::Warning)) {
            (0, 0) => write!(f, "Healthy."),
            (0, warnings) => write!(f, "Healthy, with {warnings} warning(s)."),
            (problems, warnings) => write!(f, "{problems} problem(s), {warnings} warning(s)."),
        }
    }
}

/// How a database's migrations compare with the ones this binary carries.
#[derive(Debug, PartialEq, Eq)]
pub enum MigrationState {
    /// All applied (how many).
    Current(usize),
    /// Not yet applied: `hearth migrate` (or starting the server) runs them.
    Pending(Vec<i64>),
    /// Applied by a newer Hearth.
    Unknown(Vec<i64>),
    /// Applied, but not the migration this binary has under that number.
    Altered(Vec<i64>),
    /// Started and never finished.
    Failed(Vec<i64>),
}

pub fn compare_migrations(applied: &[AppliedMigration], known: &Migrator) -> MigrationState {
    let known: Vec<_> = known.iter().filter(|m| !m.migration_type.is_down_migration()).collect();
    let versions = |pick: &dyn Fn(&AppliedMigration) -> bool| -> Vec<i64> {
        applied.iter().filter(|m| pick(m)).map(|m| m.version).collect()
    };
    let failed = versions(&|m| m.success == 0);
    let unknown = versions(&|m| known.iter().all(|k| k.version != m.version));
    let altered = versions(&|m| known.iter().any(|k| k.version == m.version && *k.checksum != *m.checksum));
    let pending: Vec<i64> =
        known.iter().filter(|k| applied.iter().all(|m| m.version != k.version)).map(|k| k.version).collect();
    if !failed.is_empty() {
        MigrationState::Failed(failed)
    } else if !unknown.is_empty() {
        MigrationState::Unknown(unknown)
    } else if !altered.is_empty() {
        MigrationState::Altered(altered)
    } else if !pending.is_empty() {
        MigrationState::Pending(pending)
    } else {
        MigrationState::Current(applied.len())
    }
}

pub async fn run(config: &Config) -> Report {
    let mut report = Report::default();
    match Db::connect(&config.database_url).await {
        Ok(db) => {
            database(&db, config, &mut report).await;
            db.close().await;
        }
        Err(err) => report.add(Level::Problem, "database", format!("cannot open it: {err}")),
    }
    settings(config, &mut report);
    report
}

async fn database(db: &Db, config: &Config, report: &mut Report) {
    let sqlite = db.backend == Backend::Sqlite;
    if sqlite {
        let file = db::sqlite_file(&config.database_url).unwrap_or_default();
        report.add(Level::Ok, "database", format!("SQLite at {}", file.display()));
        file_modes(&file, report);
        match (store::sqlite_integrity(&db.read).await, store::sqlite_foreign_key_problems(&db.read).await) {
            (Ok(lines), Ok(0)) if lines == ["ok"] => report.add(Level::Ok, "integrity", "ok, and no broken references"),
            (Ok(lines), Ok(broken)) => report.add(
                Level::Problem,
                "integrity",
                format!("{}; {broken} broken reference(s): restore the last good backup", lines.join("; ")),
            ),
            (Err(err), _) | (_, Err(err)) => report.add(Level::Problem, "integrity", format!("cannot check: {err}")),
        }
    } else {
        match store::postgres_version(&db.read).await {
            Ok(version) => report.add(Level::Ok, "database", format!("PostgreSQL {version}")),
            Err(err) => report.add(Level::Problem, "database", format!("does not answer: {err}")),
        }
        report.add(Level::Ok, "integrity", "kept by PostgreSQL (for a deep check of its pages: pg_amcheck)");
    }

    let applied = match store::migrations_table_exists(&db.read, sqlite).await {
        Ok(true) => store::applied_migrations(&db.read).await,
        Ok(false) => Ok(Vec::new()),
        Err(err) => Err(err),
    };
    let (level, text) = match applied.map(|applied| compare_migrations(&applied, db::migrator(db.backend))) {
        Ok(MigrationState::Current(count)) => (Level::Ok, format!("current ({count} applied)")),
        Ok(MigrationState::Pending(versions)) => {
            (Level::Warning, format!("{versions:?} not applied yet: run `hearth migrate`, or start the server"))
        }
        Ok(MigrationState::Unknown(versions)) => {
            (Level::Problem, format!("{versions:?} were applied by a newer Hearth: run that version"))
        }
        Ok(MigrationState::Altered(versions)) => {
            (Level::Problem, format!("{versions:?} differ from this version's: the schema was changed by hand"))
        }
        Ok(MigrationState::Failed(versions)) => {
            (Level::Problem, format!("{versions:?} started and never finished: restore the last good backup"))
        }
        Err(err) => (Level::Problem, format!("cannot read them: {err}")),
    };
    report.add(level, "migrations", text);

    match accounts::store::admin_exists(&db.read).await {
        Ok(true) => report.add(Level::Ok, "admin", "an instance admin exists"),
        Ok(false) => report.add(
            Level::Warning,
            "admin",
            "no instance admin yet: `hearth admin create`, or the setup link `hearth serve` prints",
        ),
        // Without the tables, the migrations line already says why.
        Err(_) => {}
    }
}

/// The database and its folder must be for their owner's eyes only.
fn file_modes(file: &std::path::Path, report: &mut Report) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &std::path::Path| std::fs::metadata(path).map(|m| m.permissions().mode() & 0o777).ok();
        for (what, path) in [("file", Some(file)), ("folder", file.parent().filter(|p| !p.as_os_str().is_empty()))] {
            if let Some(mode) = path.and_then(mode)
                && mode & 0o077 != 0
            {
                report.add(
                    Level::Problem,
                    "permissions",
                    format!("the database {what} is readable by other users (mode {mode:o}): chmod go-rwx it"),
                );
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (file, report);
}

fn is_loopback_url(url: &str) -> bool {
    let authority = url.split_once("://").map_or("", |(_, rest)| rest).split('/').next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn settings(config: &Config, report: &mut Report) {
    let before = report.0.len();
    if !config.is_https() && !is_loopback_url(&config.base_url) {
        report.add(
            Level::Problem,
            "settings",
            format!(
                "HEARTH_BASE_URL is {}: browsers accept Hearth's cookies over plain HTTP only on localhost. \
                 Put Hearth behind a TLS reverse proxy and set HEARTH_BASE_URL=https://…",
                config.base_url
            ),
        );
    }
    if config.is_https() && config.trusted_proxy_header.is_none() {
        report.add(
            Level::Warning,
            "settings",
            "HEARTH_TRUSTED_PROXY_HEADER is not set: behind a reverse proxy every member shares one rate limit \
             (set it to the header your proxy writes, e.g. X-Forwarded-For)",
        );
    }
    if config.is_https() && !config.listen.ip().is_loopback() {
        report.add(
            Level::Warning,
            "settings",
            format!(
                "listening on {}: unless the proxy runs on another machine, listen on 127.0.0.1 so no one reaches \
                 Hearth around the proxy",
                config.listen
            ),
        );
    }
    if !config.exit_url.starts_with("https://") {
        report.add(Level::Warning, "settings", "HEARTH_EXIT_URL should be an https:// page");
    }
    if report.0.len() == before {
        report.add(Level::Ok, "settings", format!("serving {} from {}", config.base_url, config.listen));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(version: i64, checksum: &[u8]) -> AppliedMigration {
        AppliedMigration { version, checksum: checksum.to_vec(), success: 1 }
    }

    #[test]
    fn migrations_compare_with_the_binarys() {
        let known = db::migrator(Backend::Sqlite);
        let all: Vec<AppliedMigration> = known.iter().map(|m| applied(m.version, &m.checksum)).collect();
        assert_eq!(compare_migrations(&all, known), MigrationState::Current(all.len()));
        assert!(matches!(compare_migrations(&all[..1], known), MigrationState::Pending(_)));
        let mut newer: Vec<AppliedMigration> = known.iter().map(|m| applied(m.version, &m.checksum)).collect();
        newer.push(applied(9999, b"x"));
        assert_eq!(compare_migrations(&newer, known), MigrationState::Unknown(vec![9999]));
        let mut altered: Vec<AppliedMigration> = known.iter().map(|m| applied(m.version, &m.checksum)).collect();
        altered[0].checksum = b"changed".to_vec();
        assert!(matches!(compare_migrations(&altered, known), MigrationState::Altered(_)));
    }

    #[test]
    fn plain_http_is_only_for_localhost() {
        assert!(is_loopback_url("http://127.0.0.1:8080"));
        assert!(is_loopback_url("http://localhost:8080"));
        assert!(is_loopback_url("http://[::1]:8080"));
        assert!(!is_loopback_url("http://forum.example.org"));
        assert!(!is_loopback_url("http://192.0.2.1:8080"));
    }
}
