//! The audit log: one entry for every staff action — who, what, on what,
//! when, and why — written by [`record`] inside the transaction of the action
//! itself, so an action and its entry commit together or not at all. Nothing
//! in the app changes an entry: the table refuses updates, but the one
//! erasure makes (an erased account's id becomes [`ERASED_ACCOUNT`], a reason
//! naming them is dropped); the retention purge deletes old entries.
//!
//! To audit a new staff action: add an [`Action`] (its code is stored; its
//! label, `audit-action-<code>`, is in `moderation.ftl`), then in the handler
//! begin a transaction, do the action, `record(&mut tx, &Entry::new(…))`,
//! commit. The audit walk test (`tests/it/moderation/audit.rs`) fails until
//! the new action is walked too.

pub mod routes;
pub mod store;

use crate::{clock::UnixTime, groups::store::GroupRow};

/// Every kind of staff action: its code as stored (`audit_log.action`) and
/// the translation key of its name.
macro_rules! actions {
    ($($variant:ident = $code:literal $label:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Action { $($variant,)* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            pub fn code(self) -> &'static str {
                match self { $(Action::$variant => $code,)* }
            }

            /// The translation key of the action's name.
            pub fn label_key(self) -> &'static str {
                match self { $(Action::$variant => $label,)* }
            }
        }
    };
}

actions! {
    OrganisationCreated = "organisation_created" "audit-action-organisation-created",
    OrganisationSettingsChanged = "organisation_settings_changed" "audit-action-organisation-settings-changed",
    StaffAdded = "staff_added" "audit-action-staff-added",
    StaffRemoved = "staff_removed" "audit-action-staff-removed",
    RoleChanged = "role_changed" "audit-action-role-changed",
    RoleChangeRequested = "role_change_requested" "audit-action-role-change-requested",
    RoleChangeConfirmed = "role_change_confirmed" "audit-action-role-change-confirmed",
    RoleChangeCancelled = "role_change_cancelled" "audit-action-role-change-cancelled",
    PartnershipSet = "partnership_set" "audit-action-partnership-set",
    PartnershipEnded = "partnership_ended" "audit-action-partnership-ended",
    InstanceResourcesChanged = "instance_resources_changed" "audit-action-instance-resources-changed",
    GroupCreated = "group_created" "audit-action-group-created",
    GroupSettingsChanged = "group_settings_changed" "audit-action-group-settings-changed",
    ModerationSettingsChanged = "moderation_settings_changed" "audit-action-moderation-settings-changed",
    AgreementsChanged = "agreements_changed" "audit-action-agreements-changed",
    ResourcesChanged = "resources_changed" "audit-action-resources-changed",
    GroupLockedDown = "group_locked_down" "audit-action-group-locked-down",
    LockdownLifted = "lockdown_lifted" "audit-action-lockdown-lifted",
    InviteCreated = "invite_created" "audit-action-invite-created",
    InviteRevoked = "invite_revoked" "audit-action-invite-revoked",
    MemberApproved = "member_approved" "audit-action-member-approved",
    MemberDeclined = "member_declined" "audit-action-member-declined",
    MemberRemoved = "member_removed" "audit-action-member-removed",
    MemberSuspended = "member_suspended" "audit-action-member-suspended",
    SuspensionLifted = "suspension_lifted" "audit-action-suspension-lifted",
    MemberBanned = "member_banned" "audit-action-member-banned",
    BanLifted = "ban_lifted" "audit-action-ban-lifted",
    PasswordResetIssued = "password_reset_issued" "audit-action-password-reset-issued",
    StaffNoteAdded = "staff_note_added" "audit-action-staff-note-added",
    PostApproved = "post_approved" "audit-action-post-approved",
    PostDeclined = "post_declined" "audit-action-post-declined",
    PostHidden = "post_hidden" "audit-action-post-hidden",
    PostUnhidden = "post_unhidden" "audit-action-post-unhidden",
    PostRedacted = "post_redacted" "audit-action-post-redacted",
    TopicPinned = "topic_pinned" "audit-action-topic-pinned",
    TopicUnpinned = "topic_unpinned" "audit-action-topic-unpinned",
    TopicLocked = "topic_locked" "audit-action-topic-locked",
    TopicUnlocked = "topic_unlocked" "audit-action-topic-unlocked",
    TopicMoved = "topic_moved" "audit-action-topic-moved",
    ReportResolved = "report_resolved" "audit-action-report-resolved",
    // safety and privacy (issue 5)
    GroupPrivacyChanged = "group_privacy_changed" "audit-action-group-privacy-changed",
    AccountErasedOnRequest = "account_erased_on_request" "audit-action-account-erased-on-request",
}

impl Action {
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|action| action.code() == code)
    }
}

/// The id an entry keeps for an account that was erased: ids start at 1, and
/// an erased account's own id may be given to a new account (SQLite reuses
/// the highest), so entries must not keep it.
pub const ERASED_ACCOUNT: i64 = 0;

/// What an action was done to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Instance,
    Organisation(i64),
    Group(i64),
    Member(i64),
    Topic(i64),
    Post(i64),
    Invite(i64),
    Report(i64),
    Partnership(i64),
}

impl Target {
    /// (`audit_log.target_kind`, `audit_log.target_id`)
    pub fn stored(self) -> (&'static str, Option<i64>) {
        match self {
            Self::Instance => ("instance", None),
            Self::Organisation(id) => ("organisation", Some(id)),
            Self::Group(id) => ("group", Some(id)),
            Self::Member(id) => ("member", Some(id)),
            Self::Topic(id) => ("topic", Some(id)),
            Self::Post(id) => ("post", Some(id)),
            Self::Invite(id) => ("invite", Some(id)),
            Self::Report(id) => ("report", Some(id)),
            Self::Partnership(id) => ("partnership", Some(id)),
        }
    }
}

/// One entry: built with [`Entry::new`] and the `in_…` helpers that say where
/// it happened (which decides who may read it: an organisation's leads read
/// entries of their organisation, admins all).
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// None: the server's command line.
    pub actor: Option<i64>,
    pub action: Action,
    pub target: Target,
    pub organisation_id: Option<i64>,
    pub group_id: Option<i64>,
    pub topic_id: Option<i64>,
    /// A short fact about the action (a role, a date, a setting); never free text.
    pub detail: String,
    /// Why, in the staff member's words (may be empty).
    pub reason: &'a str,
    pub at: UnixTime,
}

impl<'a> Entry<'a> {
    pub fn new(actor: Option<i64>, action: Action, target: Target, at: UnixTime) -> Self {
        Self {
            actor,
            action,
            target,
            organisation_id: None,
            group_id: None,
            topic_id: None,
            detail: String::new(),
            reason: "",
            at,
        }
    }

    pub fn in_organisation(mut self, organisation_id: i64) -> Self {
        self.organisation_id = Some(organisation_id);
        self
    }

    pub fn in_group(self, group: &GroupRow) -> Self {
        self.in_group_of(group.organisation_id, group.id)
    }

    pub fn in_group_of(mut self, organisation_id: i64, group_id: i64) -> Self {
        self.organisation_id = Some(organisation_id);
        self.group_id = Some(group_id);
        self
    }

    pub fn in_topic(mut self, topic_id: i64) -> Self {
        self.topic_id = Some(topic_id);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }

    pub fn reason(mut self, reason: &'a str) -> Self {
        self.reason = reason.trim();
        self
    }
}

/// Appends the entry, inside the caller's transaction (the one that does the
/// action), so both commit together or neither does.
pub async fn record(conn: &mut sqlx::AnyConnection, entry: &Entry<'_>) -> Result<(), sqlx::Error> {
    store::insert(conn, entry).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_codes_are_unique_and_round_trip() {
        for action in Action::ALL {
            assert_eq!(Action::from_code(action.code()), Some(*action));
            assert!(action.label_key().ends_with(&action.code().replace('_', "-")));
        }
        let mut codes: Vec<&str> = Action::ALL.iter().map(|a| a.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Action::ALL.len());
        assert_eq!(Action::from_code("nothing"), None);
    }
}
