//! In-app notifications, and nothing else: no e-mail and no push, because an
//! inbox or a lock screen is read by whoever holds the device. A member is told
//! of replies to their topics, of mentions, and of check-in messages; the list
//! shows only what the member may still read (the read rule is in the SQL).

use askama::Template;
use axum::{
    Router,
    extract::{Query, State},
    response::Response,
    routing::{get, post},
};
use serde::Deserialize;
use sqlx::{Any, FromRow, Transaction};

use crate::{
    accounts::{Member, pseudonym},
    clock::{UnixTime, format_utc},
    web::{
        AppState,
        csrf::Post,
        error::AppError,
        page::{PageCtx, render, see_other},
        paths,
    },
};

/// Mentions acted on in one post; any after these are left as text.
pub const MENTIONS_MAX: usize = 20;
/// Notifications on one page (a literal, for the SQL).
macro_rules! page_size {
    () => {
        30
    };
}
const PAGE_SIZE: usize = page_size!();

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::NOTIFICATIONS, get(notifications_get))
        .route(paths::NOTIFICATIONS_READ, post(notifications_read_post))
}

/// A post was just published (called inside the transaction that wrote it).
pub struct PostPublished<'a> {
    pub group_id: i64,
    pub topic_id: i64,
    pub post_id: i64,
    pub author_id: i64,
    /// Author of the topic's first post (None if their account is gone).
    pub topic_author_id: Option<i64>,
    /// False for the first post of a new topic.
    pub is_reply: bool,
    pub body_md: &'a str,
    pub now: UnixTime,
}

/// Notifies the people mentioned in a post (kind `mention`) and, for a reply,
/// the topic's author (kind `reply`). Each person gets at most one
/// notification per post (a topic author who is also mentioned gets the
/// mention), never for their own post, and only if they may read the group.
/// See [`mentions`] for how a mention is written.
pub async fn post_published(tx: &mut Transaction<'_, Any>, post: PostPublished<'_>) -> Result<(), sqlx::Error> {
    let mut notified = vec![post.author_id];
    for mention in mentions(post.body_md) {
        let Some(user_id) = mentioned_user(tx, &mention).await? else { continue };
        if !notified.contains(&user_id) {
            notified.push(user_id);
            notify_reader(tx, user_id, "mention", &post).await?;
        }
    }
    if let Some(topic_author) = post.topic_author_id.filter(|id| post.is_reply && !notified.contains(id)) {
        notify_reader(tx, topic_author, "reply", &post).await?;
    }
    Ok(())
}

/// Inserts a notification about a post for `user_id` if they may read its group.
async fn notify_reader(
    tx: &mut Transaction<'_, Any>,
    user_id: i64,
    kind: &'static str,
    post: &PostPublished<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(concat!(
        "INSERT INTO notifications (user_id, kind, group_id, topic_id, post_id, created_at) \
         SELECT $1, $3, g.id, $4, $5, $2 FROM support_groups g WHERE g.id = $6 AND ",
        crate::readable_group!()
    ))
    .bind(user_id)
    .bind(post.now)
    .bind(kind)
    .bind(post.topic_id)
    .bind(post.post_id)
    .bind(post.group_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One `@name` found in a post, with the spellings it may stand for, most
/// literal first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    keys: Vec<String>,
}

/// The mentions in a post, at most [`MENTIONS_MAX`], each once. The rule:
/// - `@` at the start of the text, after whitespace, or after opening
///   punctuation or emphasis (`( [ { " ' « “ ‘ * _ ~ > ,`) — so `a@b.org` and
///   `https://example.org/@name` mention no one;
/// - then the pseudonym's own characters: letters, digits, `-`, `_` and `.`;
/// - a `.`, `-` or `_` ending it is taken as punctuation ("thanks @Willow.")
///   unless a pseudonym really ends that way;
/// - a pseudonym with spaces is written with `_` for each space
///   (`@Rain_drop` for "Rain drop"); a pseudonym that really contains `_`
///   wins over the spaced reading.
///
/// Names are compared by look-alike key (`pseudonym::lookup_key`), so case and
/// look-alike characters do not matter. Mentions in quotes and code count too.
pub fn mentions(text: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let opens = previous.is_none_or(|p| p.is_whitespace() || "([{\"'«“‘*_~>,".contains(p));
        previous = Some(c);
        if c != '@' || !opens {
            continue;
        }
        let start = index + c.len_utf8();
        let mut end = start;
        while let Some(&(at, next)) = chars.peek() {
            if !(next.is_alphanumeric() || matches!(next, '-' | '_' | '.')) {
                break;
            }
            end = at + next.len_utf8();
            previous = Some(next);
            chars.next();
        }
        if let Some(mention) = Mention::from_written(&text[start..end])
            && !found.contains(&mention)
        {
            found.push(mention);
            if found.len() == MENTIONS_MAX {
                break;
            }
        }
    }
    found
}

impl Mention {
    fn from_written(written: &str) -> Option<Self> {
        let fits = |name: &str| (pseudonym::MIN_CHARS..=pseudonym::MAX_CHARS).contains(&name.chars().count());
        let trimmed = written.trim_end_matches(['.', '-', '_']);
        let spaced = trimmed.replace('_', " ");
        let mut keys: Vec<String> = Vec::new();
        for name in [written, trimmed, spaced.as_str()] {
            let key = pseudonym::lookup_key(name);
            if fits(name) && !keys.contains(&key) {
                keys.push(key);
            }
        }
        (!keys.is_empty()).then_some(Self { keys })
    }
}

/// The account a mention names, preferring its most literal spelling.
async fn mentioned_user(tx: &mut Transaction<'_, Any>, mention: &Mention) -> Result<Option<i64>, sqlx::Error> {
    let key = |i: usize| mention.keys.get(i).or(mention.keys.first()).cloned().unwrap_or_default();
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM users WHERE pseudonym_key IN ($1, $2, $3) \
         ORDER BY CASE WHEN pseudonym_key = $1 THEN 0 WHEN pseudonym_key = $2 THEN 1 ELSE 2 END LIMIT 1",
    )
    .bind(key(0))
    .bind(key(1))
    .bind(key(2))
    .fetch_optional(&mut **tx)
    .await?;
    Ok(found.map(|(id,)| id))
}

/// Notifies `user_id` of a new message in a check-in (a private conversation with facilitators).
pub async fn check_in_message(
    tx: &mut Transaction<'_, Any>,
    user_id: i64,
    group_id: i64,
    check_in_id: i64,
    now: UnixTime,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notifications (user_id, kind, group_id, check_in_id, created_at) \
         VALUES ($1, 'check-in', $2, $3, $4)",
    )
    .bind(user_id)
    .bind(group_id)
    .bind(check_in_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Seeing the place a notification points to reads it: a check-in opened.
pub async fn read_check_in(
    pool: &crate::db::Pool,
    user_id: i64,
    check_in_id: i64,
    now: UnixTime,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND check_in_id = $3 AND read_at IS NULL")
        .bind(now)
        .bind(user_id)
        .bind(check_in_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// The same for a topic's posts up to the last one shown.
pub async fn read_topic(
    pool: &crate::db::Pool,
    user_id: i64,
    topic_id: i64,
    up_to_post_id: i64,
    now: UnixTime,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND topic_id = $3 AND post_id <= $4 \
         AND read_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .bind(topic_id)
    .bind(up_to_post_id)
    .execute(pool)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
struct NotificationRow {
    id: i64,
    kind: String,
    topic_id: Option<i64>,
    post_id: Option<i64>,
    check_in_id: Option<i64>,
    created_at: i64,
    unread: i64,
    topic_title: Option<String>,
    /// The post's author (None once their account is gone).
    actor: Option<String>,
    check_in_subject: Option<String>,
    /// 1 when the viewer is the check-in's member (so staff wrote).
    for_member: i64,
    check_in_member: Option<String>,
}

/// A page of the viewer's notifications older than `before`, newest first,
/// in one query, keeping only those whose content they may still read:
/// posts (not deleted) of groups they may read, and check-ins they are the
/// member of (while still in the group) or facilitate or lead. Fetches one more than a page, to know
/// whether there is another.
async fn page_of(
    pool: &crate::db::Pool,
    user_id: i64,
    before: i64,
    now: UnixTime,
) -> Result<Vec<NotificationRow>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT n.id, n.kind, n.topic_id, n.post_id, n.check_in_id, n.created_at, \
           CASE WHEN n.read_at IS NULL THEN 1 ELSE 0 END AS unread, \
           t.title AS topic_title, u.pseudonym AS actor, c.subject AS check_in_subject, \
           CASE WHEN c.member_id = $1 THEN 1 ELSE 0 END AS for_member, cm.pseudonym AS check_in_member \
         FROM notifications n \
         LEFT JOIN topics t ON t.id = n.topic_id \
         LEFT JOIN posts p ON p.id = n.post_id \
         LEFT JOIN users u ON u.id = p.author_id \
         LEFT JOIN check_ins c ON c.id = n.check_in_id \
         LEFT JOIN users cm ON cm.id = c.member_id \
         JOIN support_groups g ON g.id = COALESCE(t.group_id, c.group_id) \
         WHERE n.user_id = $1 AND n.id < $3 AND ( \
           (t.id IS NOT NULL AND p.id IS NOT NULL AND p.deleted_at IS NULL AND p.state = 'published' \
             AND t.state = 'published' AND ",
        crate::readable_group!(),
        ") OR (c.id IS NOT NULL AND ",
        crate::check_in_visible!(),
        ")) \
         ORDER BY n.id DESC LIMIT ",
        page_size!(),
        " + 1"
    ))
    .bind(user_id)
    .bind(now)
    .bind(before)
    .fetch_all(pool)
    .await
}

/// One line of the list, ready to show.
pub struct NotificationLine {
    pub id: i64,
    /// Translation key of the sentence, with `$pseudonym` as its argument.
    pub sentence: &'static str,
    pub pseudonym: String,
    /// What the link says: the topic's title or the check-in's subject.
    pub subject: String,
    pub href: String,
    pub time: String,
    pub unread: bool,
}

impl NotificationLine {
    fn from_row(row: NotificationRow) -> Option<Self> {
        let pseudonym = row.actor.clone().unwrap_or_default();
        let (sentence, subject, href, pseudonym) = match (row.kind.as_str(), row.topic_id, row.post_id, row.check_in_id)
        {
            (kind @ ("reply" | "mention"), Some(topic_id), Some(post_id), _) => {
                let sentence = match (kind, row.actor.is_some()) {
                    ("reply", true) => "notifications-reply",
                    ("reply", false) => "notifications-reply-former",
                    (_, true) => "notifications-mention",
                    (_, false) => "notifications-mention-former",
                };
                let href = format!(
                    "{}?after={}#post-{post_id}",
                    paths::fill(paths::TOPIC, &topic_id.to_string()),
                    post_id - 1
                );
                (sentence, row.topic_title.unwrap_or_default(), href, pseudonym)
            }
            ("check-in", _, _, Some(check_in_id)) => {
                let (sentence, pseudonym) = match row.check_in_member {
                    _ if row.for_member == 1 => ("notifications-check-in-staff", String::new()),
                    Some(member) => ("notifications-check-in-member", member),
                    None => ("notifications-check-in-former", String::new()),
                };
                let href = paths::fill(paths::CHECK_IN, &check_in_id.to_string());
                (sentence, row.check_in_subject.unwrap_or_default(), href, pseudonym)
            }
            _ => return None,
        };
        Some(Self {
            id: row.id,
            sentence,
            pseudonym,
            subject,
            href,
            time: format_utc(row.created_at),
            unread: row.unread == 1,
        })
    }
}

#[derive(Template)]
#[template(path = "discussions/notifications.html")]
pub struct NotificationsView {
    pub ctx: PageCtx,
    /// What the facilitators did that the member should know (first page only).
    pub notices: Vec<crate::moderation::notices::NoticeLine>,
    pub lines: Vec<NotificationLine>,
    /// The link to older notifications, when there are some.
    pub older_href: Option<String>,
    pub has_unread: bool,
    pub read_action: &'static str,
}

#[derive(Deserialize)]
struct PageParams {
    before: Option<String>,
}

/// GET /notifications — the member's notifications, newest first, 30 a page (`?before=<id>`).
async fn notifications_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Query(params): Query<PageParams>,
) -> Result<Response, AppError> {
    let before = match params.before.as_deref() {
        None | Some("") => i64::MAX,
        Some(text) => text.parse::<i64>().map_err(|_| AppError::BadRequest)?,
    };
    let mut rows = page_of(&state.db.read, viewer.user_id, before, state.clock.now()).await?;
    let older_href = (rows.len() > PAGE_SIZE).then(|| {
        rows.truncate(PAGE_SIZE);
        let last = rows.last().map_or(0, |row| row.id);
        format!("{}?before={last}", paths::NOTIFICATIONS)
    });
    let lines: Vec<NotificationLine> = rows.into_iter().filter_map(NotificationLine::from_row).collect();
    let has_unread = lines.iter().any(|line| line.unread);
    let notices = if before == i64::MAX {
        crate::moderation::notices::for_page(&state, viewer.user_id).await?
    } else {
        Vec::new()
    };
    render(&NotificationsView { ctx, notices, lines, older_href, has_unread, read_action: paths::NOTIFICATIONS_READ })
}

#[derive(Deserialize)]
struct ReadForm {
    #[serde(default)]
    id: Option<String>,
}

/// POST /notifications/read — marks one notification (`id`) or all of them read.
async fn notifications_read_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Post(form): Post<ReadForm>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    match form.id.as_deref().map(str::trim).filter(|id| !id.is_empty()) {
        None => {
            sqlx::query("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL")
                .bind(viewer.user_id)
                .bind(now)
                .execute(&state.db.write)
                .await?;
        }
        Some(id) => {
            let id = id.parse::<i64>().map_err(|_| AppError::BadRequest)?;
            sqlx::query("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND id = $3 AND read_at IS NULL")
                .bind(viewer.user_id)
                .bind(now)
                .bind(id)
                .execute(&state.db.write)
                .await?;
        }
    }
    Ok(see_other(paths::NOTIFICATIONS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.keys[0].clone()).collect()
    }

    #[test]
    fn mentions_start_after_space_or_opening_punctuation() {
        assert_eq!(written("@Willow hi, (@Rain) and **@Sky**"), ["willow", "rain", "sky"]);
        assert!(written("write to a@example.org or https://example.org/@Willow").is_empty());
        assert!(written("@ab is too short, @ alone is nothing").is_empty());
    }

    #[test]
    fn trailing_punctuation_and_underscores() {
        let willow = &mentions("thanks @Willow.")[0];
        assert_eq!(willow.keys, [pseudonym::lookup_key("Willow."), pseudonym::lookup_key("Willow")]);
        let rain = &mentions("@Rain_drop!")[0];
        assert_eq!(rain.keys, [pseudonym::lookup_key("Rain_drop"), pseudonym::lookup_key("Rain drop")]);
        assert_eq!(mentions("@WILLOW @willow @Willow")[..], [Mention { keys: vec![pseudonym::lookup_key("Willow")] }]);
    }

    #[test]
    fn at_most_twenty_mentions() {
        let text: String = (0..30).map(|i| format!("@member{i} ")).collect();
        assert_eq!(mentions(&text).len(), MENTIONS_MAX);
    }
}
