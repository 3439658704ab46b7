//! Safety and privacy journeys: two-factor (and the gate that keeps staff
//! without it from acting), sessions, discreet mode, no exports, group
//! privacy options, retention purges, erasure and the data inventory.

mod discreet;
mod erasure;
mod exports;
mod group_privacy;
mod inventory;
mod purge;
mod routes;
mod sessions;
mod two_factor;

use std::collections::BTreeMap;

use crate::support::{Backend, TestApp};

/// A page's text without the invisible marks Fluent puts around arguments.
pub fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// Every table of the schema (migrations' own bookkeeping and SQLite's
/// full-text index internals left out: `post_search` stands for those).
pub async fn tables(app: &TestApp, backend: Backend) -> Vec<String> {
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT LIKE '_sqlx%' AND name NOT LIKE 'post_search_%' ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables WHERE table_schema = 'public' \
             AND table_name NOT LIKE '_sqlx%' ORDER BY table_name"
        }
    };
    let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&app.state.db.read).await.unwrap();
    rows.into_iter().map(|(name,)| name).collect()
}

/// How many rows each table holds.
pub async fn row_counts(app: &TestApp, backend: Backend) -> BTreeMap<String, i64> {
    let mut counts = BTreeMap::new();
    for table in tables(app, backend).await {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let (count,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_one(&app.state.db.read).await.unwrap();
        counts.insert(table, count);
    }
    counts
}
