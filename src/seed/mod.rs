//! Benchmark support. `hearth seed` fills an empty database with a large,
//! realistic forum, the same for the same `--seed`: organisations and their
//! staff, groups, members in a few groups each with the agreements accepted,
//! topics of every length (some long threads), posts in Markdown (some with
//! content warnings), reactions and read markers that leave unread posts.
//! Everything goes into the columns the app reads, as the app would keep
//! them: rendered HTML, search text (and its index), topic counters, read
//! counts. `ceiling` is the static page `bench/run` measures the server's
//! ceiling with.
//!
//! Bench data only: every account shares one password hash (the password is
//! hashed once, with the app's own parameters).

mod bulk;
pub mod ceiling;
mod plan;
mod text;
mod write;

use std::{io::Write as _, path::PathBuf, time::Instant};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use sqlx::{AnyConnection, Executor};

pub use plan::Size;

use crate::{accounts::password::Password, db::Backend, web::AppState};

/// Members listed in the manifest, for the benchmark to sign in as.
const MANIFEST_MEMBERS: usize = 256;

#[derive(Debug, Clone)]
pub struct Options {
    pub size: Size,
    pub seed: u64,
    /// Where to write the manifest (see `write_manifest`).
    pub manifest: Option<PathBuf>,
}

/// Prints a step and how long the seed has taken so far.
pub(crate) fn progress(started: Instant, what: &str) {
    eprintln!("seed: {what} ({:.1} s)", started.elapsed().as_secs_f64());
}

/// Fills the database; refuses one that holds anything of a forum.
pub async fn run(state: &AppState, options: &Options, password: &str) -> Result<String, String> {
    let started = Instant::now();
    let err = |e: sqlx::Error| e.to_string();
    let (held,): (i64,) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM organisations) \
           + (SELECT COUNT(*) FROM support_groups) + (SELECT COUNT(*) FROM topics)",
    )
    .fetch_one(&state.db.read)
    .await
    .map_err(err)?;
    if held > 0 {
        return Err("this database already holds a forum; `hearth seed` only fills an empty one".to_owned());
    }
    let password = Password::parse(password, &[]).map_err(|problem| {
        format!("password refused: {}", state.translations.get(Default::default(), problem.message_key(), &[]))
    })?;
    let hash = state.hasher.hash(&password).await.map_err(|e| e.to_string())?;

    let shape = options.size.shape();
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let plan = plan::Plan::new(&mut rng, &shape);
    let bodies = text::pool(&mut rng, shape.bodies);
    progress(started, &format!("planned and rendered {} distinct bodies", bodies.len()));

    let backend = state.db.backend;
    let mut conn = state.db.write.acquire().await.map_err(err)?;
    tune_for_loading(&mut conn, backend, true).await.map_err(err)?;
    let seeding = write::Seeding {
        backend,
        shape,
        plan: &plan,
        bodies: &bodies,
        password_hash: &hash,
        now: state.clock.now(),
        started,
    };
    let written = seeding.write(&mut conn, &mut rng).await;
    // Durable settings come back whatever happened.
    let restored = tune_for_loading(&mut conn, backend, false).await;
    let forum = written.map_err(err)?;
    restored.map_err(err)?;
    drop(conn);
    progress(started, "settled (checkpoint, statistics)");

    if let Some(path) = &options.manifest {
        let lines = forum.manifest(&mut rng, &plan, MANIFEST_MEMBERS);
        write_manifest(path, &lines).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(format!(
        "Seeded {} organisations, {} groups, {} members, {} topics, {} posts, {} reactions, {} read markers in {:.1} s. \
         Every account's password is the one given (bench data only).",
        shape.organisations,
        shape.groups,
        shape.members,
        shape.topics,
        shape.posts,
        forum.reactions,
        forum.read_markers,
        started.elapsed().as_secs_f64()
    ))
}

/// While loading, SQLite skips fsync and foreign-key lookups (the seed
/// writes its ids in order) and keeps more pages in memory; PostgreSQL does
/// not wait for each commit to reach the disk. Back to the durable defaults
/// afterwards, with the write-ahead log folded in and (PostgreSQL) fresh
/// planner statistics, as autovacuum would soon make them.
async fn tune_for_loading(conn: &mut AnyConnection, backend: Backend, loading: bool) -> Result<(), sqlx::Error> {
    let sql = match (backend, loading) {
        (Backend::Sqlite, true) => "PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144;",
        (Backend::Sqlite, false) => {
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000; \
             PRAGMA wal_checkpoint(TRUNCATE);"
        }
        (Backend::Postgres, true) => "SET synchronous_commit = off",
        (Backend::Postgres, false) => "RESET synchronous_commit; ANALYZE",
    };
    conn.execute(sql).await.map(drop)
}

/// One line per sampled member, tab-separated:
/// `pseudonym  topic_path  group_path  search_word  first_page_post_html_bytes`
/// — a topic they can read whose first page is a full page of posts, a group
/// of theirs, a word search finds in their groups, and how many bytes of the
/// topic page are the 50 posts' own HTML.
fn write_manifest(path: &std::path::Path, lines: &[write::ManifestLine]) -> std::io::Result<()> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    for line in lines {
        writeln!(
            file,
            "{}\t{}\t{}\t{}\t{}",
            line.pseudonym, line.topic_path, line.group_path, line.search_word, line.page_html_bytes
        )?;
    }
    file.flush()
}
