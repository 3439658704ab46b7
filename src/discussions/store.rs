//! Topics, posts, reactions and read markers: all their SQL. Every query that
//! loads a topic or a post repeats the group read rule (`readable_group!`, with
//! the viewer as `$1` and the time as `$2`), so a topic or post of a group the
//! viewer may not read is never loaded and looks exactly like a missing one.
//! Pages are bounded: one query per kind of thing shown, never one per post.
//! Posts that are not published (held, declined, hidden; see `moderation`)
//! are shown only to their author and the group's staff (`visible_post!`),
//! and never counted: topics count published posts only, and so do read
//! markers, so "N new" never announces a post the reader cannot see.

use sqlx::{Any, AnyConnection, FromRow, Transaction};

use crate::{clock::UnixTime, db::Pool};

type Result<T> = std::result::Result<T, sqlx::Error>;

/// The reaction kinds the database accepts, in the order they are shown.
pub const REACTION_KINDS: [&str; 3] = ["support", "me-too", "thank-you"];

/// A topic as its page needs it, with the viewer's read marker and reading preference.
#[derive(Debug, Clone, FromRow)]
pub struct TopicRow {
    pub id: i64,
    pub group_id: i64,
    pub author_id: Option<i64>,
    pub title: String,
    pub warning: Option<String>,
    pub pinned: i64,
    pub locked: i64,
    pub last_post_id: i64,
    pub post_count: i64,
    /// `published`, or `held`/`hidden` with its first post.
    pub state: String,
    /// 0 when the topic has no post (never, once written).
    pub first_post_id: i64,
    /// The viewer's marker: 0 when they never opened the topic.
    pub last_read_post_id: i64,
    /// The first post after the marker (0: none).
    pub first_unread_post_id: i64,
    /// The viewer's `users.fold_warnings`.
    pub fold_warnings: i64,
}

/// The viewer's scope, for queries on a group's content.
macro_rules! from_topic_in_scope {
    () => {
        " FROM topics t JOIN support_groups g ON g.id = t.group_id "
    };
}

pub async fn topic_for_viewer(pool: &Pool, user_id: i64, topic_id: i64, now: UnixTime) -> Result<Option<TopicRow>> {
    sqlx::query_as(concat!(
        "SELECT t.id, t.group_id, t.author_id, t.title, t.warning, t.pinned, t.locked, t.last_post_id, t.post_count, \
           t.state, COALESCE((SELECT MIN(f.id) FROM posts f WHERE f.topic_id = t.id), 0) AS first_post_id, \
           COALESCE(r.last_read_post_id, 0) AS last_read_post_id, \
           COALESCE((SELECT MIN(n.id) FROM posts n WHERE n.topic_id = t.id AND n.state = 'published' \
             AND n.id > COALESCE(r.last_read_post_id, 0)), 0) AS first_unread_post_id, \
           COALESCE((SELECT u.fold_warnings FROM users u WHERE u.id = $1), 1) AS fold_warnings",
        from_topic_in_scope!(),
        "LEFT JOIN topic_reads r ON r.topic_id = t.id AND r.user_id = $1 \
         WHERE t.id = $3 AND ",
        crate::readable_group!(),
        " AND ",
        crate::visible_topic!()
    ))
    .bind(user_id)
    .bind(now)
    .bind(topic_id)
    .fetch_optional(pool)
    .await
}

/// One post of a topic page, author by JOIN.
#[derive(Debug, Clone, FromRow)]
pub struct PostRow {
    pub id: i64,
    pub author_id: Option<i64>,
    /// None when the author's account is gone.
    pub author: Option<String>,
    pub warning: Option<String>,
    pub body_html: String,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
    /// `published`, `held`, `declined` or `hidden`.
    pub state: String,
    /// Why it is held (`moderation::filters::HoldReason` codes).
    pub held_reason: String,
    /// The facilitators' note to the author when they declined it.
    pub moderation_note: String,
    pub redacted_at: Option<i64>,
    pub redaction_reason: String,
}

macro_rules! post_page_select {
    () => {
        concat!(
            "SELECT p.id, p.author_id, u.pseudonym AS author, p.warning, p.body_html, p.created_at, p.edited_at, \
               p.deleted_at, p.state, p.held_reason, p.moderation_note, p.redacted_at, p.redaction_reason \
             FROM posts p JOIN support_groups g ON g.id = p.group_id LEFT JOIN users u ON u.id = p.author_id \
             WHERE p.topic_id = $3 AND ",
            crate::readable_group!(),
            " AND ",
            crate::visible_post!()
        )
    };
}

/// Where a page of posts starts or ends (keyset, never OFFSET).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostCursor {
    /// Posts with an id above this one, oldest first (0: the first page).
    After(i64),
    /// The posts just before this id (the last page is `Before(last + 1)`).
    Before(i64),
}

/// Posts on one page of a topic, a literal in the SQL: SQLite prepares a
/// statement again every time a bound LIMIT is bound.
macro_rules! posts_per_page {
    () => {
        50
    };
}
pub const POSTS_PER_PAGE: i64 = posts_per_page!();

/// A page of posts in id order ([`POSTS_PER_PAGE`] of them).
pub async fn posts_page(
    pool: &Pool,
    user_id: i64,
    now: UnixTime,
    topic_id: i64,
    cursor: PostCursor,
) -> Result<Vec<PostRow>> {
    match cursor {
        PostCursor::After(after) => {
            sqlx::query_as(concat!(post_page_select!(), " AND p.id > $4 ORDER BY p.id LIMIT ", posts_per_page!()))
                .bind(user_id)
                .bind(now)
                .bind(topic_id)
                .bind(after)
                .fetch_all(pool)
                .await
        }
        PostCursor::Before(before) => {
            let mut rows: Vec<PostRow> = sqlx::query_as(concat!(
                post_page_select!(),
                " AND p.id < $4 ORDER BY p.id DESC LIMIT ",
                posts_per_page!()
            ))
            .bind(user_id)
            .bind(now)
            .bind(topic_id)
            .bind(before)
            .fetch_all(pool)
            .await?;
            rows.reverse();
            Ok(rows)
        }
    }
}

/// How many reactions of one kind a post has, and whether the viewer's is among them.
#[derive(Debug, Clone, FromRow)]
pub struct ReactionCount {
    pub post_id: i64,
    pub kind: String,
    pub count: i64,
    pub mine: i64,
}

/// Reaction counts for the posts of a topic with ids in `first..=last`, in one grouped query.
pub async fn reaction_counts(
    pool: &Pool,
    user_id: i64,
    now: UnixTime,
    topic_id: i64,
    first: i64,
    last: i64,
) -> Result<Vec<ReactionCount>> {
    sqlx::query_as(concat!(
        "SELECT r.post_id, r.kind, COUNT(*) AS count, \
           CAST(SUM(CASE WHEN r.user_id = $1 THEN 1 ELSE 0 END) AS BIGINT) AS mine \
         FROM reactions r JOIN posts p ON p.id = r.post_id JOIN support_groups g ON g.id = p.group_id \
         WHERE p.topic_id = $3 AND r.post_id >= $4 AND r.post_id <= $5 AND ",
        crate::readable_group!(),
        " GROUP BY r.post_id, r.kind"
    ))
    .bind(user_id)
    .bind(now)
    .bind(topic_id)
    .bind(first)
    .bind(last)
    .fetch_all(pool)
    .await
}

/// Moves the viewer's read marker forward to `last_shown` (never back), with
/// the number of the topic's posts up to it, so unread = post_count − read_count.
pub async fn mark_read(pool: &Pool, user_id: i64, topic_id: i64, last_shown: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO topic_reads (user_id, topic_id, last_read_post_id, read_count) \
         VALUES ($1, $2, $3, (SELECT COUNT(*) FROM posts WHERE topic_id = $2 AND id <= $3 AND state = 'published')) \
         ON CONFLICT (user_id, topic_id) DO UPDATE \
           SET last_read_post_id = excluded.last_read_post_id, read_count = excluded.read_count \
           WHERE topic_reads.last_read_post_id < excluded.last_read_post_id",
    )
    .bind(user_id)
    .bind(topic_id)
    .bind(last_shown)
    .execute(pool)
    .await?;
    Ok(())
}

/// One post with its topic, for editing, deleting and reacting.
#[derive(Debug, Clone, FromRow)]
pub struct PostInTopic {
    pub id: i64,
    pub topic_id: i64,
    pub group_id: i64,
    pub author_id: Option<i64>,
    pub warning: Option<String>,
    pub body_md: String,
    pub body_html: String,
    pub created_at: i64,
    pub deleted_at: Option<i64>,
    pub state: String,
    pub held_reason: String,
    pub moderation_note: String,
    pub title: String,
    pub topic_warning: Option<String>,
    pub topic_state: String,
    /// 1 for the topic's first post (its title is edited with it).
    pub is_first: i64,
}

pub async fn post_for_viewer(pool: &Pool, user_id: i64, post_id: i64, now: UnixTime) -> Result<Option<PostInTopic>> {
    sqlx::query_as(concat!(
        "SELECT p.id, p.topic_id, p.group_id, p.author_id, p.warning, p.body_md, p.body_html, p.created_at, \
           p.deleted_at, p.state, p.held_reason, p.moderation_note, t.title, t.warning AS topic_warning, \
           t.state AS topic_state, \
           CASE WHEN p.id = (SELECT MIN(f.id) FROM posts f WHERE f.topic_id = p.topic_id) THEN 1 ELSE 0 END AS is_first \
         FROM posts p JOIN topics t ON t.id = p.topic_id JOIN support_groups g ON g.id = t.group_id \
         WHERE p.id = $3 AND ",
        crate::readable_group!(),
        " AND ",
        crate::visible_post!()
    ))
    .bind(user_id)
    .bind(now)
    .bind(post_id)
    .fetch_optional(pool)
    .await
}

/// A post as written: source, sanitised HTML (from `markdown::to_html`) and
/// folded search text; held (with why) or published.
pub struct NewPost<'a> {
    pub author_id: i64,
    pub warning: Option<&'a str>,
    pub body_md: &'a str,
    pub body_html: &'a str,
    pub search_text: &'a str,
    pub now: UnixTime,
    /// `Some(reasons)` when it waits for a facilitator (see `moderation::filters::HoldReason`).
    pub held: Option<&'a str>,
}

impl NewPost<'_> {
    fn state(&self) -> &'static str {
        if self.held.is_some() { "held" } else { "published" }
    }
}

async fn insert_post(tx: &mut Transaction<'_, Any>, topic_id: i64, group_id: i64, post: &NewPost<'_>) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO posts (topic_id, group_id, author_id, warning, body_md, body_html, search_text, created_at, \
           state, held_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(topic_id)
    .bind(group_id)
    .bind(post.author_id)
    .bind(post.warning)
    .bind(post.body_md)
    .bind(post.body_html)
    .bind(post.search_text)
    .bind(post.now)
    .bind(post.state())
    .bind(post.held.unwrap_or_default())
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// A new topic and its first post (whose warning is the topic's). Returns
/// (topic id, post id). A held first post holds its topic: nothing counted yet.
pub async fn insert_topic(
    tx: &mut Transaction<'_, Any>,
    group_id: i64,
    title: &str,
    post: &NewPost<'_>,
) -> Result<(i64, i64)> {
    let counted = i64::from(post.held.is_none());
    let (topic_id,): (i64,) = sqlx::query_as(
        "INSERT INTO topics (group_id, author_id, title, warning, created_at, last_post_at, post_count, state) \
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7) RETURNING id",
    )
    .bind(group_id)
    .bind(post.author_id)
    .bind(title)
    .bind(post.warning)
    .bind(post.now)
    .bind(counted)
    .bind(post.state())
    .fetch_one(&mut **tx)
    .await?;
    let post_id = insert_post(tx, topic_id, group_id, post).await?;
    sqlx::query("UPDATE topics SET last_post_id = $1 WHERE id = $2")
        .bind(post_id * counted)
        .bind(topic_id)
        .execute(&mut **tx)
        .await?;
    // One's own first post is not news to oneself.
    sqlx::query("INSERT INTO topic_reads (user_id, topic_id, last_read_post_id, read_count) VALUES ($1, $2, $3, $4)")
        .bind(post.author_id)
        .bind(topic_id)
        .bind(post_id)
        .bind(counted)
        .execute(&mut **tx)
        .await?;
    Ok((topic_id, post_id))
}

/// Counts an author's own reply as read, but only if they had read everything
/// before it: a marker is a high-water mark, and must not skip others' posts.
pub async fn read_own_reply(
    tx: &mut Transaction<'_, Any>,
    user_id: i64,
    topic_id: i64,
    previous_last_post_id: i64,
    post_id: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE topic_reads SET last_read_post_id = $1, read_count = read_count + 1 \
         WHERE user_id = $2 AND topic_id = $3 AND last_read_post_id = $4",
    )
    .bind(post_id)
    .bind(user_id)
    .bind(topic_id)
    .bind(previous_last_post_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A reply, counted on its topic (a held one is counted when it is
/// approved). `None` when the topic was locked meanwhile and the author may
/// not reply to a locked topic (the caller rolls back).
pub async fn insert_reply(
    tx: &mut Transaction<'_, Any>,
    topic_id: i64,
    group_id: i64,
    post: &NewPost<'_>,
    may_reply_when_locked: bool,
) -> Result<Option<i64>> {
    let post_id = insert_post(tx, topic_id, group_id, post).await?;
    let counted = i64::from(post.held.is_none());
    let done = sqlx::query(
        "UPDATE topics SET last_post_id = CASE WHEN $5 = 1 THEN $1 ELSE last_post_id END, \
           last_post_at = CASE WHEN $5 = 1 THEN $2 ELSE last_post_at END, post_count = post_count + $5 \
         WHERE id = $3 AND (locked = 0 OR $4 = 1)",
    )
    .bind(post_id)
    .bind(post.now)
    .bind(topic_id)
    .bind(i64::from(may_reply_when_locked))
    .bind(counted)
    .execute(&mut **tx)
    .await?;
    Ok((done.rows_affected() == 1).then_some(post_id))
}

/// New words for a post (and for a first post, the topic's title and warning).
pub struct PostEdit<'a> {
    pub post_id: i64,
    pub topic_id: i64,
    /// Some for a topic's first post.
    pub title: Option<&'a str>,
    pub warning: Option<&'a str>,
    pub body_md: &'a str,
    pub body_html: &'a str,
    pub search_text: &'a str,
    pub now: UnixTime,
}

pub async fn update_post(pool: &Pool, edit: PostEdit<'_>) -> Result<()> {
    let mut tx = pool.begin().await?;
    update_post_in(&mut tx, edit).await?;
    tx.commit().await
}

/// The same inside the caller's transaction (a redaction, a resubmitted held post).
pub async fn update_post_in(tx: &mut AnyConnection, edit: PostEdit<'_>) -> Result<()> {
    sqlx::query(
        "UPDATE posts SET warning = $1, body_md = $2, body_html = $3, search_text = $4, edited_at = $5 \
         WHERE id = $6 AND deleted_at IS NULL",
    )
    .bind(edit.warning)
    .bind(edit.body_md)
    .bind(edit.body_html)
    .bind(edit.search_text)
    .bind(edit.now)
    .bind(edit.post_id)
    .execute(&mut *tx)
    .await?;
    if let Some(title) = edit.title {
        sqlx::query("UPDATE topics SET title = $1, warning = $2 WHERE id = $3")
            .bind(title)
            .bind(edit.warning)
            .bind(edit.topic_id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Really removes a post's words (with the reactions to them, and what staff
/// kept of them before a redaction); the post keeps its place in the thread
/// so replies still make sense.
pub async fn delete_post(pool: &Pool, post_id: i64, now: UnixTime) -> Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "UPDATE posts SET body_md = '', body_html = '', warning = NULL, search_text = '', moderation_note = '', \
           redaction_reason = '', deleted_at = $1 WHERE id = $2",
    )
    .bind(now)
    .bind(post_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM reactions WHERE post_id = $1").bind(post_id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM redactions WHERE post_id = $1").bind(post_id).execute(&mut *tx).await?;
    tx.commit().await
}

pub async fn set_pinned(tx: &mut AnyConnection, topic_id: i64, pinned: bool) -> Result<()> {
    sqlx::query("UPDATE topics SET pinned = $1 WHERE id = $2")
        .bind(i64::from(pinned))
        .bind(topic_id)
        .execute(tx)
        .await?;
    Ok(())
}

pub async fn set_locked(tx: &mut AnyConnection, topic_id: i64, locked: bool) -> Result<()> {
    sqlx::query("UPDATE topics SET locked = $1 WHERE id = $2")
        .bind(i64::from(locked))
        .bind(topic_id)
        .execute(tx)
        .await?;
    Ok(())
}

/// Adds the viewer's reaction of this kind, or takes it back if it was there.
pub async fn toggle_reaction(pool: &Pool, post_id: i64, user_id: i64, kind: &str, now: UnixTime) -> Result<()> {
    let mut tx = pool.begin().await?;
    let removed = sqlx::query("DELETE FROM reactions WHERE post_id = $1 AND user_id = $2 AND kind = $3")
        .bind(post_id)
        .bind(user_id)
        .bind(kind)
        .execute(&mut *tx)
        .await?;
    if removed.rows_affected() == 0 {
        sqlx::query(
            "INSERT INTO reactions (post_id, user_id, kind, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(post_id)
        .bind(user_id)
        .bind(kind)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Who reacted to a post, for staff.
#[derive(Debug, Clone, FromRow)]
pub struct ReactionBy {
    pub pseudonym: String,
    pub kind: String,
}

pub async fn reactions_to(pool: &Pool, user_id: i64, post_id: i64, now: UnixTime) -> Result<Vec<ReactionBy>> {
    sqlx::query_as(concat!(
        "SELECT u.pseudonym, r.kind FROM reactions r JOIN users u ON u.id = r.user_id \
           JOIN posts p ON p.id = r.post_id JOIN support_groups g ON g.id = p.group_id \
         WHERE r.post_id = $3 AND ",
        crate::readable_group!(),
        " ORDER BY r.kind, u.pseudonym"
    ))
    .bind(user_id)
    .bind(now)
    .bind(post_id)
    .fetch_all(pool)
    .await
}

pub async fn set_fold_warnings(pool: &Pool, user_id: i64, fold: bool) -> Result<()> {
    sqlx::query("UPDATE users SET fold_warnings = $1 WHERE id = $2")
        .bind(i64::from(fold))
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// One line of a group's topic list, with the viewer's read state.
#[derive(Debug, Clone, FromRow)]
pub struct TopicLineRow {
    pub id: i64,
    pub title: String,
    pub warning: Option<String>,
    pub author: Option<String>,
    pub pinned: i64,
    pub locked: i64,
    pub post_count: i64,
    pub last_post_at: i64,
    pub last_read_post_id: i64,
    pub read_count: i64,
    pub first_unread_post_id: i64,
    pub state: String,
}

/// Where a topic list page starts: topics sort by (pinned, last activity, id),
/// all descending; a page holds the topics strictly after this key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicCursor {
    pub pinned: i64,
    pub last_post_at: i64,
    pub id: i64,
}

impl TopicCursor {
    /// Before every topic (pinned is 0 or 1).
    pub const START: Self = Self { pinned: 2, last_post_at: 0, id: 0 };
}

/// Topics on one page of a group (a literal in the SQL, see `posts_per_page`).
macro_rules! topics_per_page {
    () => {
        30
    };
}
pub const TOPICS_PER_PAGE: i64 = topics_per_page!();

/// A page of a group's topics, pinned first then by last activity, in one
/// query: [`TOPICS_PER_PAGE`] and one more, which tells whether there are more.
pub async fn topic_lines(
    pool: &Pool,
    user_id: i64,
    now: UnixTime,
    group_id: i64,
    after: TopicCursor,
) -> Result<Vec<TopicLineRow>> {
    sqlx::query_as(concat!(
        "SELECT t.id, t.title, t.warning, u.pseudonym AS author, t.pinned, t.locked, t.post_count, t.last_post_at, \
           COALESCE(r.last_read_post_id, 0) AS last_read_post_id, COALESCE(r.read_count, 0) AS read_count, \
           COALESCE((SELECT MIN(n.id) FROM posts n WHERE n.topic_id = t.id AND n.state = 'published' \
             AND n.id > COALESCE(r.last_read_post_id, 0)), 0) AS first_unread_post_id, t.state",
        from_topic_in_scope!(),
        "LEFT JOIN users u ON u.id = t.author_id \
         LEFT JOIN topic_reads r ON r.topic_id = t.id AND r.user_id = $1 \
         WHERE t.group_id = $3 AND ",
        crate::readable_group!(),
        " AND ",
        crate::visible_topic!(),
        " AND (t.pinned < $4 OR (t.pinned = $4 AND (t.last_post_at < $5 OR (t.last_post_at = $5 AND t.id < $6)))) \
         ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT ",
        topics_per_page!(),
        " + 1"
    ))
    .bind(user_id)
    .bind(now)
    .bind(group_id)
    .bind(after.pinned)
    .bind(after.last_post_at)
    .bind(after.id)
    .fetch_all(pool)
    .await
}
