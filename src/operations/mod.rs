//! Running Hearth: the health endpoint for load balancers (`health`), giving
//! a form's text back when the database cannot take it (`kept`), and the
//! operator's commands: online backups and restores (`backup`, `restore`,
//! wrapping PostgreSQL's own tools in `pg_tools`) and the health report
//! (`check`), with the locks that say whether a database is in use
//! (`presence`).

pub mod backup;
pub mod check;
pub mod health;
pub mod kept;
pub mod pg_tools;
pub mod presence;
pub mod restore;
pub mod store;

use axum::Router;

use crate::{config::Config, web::AppState};

/// Commands that look at a database must not create one where a mistyped
/// `HEARTH_DATABASE_URL` points (SQLite creates a missing file on opening).
pub fn require_database(config: &Config) -> Result<(), String> {
    match crate::db::sqlite_file(&config.database_url) {
        Some(file) if !file.is_file() => {
            Err(format!("there is no database at {} (see HEARTH_DATABASE_URL)", file.display()))
        }
        _ => Ok(()),
    }
}

pub fn router() -> Router<AppState> {
    health::router()
}
