//! Invites: creating them (admin page, `hearth invite create`, the setup link)
//! and the admin page that lists and revokes them.

use std::time::Duration;

use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::{get, post},
};

use super::{Member, secret, session::Viewer, store, views};
use crate::{
    clock::{UnixTime, format_utc},
    groups,
    moderation::{
        audit::{self, Action, Entry, Target},
        partners::store as partners,
    },
    web::{
        AppState,
        csrf::{Fields, NoFields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

pub const NOTE_MAX_CHARS: usize = 200;

/// What an invite grants and for how long.
pub struct InviteSpec<'a> {
    pub expires_in: Duration,
    pub note: Option<&'a str>,
    pub created_by: Option<i64>,
    pub grants_admin: bool,
    /// Groups the invited person joins on redeeming it.
    pub groups: &'a [i64],
}

pub struct CreatedInvite {
    pub url: String,
    pub expires_at: UnixTime,
}

/// Makes an invite and returns its link; only the code's hash is stored, so
/// the link can be shown once and never again.
pub async fn create(state: &AppState, spec: InviteSpec<'_>) -> Result<CreatedInvite, sqlx::Error> {
    let mut tx = state.db.write.begin().await?;
    let (_, created) = create_in(state, &mut tx, spec).await?;
    tx.commit().await?;
    Ok(created)
}

/// An invite made by a partner organisation's staff into a host's groups,
/// counted against the partnership's quota; `None` when it is used up.
pub async fn create_through_partner(
    state: &AppState,
    spec: InviteSpec<'_>,
    partnership_id: i64,
) -> Result<Option<CreatedInvite>, sqlx::Error> {
    let mut tx = state.db.write.begin().await?;
    if !partners::take_from_quota(&mut tx, partnership_id).await? {
        return Ok(None);
    }
    let (invite_id, created) = create_in(state, &mut tx, spec).await?;
    partners::set_invite_partnership(&mut tx, invite_id, partnership_id).await?;
    tx.commit().await?;
    Ok(Some(created))
}

/// The same inside the caller's transaction, with its audit entry; returns the invite's id too.
async fn create_in(
    state: &AppState,
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    spec: InviteSpec<'_>,
) -> Result<(i64, CreatedInvite), sqlx::Error> {
    let now = state.clock.now();
    let code = secret::new_token();
    let expires_at = now.saturating_add(i64::try_from(spec.expires_in.as_secs()).unwrap_or(i64::MAX));
    let note = spec.note.map(str::trim).filter(|n| !n.is_empty());
    let invite_id = store::insert_invite(
        &mut **tx,
        store::NewInvite {
            code_hash: &secret::digest(&code),
            grants_admin: spec.grants_admin,
            note,
            created_by: spec.created_by,
            now,
            expires_at,
        },
    )
    .await?;
    for group_id in spec.groups {
        groups::store::add_invite_group(&mut **tx, invite_id, *group_id).await?;
    }
    // The setup link is the server's, not a staff action.
    if !spec.grants_admin {
        let mut entry = Entry::new(spec.created_by, Action::InviteCreated, Target::Invite(invite_id), now);
        entry.organisation_id = groups::store::invite_organisation(&mut **tx, invite_id).await?;
        audit::record(tx, &entry).await?;
    }
    let url = format!("{}{}", state.config.base_url, paths::fill(paths::JOIN, &code));
    Ok((invite_id, CreatedInvite { url, expires_at }))
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::INVITES, get(invites_get).post(invites_post))
        .route(paths::INVITE_REVOKE, post(invite_revoke_post))
}

/// Who may make invites: the admin (any invite), staff (into the groups
/// they facilitate or lead), and a partner organisation's staff (into the
/// groups a host gave it, within the quota). Everyone else gets a 404.
struct Inviter {
    viewer: Viewer,
    groups: Vec<groups::store::GroupRow>,
    partner_groups: Vec<partners::PartnerGroup>,
}

impl Inviter {
    async fn of(state: &AppState, viewer: Viewer) -> Result<Self, AppError> {
        let groups = groups::store::invitable_groups(&state.db.read, viewer.user_id).await?;
        let partner_groups = partners::invitable_through_partners(&state.db.read, viewer.user_id).await?;
        if viewer.is_admin || !groups.is_empty() || !partner_groups.is_empty() {
            Ok(Self { viewer, groups, partner_groups })
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The partnership an invite into these groups goes through: none when
    /// they are all the inviter's own, one when they are all a partner's;
    /// `Err` when they mix (each invite counts against one quota, or none).
    fn partnership_of(&self, chosen: &[i64]) -> Result<Option<i64>, ()> {
        let through: Vec<Option<i64>> = chosen
            .iter()
            .map(|id| self.partner_groups.iter().find(|p| p.group_id == *id).map(|p| p.partnership_id))
            .collect();
        match through.first() {
            None => Ok(None),
            Some(first) if through.iter().all(|t| t == first) => Ok(*first),
            Some(_) => Err(()),
        }
    }

    /// The admin sees and revokes every invite; staff their own.
    fn scope(&self) -> Option<i64> {
        (!self.viewer.is_admin).then_some(self.viewer.user_id)
    }
}

async fn page(
    state: &AppState,
    ctx: PageCtx,
    inviter: &Inviter,
    new_invite_url: Option<String>,
    form: Option<&Fields>,
    error: Option<&'static str>,
) -> Result<views::InvitesView, AppError> {
    let now = state.clock.now();
    let invites = store::recent_invites(&state.db.read, inviter.scope())
        .await?
        .into_iter()
        .map(|invite| {
            let status = if invite.revoked_at.is_some() {
                "invite-status-revoked"
            } else if invite.used_at.is_some() {
                "invite-status-used"
            } else if invite.expires_at <= now {
                "invite-status-expired"
            } else {
                "invite-status-active"
            };
            views::InviteLine {
                revoke_action: paths::fill(paths::INVITE_REVOKE, &invite.id.to_string()),
                made_by: invite.created_by.filter(|by| *by != inviter.viewer.user_id).and(invite.creator),
                partner: invite.partner,
                note: invite.note.unwrap_or_default(),
                created: format_utc(invite.created_at),
                expires: format_utc(invite.expires_at),
                status,
                revocable: status == "invite-status-active",
            }
        })
        .collect();
    let chosen: Vec<&str> = form.map(|f| f.all("group").collect()).unwrap_or_default();
    let only_one = inviter.groups.len() + inviter.partner_groups.len() == 1;
    let mut groups: Vec<groups::views::Choice> = inviter
        .groups
        .iter()
        .filter(|g| g.locked_down_at.is_none())
        .map(|g| groups::views::Choice {
            value: g.id,
            label: g.name.clone(),
            checked: chosen.contains(&g.id.to_string().as_str()) || only_one,
        })
        .collect();
    groups.extend(inviter.partner_groups.iter().map(|p| groups::views::Choice {
        value: p.group_id,
        label: format!("{} · {}", p.group_name, ctx.t1("partner-invite-through", "host", &p.host))
            + &format!(" · {}", ctx.tn("partner-invite-left", "left", p.remaining)),
        checked: chosen.contains(&p.group_id.to_string().as_str()) || only_one,
    }));
    Ok(views::InvitesView {
        ctx,
        invites,
        new_invite_url,
        note: form.map(|f| f.one("note").trim().to_owned()).unwrap_or_default(),
        groups,
        group_required: !inviter.viewer.is_admin,
        error,
    })
}

/// GET /invites — the invites made so far and a form for a new one.
async fn invites_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
) -> Result<Response, AppError> {
    let inviter = Inviter::of(&state, viewer).await?;
    render(&page(&state, ctx, &inviter, None, None, None).await?)
}

/// POST /invites — creates an invite into the chosen groups and shows its link once.
async fn invites_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let inviter = Inviter::of(&state, viewer).await?;
    let days = form.one("days").trim().parse::<i64>().ok().filter(|d| views::INVITE_DAYS.contains(d));
    let note = form.one("note").trim();
    let chosen: Vec<i64> = form
        .all("group")
        .filter_map(|v| v.parse::<i64>().ok())
        .filter(|id| {
            inviter.groups.iter().any(|g| g.id == *id && g.locked_down_at.is_none())
                || inviter.partner_groups.iter().any(|p| p.group_id == *id)
        })
        .collect();
    let through = inviter.partnership_of(&chosen);
    let error = match days {
        None => Some("invite-form-invalid"),
        Some(_) if note.chars().count() > NOTE_MAX_CHARS => Some("invite-form-invalid"),
        Some(_) if chosen.is_empty() && !inviter.viewer.is_admin => Some("invite-group-needed"),
        Some(_) if through.is_err() => Some("partner-invite-mixed"),
        Some(_) => None,
    };
    let (Some(days), None) = (days, error) else {
        let view = page(&state, ctx, &inviter, None, Some(&form), error).await?;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    let expires_in = Duration::from_secs(u64::try_from(days).unwrap_or(7) * 86_400);
    let spec = InviteSpec {
        expires_in,
        note: Some(note),
        created_by: Some(inviter.viewer.user_id),
        grants_admin: false,
        groups: &chosen,
    };
    let invite = match through {
        Ok(Some(partnership)) => create_through_partner(&state, spec, partnership).await?,
        _ => Some(create(&state, spec).await?),
    };
    let Some(invite) = invite else {
        let view = page(&state, ctx, &inviter, None, Some(&form), Some("partner-quota-used")).await?;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    render(&page(&state, ctx, &inviter, Some(invite.url), None, None).await?)
}

/// POST /invites/{id}/revoke — an unused invite stops working at once.
async fn invite_revoke_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path(id): Path<String>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    let inviter = Inviter::of(&state, viewer).await?;
    let id = paths::parse_id(&id)?;
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    if !store::revoke_invite(&mut *tx, id, inviter.scope(), now).await? {
        return Err(AppError::NotFound);
    }
    partners::give_back(&mut tx, id).await?;
    let mut entry = Entry::new(Some(inviter.viewer.user_id), Action::InviteRevoked, Target::Invite(id), now);
    entry.organisation_id = groups::store::invite_organisation(&mut *tx, id).await?;
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(see_other(paths::INVITES))
}
