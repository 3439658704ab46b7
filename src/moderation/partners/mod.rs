//! Partner organisations. A host organisation's lead lets a partner
//! organisation (say, a shelter that refers people) invite people into
//! chosen groups, up to a quota of invites; any of the partner's staff make
//! those invites from their own invites page. The partner's staff never see
//! the host's groups, queues or content — they are not the host's staff.
//! The host may require that people who come through a partner's invite
//! wait for a facilitator's approval (on by default, in the organisation's
//! moderation settings). The host's leads see every invite into their
//! groups, partners' included, and may revoke any; a revoked unused invite
//! goes back to the quota. Ending a partnership withdraws its unused invites.

pub mod store;

use askama::Template;
use axum::{
    Router,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
    routing::{get, post},
};

use super::audit::{self, Action, Entry, Target};
use crate::{
    accounts::{Member, session::Viewer},
    groups::{organisations::organisation_for, store as groups_store, views::Choice},
    web::{
        AppState,
        csrf::{Fields, NoFields, Post},
        error::AppError,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

/// The largest quota a host may give one partner.
pub const QUOTA_MAX: i64 = 1_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ORGANISATION_PARTNERS, get(partners_get).post(partners_post))
        .route(paths::ORGANISATION_PARTNER_END, post(partner_end_post))
}

pub struct PartnerLine {
    pub partner: String,
    pub quota: i64,
    pub made: i64,
    pub used: i64,
    pub groups: Vec<String>,
    pub ended: bool,
    pub end_action: String,
}

#[derive(Template)]
#[template(path = "moderation/partners.html")]
pub struct PartnersView {
    pub ctx: PageCtx,
    pub name: String,
    pub organisation_href: String,
    pub action: String,
    pub partnerships: Vec<PartnerLine>,
    /// Other organisations of the instance.
    pub organisations: Vec<Choice>,
    pub groups: Vec<Choice>,
    pub quota: String,
    pub error: Option<&'static str>,
}

async fn page(
    state: &AppState,
    ctx: PageCtx,
    organisation: groups_store::OrganisationRow,
    form: Option<&Fields>,
    error: Option<&'static str>,
) -> Result<PartnersView, AppError> {
    let id = organisation.id.to_string();
    let db = &state.db.read;
    let grants = store::groups_of_host(db, organisation.id).await?;
    let partnerships = store::of_host(db, organisation.id)
        .await?
        .into_iter()
        .map(|p| PartnerLine {
            groups: grants.iter().filter(|(pid, ..)| *pid == p.id).map(|(_, _, name)| name.clone()).collect(),
            end_action: paths::fill(&paths::fill(paths::ORGANISATION_PARTNER_END, &id), &p.id.to_string()),
            partner: p.partner,
            quota: p.invite_quota,
            made: p.invites_made,
            used: p.invites_used,
            ended: p.ended_at.is_some(),
        })
        .collect();
    let chosen: Vec<&str> = form.map(|f| f.all("group").collect()).unwrap_or_default();
    let picked = form.map(|f| f.one("partner")).unwrap_or_default();
    let organisations = groups_store::organisations(db)
        .await?
        .into_iter()
        .filter(|o| o.id != organisation.id)
        .map(|o| Choice { checked: picked == o.id.to_string(), value: o.id, label: o.name })
        .collect();
    let groups = groups_store::groups_of(db, organisation.id)
        .await?
        .into_iter()
        .map(|g| Choice { checked: chosen.contains(&g.id.to_string().as_str()), value: g.id, label: g.name })
        .collect();
    Ok(PartnersView {
        ctx,
        name: organisation.name,
        organisation_href: paths::fill(paths::ORGANISATION, &id),
        action: paths::fill(paths::ORGANISATION_PARTNERS, &id),
        partnerships,
        organisations,
        groups,
        quota: form.map_or_else(|| "10".to_owned(), |f| f.one("quota").trim().to_owned()),
        error,
    })
}

/// GET /organisations/{id}/partners — for the organisation's lead or the admin.
async fn partners_get(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let organisation = organisation_for(&state, &viewer, &id).await?;
    render(&page(&state, ctx, organisation, None, None).await?)
}

/// POST /organisations/{id}/partners — gives (or changes) a partner's quota and groups.
async fn partners_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    ctx: PageCtx,
    Path(id): Path<String>,
    Post(form): Post<Fields>,
) -> Result<Response, AppError> {
    let organisation = organisation_for(&state, &viewer, &id).await?;
    let partner = form.one("partner").trim().parse::<i64>().ok().filter(|p| *p != organisation.id);
    let partner = match partner {
        Some(p) => groups_store::organisation(&state.db.read, p).await?.map(|o| o.id),
        None => None,
    };
    let quota = form.one("quota").trim().parse::<i64>().ok().filter(|q| (0..=QUOTA_MAX).contains(q));
    let groups: Vec<i64> = form.all("group").filter_map(|g| g.parse().ok()).collect();
    let (Some(partner), Some(quota)) = (partner, quota) else {
        let key = if partner.is_none() { "partner-choose" } else { "partner-quota-invalid" };
        let view = page(&state, ctx, organisation, Some(&form), Some(key)).await?;
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    let partnership = store::set(&mut tx, organisation.id, partner, quota, &groups, now).await?;
    record(&mut tx, &viewer, Action::PartnershipSet, organisation.id, partnership, quota.to_string(), now).await?;
    tx.commit().await?;
    Ok(see_other(&paths::fill(paths::ORGANISATION_PARTNERS, &id)))
}

async fn record(
    conn: &mut sqlx::AnyConnection,
    viewer: &Viewer,
    action: Action,
    host: i64,
    partnership: i64,
    detail: String,
    now: crate::clock::UnixTime,
) -> Result<(), sqlx::Error> {
    let entry = Entry::new(Some(viewer.user_id), action, Target::Partnership(partnership), now)
        .in_organisation(host)
        .detail(detail);
    audit::record(conn, &entry).await
}

/// POST /organisations/{id}/partners/{partnership}/end — its unused invites stop working.
async fn partner_end_post(
    State(state): State<AppState>,
    Member(viewer): Member,
    Path((id, partnership)): Path<(String, String)>,
    Post(_): Post<NoFields>,
) -> Result<Response, AppError> {
    let organisation = organisation_for(&state, &viewer, &id).await?;
    let partnership = paths::parse_id(&partnership)?;
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    if !store::end(&mut tx, organisation.id, partnership, now).await? {
        return Err(AppError::NotFound);
    }
    record(&mut tx, &viewer, Action::PartnershipEnded, organisation.id, partnership, String::new(), now).await?;
    tx.commit().await?;
    Ok(see_other(&paths::fill(paths::ORGANISATION_PARTNERS, &id)))
}
