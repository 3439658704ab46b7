//! GET /moderation — the facilitators' queue over the groups they run (or
//! one, `?group=`): how much waits by urgency and since when, then reports
//! and flags ("someone may be at risk" and crisis words first), posts held
//! for review, and people waiting to join. Post text stays folded behind its
//! warning or the report's reason until the facilitator chooses to look
//! (`<details>`, no JavaScript needed). POST /reports/{id}/resolve closes a
//! report with "action taken" or "no action" and a note.

pub mod store;

use askama::Template;
use axum::{
    Router,
    extract::{Path, Query, State},
    response::Response,
    routing::{get, post},
};
use serde::Deserialize;

use super::{
    audit::{self, Action, Entry, Target},
    members::member_href,
    posts::note,
    screening,
};
use crate::{
    accounts::Member,
    clock::{UnixTime, format_utc},
    discussions::topics::post_href,
    web::{
        AppState,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::MODERATION, get(queue_get)).route(paths::REPORT_RESOLVE, post(resolve_post))
}

/// A count and how long its oldest item has waited.
pub struct Tally {
    pub label: &'static str,
    pub count: i64,
    pub waited: Option<String>,
    pub urgent: bool,
    pub anchor: &'static str,
}

pub struct ReportCard {
    pub id: i64,
    pub urgent: bool,
    pub reason: &'static str,
    pub details: String,
    pub reporter: Option<String>,
    /// Raised by Hearth (crisis words, a staff word list), not by a member.
    pub flag: bool,
    pub about_topic: bool,
    pub group_name: String,
    pub topic_title: String,
    pub post_href: String,
    pub time: String,
    pub waited: String,
    pub author: Option<String>,
    pub author_href: Option<String>,
    pub warning: Option<String>,
    /// The post as written (sanitised when it was), folded until opened.
    pub html: Option<String>,
    pub hidden: bool,
    pub hide_action: Option<String>,
    pub redact_href: Option<String>,
    pub resolve_action: String,
}

pub struct HeldCard {
    pub id: i64,
    pub group_name: String,
    pub topic_title: String,
    pub post_href: String,
    pub new_topic: bool,
    pub author: Option<String>,
    pub author_href: Option<String>,
    pub reasons: Vec<&'static str>,
    pub warning: Option<String>,
    pub html: String,
    pub time: String,
    pub waited: String,
    pub approve_action: String,
    pub decline_action: String,
    /// The id of its note field.
    pub note_id: String,
}

pub struct PendingCard {
    pub pseudonym: String,
    pub group_name: String,
    pub time: String,
    pub waited: String,
    pub invited_by: Option<String>,
    pub invite_note: Option<String>,
    pub partner: Option<String>,
    pub locked_down: bool,
    pub approve_action: String,
    pub decline_action: String,
    /// The id of its note field (someone may wait for two groups).
    pub note_id: String,
}

#[derive(Template)]
#[template(path = "moderation/queue.html")]
pub struct QueueView {
    pub ctx: PageCtx,
    pub tallies: Vec<Tally>,
    pub reports: Vec<ReportCard>,
    pub held: Vec<HeldCard>,
    pub pending: Vec<PendingCard>,
    /// (slug, name, selected) for the group filter.
    pub groups: Vec<(String, String, bool)>,
    pub action: &'static str,
    pub filtered: bool,
}

impl QueueView {
    pub fn is_empty(&self) -> bool {
        self.reports.is_empty() && self.held.is_empty() && self.pending.is_empty()
    }
}

/// What waits for a staff member, for their home page.
pub struct Summary {
    pub urgent: i64,
    pub waiting: i64,
    pub href: &'static str,
}

pub async fn summary(state: &AppState, viewer: i64) -> Result<Summary, sqlx::Error> {
    let c = store::counts(&state.db.read, viewer, None).await?;
    Ok(Summary { urgent: c.urgent, waiting: c.reports + c.held + c.pending, href: paths::MODERATION })
}

/// "3 hours", "2 days": how long something has waited, in the reader's language.
fn waited(ctx: &PageCtx, since: UnixTime, now: UnixTime) -> String {
    let minutes = (now - since).max(0) / 60;
    match minutes {
        m if m < 60 => ctx.tn("queue-waited-minutes", "count", m),
        m if m < 48 * 60 => ctx.tn("queue-waited-hours", "count", m / 60),
        m => ctx.tn("queue-waited-days", "count", m / (24 * 60)),
    }
}

/// The translation key of a report's reason.
pub fn reason_key(reason: &str) -> &'static str {
    match reason {
        "unkind" => "report-reason-unkind",
        "identifying" => "report-reason-identifying",
        "intruder" => "report-reason-intruder",
        "at-risk" => "report-reason-at-risk",
        "spam" => "report-reason-spam",
        "crisis" => "report-reason-crisis",
        "words" => "report-reason-words",
        _ => "report-reason-other",
    }
}

#[derive(Deserialize, Default)]
struct QueueQuery {
    #[serde(default)]
    group: String,
}

/// GET /moderation — for staff of at least one group; 404 for anyone else.
async fn queue_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Query(query): Query<QueueQuery>,
) -> Result<Response, AppError> {
    let db = &state.db.read;
    let mine = store::my_groups(db, viewer.user_id).await?;
    // Staff who run no group yet see an empty queue; anyone else, nothing.
    if mine.is_empty() && !viewer.is_staff {
        return Err(AppError::NotFound);
    }
    let group = Some(query.group.trim()).filter(|slug| !slug.is_empty());
    if group.is_some_and(|slug| !mine.iter().any(|(s, _)| s == slug)) {
        return Err(AppError::NotFound);
    }
    let now = state.clock.now();
    let counts = store::counts(db, viewer.user_id, group).await?;
    let tally = |label, count, since, urgent, anchor| Tally {
        label,
        count,
        waited: (count > 0).then(|| waited(&ctx, since, now)),
        urgent,
        anchor,
    };
    let tallies = vec![
        tally("queue-count-urgent", counts.urgent, counts.urgent_since, true, "#reports"),
        tally("queue-count-reports", counts.reports, counts.reports_since, false, "#reports"),
        tally("queue-count-held", counts.held, counts.held_since, false, "#held"),
        tally("queue-count-pending", counts.pending, counts.pending_since, false, "#pending"),
    ];
    let reports = store::reports(db, viewer.user_id, group)
        .await?
        .into_iter()
        .map(|r| {
            let post = r.post_id.map(|id| id.to_string());
            let live = matches!(r.post_state.as_deref(), Some("published" | "hidden"));
            ReportCard {
                id: r.id,
                urgent: r.urgent == 1,
                reason: reason_key(&r.reason),
                flag: matches!(r.reason.as_str(), "crisis" | "words"),
                about_topic: r.about == "topic",
                details: r.details,
                reporter: r.reporter,
                group_name: r.group_name,
                post_href: r
                    .post_id
                    .map_or_else(|| paths::fill(paths::TOPIC, &r.topic_id.to_string()), |id| post_href(r.topic_id, id)),
                topic_title: r.topic_title,
                time: format_utc(r.created_at),
                waited: waited(&ctx, r.created_at, now),
                author_href: r.author_id.map(|id| member_href(&r.group_slug, id)),
                author: r.author,
                warning: r.post_warning,
                html: r.post_html,
                hidden: r.post_state.as_deref() == Some("hidden"),
                hide_action: post.as_ref().filter(|_| live).map(|id| paths::fill(paths::POST_HIDE, id)),
                redact_href: post.as_ref().filter(|_| live).map(|id| paths::fill(paths::POST_REDACT, id)),
                resolve_action: paths::fill(paths::REPORT_RESOLVE, &r.id.to_string()),
            }
        })
        .collect();
    let held = store::held_posts(db, viewer.user_id, group)
        .await?
        .into_iter()
        .map(|p| {
            let id = p.id.to_string();
            HeldCard {
                id: p.id,
                group_name: p.group_name,
                topic_title: p.topic_title,
                post_href: post_href(p.topic_id, p.id),
                new_topic: p.is_first == 1,
                author_href: p.author_id.map(|a| member_href(&p.group_slug, a)),
                author: p.author,
                reasons: screening::staff_reasons(&p.held_reason),
                warning: p.warning,
                html: p.body_html,
                time: format_utc(p.created_at),
                waited: waited(&ctx, p.created_at, now),
                approve_action: paths::fill(paths::POST_APPROVE, &id),
                decline_action: paths::fill(paths::POST_DECLINE, &id),
                note_id: format!("held-note-{id}"),
            }
        })
        .collect();
    let pending = store::pending_members(db, viewer.user_id, group)
        .await?
        .into_iter()
        .map(|m| {
            let target = |route| paths::fill(&paths::fill(route, &m.group_slug), &m.user_id.to_string());
            PendingCard {
                approve_action: target(paths::GROUP_MEMBER_APPROVE),
                decline_action: target(paths::GROUP_MEMBER_DECLINE),
                note_id: format!("pending-{}-{}", m.user_id, m.group_slug),
                pseudonym: m.pseudonym,
                group_name: m.group_name,
                time: format_utc(m.joined_at),
                waited: waited(&ctx, m.joined_at, now),
                invited_by: m.invited_by,
                invite_note: m.invite_note.filter(|n| !n.is_empty()),
                partner: m.partner,
                locked_down: m.locked_down == 1,
            }
        })
        .collect();
    let groups = mine
        .into_iter()
        .map(|(slug, name)| (group == Some(slug.as_str()), slug, name))
        .map(|(on, s, n)| (s, n, on))
        .collect();
    render(&QueueView {
        ctx,
        tallies,
        reports,
        held,
        pending,
        groups,
        action: paths::MODERATION,
        filtered: group.is_some(),
    })
}

/// POST /reports/{id}/resolve — "action taken" or "no action", with a note.
async fn resolve_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let id = paths::parse_id(&id)?;
    let report = store::open_report(&state.db.read, viewer.user_id, id).await?.ok_or(AppError::NotFound)?;
    let outcome @ ("action-taken" | "no-action") = form.one("outcome") else { return Err(AppError::BadRequest) };
    let text = note(form.one("note")).map_err(|_| AppError::BadRequest)?;
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    if store::resolve(&mut tx, report.id, viewer.user_id, outcome, &text, now).await? {
        let entry = Entry::new(Some(viewer.user_id), Action::ReportResolved, Target::Report(report.id), now)
            .in_group_of(report.organisation_id, report.group_id)
            .in_topic(report.topic_id)
            .detail(outcome)
            .reason(&text);
        audit::record(&mut tx, &entry).await?;
    }
    tx.commit().await?;
    Ok(see_other(&format!("{}?group={}#reports", paths::MODERATION, report.group_slug)))
}
