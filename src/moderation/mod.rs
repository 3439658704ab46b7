//! Moderation: who gets in (approval of people waiting to join, partner
//! organisations' invite quotas), what gets posted (pre-moderation, filters
//! for identifying details, staff word lists, crisis words), reports, the
//! actions staff take on posts, topics and members, lockdown, roles that
//! need a second person, and the audit log every staff action writes to.
//! Who may do what is decided in `groups::policy` (and `policy::roles`).
//!
//! Stored records (see `migrations/*/0003_moderation.sql`):
//! | table or column | holds |
//! |---|---|
//! | support_groups.members_need_approval, premoderation…, locked_down_at, *_words | a group's moderation settings |
//! | organisations.partner_invites_need_approval, *_words | an organisation's |
//! | memberships.state, suspended_until, invite_id | waiting to join, suspended, invited how |
//! | users.banned_at | banned from the instance |
//! | posts.state, held_reason, moderation_note, redacted_at, redaction_reason; topics.state | held, declined, hidden, redacted |
//! | redactions | what a redacted post said, for staff, as long as the post |
//! | reports | members' reports and Hearth's own flags (crisis words, word lists) |
//! | staff_notes | short notes on a member, for an organisation's staff |
//! | password_resets | one-time reset links (only their hash) |
//! | member_notices | what a member is told the facilitators did |
//! | role_requests | lead or admin changes waiting for a second person |
//! | partnerships, partnership_groups, invites.partnership_id | partners' invite quotas |
//! | audit_log | who did what, on what, when, why — append-only (erasure takes an account out of it) |
//!
//! They are kept as `safety` says for everything (`safety::inventory`): by
//! the group's retention (`safety::purge`) and erased with the member
//! (`safety::store::ERASE_STEPS`).

pub mod audit;
pub mod filters;
pub mod lockdown;
pub mod members;
pub mod notices;
pub mod partners;
pub mod posts;
pub mod queue;
pub mod reports;
pub mod roles;
pub mod screening;
pub mod settings;
pub mod store;
pub mod topics;
pub mod views;

use axum::Router;

use crate::web::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(audit::routes::router())
        .merge(posts::router())
        .merge(settings::router())
        .merge(queue::router())
        .merge(members::router())
        .merge(reports::router())
        .merge(lockdown::router())
        .merge(topics::router())
        .merge(roles::router())
        .merge(partners::router())
}
