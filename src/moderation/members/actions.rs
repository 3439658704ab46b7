//! Actions on a member from their page: staff notes, suspending them in the
//! group for a while (and lifting it), removing them from the group, banning
//! them from the instance (every session ends at once; lifting a ban is for
//! a lead). Each writes its audit entry in its own transaction.

use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};

use super::{
    MemberScope, member_scope,
    page::{SUSPENSION_DAYS, back_to, page},
    store,
};
use crate::{
    accounts::{Member, session::Viewer},
    clock::format_date,
    groups::{policy::roles, store::leave_in},
    moderation::{
        audit::{self, Action, Entry, Target},
        posts::note,
        store::{NewNotice, insert_notice},
    },
    web::{
        AppState,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render_with_status, see_other},
        paths,
    },
};

/// Longest staff note, in characters: notes are short on purpose.
pub const STAFF_NOTE_MAX_CHARS: usize = 500;

type Ids = Path<(String, String)>;

fn entry<'a>(viewer: &Viewer, action: Action, scope: &MemberScope) -> Entry<'a> {
    Entry::new(Some(viewer.user_id), action, Target::Member(scope.member.user_id), scope.now)
        .in_group(&scope.group.group)
}

async fn refused(state: &AppState, ctx: PageCtx, scope: &MemberScope, key: &'static str) -> Result<Response, AppError> {
    render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page(state, ctx, scope, Some(key), None).await?)
}

/// Someone group staff may not ban or suspend: staff anywhere, or an admin.
fn holds_power(scope: &MemberScope) -> bool {
    !roles::acted_on_by_group_staff(scope.member.holds_power == 1, false)
}

/// POST /groups/{slug}/members/{id}/notes — a short note only staff read.
pub(super) async fn notes_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path((slug, id)): Ids,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = member_scope(&state, &viewer, &slug, &id).await?;
    let body = form.one("body").trim();
    if body.is_empty() || body.chars().count() > STAFF_NOTE_MAX_CHARS {
        return refused(&state, ctx, &scope, "member-note-invalid").await;
    }
    let g = &scope.group.group;
    let mut tx = state.db.write.begin().await?;
    store::add_note(&mut tx, g.organisation_id, scope.member.user_id, viewer.user_id, body, scope.now).await?;
    audit::record(&mut tx, &entry(&viewer, Action::StaffNoteAdded, &scope)).await?;
    tx.commit().await?;
    Ok(see_other(&back_to(&scope)))
}

/// POST /groups/{slug}/members/{id}/suspend — `days`, a `reason` for the log,
/// and an optional `message` the member reads.
pub(super) async fn suspend_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path((slug, id)): Ids,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = member_scope(&state, &viewer, &slug, &id).await?;
    let days = form.one("days").trim().parse::<i64>().ok().filter(|d| SUSPENSION_DAYS.contains(d));
    let (reason, message) = (note(form.one("reason")), note(form.one("message")));
    let checked = match (days, reason, message) {
        _ if holds_power(&scope) => Err("member-holds-power"),
        _ if scope.member.state != "active" => Err("member-not-active"),
        (None, ..) => Err("member-suspend-days"),
        (Some(days), Ok(reason), Ok(message)) => Ok((days, reason, message)),
        _ => Err("moderation-note-too-long"),
    };
    let (days, reason, message) = match checked {
        Ok(checked) => checked,
        Err(key) => return refused(&state, ctx, &scope, key).await,
    };
    let until = scope.now.saturating_add(days * 86_400);
    let (g, user_id) = (&scope.group.group, scope.member.user_id);
    let mut tx = state.db.write.begin().await?;
    store::set_suspension(&mut tx, g.id, user_id, Some(until)).await?;
    let notice = NewNotice {
        user_id,
        group_id: g.id,
        kind: "suspended",
        topic_id: None,
        post_id: None,
        note: &message,
        now: scope.now,
    };
    insert_notice(&mut tx, notice).await?;
    let entry = entry(&viewer, Action::MemberSuspended, &scope).detail(format_date(until)).reason(&reason);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(see_other(&back_to(&scope)))
}

/// POST /groups/{slug}/members/{id}/unsuspend
pub(super) async fn unsuspend_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path((slug, id)): Ids,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = member_scope(&state, &viewer, &slug, &id).await?;
    if scope.member.suspended_until.is_none_or(|until| until <= scope.now) {
        return Ok(see_other(&back_to(&scope)));
    }
    let reason = note(form.one("reason")).map_err(|_| AppError::BadRequest)?;
    let mut tx = state.db.write.begin().await?;
    store::set_suspension(&mut tx, scope.group.group.id, scope.member.user_id, None).await?;
    audit::record(&mut tx, &entry(&viewer, Action::SuspensionLifted, &scope).reason(&reason)).await?;
    tx.commit().await?;
    Ok(see_other(&back_to(&scope)))
}

/// POST /groups/{slug}/members/{id}/remove — out of the group (their posts
/// stay); an optional `message` tells them why.
pub(super) async fn remove_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path((slug, id)): Ids,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = member_scope(&state, &viewer, &slug, &id).await?;
    let (Ok(reason), Ok(message)) = (note(form.one("reason")), note(form.one("message"))) else {
        return refused(&state, ctx, &scope, "moderation-note-too-long").await;
    };
    let (g, user_id) = (&scope.group.group, scope.member.user_id);
    let mut tx = state.db.write.begin().await?;
    if leave_in(&mut tx, g.id, user_id).await? {
        let notice = NewNotice {
            user_id,
            group_id: g.id,
            kind: "member_removed",
            topic_id: None,
            post_id: None,
            note: &message,
            now: scope.now,
        };
        insert_notice(&mut tx, notice).await?;
        audit::record(&mut tx, &entry(&viewer, Action::MemberRemoved, &scope).reason(&reason)).await?;
    }
    tx.commit().await?;
    Ok(see_other(&paths::fill(paths::GROUP_MEMBERS, &slug)))
}

/// POST /groups/{slug}/members/{id}/ban — needs `confirm=yes`; never staff or an admin.
pub(super) async fn ban_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path((slug, id)): Ids,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = member_scope(&state, &viewer, &slug, &id).await?;
    let reason = note(form.one("reason"));
    let checked = match reason {
        _ if holds_power(&scope) => Err("member-holds-power"),
        _ if form.one("confirm") != "yes" => Err("member-ban-confirm"),
        Ok(reason) => Ok(reason),
        Err(key) => Err(key),
    };
    let reason = match checked {
        Ok(reason) => reason,
        Err(key) => return refused(&state, ctx, &scope, key).await,
    };
    let mut tx = state.db.write.begin().await?;
    if store::set_ban(&mut tx, scope.member.user_id, Some(scope.now)).await? {
        audit::record(&mut tx, &entry(&viewer, Action::MemberBanned, &scope).reason(&reason)).await?;
    }
    tx.commit().await?;
    Ok(see_other(&back_to(&scope)))
}

/// POST /groups/{slug}/members/{id}/unban — for a lead of the organisation.
pub(super) async fn unban_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path((slug, id)): Ids,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = member_scope(&state, &viewer, &slug, &id).await?;
    if !scope.group.access(scope.now).undoes_safety_measures() {
        return Err(AppError::NotFound);
    }
    let reason = note(form.one("reason")).map_err(|_| AppError::BadRequest)?;
    let mut tx = state.db.write.begin().await?;
    if scope.member.banned_at.is_some() && store::set_ban(&mut tx, scope.member.user_id, None).await? {
        audit::record(&mut tx, &entry(&viewer, Action::BanLifted, &scope).reason(&reason)).await?;
    }
    tx.commit().await?;
    Ok(see_other(&back_to(&scope)))
}
