//! The instance's admins (for admins): who they are, making someone an
//! admin or removing one (each confirmed by a second admin; stepping down
//! oneself needs no one), and the changes waiting. The last admin stays.
//! With a single admin, `hearth admin create` on the server is the way to a
//! second one.

use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::{get, post},
};

use super::{Outcome, RequestLine, refused_page, request_change, store, waiting_lines};
use crate::{
    accounts::{Admin, pseudonym::lookup_key, session::Viewer, store as accounts_store},
    groups::policy::roles::StaffChange,
    web::{
        AppState,
        csrf::{Fields, NoFields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ADMIN_ADMINS, get(admins_get).post(admins_post))
        .route(paths::ADMIN_ADMIN_REMOVE, post(admin_remove_post))
}

pub struct AdminLine {
    pub pseudonym: String,
    pub remove_action: String,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "moderation/admins.html")]
pub struct AdminsView {
    pub ctx: PageCtx,
    pub admins: Vec<AdminLine>,
    pub requests: Vec<RequestLine>,
    pub action: &'static str,
    pub pseudonym: String,
    pub error: Option<&'static str>,
    /// Just asked: waiting for a second admin.
    pub asked: bool,
}

async fn page(state: &AppState, viewer: &Viewer, ctx: PageCtx) -> Result<AdminsView, AppError> {
    let admins = store::admins(&state.db.read)
        .await?
        .into_iter()
        .map(|(id, pseudonym)| AdminLine {
            pseudonym,
            remove_action: paths::fill(paths::ADMIN_ADMIN_REMOVE, &id.to_string()),
            is_me: id == viewer.user_id,
        })
        .collect();
    let requests = waiting_lines(state, viewer, None).await?;
    Ok(AdminsView {
        ctx,
        admins,
        requests,
        action: paths::ADMIN_ADMINS,
        pseudonym: String::new(),
        error: None,
        asked: false,
    })
}

/// GET /admin/admins
async fn admins_get(State(state): State<AppState>, Admin(viewer): Admin, ctx: PageCtx) -> Result<Response, AppError> {
    render(&page(&state, &viewer, ctx).await?)
}

/// POST /admin/admins — asks to make an existing account an admin.
async fn admins_post(
    State(state): State<AppState>,
    Admin(viewer): Admin,
    ctx: PageCtx,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let user = accounts_store::user_by_key(&state.db.read, &lookup_key(form.one("pseudonym"))).await?;
    let outcome = match user {
        None => Outcome::Refused("staff-pseudonym-unknown"),
        Some(user) if user.is_admin == 1 => Outcome::Refused("role-already-admin"),
        Some(user) => request_change(&state, &viewer, None, user.id, StaffChange::MakeAdmin).await?,
    };
    let mut view = page(&state, &viewer, ctx).await?;
    match outcome {
        Outcome::Refused(key) => {
            view.pseudonym = form.one("pseudonym").trim().to_owned();
            view.error = Some(key);
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
        }
        Outcome::Done | Outcome::Asked => {
            view.asked = true;
            render(&view)
        }
    }
}

/// POST /admin/admins/{id}/remove — oneself at once (not the last admin); another admin when a second confirms.
async fn admin_remove_post(
    State(state): State<AppState>,
    Admin(viewer): Admin,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    let user = accounts_store::user_by_id(&state.db.read, paths::parse_id(&id)?).await?;
    let user = user.filter(|u| u.is_admin == 1).ok_or(AppError::NotFound)?;
    match request_change(&state, &viewer, None, user.id, StaffChange::RemoveAdmin).await? {
        Outcome::Refused(key) => refused_page(ctx, key, paths::ADMIN_ADMINS.to_owned()),
        Outcome::Done if user.id == viewer.user_id => Ok(see_other(paths::HOME)),
        Outcome::Done | Outcome::Asked => Ok(see_other(paths::ADMIN_ADMINS)),
    }
}
