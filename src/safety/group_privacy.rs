//! A group's privacy options, set by its facilitators and lead: how long its
//! posts are kept (within the instance's limits), discouraging copying (post
//! bodies cannot be selected) and a faint per-viewer watermark. Members read
//! what they mean on the agreements page (`agreement_notes`).

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::get,
};

use super::{retention, store, views::GroupPrivacyView};
use crate::{
    accounts::Member,
    clock::format_date,
    config::RetentionLimits,
    groups::{staff::staffed_group, store::GroupRow},
    moderation::audit::{self, Action, Entry, Target},
    web::{
        AppState,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::GROUP_PRIVACY, get(privacy_get).post(privacy_post))
}

/// How long the group keeps posts, in a sentence.
pub fn keeps(ctx: &PageCtx, limits: &RetentionLimits, group: &GroupRow) -> String {
    match retention::effective_days(limits, group.retention_days) {
        Some(days) => ctx.tn("privacy-keeps-days", "days", days),
        None => ctx.t("privacy-keeps-forever"),
    }
}

/// For a time-limited group, when its conversations are deleted.
fn ended_note(ctx: &PageCtx, limits: &RetentionLimits, group: &GroupRow) -> Option<String> {
    let ends_at = group.ends_at?;
    let deleted_at = ends_at + i64::from(limits.ended_group_days) * retention::DAY_SECONDS;
    Some(ctx.t1("privacy-ended-deleted", "date", &format_date(deleted_at)))
}

/// What the agreements page tells members about this group's options.
pub fn agreement_notes(ctx: &PageCtx, limits: &RetentionLimits, group: &GroupRow) -> Vec<String> {
    let mut notes = vec![keeps(ctx, limits, group)];
    notes.extend(ended_note(ctx, limits, group));
    if group.discourage_copying == 1 {
        notes.push(ctx.t("privacy-agreement-copying"));
    }
    if group.watermark == 1 {
        notes.push(ctx.t("privacy-agreement-watermark"));
    }
    notes
}

fn page(
    state: &AppState,
    ctx: PageCtx,
    group: &GroupRow,
    typed: Option<&Fields>,
    error: Option<&'static str>,
) -> GroupPrivacyView {
    let limits = &state.config.retention;
    let stored = group.retention_days.map(|d| d.to_string()).unwrap_or_default();
    GroupPrivacyView {
        group_name: group.name.clone(),
        group_href: paths::fill(paths::GROUP, &group.slug),
        action: paths::fill(paths::GROUP_PRIVACY, &group.slug),
        retention: typed.map_or(stored, |f| f.one("retention").trim().to_owned()),
        min_days: limits.min_days,
        max_days: limits.max_days,
        keeps: keeps(&ctx, limits, group),
        ended_note: ended_note(&ctx, limits, group),
        discourage_copying: typed.map_or(group.discourage_copying == 1, |f| f.one("discourage_copying") == "on"),
        watermark: typed.map_or(group.watermark == 1, |f| f.one("watermark") == "on"),
        error,
        ctx: ctx.in_group(group),
    }
}

/// GET /groups/{slug}/privacy
async fn privacy_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    render(&page(&state, ctx, &group.group, None, None))
}

/// POST /groups/{slug}/privacy — saves retention, copying and watermark
/// (`store::set_group_privacy`, the one place these change), audited.
async fn privacy_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let group = staffed_group(&state, &viewer, &slug).await?;
    let Ok(retention_days) = retention::parse_choice(&state.config.retention, form.one("retention")) else {
        let view = page(&state, ctx, &group.group, Some(&form), Some("privacy-retention-invalid"));
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    let privacy = store::GroupPrivacy {
        retention_days,
        discourage_copying: form.one("discourage_copying") == "on",
        watermark: form.one("watermark") == "on",
    };
    let g = &group.group;
    let mut tx = state.db.write.begin().await?;
    store::set_group_privacy(&mut tx, g.id, privacy).await?;
    let entry = Entry::new(Some(viewer.user_id), Action::GroupPrivacyChanged, Target::Group(g.id), state.clock.now());
    audit::record(&mut tx, &entry.in_group(g)).await?;
    tx.commit().await?;
    Ok(see_other(&paths::fill(paths::GROUP_PRIVACY, &slug)))
}
