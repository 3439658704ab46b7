//! Letting someone who waits into a group, or declining them, with a note
//! they read (a notice on their notifications page).

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::post,
};

use super::{member_scope, store};
use crate::{
    accounts::Member,
    moderation::{
        audit::{self, Action, Entry, Target},
        posts::note,
        store::{NewNotice, insert_notice},
        views::NoticeView,
    },
    web::{
        AppState,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::GROUP_MEMBER_APPROVE, post(approve_post))
        .route(paths::GROUP_MEMBER_DECLINE, post(decline_post))
}

fn queue_of(slug: &str) -> String {
    format!("{}?group={slug}#pending", paths::MODERATION)
}

#[derive(Clone, Copy)]
enum Decision {
    Admit,
    Decline,
}

async fn decide(
    state: &AppState,
    viewer: &crate::accounts::session::Viewer,
    ctx: PageCtx,
    (slug, id): (String, String),
    form: &Fields,
    decision: Decision,
) -> Result<Response, AppError> {
    let scope = member_scope(state, viewer, &slug, &id).await?;
    let back = queue_of(&slug);
    if matches!(decision, Decision::Admit) && !scope.group.access(scope.now).admits_members() {
        let view =
            NoticeView { ctx, title: "queue-pending-title", message: "queue-pending-locked-down", back_href: back };
        return render_with_status(StatusCode::CONFLICT, &view);
    }
    let text = note(form.one("note")).map_err(|_| AppError::BadRequest)?;
    let (group, user_id) = (&scope.group.group, scope.member.user_id);
    let mut tx = state.db.write.begin().await?;
    let (done, kind, action) = match decision {
        Decision::Admit => (store::admit(&mut tx, group.id, user_id).await?, "member_approved", Action::MemberApproved),
        Decision::Decline => {
            (store::decline(&mut tx, group.id, user_id).await?, "member_declined", Action::MemberDeclined)
        }
    };
    if done {
        let notice =
            NewNotice { user_id, group_id: group.id, kind, topic_id: None, post_id: None, note: &text, now: scope.now };
        insert_notice(&mut tx, notice).await?;
        let entry = Entry::new(Some(viewer.user_id), action, Target::Member(user_id), scope.now).in_group(group);
        audit::record(&mut tx, &entry.reason(&text)).await?;
    }
    tx.commit().await?;
    Ok(see_other(&back))
}

/// POST /groups/{slug}/members/{id}/approve — someone waiting is let in (not during a lockdown).
async fn approve_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(ids): Path<(String, String)>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    decide(&state, &viewer, ctx, ids, &form, Decision::Admit).await
}

/// POST /groups/{slug}/members/{id}/decline — someone waiting is not let in; they read the note.
async fn decline_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(ids): Path<(String, String)>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    decide(&state, &viewer, ctx, ids, &form, Decision::Decline).await
}
