//! Group commit. On SQLite every write goes through one connection, and with
//! `synchronous=FULL` each COMMIT waits for the disk: one reply per COMMIT
//! caps a forum at the disk's flushes per second. Here the writes of many
//! requests share one transaction: a committer task takes everything queued
//! (up to [`BATCH_MAX`]), runs each write in its own SAVEPOINT, so that one
//! failing write is undone alone, COMMITs once, and only then answers each
//! request. A failed COMMIT fails every write of the batch (a 503 that gives
//! the member's text back, see `operations::kept`); none was acknowledged.
//! PostgreSQL has many connections and needs none of this: there a write runs
//! in its own transaction, through the same call.

use std::{future::Future, pin::Pin};

use sqlx::{Any, Connection, Transaction};
use tokio::sync::{mpsc, oneshot};

use super::{Backend, Pool};
use crate::web::error::AppError;

/// The most writes one COMMIT carries; more wait for the next one.
pub const BATCH_MAX: usize = 64;

/// Writes waiting for the committer before requests wait to queue.
const QUEUE_DEPTH: usize = 1024;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Where writes go to be committed.
#[derive(Debug, Clone)]
pub struct Committer {
    pool: Pool,
    /// The committer task's queue (SQLite); `None` on PostgreSQL.
    queue: Option<mpsc::Sender<Box<dyn Queued>>>,
}

impl Committer {
    /// On SQLite, starts the committer task on the current runtime; it ends
    /// when the last handle is dropped.
    pub fn start(pool: Pool, backend: Backend) -> Self {
        let queue = (backend == Backend::Sqlite).then(|| {
            let (sender, receiver) = mpsc::channel(QUEUE_DEPTH);
            tokio::spawn(run_batches(pool.clone(), receiver));
            sender
        });
        Self { pool, queue }
    }

    /// Runs `work` in a transaction and answers once it is committed. `work`
    /// returns `Some(answer)` to keep what it wrote, or `None` to undo it (a
    /// check inside the transaction refused it); an error undoes it too.
    pub async fn write<V, W>(&self, work: W) -> Result<Option<V>, AppError>
    where
        V: Send + 'static,
        W: for<'a, 'b> FnOnce(&'a mut Transaction<'b, Any>) -> BoxFuture<'a, Result<Option<V>, sqlx::Error>>
            + Send
            + 'static,
    {
        let Some(queue) = &self.queue else {
            let mut tx = self.pool.begin().await?;
            let written = work(&mut tx).await?;
            if written.is_some() {
                tx.commit().await?
            } else {
                tx.rollback().await?
            }
            return Ok(written);
        };
        let (reply, answer) = oneshot::channel();
        let pending = Pending { work: Some(work), result: None, reply };
        let gone = || AppError::StorageUnavailable("the committer has stopped".to_owned());
        queue.send(Box::new(pending)).await.map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }
}

/// How a write went inside its savepoint.
enum Ran {
    Keep,
    Undo,
    /// Failed because the database cannot write (a full disk, an I/O
    /// error), which may have ended the whole transaction: the batch stops.
    Broke,
}

/// Why a batch was not committed, told to each of its writes.
struct Failed {
    unavailable: bool,
    cause: String,
}

impl Failed {
    fn of(err: &sqlx::Error) -> Self {
        Self { unavailable: super::is_unavailable(err), cause: err.to_string() }
    }

    fn error(&self) -> AppError {
        if self.unavailable {
            AppError::StorageUnavailable(self.cause.clone())
        } else {
            AppError::internal(format!("database: {}", self.cause))
        }
    }
}

/// A queued write, its type erased so that writes of any kind share a batch.
trait Queued: Send {
    fn run<'a, 'b>(&'a mut self, tx: &'a mut Transaction<'b, Any>) -> BoxFuture<'a, Ran>;

    /// Answers the request; `batch` is how the batch's COMMIT went.
    fn answer(self: Box<Self>, batch: Result<(), &Failed>);
}

struct Pending<V, W> {
    work: Option<W>,
    result: Option<Result<Option<V>, sqlx::Error>>,
    reply: oneshot::Sender<Result<Option<V>, AppError>>,
}

impl<V, W> Queued for Pending<V, W>
where
    V: Send + 'static,
    W: for<'a, 'b> FnOnce(&'a mut Transaction<'b, Any>) -> BoxFuture<'a, Result<Option<V>, sqlx::Error>>
        + Send
        + 'static,
{
    fn run<'a, 'b>(&'a mut self, tx: &'a mut Transaction<'b, Any>) -> BoxFuture<'a, Ran> {
        Box::pin(async move {
            let Some(work) = self.work.take() else { return Ran::Undo };
            let result = work(tx).await;
            let ran = match &result {
                Ok(Some(_)) => Ran::Keep,
                Ok(None) => Ran::Undo,
                Err(err) if super::is_unavailable(err) => Ran::Broke,
                Err(_) => Ran::Undo,
            };
            self.result = Some(result);
            ran
        })
    }

    fn answer(self: Box<Self>, batch: Result<(), &Failed>) {
        let answer = match (self.result, batch) {
            // Only what was committed is acknowledged.
            (Some(Ok(Some(written))), Ok(())) => Ok(Some(written)),
            (Some(Ok(None)), _) => Ok(None),
            (Some(Err(err)), _) => Err(AppError::from(err)),
            (Some(Ok(Some(_))) | None, Err(failed)) => Err(failed.error()),
            (None, Ok(())) => Err(AppError::internal("a write was left out of its batch")),
        };
        // The request may be gone (the client hung up): nothing to tell.
        let _ = self.reply.send(answer);
    }
}

async fn run_batches(pool: Pool, mut queue: mpsc::Receiver<Box<dyn Queued>>) {
    let mut batch = Vec::with_capacity(BATCH_MAX);
    while queue.recv_many(&mut batch, BATCH_MAX).await > 0 {
        let committed = commit_batch(&pool, &mut batch).await;
        for write in batch.drain(..) {
            write.answer(committed.as_ref().map(|_| ()));
        }
    }
}

/// Runs every write of the batch in its savepoint and commits them together.
async fn commit_batch(pool: &Pool, batch: &mut [Box<dyn Queued>]) -> Result<(), Failed> {
    let failed = |err: sqlx::Error| Failed::of(&err);
    let mut tx = pool.begin().await.map_err(failed)?;
    for write in batch.iter_mut() {
        let mut savepoint = tx.begin().await.map_err(failed)?;
        match write.run(&mut savepoint).await {
            Ran::Keep => savepoint.commit().await.map_err(failed)?,
            Ran::Undo => savepoint.rollback().await.map_err(failed)?,
            // Dropping the transaction rolls it back, as after any failed write.
            Ran::Broke => {
                return Err(Failed {
                    unavailable: true,
                    cause: "a write of the same batch found the database unable to write".to_owned(),
                });
            }
        }
    }
    tx.commit().await.map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    async fn scratch_db(name: &str) -> (Db, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("hearth-commit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let db = Db::connect(&format!("sqlite://{}/c.db", dir.display())).await.unwrap();
        sqlx::query("CREATE TABLE parent (id INTEGER PRIMARY KEY)").execute(&db.write).await.unwrap();
        sqlx::query("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id BIGINT REFERENCES parent (id))")
            .execute(&db.write)
            .await
            .unwrap();
        (db, dir)
    }

    /// What a write does, to see each way a batch can go.
    #[derive(Clone, Copy)]
    enum Kind {
        Insert(i64),
        /// A statement fails (the same id twice).
        Fails(i64),
        /// Writes, then decides against it.
        ChangesItsMind(i64),
        /// Writes a row that breaks a deferred foreign key: COMMIT itself fails.
        BreaksTheCommit,
    }

    fn write(db: &Db, kind: Kind) -> impl Future<Output = Result<Option<i64>, AppError>> + use<> {
        let committer = db.committer.clone();
        async move {
            committer
                .write(move |tx| {
                    Box::pin(async move {
                        let insert = |id: i64| sqlx::query("INSERT INTO parent (id) VALUES ($1)").bind(id);
                        match kind {
                            Kind::Insert(id) => insert(id).execute(&mut **tx).await.map(|_| Some(id)),
                            Kind::Fails(id) => {
                                insert(id).execute(&mut **tx).await?;
                                insert(id).execute(&mut **tx).await.map(|_| Some(id))
                            }
                            Kind::ChangesItsMind(id) => insert(id).execute(&mut **tx).await.map(|_| None),
                            Kind::BreaksTheCommit => {
                                sqlx::query("PRAGMA defer_foreign_keys = ON").execute(&mut **tx).await?;
                                sqlx::query("INSERT INTO child (id, parent_id) VALUES (1, 999)")
                                    .execute(&mut **tx)
                                    .await
                                    .map(|_| Some(0))
                            }
                        }
                    })
                })
                .await
        }
    }

    async fn stored(db: &Db) -> Vec<i64> {
        let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM parent ORDER BY id").fetch_all(&db.read).await.unwrap();
        rows.into_iter().map(|(id,)| id).collect()
    }

    /// Runs the writes as one batch: the writer connection is held until all are queued.
    async fn in_one_batch(db: &Db, kinds: &[Kind]) -> Vec<Result<Option<i64>, AppError>> {
        let held = db.write.acquire().await.unwrap();
        let writes: Vec<_> = kinds.iter().map(|kind| tokio::spawn(write(db, *kind))).collect();
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        drop(held);
        let mut answers = Vec::new();
        for write in writes {
            answers.push(write.await.unwrap());
        }
        answers
    }

    #[tokio::test]
    async fn one_failing_write_is_undone_alone() {
        let (db, dir) = scratch_db("alone").await;
        let answers =
            in_one_batch(&db, &[Kind::Insert(1), Kind::Fails(2), Kind::ChangesItsMind(3), Kind::Insert(4)]).await;
        assert!(matches!(answers[0], Ok(Some(1))));
        assert!(matches!(answers[1], Err(AppError::Internal(_))), "a fault in the write: {:?}", answers[1]);
        assert!(matches!(answers[2], Ok(None)));
        assert!(matches!(answers[3], Ok(Some(4))));
        assert_eq!(stored(&db).await, [1, 4], "the failed and the undone write left nothing");
        db.close().await;
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_failed_commit_fails_every_write_of_its_batch() {
        let (db, dir) = scratch_db("commit").await;
        let answers = in_one_batch(&db, &[Kind::Insert(1), Kind::BreaksTheCommit, Kind::Insert(2)]).await;
        assert!(answers.iter().all(Result::is_err), "nothing acknowledged: {answers:?}");
        assert_eq!(stored(&db).await, Vec::<i64>::new());
        // The committer goes on with the next batch.
        assert!(matches!(write(&db, Kind::Insert(3)).await, Ok(Some(3))));
        assert_eq!(stored(&db).await, [3]);
        db.close().await;
        std::fs::remove_dir_all(dir).unwrap();
    }
}
