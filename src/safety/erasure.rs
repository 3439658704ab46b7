//! Erasing an account, by its member or by a group's staff on the member's
//! request. The member chooses: delete everything they wrote, or leave their
//! posts for the group signed "former member". Either way the pseudonym,
//! password, sessions, reactions, reads, notifications, check-ins and
//! memberships are deleted at once (`store::ERASE_STEPS`), and the database
//! files are scrubbed of them.

use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderValue, StatusCode, header},
    response::Response,
    routing::get,
};

use super::{
    routes::CLEAR_SITE_DATA,
    store,
    views::{EraseView, ErasedView},
};
use crate::{
    accounts::{Member, session::Viewer, settings::current_password_matches},
    groups::store::GroupRow,
    moderation::{
        audit::{self, Action, Entry, Target},
        members::{self, MemberScope},
        roles,
    },
    web::{
        AppState, cookies,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ACCOUNT_ERASE, get(erase_get).post(erase_post))
        .route(paths::GROUP_MEMBER_ERASE, get(member_erase_get).post(member_erase_post))
}

/// Erases the account, then scrubs the files. The member's own choice (not
/// a staff action: nothing is audited).
pub async fn erase_own_account(state: &AppState, viewer: &Viewer, keep_posts: bool) -> Result<(), AppError> {
    let mut tx = state.db.write.begin().await?;
    store::erase_account(&mut tx, viewer.user_id, keep_posts, state.clock.now()).await?;
    tx.commit().await?;
    state.db.scrub_after_deleting().await;
    Ok(())
}

/// Erases a member's account on their request, by the staff of `group`: a
/// staff action, audited in the same transaction. The entry names no one
/// (the account is gone, and its id may be given again on SQLite).
pub async fn erase_on_request(
    state: &AppState,
    staff: &Viewer,
    group: &GroupRow,
    member_id: i64,
    keep_posts: bool,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    store::erase_account(&mut tx, member_id, keep_posts, now).await?;
    let target = Target::Member(audit::ERASED_ACCOUNT);
    let entry = Entry::new(Some(staff.user_id), Action::AccountErasedOnRequest, target, now).in_group(group);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    state.db.scrub_after_deleting().await;
    Ok(())
}

/// The form's answer: keep the posts? (`None` unless it was chosen and confirmed.)
fn choice(form: &Fields) -> Result<bool, &'static str> {
    let keep = match form.one("posts") {
        "keep" => true,
        "delete" => false,
        _ => return Err("erase-choose"),
    };
    if form.one("confirm") == "yes" { Ok(keep) } else { Err("erase-confirm-needed") }
}

fn form_page(
    ctx: PageCtx,
    action: String,
    member: Option<String>,
    form: Option<&Fields>,
    error: Option<&'static str>,
) -> EraseView {
    EraseView {
        ctx,
        action,
        member,
        posts: match form.map(|f| f.one("posts")) {
            Some("keep") => "keep",
            Some("delete") => "delete",
            _ => "",
        },
        error,
    }
}

/// GET /account/erase
async fn erase_get(Member(_viewer): Member, ctx: PageCtx) -> Result<Response, AppError> {
    render(&form_page(ctx, paths::ACCOUNT_ERASE.to_owned(), None, None, None))
}

/// POST /account/erase — needs the choice, the confirmation and the password,
/// and refuses the instance's last admin and an organisation's last lead;
/// signs out everywhere and clears what the browser holds for this site.
async fn erase_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let action = paths::ACCOUNT_ERASE.to_owned();
    let keep_posts = match choice(&form) {
        Ok(keep) if current_password_matches(&state, &viewer, form.one("current")).await? => keep,
        Ok(_) => {
            let view = form_page(ctx, action, None, Some(&form), Some("password-current-wrong"));
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
        Err(key) => {
            return render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(ctx, action, None, Some(&form), Some(key)),
            );
        }
    };
    // The last admin, or an organisation's last lead, hands that on first.
    if let Some(key) = roles::last_of_their_kind(&state, viewer.user_id).await? {
        return render_with_status(StatusCode::CONFLICT, &form_page(ctx, action, None, Some(&form), Some(key)));
    }
    erase_own_account(&state, &viewer, keep_posts).await?;
    let mut ctx = ctx;
    ctx.pseudonym = None;
    let mut response = render(&ErasedView { ctx })?;
    let headers = response.headers_mut();
    headers.insert("clear-site-data", HeaderValue::from_static(CLEAR_SITE_DATA));
    headers.append(header::SET_COOKIE, cookies::remove(cookies::SESSION));
    Ok(response)
}

/// The member in the URL, if the viewer is staff of the group and the
/// member may be erased on request (`members::erasable_on_request`); 404
/// otherwise, as for a stranger.
async fn member_for_staff(state: &AppState, viewer: &Viewer, slug: &str, id: &str) -> Result<MemberScope, AppError> {
    let scope = members::member_scope(state, viewer, slug, id).await?;
    if members::erasable_on_request(&scope.member) { Ok(scope) } else { Err(AppError::NotFound) }
}

/// GET /groups/{slug}/members/{id}/erase — staff, on the member's request.
async fn member_erase_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = member_for_staff(&state, &viewer, &slug, &id).await?;
    let action = paths::fill(&paths::fill(paths::GROUP_MEMBER_ERASE, &slug), &id);
    render(&form_page(ctx.in_group(&scope.group.group), action, Some(scope.member.pseudonym), None, None))
}

/// POST /groups/{slug}/members/{id}/erase
async fn member_erase_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path((slug, id)): Path<(String, String)>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let scope = member_for_staff(&state, &viewer, &slug, &id).await?;
    let group = &scope.group.group;
    let keep_posts = match choice(&form) {
        Ok(keep) => keep,
        Err(key) => {
            let action = paths::fill(&paths::fill(paths::GROUP_MEMBER_ERASE, &slug), &id);
            let view = form_page(ctx.in_group(group), action, Some(scope.member.pseudonym), Some(&form), Some(key));
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    erase_on_request(&state, &viewer, group, scope.member.user_id, keep_posts).await?;
    Ok(see_other(&paths::fill(paths::GROUP_MEMBERS, &slug)))
}
