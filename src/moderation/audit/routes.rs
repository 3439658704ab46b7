//! GET /audit — the audit log: leads read their organisations' entries,
//! admins every entry; filtered by group, staff member and action, newest
//! first, 50 a page. There is no route that changes an entry.

use askama::Template;
use axum::{
    Router,
    extract::{Query, State},
    response::Response,
    routing::get,
};
use serde::Deserialize;

use super::{Action, store};
use crate::{
    accounts::Member,
    clock::format_utc,
    groups::{policy::roles, views::Choice},
    web::{
        AppState,
        error::AppError,
        page::{PageCtx, render},
        paths,
    },
};

/// Details that are words rather than dates or numbers, and their translations.
const TRANSLATED_DETAILS: [(&str, &str); 10] = [
    ("lead", "audit-detail-lead"),
    ("facilitator", "audit-detail-facilitator"),
    ("remove", "audit-detail-remove"),
    ("admin", "audit-detail-admin"),
    ("not-admin", "audit-detail-not-admin"),
    ("action-taken", "audit-detail-action-taken"),
    ("no-action", "audit-detail-no-action"),
    ("none", "audit-detail-none"),
    ("new-members", "audit-detail-new-members"),
    ("all", "audit-detail-all"),
];

pub fn router() -> Router<AppState> {
    Router::new().route(paths::AUDIT, get(audit_get))
}

pub struct EntryLine {
    pub time: String,
    /// None: the server's command line.
    pub actor: Option<String>,
    pub actor_gone: bool,
    pub action_key: &'static str,
    /// What it was done to, in words, and a link where there is a page.
    pub target: String,
    pub target_href: Option<String>,
    /// The organisation and group it happened in.
    pub place: String,
    pub detail: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "moderation/audit.html")]
pub struct AuditView {
    pub ctx: PageCtx,
    pub entries: Vec<EntryLine>,
    pub groups: Vec<Choice>,
    pub actors: Vec<Choice>,
    /// (code, label key, selected)
    pub actions: Vec<(&'static str, &'static str, bool)>,
    pub older_href: Option<String>,
    pub filtered: bool,
    pub action: &'static str,
}

#[derive(Deserialize, Default)]
struct AuditQuery {
    #[serde(default)]
    group: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    before: String,
}

/// An optional number from a filter: empty is none, anything else must parse.
fn optional_id(raw: &str) -> Result<Option<i64>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        text => text.parse::<i64>().map(Some).map_err(|_| AppError::BadRequest),
    }
}

fn describe(ctx: &PageCtx, row: &store::EntryRow) -> (String, Option<String>) {
    let topic = || row.topic_title.clone().unwrap_or_else(|| ctx.t("audit-target-gone"));
    let topic_href = row.topic_title.as_ref().and(row.topic_id).map(|id| paths::fill(paths::TOPIC, &id.to_string()));
    match row.target_kind.as_str() {
        "member" => (row.member.clone().unwrap_or_else(|| ctx.t("audit-former-account")), None),
        "post" => (ctx.t1("audit-target-post", "topic", &topic()), topic_href),
        "topic" => (ctx.t1("audit-target-topic", "topic", &topic()), topic_href),
        "report" => (ctx.t1("audit-target-report", "topic", &topic()), topic_href),
        "group" => (
            row.group_name.clone().unwrap_or_else(|| ctx.t("audit-target-gone")),
            row.group_slug.as_ref().map(|slug| paths::fill(paths::GROUP, slug)),
        ),
        "organisation" => (row.organisation.clone().unwrap_or_else(|| ctx.t("audit-target-gone")), None),
        "invite" => (ctx.t("audit-target-invite"), None),
        "partnership" => (ctx.t("audit-target-partnership"), None),
        _ => (ctx.t("audit-target-instance"), None),
    }
}

fn line(ctx: &PageCtx, row: store::EntryRow) -> EntryLine {
    let (target, target_href) = describe(ctx, &row);
    let place =
        [row.organisation.clone(), row.group_name.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let detail = match TRANSLATED_DETAILS.iter().find(|(word, _)| *word == row.detail) {
        Some((_, key)) => ctx.t(key),
        None => row.detail.clone(),
    };
    EntryLine {
        time: format_utc(row.created_at),
        actor_gone: row.actor_id.is_some() && row.actor.is_none(),
        actor: row.actor,
        action_key: Action::from_code(&row.action).map_or("audit-action-unknown", Action::label_key),
        target,
        target_href,
        place,
        detail,
        reason: row.reason,
    }
}

/// GET /audit — for leads (their organisations) and admins (everything); 404 for anyone else.
async fn audit_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Query(query): Query<AuditQuery>,
) -> Result<Response, AppError> {
    let leads = store::led_organisations(&state.db.read, viewer.user_id).await?;
    if roles::audit_scope(viewer.is_admin, &leads).is_none() {
        return Err(AppError::NotFound);
    }
    let action = match query.action.trim() {
        "" => None,
        code => Some(Action::from_code(code).ok_or(AppError::BadRequest)?),
    };
    let filter = store::Filter {
        group_id: optional_id(&query.group)?,
        actor_id: optional_id(&query.actor)?,
        action: action.map(Action::code),
        before: optional_id(&query.before)?,
    };
    let db = &state.db.read;
    let mut rows = store::entries(db, viewer.user_id, viewer.is_admin, &filter).await?;
    let has_more = rows.len() > usize::try_from(store::PAGE_SIZE).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(store::PAGE_SIZE).unwrap_or(usize::MAX));
    let older_href = rows.last().filter(|_| has_more).map(|last| {
        let keep = serde_urlencoded::to_string([
            ("group", query.group.trim()),
            ("actor", query.actor.trim()),
            ("action", query.action.trim()),
        ])
        .unwrap_or_default();
        format!("{}?{keep}&before={}", paths::AUDIT, last.id)
    });
    let choices = |rows: Vec<(i64, String)>, chosen: Option<i64>| -> Vec<Choice> {
        rows.into_iter().map(|(value, label)| Choice { value, label, checked: chosen == Some(value) }).collect()
    };
    let groups = choices(store::groups(db, viewer.user_id, viewer.is_admin).await?, filter.group_id);
    let actors = choices(store::actors(db, viewer.user_id, viewer.is_admin).await?, filter.actor_id);
    let entries = rows.into_iter().map(|row| line(&ctx, row)).collect();
    let actions = Action::ALL.iter().map(|a| (a.code(), a.label_key(), Some(*a) == action)).collect();
    render(&AuditView {
        ctx,
        entries,
        groups,
        actors,
        actions,
        older_href,
        filtered: filter.group_id.is_some() || filter.actor_id.is_some() || action.is_some(),
        action: paths::AUDIT,
    })
}
