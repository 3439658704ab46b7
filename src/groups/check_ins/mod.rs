//! Check-ins: private conversations between one member and the facilitators
//! of a group (all of them see it, no one else). A member opens one to talk to
//! the facilitators; a facilitator opens one to check in on a member. Where an
//! organisation's lead turns member-to-member messages on for a group, two
//! members can talk privately too (then only those two read it).

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::{get, post},
};
mod store;

use store::{CheckInMessage, CheckInRow, NewCheckIn};

use super::{routes::group_of, views};
use crate::{
    accounts::Member,
    clock::{UnixTime, format_utc},
    db::Pool,
    discussions::notifications,
    web::{
        AppState,
        csrf::{Fields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub const SUBJECT_MAX_CHARS: usize = 120;
pub const BODY_MAX_CHARS: usize = 20_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::CHECK_INS, get(inbox_get))
        .route(paths::GROUP_CHECK_IN_NEW, get(new_get).post(new_post))
        .route(paths::GROUP_MESSAGE_NEW, get(new_message_get).post(new_message_post))
        .route(paths::CHECK_IN, get(check_in_get))
        .route(paths::CHECK_IN_REPLY, post(reply_post))
}

/// GET /check-ins — the viewer's conversations with facilitators and, for
/// staff, those of the groups they facilitate; unread ones marked.
async fn inbox_get(State(state): State<AppState>, Member(viewer): Member, ctx: PageCtx) -> Result<Response, AppError> {
    let (mine, staff): (Vec<_>, Vec<_>) = store::inbox(&state.db.read, viewer.user_id)
        .await?
        .into_iter()
        .map(|row| {
            let line = views::CheckInLine {
                href: paths::fill(paths::CHECK_IN, &row.id.to_string()),
                subject: row.subject,
                group_name: row.group_name,
                member: row.member_pseudonym,
                peer: (row.is_peer == 1).then(|| row.peer_pseudonym.unwrap_or_default()),
                last_message: format_utc(row.last_message_at),
                unread: row.unread == 1,
            };
            (line, row.as_staff == 1)
        })
        .partition(|(_, as_staff)| !as_staff);
    render(&views::CheckInsView {
        ctx,
        mine: mine.into_iter().map(|(line, _)| line).collect(),
        staff: staff.into_iter().map(|(line, _)| line).collect(),
    })
}

/// The three ways to open a private conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// A member writes to the group's facilitators.
    ToFacilitators,
    /// A facilitator or lead checks in on a member.
    CheckInOnMember,
    /// A member writes to another member (where the lead allows it).
    ToMember,
}

impl Opening {
    /// How this viewer may open a conversation from the check-ins form, if at all.
    fn check_in(access: super::policy::Access) -> Option<Self> {
        match (access.writes_check_ins(), access.moderates()) {
            (false, _) => None,
            (true, true) => Some(Self::CheckInOnMember),
            (true, false) => Some(Self::ToFacilitators),
        }
    }

    fn title(self) -> &'static str {
        match self {
            Self::ToFacilitators => "check-in-new-title",
            Self::CheckInOnMember => "check-in-new-staff-title",
            Self::ToMember => "message-new-title",
        }
    }

    fn explain(self) -> &'static str {
        match self {
            Self::ToFacilitators => "check-in-new-explain",
            Self::CheckInOnMember => "check-in-new-staff-explain",
            Self::ToMember => "message-new-explain",
        }
    }

    fn route(self) -> &'static str {
        if self == Self::ToMember { paths::GROUP_MESSAGE_NEW } else { paths::GROUP_CHECK_IN_NEW }
    }
}

/// Members the viewer may write to: every member for staff, the others for a member.
async fn recipients(state: &AppState, group_id: i64, viewer_id: i64) -> Result<Vec<super::store::MemberRow>, AppError> {
    let mut members = super::store::members(&state.db.read, group_id).await?;
    members.retain(|m| m.user_id != viewer_id);
    Ok(members)
}

async fn new_page(
    state: &AppState,
    ctx: PageCtx,
    group: &super::store::GroupWithAccess,
    opening: Opening,
    viewer_id: i64,
    typed: Option<&Fields>,
    error: Option<&'static str>,
) -> Result<views::NewCheckInView, AppError> {
    let g = &group.group;
    let members = if opening == Opening::ToFacilitators {
        Vec::new()
    } else {
        recipients(state, g.id, viewer_id)
            .await?
            .into_iter()
            .map(|m| views::Choice {
                checked: typed.is_some_and(|f| f.one("member") == m.user_id.to_string()),
                value: m.user_id,
                label: m.pseudonym,
            })
            .collect()
    };
    Ok(views::NewCheckInView {
        ctx: ctx.in_group(g),
        group_name: g.name.clone(),
        group_href: paths::fill(paths::GROUP, &g.slug),
        action: paths::fill(opening.route(), &g.slug),
        title: opening.title(),
        explain: opening.explain(),
        choose_member: opening != Opening::ToFacilitators,
        members,
        subject: typed.map(|f| f.one("subject").to_owned()).unwrap_or_default(),
        body: typed.map(|f| f.one("body").to_owned()).unwrap_or_default(),
        error,
    })
}

/// How the viewer may open a conversation in this group, or a 404.
async fn opening_for(
    state: &AppState,
    viewer: &crate::accounts::session::Viewer,
    slug: &str,
    to_member: bool,
) -> Result<(super::store::GroupWithAccess, Opening), AppError> {
    let group = group_of(state, viewer, slug).await?;
    let access = group.access(state.clock.now());
    let opening = if to_member {
        access.writes_to_members(group.group.member_messages == 1).then_some(Opening::ToMember)
    } else {
        Opening::check_in(access)
    };
    opening.map(|opening| (group, opening)).ok_or(AppError::NotFound)
}

/// GET /groups/{slug}/check-ins/new — write to the facilitators (a member),
/// or check in on a member (staff).
async fn new_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let (group, opening) = opening_for(&state, &viewer, &slug, false).await?;
    render(&new_page(&state, ctx, &group, opening, viewer.user_id, None, None).await?)
}

/// POST /groups/{slug}/check-ins/new
async fn new_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let (group, opening) = opening_for(&state, &viewer, &slug, false).await?;
    open_conversation(&state, &viewer, ctx, &group, opening, &form).await
}

/// GET /groups/{slug}/messages/new — write privately to another member, where
/// the organisation's lead allows it for this group.
async fn new_message_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let (group, opening) = opening_for(&state, &viewer, &slug, true).await?;
    render(&new_page(&state, ctx, &group, opening, viewer.user_id, None, None).await?)
}

/// POST /groups/{slug}/messages/new
async fn new_message_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(slug): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let (group, opening) = opening_for(&state, &viewer, &slug, true).await?;
    open_conversation(&state, &viewer, ctx, &group, opening, &form).await
}

fn message_body(form: &Fields) -> Result<String, &'static str> {
    let body = form.one("body").trim();
    match body.chars().count() {
        0 => Err("check-in-body-empty"),
        n if n > BODY_MAX_CHARS => Err("check-in-body-too-long"),
        _ => Ok(body.to_owned()),
    }
}

/// Starts a conversation with its first message, or shows the form again.
async fn open_conversation(
    state: &AppState,
    viewer: &crate::accounts::session::Viewer,
    ctx: PageCtx,
    group: &super::store::GroupWithAccess,
    opening: Opening,
    form: &Fields,
) -> Result<Response, AppError> {
    let chosen = match opening {
        Opening::ToFacilitators => Some(viewer.user_id),
        Opening::CheckInOnMember | Opening::ToMember => {
            let members = recipients(state, group.group.id, viewer.user_id).await?;
            form.one("member").parse::<i64>().ok().filter(|id| members.iter().any(|m| m.user_id == *id))
        }
    };
    let subject = form.one("subject").trim();
    let checked = match (chosen, message_body(form)) {
        (None, _) => Err("check-in-member-needed"),
        _ if subject.is_empty() || subject.chars().count() > SUBJECT_MAX_CHARS => Err("check-in-subject-invalid"),
        (_, Err(key)) => Err(key),
        (Some(chosen), Ok(body)) => Ok((chosen, body)),
    };
    let (chosen, body) = match checked {
        Ok(values) => values,
        Err(key) => {
            let view = new_page(state, ctx, group, opening, viewer.user_id, Some(form), Some(key)).await?;
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    // A check-in belongs to its member; a conversation between members to the one who starts it.
    let (member_id, with_member_id) =
        if opening == Opening::ToMember { (viewer.user_id, Some(chosen)) } else { (chosen, None) };
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    let new =
        NewCheckIn { group_id: group.group.id, member_id, with_member_id, subject, started_by: viewer.user_id, now };
    let id = store::insert_check_in(&mut tx, new).await?;
    let message = CheckInMessage {
        check_in_id: id,
        group_id: group.group.id,
        member_id,
        with_member_id,
        author_id: viewer.user_id,
        body: &body,
        now,
    };
    store::add_message(&mut tx, message).await?;
    tx.commit().await?;
    Ok(see_other(&paths::fill(paths::CHECK_IN, &id.to_string())))
}

/// A check-in the viewer may see, or a 404 whether it exists or not.
async fn visible_check_in(pool: &Pool, user_id: i64, id: &str) -> Result<CheckInRow, AppError> {
    store::check_in_for(pool, user_id, paths::parse_id(id)?).await?.ok_or(AppError::NotFound)
}

impl CheckInRow {
    /// New messages: until the group ends, and between members only while the
    /// lead keeps member-to-member messages on.
    fn open(&self, now: UnixTime) -> bool {
        super::policy::phase(self.starts_at, self.ends_at, now) != super::policy::Phase::Ended
            && (self.with_member_id.is_none() || self.member_messages == 1)
    }
}

async fn check_in_page(
    state: &AppState,
    ctx: PageCtx,
    check_in: &CheckInRow,
    body: String,
    error: Option<&'static str>,
) -> Result<views::CheckInView, AppError> {
    let messages = store::messages(&state.db.read, check_in.id).await?;
    let open = check_in.open(state.clock.now());
    let peer = check_in.with_member_id.is_some();
    Ok(views::CheckInView {
        ctx,
        subject: check_in.subject.clone(),
        group_name: check_in.group_name.clone(),
        group_href: paths::fill(paths::GROUP, &check_in.slug),
        member: check_in.member_pseudonym.clone(),
        peer: peer.then(|| check_in.with_pseudonym.clone().unwrap_or_default()),
        messages: messages
            .into_iter()
            .map(|m| views::CheckInMessageLine {
                from_member: peer || m.author_id == Some(check_in.member_id),
                author: m.author,
                body_html: m.body_html,
                at: format_utc(m.created_at),
            })
            .collect(),
        reply_action: open.then(|| paths::fill(paths::CHECK_IN_REPLY, &check_in.id.to_string())),
        body,
        error,
    })
}

/// GET /check-ins/{id} — the conversation; reading it marks it read.
async fn check_in_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let check_in = visible_check_in(&state.db.read, viewer.user_id, &id).await?;
    if check_in.last_message_id > check_in.last_read {
        // Reading goes on while the database cannot write; the marker moves next time.
        let marked = store::mark_read(&state.db.write, viewer.user_id, check_in.id, check_in.last_message_id).await;
        crate::db::unless_unavailable(marked, "check-in marker")?;
        let read = notifications::read_check_in(&state.db.write, viewer.user_id, check_in.id, state.clock.now()).await;
        crate::db::unless_unavailable(read, "notifications read")?;
    }
    render(&check_in_page(&state, ctx, &check_in, String::new(), None).await?)
}

/// POST /check-ins/{id}/reply
async fn reply_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let check_in = visible_check_in(&state.db.read, viewer.user_id, &id).await?;
    let now = state.clock.now();
    if !check_in.open(now) {
        return Err(AppError::NotFound);
    }
    let body = match message_body(&form) {
        Ok(body) => body,
        Err(key) => {
            let view = check_in_page(&state, ctx, &check_in, form.one("body").to_owned(), Some(key)).await?;
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    let mut tx = state.db.write.begin().await?;
    let message = CheckInMessage {
        check_in_id: check_in.id,
        group_id: check_in.group_id,
        member_id: check_in.member_id,
        with_member_id: check_in.with_member_id,
        author_id: viewer.user_id,
        body: &body,
        now,
    };
    store::add_message(&mut tx, message).await?;
    tx.commit().await?;
    Ok(see_other(&paths::fill(paths::CHECK_IN, &check_in.id.to_string())))
}
