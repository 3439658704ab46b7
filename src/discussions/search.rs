//! Search over the topics and posts of the groups the searcher may read, and
//! nothing else: the read rule (`readable_group!`) is part of the SQL, so a
//! post of another group is never even loaded.
//!
//! Text is compared folded (`markdown::fold_for_search`: accents removed, lower
//! case), so "eloise" finds "Éloïse" in French and English alike. There is no
//! stemming: one rule for both languages (and for the other languages members
//! write in) beats a stemmer that suits one; every word is matched as a
//! prefix instead, so "parent" also finds "parents" and "parentalité".
//!
//! The query never reaches the database as syntax: it is folded, cut into runs
//! of letters and digits, and only those runs are quoted into an FTS5 (SQLite)
//! or `tsquery` (PostgreSQL) expression, so quotes, `*`, `:`, `&`, `|`, `!`,
//! parentheses, `NEAR` or column filters are plain text at most.

use askama::Template;
use axum::{
    Router,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
    routing::get,
};
use serde::Deserialize;
use sqlx::FromRow;

use crate::{
    accounts::Member,
    clock::{UnixTime, format_utc},
    db::{Backend, Db},
    markdown,
    web::{
        AppState,
        error::AppError,
        page::{PageCtx, render, render_with_status},
        paths,
    },
};

/// Longest query accepted, in characters (the field says so too).
pub const QUERY_MAX_CHARS: usize = 200;
/// Results shown for one query, newest first (a literal, for the SQL).
macro_rules! results_limit {
    () => {
        30
    };
}
const RESULTS: usize = results_limit!();
/// Length of a result's excerpt, in characters.
const EXCERPT_CHARS: usize = 200;

pub fn router() -> Router<AppState> {
    Router::new().route(paths::SEARCH, get(search_get))
}

/// The words of a query as the index holds them: folded, then split at
/// anything that is not a letter or a digit (as both tokenizers do, so
/// "Jean-Luc" is "jean" and "luc", and "l'été" is "l" and "ete").
pub fn words(query: &str) -> Vec<String> {
    markdown::fold_for_search(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every word as a quoted prefix, all of them required: `"word"* "other"*`.
/// A word holds only letters and digits, so it cannot close its quotes.
fn fts5_query(words: &[String]) -> String {
    words.iter().map(|word| format!("\"{word}\"*")).collect::<Vec<_>>().join(" ")
}

/// The same for PostgreSQL: `word:* & other:*`.
fn tsquery(words: &[String]) -> String {
    words.iter().map(|word| format!("{word}:*")).collect::<Vec<_>>().join(" & ")
}

#[derive(Debug, Clone, FromRow)]
pub struct Hit {
    pub post_id: i64,
    pub topic_id: i64,
    pub topic_title: String,
    pub group_name: String,
    /// None when the author's account is gone.
    pub author: Option<String>,
    pub created_at: i64,
    /// The post's or else the topic's content warning.
    pub warning: Option<String>,
    /// The start of the post's Markdown source (enough for an excerpt).
    pub body_start: String,
    /// The searcher's own setting: 1 to fold posts with a warning.
    pub fold_warnings: i64,
}

/// Columns and scope shared by both dialects; `$1` viewer, `$2` now, `$3` the query.
macro_rules! hit_query {
    ($from:literal, $matches:literal, $newest_first:literal) => {
        concat!(
            "SELECT p.id AS post_id, p.topic_id, t.title AS topic_title, g.name AS group_name, \
               u.pseudonym AS author, p.created_at, COALESCE(NULLIF(p.warning, ''), t.warning) AS warning, \
               SUBSTR(p.body_md, 1, 400) AS body_start, \
               COALESCE((SELECT me.fold_warnings FROM users me WHERE me.id = $1), 1) AS fold_warnings \
             FROM ",
            $from,
            " JOIN topics t ON t.id = p.topic_id \
             JOIN support_groups g ON g.id = t.group_id \
             LEFT JOIN users u ON u.id = p.author_id \
             WHERE ",
            $matches,
            " AND p.deleted_at IS NULL AND p.state = 'published' AND t.state = 'published' AND ",
            crate::readable_group!(),
            " ORDER BY ",
            $newest_first,
            " DESC LIMIT ",
            results_limit!()
        )
    };
}

/// The newest posts (at most 30) of groups the viewer may read that hold
/// every word. Newest first rather than by rank: bm25 and `ts_rank` would
/// order the two backends differently, rank has to score every match before
/// the limit, and in a support group the recent conversation is usually the
/// one sought. On SQLite the index gives matches newest first (the search
/// stops at the 30th readable one), and only the newest 5 000 matches of the
/// whole forum are looked at, so that a
/// common word costs the same in a forum of any size (a word found in other
/// groups' posts only must not make the search read them all).
pub async fn search(db: &Db, viewer_id: i64, words: &[String], now: UnixTime) -> Result<Vec<Hit>, sqlx::Error> {
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let (sql, expression) = match db.backend {
        Backend::Sqlite => (
            hit_query!(
                "post_search JOIN posts p ON p.id = post_search.rowid",
                "post_search MATCH $3 AND post_search.rowid >= COALESCE((SELECT rowid FROM post_search \
                   WHERE post_search MATCH $3 ORDER BY rowid DESC LIMIT 1 OFFSET 4999), 0)",
                "post_search.rowid"
            ),
            fts5_query(words),
        ),
        // `search_vector` is `to_tsvector('simple', search_text)`, stored and indexed (GIN).
        Backend::Postgres => {
            (hit_query!("posts p", "p.search_vector @@ to_tsquery('simple', $3)", "p.id"), tsquery(words))
        }
    };
    sqlx::query_as(sql).bind(viewer_id).bind(now).bind(expression).fetch_all(&db.read).await
}

/// A plain-text excerpt: whitespace collapsed, cut at a character boundary.
fn excerpt(source: &str) -> String {
    let flat = source.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", flat[..cut].trim_end()),
        None => flat,
    }
}

pub struct SearchResult {
    pub href: String,
    pub topic_title: String,
    pub group_name: String,
    pub author: Option<String>,
    pub time: String,
    pub warning: Option<String>,
    /// Plain text; the template escapes it like any other.
    pub excerpt: String,
    /// Show a warned excerpt folded (the searcher's reading setting).
    pub fold: bool,
}

impl From<Hit> for SearchResult {
    fn from(hit: Hit) -> Self {
        // The topic page shows posts after `after`, so the post comes first.
        let href = format!(
            "{}?after={}#post-{}",
            paths::fill(paths::TOPIC, &hit.topic_id.to_string()),
            hit.post_id - 1,
            hit.post_id
        );
        Self {
            href,
            topic_title: hit.topic_title,
            group_name: hit.group_name,
            author: hit.author,
            time: format_utc(hit.created_at),
            warning: hit.warning.filter(|w| !w.trim().is_empty()),
            excerpt: excerpt(&hit.body_start),
            fold: hit.fold_warnings == 1,
        }
    }
}

#[derive(Template)]
#[template(path = "discussions/search.html")]
pub struct SearchView {
    pub ctx: PageCtx,
    pub query: String,
    /// False for the bare form (no query yet).
    pub searched: bool,
    pub results: Vec<SearchResult>,
    pub error: Option<&'static str>,
}

impl SearchView {
    /// The list was cut at the limit: more words would narrow it.
    pub fn is_limited(&self) -> bool {
        self.results.len() >= RESULTS
    }

    pub fn count(&self) -> i64 {
        i64::try_from(self.results.len()).unwrap_or(i64::MAX)
    }
}

#[derive(Deserialize)]
struct SearchParams {
    #[serde(default)]
    q: String,
}

/// GET /search — the search form and, given `q`, what matches it in the viewer's groups.
async fn search_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Query(params): Query<SearchParams>,
) -> Result<Response, AppError> {
    let query = params.q.trim().to_owned();
    if query.chars().count() > QUERY_MAX_CHARS {
        let view = SearchView { ctx, query, searched: false, results: Vec::new(), error: Some("search-too-long") };
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    }
    if query.is_empty() {
        return render(&SearchView { ctx, query, searched: false, results: Vec::new(), error: None });
    }
    let hits = search(&state.db, viewer.user_id, &words(&query), state.clock.now()).await?;
    let results = hits.into_iter().map(SearchResult::from).collect();
    render(&SearchView { ctx, query, searched: true, results, error: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_keep_only_folded_letters_and_digits() {
        assert_eq!(words("  Éloïse  L'ÉTÉ jean-luc 2024 "), ["eloise", "l", "ete", "jean", "luc", "2024"]);
        let hostile = r#""a" OR b* NEAR(c d) title:x & !y | (z) ' ; -- \"#;
        assert_eq!(words(hostile), ["a", "or", "b", "near", "c", "d", "title", "x", "y", "z"]);
        assert!(words("*:&|!()\"'").is_empty());
    }

    #[test]
    fn expressions_are_built_only_from_words() {
        let words = words("Éloïse NEAR:x");
        assert_eq!(fts5_query(&words), r#""eloise"* "near"* "x"*"#);
        assert_eq!(tsquery(&words), "eloise:* & near:* & x:*");
    }

    #[test]
    fn excerpts_are_flat_and_short() {
        assert_eq!(excerpt("one\n\n  two"), "one two");
        let long = "é".repeat(250);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
