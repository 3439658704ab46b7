//! Single posts: editing within the group's window (staff always), deletion
//! that removes the words, supportive reactions and who gave them (staff
//! only), and the reading preference for posts with a content warning.

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::{get, post},
};
use serde::Deserialize;

use super::{
    drafts::{Checked, PostFields, check, refilled},
    store::{self, PostInTopic},
    topics::{cursor_query, group_href, load_topic, post_href, topic_href, with_support},
    views::{DeleteForm, FormErrors, PostEditView, PostForm, ReactionLine, ReactionsView, reaction_label},
};
use crate::{
    accounts::Member,
    clock::UnixTime,
    groups::{policy::Access, store::GroupWithAccess},
    moderation::{
        posts::store::withdraw,
        screening,
        views::{PostFacts, moderation_for},
    },
    web::{
        AppState,
        csrf::Post,
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::POST_EDIT, get(edit_get).post(edit_post))
        .route(paths::POST_DELETE, post(delete_post))
        .route(paths::TOPIC_REACT, post(react_post))
        .route(paths::POST_REACTIONS, get(reactions_get))
        .route(paths::ACCOUNT_READING, post(reading_post))
}

struct PostScope {
    post: PostInTopic,
    group: GroupWithAccess,
    access: Access,
    now: UnixTime,
    own: bool,
}

impl PostScope {
    fn edits(&self) -> bool {
        match self.post.state.as_str() {
            "published" => {
                self.access.edits_post(self.own, self.post.created_at, self.group.group.edit_window_minutes, self.now)
            }
            "hidden" => false,
            _ => self.access.revises_unpublished(self.own),
        }
    }

    fn published(&self) -> bool {
        self.post.state == "published"
    }

    fn deletes(&self) -> bool {
        self.access.deletes_post(self.own)
    }

    fn is_first(&self) -> bool {
        self.post.is_first == 1
    }
}

/// A post the viewer may read that still has its words (deleted ones are 404 here).
async fn load_post(state: &AppState, user_id: i64, raw_id: &str) -> Result<PostScope, AppError> {
    let id = paths::parse_id(raw_id)?;
    let now = state.clock.now();
    let post = store::post_for_viewer(&state.db.read, user_id, id, now)
        .await?
        .filter(|post| post.deleted_at.is_none())
        .ok_or(AppError::NotFound)?;
    let group = crate::groups::store::group_by_id_for_viewer(&state.db.read, user_id, post.group_id, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let access = group.access(now);
    if !access.reads_content() {
        return Err(AppError::NotFound);
    }
    let own = post.author_id == Some(user_id);
    Ok(PostScope { post, group, access, now, own })
}

// ----- editing and deleting -----

fn edit_form(scope: &PostScope) -> PostForm {
    let action = paths::fill(paths::POST_EDIT, &scope.post.id.to_string());
    PostForm::empty(action, scope.is_first(), "post-edit-publish")
}

/// The edit page: the form filled from the post (or `form` as given), and the
/// delete button for the post's author.
fn edit_page(
    ctx: PageCtx,
    scope: &PostScope,
    form: Option<PostForm>,
    delete_error: Option<&'static str>,
) -> PostEditView {
    let post = &scope.post;
    let form = form.or_else(|| {
        scope.edits().then(|| {
            let mut form = edit_form(scope);
            if scope.is_first() {
                form.title.clone_from(&post.title);
            }
            form.warning = post.warning.clone().or_else(|| post.topic_warning.clone()).unwrap_or_default();
            form.body.clone_from(&post.body_md);
            form
        })
    });
    PostEditView {
        ctx: ctx.in_group(&scope.group.group),
        topic_title: post.title.clone(),
        post_href: post_href(post.topic_id, post.id),
        form,
        note: (!scope.edits()).then_some("post-edit-window-passed"),
        delete: scope
            .deletes()
            .then(|| DeleteForm { action: paths::fill(paths::POST_DELETE, &post.id.to_string()), error: delete_error }),
        moderation: moderation_for(
            PostFacts {
                id: post.id,
                own: scope.own,
                deleted: false,
                state: &post.state,
                held_reason: &post.held_reason,
                note: &post.moderation_note,
                redacted: false,
                redaction_reason: "",
                author_href: None,
            },
            scope.access,
        ),
    }
}

/// GET /posts/{id}/edit — edit a post (own within the window; staff always), or delete one's own.
async fn edit_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = load_post(&state, viewer.user_id, &id).await?;
    if !scope.own && scope.access.moderates() && scope.post.state != "held" {
        // Staff change someone else's post by redacting it.
        return Ok(see_other(&paths::fill(paths::POST_REDACT, &scope.post.id.to_string())));
    }
    if !scope.edits() && !scope.deletes() {
        return Err(AppError::NotFound);
    }
    render(&edit_page(ctx, &scope, None, None))
}

/// POST /posts/{id}/edit — preview or save an edit; sets `edited_at`.
async fn edit_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(fields): Post<PostFields>,
) -> Result<Response, AppError> {
    let scope = load_post(&state, viewer.user_id, &id).await?;
    if !scope.edits() {
        if !scope.deletes() {
            return Err(AppError::NotFound);
        }
        // The window closed while the author was writing: keep their words.
        let errors = FormErrors { form: Some("post-edit-window-passed"), ..FormErrors::default() };
        let form = refilled(edit_form(&scope), &fields, errors, None);
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &edit_page(ctx, &scope, Some(form), None));
    }
    let draft = match check(edit_form(&scope), &fields) {
        Checked::Again(status, form) => return render_with_status(status, &edit_page(ctx, &scope, Some(form), None)),
        Checked::Publish(draft) => draft,
    };
    let verdict = screening::check(&state, &scope.group, viewer.user_id, &draft.screened_text()).await?;
    if let Some(reasons) = verdict.held().filter(|_| scope.published()) {
        let errors = FormErrors { form: Some(screening::edit_refusal(&reasons)), ..FormErrors::default() };
        let form = refilled(edit_form(&scope), &fields, errors, None);
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &edit_page(ctx, &scope, Some(form), None));
    }
    let with_title = scope.is_first();
    let (html, search_text) = (draft.html(), draft.search_text(with_title));
    let edit = store::PostEdit {
        post_id: scope.post.id,
        topic_id: scope.post.topic_id,
        title: with_title.then_some(draft.title.as_str()),
        warning: draft.warning.as_deref(),
        body_md: &draft.body,
        body_html: &html,
        search_text: &search_text,
        now: scope.now,
    };
    let mut tx = state.db.write.begin().await?;
    store::update_post_in(&mut tx, edit).await?;
    let (post_id, crisis) = screening::settle(&mut tx, &scope.post, &verdict, scope.now).await?;
    tx.commit().await?;
    Ok(see_other(&with_support(&post_href(scope.post.topic_id, post_id), crisis)))
}

#[derive(Debug, Deserialize)]
struct DeleteFields {
    #[serde(default)]
    confirm: String,
}

/// POST /posts/{id}/delete — the author removes a post's words for good (needs `confirm=yes`).
async fn delete_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(fields): Post<DeleteFields>,
) -> Result<Response, AppError> {
    let scope = load_post(&state, viewer.user_id, &id).await?;
    if !scope.deletes() {
        return Err(AppError::NotFound);
    }
    if fields.confirm != "yes" {
        let view = edit_page(ctx, &scope, None, Some("post-delete-confirm-needed"));
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    }
    if !scope.published() && scope.post.state != "hidden" {
        // Never published: withdrawn for good (a first post takes its topic with it).
        let mut tx = state.db.write.begin().await?;
        withdraw(&mut tx, scope.post.id, scope.post.topic_id, scope.is_first()).await?;
        tx.commit().await?;
        let back = if scope.is_first() { group_href(&scope.group) } else { topic_href(scope.post.topic_id) };
        return Ok(see_other(&back));
    }
    store::delete_post(&state.db.write, scope.post.id, scope.now).await?;
    state.db.scrub_after_deleting().await;
    Ok(see_other(&post_href(scope.post.topic_id, scope.post.id)))
}

// ----- reactions -----

#[derive(Debug, Deserialize)]
struct ReactFields {
    /// The pressed button's `POSTID-KIND` (`12-me-too`).
    #[serde(default)]
    react: String,
    /// The page the reader was on (see `cursor_field`).
    #[serde(default)]
    page: String,
}

/// POST /topics/{id}/react — adds or takes back the viewer's reaction of one
/// kind to a post of the topic (the page has one form for all its buttons).
async fn react_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path(topic_id): Path<String>,
    Post(fields): Post<ReactFields>,
) -> Result<Response, AppError> {
    let topic = load_topic(&state, viewer.user_id, &topic_id).await?;
    if !topic.access.writes() {
        return Err(AppError::NotFound);
    }
    let (post_id, kind) = fields.react.split_once('-').ok_or(AppError::BadRequest)?;
    let kind = store::REACTION_KINDS.into_iter().find(|k| *k == kind).ok_or(AppError::BadRequest)?;
    let scope = load_post(&state, viewer.user_id, post_id).await?;
    if scope.post.topic_id != topic.topic.id || !scope.published() {
        return Err(AppError::NotFound);
    }
    store::toggle_reaction(&state.db.write, scope.post.id, viewer.user_id, kind, scope.now).await?;
    let back = format!("{}{}#post-{}", topic_href(scope.post.topic_id), cursor_query(&fields.page), scope.post.id);
    Ok(see_other(&back))
}

/// GET /posts/{id}/reactions — who reacted with what (staff only; members see counts).
async fn reactions_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = load_post(&state, viewer.user_id, &id).await?;
    if !scope.access.sees_who_reacted() {
        return Err(AppError::NotFound);
    }
    let lines = store::reactions_to(&state.db.read, viewer.user_id, scope.post.id, scope.now)
        .await?
        .into_iter()
        .map(|r| ReactionLine { pseudonym: r.pseudonym, label_key: reaction_label(&r.kind) })
        .collect();
    render(&ReactionsView {
        ctx: ctx.in_group(&scope.group.group),
        topic_title: scope.post.title.clone(),
        post_href: post_href(scope.post.topic_id, scope.post.id),
        lines,
    })
}

// ----- reading preference -----

#[derive(Debug, Deserialize)]
struct ReadingFields {
    /// A checkbox: present (any value but "0") folds, absent shows posts open.
    fold_warnings: Option<String>,
}

/// POST /account/reading — whether posts with a content warning start folded.
async fn reading_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Post(fields): Post<ReadingFields>,
) -> Result<Response, AppError> {
    let fold = fields.fold_warnings.is_some_and(|value| value != "0");
    store::set_fold_warnings(&state.db.write, viewer.user_id, fold).await?;
    Ok(see_other(paths::ACCOUNT))
}
