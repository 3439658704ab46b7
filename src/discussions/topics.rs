//! Topics: starting one, the topic page with its keyset pages and unread
//! marker, replies, pins and locks, and the group's topic list. Drafts are
//! previewed server-side (no JavaScript); a refused draft comes back in its
//! form, never lost (`drafts`). Single posts are `posts`.

use std::collections::HashMap;

use axum::{
    Router,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
    routing::{get, post},
};
use serde::Deserialize;

use super::{
    drafts::{Checked, PostFields, check, refilled},
    notifications, publish,
    store::{self, PostCursor, TOPICS_PER_PAGE, TopicCursor, TopicRow},
    views::{
        FormErrors, Moderation, NewTopicView, PostForm, PostLabels, PostView, ReactionView, TopicLine, TopicList,
        TopicView,
    },
};
use crate::{
    accounts::{Member, session::Viewer},
    clock::{UnixTime, format_utc},
    db,
    groups::{policy::Access, store::GroupWithAccess},
    moderation::{
        audit::{self, Action, Entry, Target},
        screening,
        views::{PostFacts, moderation_for, topic_state_label},
    },
    web::{
        AppState,
        csrf::{NoFields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::GROUP_NEW_TOPIC, get(new_topic_get).post(new_topic_post))
        .route(paths::TOPIC, get(topic_get))
        .route(paths::TOPIC_REPLY, post(reply_post))
        .route(paths::TOPIC_PIN, post(pin_post))
        .route(paths::TOPIC_LOCK, post(lock_post))
        .merge(super::posts::router())
}

// ----- links -----

pub(super) fn topic_href(topic_id: i64) -> String {
    paths::fill(paths::TOPIC, &topic_id.to_string())
}

/// A page that starts with this post.
pub fn post_href(topic_id: i64, post_id: i64) -> String {
    format!("{}?after={}#post-{post_id}", topic_href(topic_id), post_id - 1)
}

/// The page that ends with this post (for a new reply: the topic's last page).
pub(super) fn page_ending_at(topic_id: i64, post_id: i64) -> String {
    format!("{}?before={}#post-{post_id}", topic_href(topic_id), post_id + 1)
}

/// The first unread post, for a viewer who has read part of a topic.
fn unread_href(topic_id: i64, last_read_post_id: i64, first_unread_post_id: i64) -> Option<String> {
    (last_read_post_id > 0 && first_unread_post_id > 0)
        .then(|| format!("{}?after={last_read_post_id}#post-{first_unread_post_id}", topic_href(topic_id)))
}

pub(super) fn group_href(group: &GroupWithAccess) -> String {
    paths::fill(paths::GROUP, &group.group.slug)
}

// ----- loading through the viewer's scope -----

pub(super) struct TopicScope {
    pub(super) topic: TopicRow,
    group: GroupWithAccess,
    pub(super) access: Access,
    now: UnixTime,
}

pub(super) async fn load_topic(state: &AppState, user_id: i64, raw_id: &str) -> Result<TopicScope, AppError> {
    let id = paths::parse_id(raw_id)?;
    let now = state.clock.now();
    let topic = store::topic_for_viewer(&state.db.read, user_id, id, now).await?.ok_or(AppError::NotFound)?;
    let group = crate::groups::store::group_by_id_for_viewer(&state.db.read, user_id, topic.group_id, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let access = group.access(now);
    if !access.reads_content() {
        return Err(AppError::NotFound);
    }
    Ok(TopicScope { topic, group, access, now })
}

// ----- the topic page -----

#[derive(Debug, Deserialize)]
struct PageQuery {
    after: Option<String>,
    before: Option<String>,
    /// Set right after a post with crisis words: show the group's crisis resources.
    support: Option<String>,
}

impl PageQuery {
    fn cursor(&self) -> Result<PostCursor, AppError> {
        let number = |raw: &str| raw.trim().parse::<i64>().map_err(|_| AppError::BadRequest);
        match (self.after.as_deref(), self.before.as_deref()) {
            (Some(after), _) => Ok(PostCursor::After(number(after)?)),
            (None, Some(before)) => Ok(PostCursor::Before(number(before)?)),
            (None, None) => Ok(PostCursor::After(0)),
        }
    }
}

/// A page's cursor as a form field (`after-12`, `before-40`, or empty for the
/// first page), and back; only numbers survive the trip.
fn cursor_field(cursor: PostCursor) -> String {
    match cursor {
        PostCursor::After(0) => String::new(),
        PostCursor::After(id) => format!("after-{id}"),
        PostCursor::Before(id) => format!("before-{id}"),
    }
}

pub(super) fn cursor_query(field: &str) -> String {
    let parsed = match field.split_once('-') {
        Some(("after", id)) => id.parse::<i64>().ok().map(|id| format!("?after={id}")),
        Some(("before", id)) => id.parse::<i64>().ok().map(|id| format!("?before={id}")),
        _ => None,
    };
    parsed.unwrap_or_default()
}

/// Builds the topic page and moves the viewer's unread marker (only forward).
/// `reply` is the reply form to show instead of an empty one (a preview, or a
/// refused draft that must come back even if replies are now closed).
async fn topic_page(
    state: &AppState,
    viewer: &Viewer,
    ctx: PageCtx,
    scope: &TopicScope,
    cursor: PostCursor,
    reply: Option<PostForm>,
) -> Result<TopicView, AppError> {
    let TopicScope { topic, group, access, now } = scope;
    let (user_id, now) = (viewer.user_id, *now);
    let rows = store::posts_page(&state.db.read, user_id, now, topic.id, cursor).await?;
    let (first_shown, last_shown) = (rows.first().map(|p| p.id), rows.last().map(|p| p.id));
    let mut counts: HashMap<(i64, String), (i64, bool)> = HashMap::new();
    if let (Some(first), Some(last)) = (first_shown, last_shown) {
        for count in store::reaction_counts(&state.db.read, user_id, now, topic.id, first, last).await? {
            counts.insert((count.post_id, count.kind), (count.count, count.mine > 0));
        }
    }
    if let Some(last) = last_shown
        && last > topic.last_read_post_id
    {
        // Reading goes on while the database cannot write; the marker moves next time.
        db::unless_unavailable(store::mark_read(&state.db.write, user_id, topic.id, last).await, "unread marker")?;
        let read = notifications::read_topic(&state.db.write, user_id, topic.id, last, now).await;
        db::unless_unavailable(read, "notifications read")?;
    }

    let window = group.group.edit_window_minutes;
    let posts = rows
        .into_iter()
        .map(|row| {
            let own = row.author_id == Some(user_id);
            let deleted = row.deleted_at.is_some();
            let warning = if deleted {
                None
            } else {
                row.warning.or_else(|| (row.id == topic.first_post_id).then(|| topic.warning.clone()).flatten())
            };
            let reactions = store::REACTION_KINDS.map(|kind| {
                let (count, mine) = counts.get(&(row.id, kind.to_owned())).copied().unwrap_or((0, false));
                ReactionView { kind, count, mine }
            });
            let id = row.id.to_string();
            let live = !deleted;
            let published = row.state == "published";
            let has_reactions = reactions.iter().any(|r| r.count > 0);
            let edits = if published {
                access.edits_post(own, row.created_at, window, now)
            } else {
                row.state != "hidden" && access.revises_unpublished(own)
            };
            let moderation = moderation_for(
                PostFacts {
                    id: row.id,
                    own,
                    deleted,
                    state: &row.state,
                    held_reason: &row.held_reason,
                    note: &row.moderation_note,
                    redacted: row.redacted_at.is_some(),
                    redaction_reason: &row.redaction_reason,
                    author_href: None,
                },
                *access,
            );
            PostView {
                id: row.id,
                author: row.author,
                time: format_utc(row.created_at),
                edited: row.edited_at.is_some() && live,
                deleted,
                warning,
                fold: topic.fold_warnings == 1,
                html: row.body_html,
                reactions,
                reacts: live && published && access.writes(),
                edit_href: (live && edits).then(|| paths::fill(paths::POST_EDIT, &id)),
                delete_href: (live && access.deletes_post(own))
                    .then(|| format!("{}#delete", paths::fill(paths::POST_EDIT, &id))),
                reactions_href: (access.sees_who_reacted() && has_reactions)
                    .then(|| paths::fill(paths::POST_REACTIONS, &id)),
                moderation,
            }
        })
        .collect::<Vec<PostView>>();

    let href = topic_href(topic.id);
    let not_first_page = match first_shown {
        Some(first) => first > topic.first_post_id,
        None => cursor != PostCursor::After(0),
    };
    let first_unread_href =
        unread_href(topic.id, topic.last_read_post_id, topic.first_unread_post_id).map(|full| {
            match (first_shown, last_shown) {
                (Some(first), Some(last)) if (first..=last).contains(&topic.first_unread_post_id) => {
                    format!("#post-{}", topic.first_unread_post_id)
                }
                _ => full,
            }
        });
    let locked = topic.locked == 1;
    let topic_published = topic.state == "published";
    let reply = match reply {
        Some(form) => Some(form),
        None => (access.replies_to(locked) && topic_published).then(|| reply_form(topic.id)),
    };
    let reply_note = if !topic_published {
        Some("held-topic-no-replies")
    } else if access.locked_down && !access.moderates() {
        Some("lockdown-reply-note")
    } else if !access.writes() {
        Some("topic-read-only-note")
    } else if locked && access.moderates() {
        Some("topic-locked-staff-note")
    } else if locked {
        Some("topic-locked-note")
    } else {
        None
    };
    let topic_id = topic.id.to_string();
    let labels = PostLabels::new(&ctx);
    Ok(TopicView {
        ctx: ctx.in_group(&group.group),
        group_name: group.group.name.clone(),
        group_href: group_href(group),
        title: topic.title.clone(),
        warning: topic.warning.clone(),
        pinned: topic.pinned == 1,
        locked,
        react_action: posts.iter().any(|post| post.reacts).then(|| paths::fill(paths::TOPIC_REACT, &topic_id)),
        posts,
        labels,
        older_href: first_shown.filter(|_| not_first_page).map(|first| format!("{href}?before={first}")),
        newer_href: last_shown.filter(|last| *last < topic.last_post_id).map(|last| format!("{href}?after={last}")),
        first_page_href: not_first_page.then(|| href.clone()),
        first_unread_href,
        page: cursor_field(cursor),
        reply,
        reply_note,
        moderation: (access.moderates() && access.writes()).then(|| Moderation {
            pin_action: paths::fill(paths::TOPIC_PIN, &topic_id),
            lock_action: paths::fill(paths::TOPIC_LOCK, &topic_id),
            move_href: paths::fill(paths::TOPIC_MOVE, &topic_id),
        }),
        topic_state: topic_state_label(&topic.state),
        report_href: (topic_published && access.reports(topic.author_id == Some(user_id)))
            .then(|| paths::fill(paths::TOPIC_REPORT, &topic_id)),
        support_html: None,
        locked_down: access.locked_down,
    })
}

fn reply_form(topic_id: i64) -> PostForm {
    // The fragment brings the reader back to the form and its preview.
    let action = format!("{}#reply", paths::fill(paths::TOPIC_REPLY, &topic_id.to_string()));
    PostForm::empty(action, false, "post-reply-publish")
}

/// GET /topics/{id} — a page of posts (`?after=` / `?before=` a post id), the reply form.
async fn topic_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Response, AppError> {
    let scope = load_topic(&state, viewer.user_id, &id).await?;
    let cursor = query.cursor()?;
    let mut view = topic_page(&state, &viewer, ctx, &scope, cursor, None).await?;
    if query.support.is_some() {
        view.support_html = Some(scope.group.group.resources_html.clone());
    }
    render(&view)
}

/// POST /topics/{id}/reply — preview a reply (on the topic's last page) or publish it.
async fn reply_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(fields): Post<PostFields>,
) -> Result<Response, AppError> {
    let scope = load_topic(&state, viewer.user_id, &id).await?;
    if !scope.access.writes() {
        return Err(AppError::NotFound);
    }
    let last_page = PostCursor::Before(scope.topic.last_post_id.saturating_add(1));
    let topic = &scope.topic;
    let refused_as_locked = |fields: &PostFields| {
        let errors = FormErrors { form: Some("topic-locked-reply-refused"), ..FormErrors::default() };
        refilled(reply_form(topic.id), fields, errors, None)
    };
    if !scope.access.replies_to(topic.locked == 1) || topic.state != "published" {
        let form = refused_as_locked(&fields);
        let view = topic_page(&state, &viewer, ctx, &scope, last_page, Some(form)).await?;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    }
    let draft = match check(reply_form(topic.id), &fields) {
        Checked::Again(status, form) => {
            let view = topic_page(&state, &viewer, ctx, &scope, last_page, Some(form)).await?;
            return render_with_status(status, &view);
        }
        Checked::Publish(draft) => draft,
    };
    let verdict = screening::check(&state, &scope.group, viewer.user_id, &draft.screened_text()).await?;
    let to = publish::ReplyTo {
        topic_id: topic.id,
        group_id: topic.group_id,
        topic_author_id: topic.author_id,
        last_post_id: topic.last_post_id,
        may_reply_when_locked: scope.access.moderates(),
    };
    let post = publish::Publishing::new(draft, false, verdict, viewer.user_id, scope.now);
    let Some(written) = publish::reply(&state.db.committer, to, post).await? else {
        let view = topic_page(&state, &viewer, ctx, &scope, last_page, Some(refused_as_locked(&fields))).await?;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    Ok(see_other(&with_support(&page_ending_at(topic.id, written.post_id), written.crisis)))
}

/// After a post with crisis words, its page opens with the group's crisis
/// resources (`?support=1`).
pub(super) fn with_support(href: &str, crisis: bool) -> String {
    if !crisis {
        return href.to_owned();
    }
    let (page, fragment) = href.split_once('#').map_or((href, None), |(page, fragment)| (page, Some(fragment)));
    let joiner = if page.contains('?') { '&' } else { '?' };
    let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
    format!("{page}{joiner}support=1{fragment}")
}

/// A topic its staff may pin or lock now (the group has not ended); 404 for anyone else.
async fn moderated_topic(state: &AppState, user_id: i64, raw_id: &str) -> Result<TopicScope, AppError> {
    let scope = load_topic(state, user_id, raw_id).await?;
    if scope.access.moderates() && scope.access.writes() { Ok(scope) } else { Err(AppError::NotFound) }
}

/// The two switches staff flip on a topic.
#[derive(Debug, Clone, Copy)]
enum Switch {
    Pin,
    Lock,
}

/// Flips a switch on a topic its staff may moderate, with its audit entry.
async fn flip(state: &AppState, viewer: &Viewer, raw_id: &str, switch: Switch) -> Result<Response, AppError> {
    let scope = moderated_topic(state, viewer.user_id, raw_id).await?;
    let topic = &scope.topic;
    let (on, action) = match switch {
        Switch::Pin if topic.pinned == 0 => (true, Action::TopicPinned),
        Switch::Pin => (false, Action::TopicUnpinned),
        Switch::Lock if topic.locked == 0 => (true, Action::TopicLocked),
        Switch::Lock => (false, Action::TopicUnlocked),
    };
    let mut tx = state.db.write.begin().await?;
    match switch {
        Switch::Pin => store::set_pinned(&mut tx, topic.id, on).await?,
        Switch::Lock => store::set_locked(&mut tx, topic.id, on).await?,
    }
    let entry =
        Entry::new(Some(viewer.user_id), action, Target::Topic(topic.id), scope.now).in_group(&scope.group.group);
    audit::record(&mut tx, &entry.in_topic(topic.id)).await?;
    tx.commit().await?;
    Ok(see_other(&topic_href(topic.id)))
}

/// POST /topics/{id}/pin — staff pin or unpin a topic (others: 404).
async fn pin_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path(id): Path<String>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    flip(&state, &viewer, &id, Switch::Pin).await
}

/// POST /topics/{id}/lock — staff lock or unlock a topic (others: 404).
async fn lock_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path(id): Path<String>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    flip(&state, &viewer, &id, Switch::Lock).await
}

// ----- new topics -----

async fn writable_group(state: &AppState, user_id: i64, slug: &str) -> Result<GroupWithAccess, AppError> {
    let now = state.clock.now();
    let group = crate::groups::store::group_for_viewer(&state.db.read, user_id, slug, now)
        .await?
        .filter(|group| group.access(now).writes())
        .ok_or(AppError::NotFound)?;
    Ok(group)
}

fn new_topic_form(slug: &str) -> PostForm {
    PostForm::empty(paths::fill(paths::GROUP_NEW_TOPIC, slug), true, "topic-publish")
}

/// GET /groups/{slug}/topics/new — the form for a new topic.
async fn new_topic_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = writable_group(&state, viewer.user_id, &slug).await?;
    let form = new_topic_form(&group.group.slug);
    let ctx = ctx.in_group(&group.group);
    render(&NewTopicView { ctx, group_name: group.group.name.clone(), group_href: group_href(&group), form })
}

/// POST /groups/{slug}/topics/new — preview, or publish the topic and its first post.
async fn new_topic_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Post(fields): Post<PostFields>,
) -> Result<Response, AppError> {
    let group = writable_group(&state, viewer.user_id, &slug).await?;
    let draft = match check(new_topic_form(&group.group.slug), &fields) {
        Checked::Again(status, form) => {
            let ctx = ctx.in_group(&group.group);
            let view = NewTopicView { ctx, group_name: group.group.name.clone(), group_href: group_href(&group), form };
            return render_with_status(status, &view);
        }
        Checked::Publish(draft) => draft,
    };
    let verdict = screening::check(&state, &group, viewer.user_id, &draft.screened_text()).await?;
    let post = publish::Publishing::new(draft, true, verdict, viewer.user_id, state.clock.now());
    let written = publish::topic(&state.db.committer, group.group.id, post).await?;
    Ok(see_other(&with_support(&topic_href(written.topic_id), written.crisis)))
}

// ----- the group's topic list -----

fn topic_cursor_field(cursor: TopicCursor) -> String {
    format!("{}-{}-{}", cursor.pinned, cursor.last_post_at, cursor.id)
}

fn parse_topic_cursor(raw: &str) -> Option<TopicCursor> {
    let mut parts = raw.trim().splitn(3, '-').map(str::parse::<i64>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(pinned)), Some(Ok(last_post_at)), Some(Ok(id))) => Some(TopicCursor { pinned, last_post_at, id }),
        _ => None,
    }
}

/// A page of the group's topics for its page: pinned first, then by last
/// activity, 30 at a time (`before` is the `?before=` of the group URL), with
/// the viewer's unread counts — one query whatever the page holds. Viewers who
/// may not read the group's content yet get an empty list.
pub async fn topic_list(
    state: &AppState,
    user_id: i64,
    group: &GroupWithAccess,
    before: Option<String>,
) -> Result<TopicList, AppError> {
    let now = state.clock.now();
    let access = group.access(now);
    if !access.reads_content() {
        return Ok(TopicList::default());
    }
    let cursor = match before.as_deref().map(str::trim) {
        None | Some("") => TopicCursor::START,
        Some(raw) => parse_topic_cursor(raw).ok_or(AppError::BadRequest)?,
    };
    let mut rows = store::topic_lines(&state.db.read, user_id, now, group.group.id, cursor).await?;
    let has_more = rows.len() > usize::try_from(TOPICS_PER_PAGE).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(TOPICS_PER_PAGE).unwrap_or(usize::MAX));
    let href = group_href(group);
    let older_href = rows.last().filter(|_| has_more).map(|last| {
        let next = TopicCursor { pinned: last.pinned, last_post_at: last.last_post_at, id: last.id };
        format!("{href}?before={}", topic_cursor_field(next))
    });
    let items = rows
        .into_iter()
        .map(|row| {
            let new_count = (row.post_count - row.read_count).max(0);
            let unread = unread_href(row.id, row.last_read_post_id, row.first_unread_post_id)
                .unwrap_or_else(|| topic_href(row.id));
            TopicLine {
                href: topic_href(row.id),
                title: row.title,
                warning: row.warning,
                author: row.author,
                post_count: row.post_count,
                last_activity: format_utc(row.last_post_at),
                new_count,
                unread_href: (new_count > 0).then_some(unread),
                pinned: row.pinned == 1,
                locked: row.locked == 1,
                state_label: topic_state_label(&row.state),
            }
        })
        .collect();
    Ok(TopicList {
        items,
        older_href,
        newest_href: (cursor != TopicCursor::START).then(|| href.clone()),
        new_topic_href: access.writes().then(|| paths::fill(paths::GROUP_NEW_TOPIC, &group.group.slug)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_survive_a_form_round_trip_as_numbers_only() {
        assert_eq!(cursor_query(&cursor_field(PostCursor::After(0))), "");
        assert_eq!(cursor_query(&cursor_field(PostCursor::After(12))), "?after=12");
        assert_eq!(cursor_query(&cursor_field(PostCursor::Before(40))), "?before=40");
        assert_eq!(cursor_query("after-//evil.example"), "");
        assert_eq!(cursor_query("sideways-3"), "");
        let cursor = TopicCursor { pinned: 1, last_post_at: 1_700_000_000, id: 42 };
        assert_eq!(parse_topic_cursor(&topic_cursor_field(cursor)), Some(cursor));
        assert_eq!(parse_topic_cursor("1-2"), None);
        assert_eq!(parse_topic_cursor("a-b-c"), None);
    }
}
