//! Multi-row INSERTs: rows gather in a batch and go to the database hundreds
//! at a time in one statement, which both backends prepare once and reuse.
//! Ids are chosen by the seed (the database is empty), so PostgreSQL is told
//! to take them (`OVERRIDING SYSTEM VALUE`) and its identities are moved past
//! them at the end (`restart_identities`).

use sqlx::{AnyConnection, AssertSqlSafe, Executor};

use crate::db::Backend;

/// One value of a row.
#[derive(Debug, Clone)]
pub(super) enum Value<'a> {
    Int(i64),
    Text(&'a str),
    Owned(String),
    Null,
}

impl From<i64> for Value<'_> {
    fn from(value: i64) -> Self {
        Self::Int(value)
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(value: &'a str) -> Self {
        Self::Text(value)
    }
}

impl From<String> for Value<'_> {
    fn from(value: String) -> Self {
        Self::Owned(value)
    }
}

impl<'a> From<Option<&'a str>> for Value<'a> {
    fn from(value: Option<&'a str>) -> Self {
        value.map_or(Self::Null, Self::Text)
    }
}

/// Bound parameters per statement stay well under both backends' limits
/// (SQLite 32 766, PostgreSQL 65 535).
const PARAMETERS_PER_STATEMENT: usize = 12_000;
const MAX_ROWS_PER_STATEMENT: usize = 1_000;

pub(super) struct Batch<'a> {
    table: &'static str,
    columns: &'static [&'static str],
    backend: Backend,
    rows_per_statement: usize,
    values: Vec<Value<'a>>,
    /// The statement for a full batch, built once.
    full: String,
    pub(super) inserted: u64,
}

impl<'a> Batch<'a> {
    pub(super) fn new(backend: Backend, table: &'static str, columns: &'static [&'static str]) -> Self {
        let rows_per_statement = (PARAMETERS_PER_STATEMENT / columns.len()).min(MAX_ROWS_PER_STATEMENT);
        let full = statement(backend, table, columns, rows_per_statement);
        Self { table, columns, backend, rows_per_statement, values: Vec::new(), full, inserted: 0 }
    }

    /// Adds a row (values in column order), sending a full batch on.
    pub(super) async fn push(&mut self, conn: &mut AnyConnection, row: Vec<Value<'a>>) -> Result<(), sqlx::Error> {
        debug_assert_eq!(row.len(), self.columns.len(), "a row of {}", self.table);
        self.values.extend(row);
        if self.values.len() >= self.rows_per_statement * self.columns.len() {
            self.send(conn).await?;
        }
        Ok(())
    }

    /// Sends what is left.
    pub(super) async fn flush(&mut self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        if !self.values.is_empty() {
            self.send(conn).await?;
        }
        Ok(())
    }

    async fn send(&mut self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        let rows = self.values.len() / self.columns.len();
        let sql = if rows == self.rows_per_statement {
            self.full.clone()
        } else {
            statement(self.backend, self.table, self.columns, rows)
        };
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for value in self.values.drain(..) {
            query = match value {
                Value::Int(number) => query.bind(number),
                Value::Text(text) => query.bind(text),
                Value::Owned(text) => query.bind(text),
                Value::Null => query.bind(None::<String>),
            };
        }
        conn.execute(query).await?;
        self.inserted += rows as u64;
        Ok(())
    }
}

/// `INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), …`
fn statement(backend: Backend, table: &str, columns: &[&str], rows: usize) -> String {
    let overriding = if backend == Backend::Postgres { " OVERRIDING SYSTEM VALUE" } else { "" };
    let mut sql = format!("INSERT INTO {table} ({}){overriding} VALUES ", columns.join(", "));
    let mut parameter = 0;
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns.len() {
            parameter += 1;
            if column > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&parameter.to_string());
        }
        sql.push(')');
    }
    sql
}

/// Moves PostgreSQL's identity columns past the ids the seed chose, so the
/// app's own inserts continue after them. SQLite needs nothing.
pub(super) async fn restart_identities(
    conn: &mut AnyConnection,
    backend: Backend,
    tables: &[&'static str],
) -> Result<(), sqlx::Error> {
    if backend != Backend::Postgres {
        return Ok(());
    }
    for table in tables {
        let sql = format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        );
        conn.execute(AssertSqlSafe(sql)).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_number_every_parameter() {
        assert_eq!(statement(Backend::Sqlite, "t", &["a", "b"], 2), "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)");
        assert!(statement(Backend::Postgres, "t", &["a"], 1).contains("OVERRIDING SYSTEM VALUE VALUES ($1)"));
    }
}
