//! Organisation-level roles: who manages staff, which changes need a second
//! person, who may be banned or have their password reset by staff, and who
//! reads the audit log. A single stolen staff account must not be able to
//! take a group over, so every change that gives or takes away lead or admin
//! power waits for a second lead of the organisation or an admin (never the
//! one who asked) — except giving up one's own power, which takes nothing
//! over. An organisation always keeps a lead, and the instance an admin.
//!
//! | change | facilitator | lead of the organisation | instance admin |
//! |---|---|---|---|
//! | add a facilitator | no | yes | yes |
//! | remove a facilitator | no | yes | yes |
//! | make someone a lead | no | with a second lead or admin | with a second lead or admin |
//! | make a lead a facilitator | no | with a second (oneself: alone) | with a second |
//! | remove a lead | no | with a second (oneself: alone) | with a second |
//! | make someone an admin | no | no | with a second admin |
//! | remove an admin | no | no | with a second admin (oneself: alone) |
//! | choose a group's facilitators | no | yes | no |
//! | read the audit log | no | the organisation's | all of it |
//!
//! The admin names an organisation's first lead when creating it (there is
//! no one to confirm yet). A staff member, or an admin, is never banned or
//! given a reset link by group staff: a stolen facilitator account must not
//! lock the real staff out.

/// What someone is where a staff change happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Manager {
    pub role: Option<OrgRole>,
    pub is_admin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgRole {
    Facilitator,
    Lead,
}

impl OrgRole {
    pub fn from_setting(role: &str) -> Option<Self> {
        match role {
            "lead" => Some(Self::Lead),
            "facilitator" => Some(Self::Facilitator),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffChange {
    AddFacilitator,
    RemoveFacilitator,
    MakeLead,
    /// A lead becomes a facilitator.
    MakeFacilitator,
    RemoveLead,
    MakeAdmin,
    RemoveAdmin,
}

impl StaffChange {
    /// How a change waiting for confirmation is stored (`role_requests.change`).
    pub fn request_kind(self) -> Option<&'static str> {
        match self {
            Self::MakeLead => Some("lead"),
            Self::MakeFacilitator => Some("facilitator"),
            Self::RemoveLead => Some("remove"),
            Self::MakeAdmin => Some("admin"),
            Self::RemoveAdmin => Some("not-admin"),
            Self::AddFacilitator | Self::RemoveFacilitator => None,
        }
    }

    pub fn from_request_kind(kind: &str) -> Option<Self> {
        [Self::MakeLead, Self::MakeFacilitator, Self::RemoveLead, Self::MakeAdmin, Self::RemoveAdmin]
            .into_iter()
            .find(|change| change.request_kind() == Some(kind))
    }

    fn is_about_admins(self) -> bool {
        matches!(self, Self::MakeAdmin | Self::RemoveAdmin)
    }

    /// Giving up power one holds.
    fn steps_down(self) -> bool {
        matches!(self, Self::MakeFacilitator | Self::RemoveLead | Self::RemoveAdmin)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Refused,
    /// Done at once.
    Alone,
    /// Asked now, done when a second lead or admin confirms.
    NeedsSecond,
}

/// What happens when `actor` asks for `change` (on themselves or someone else).
pub fn decide(actor: Manager, change: StaffChange, on_self: bool) -> Decision {
    let may_ask =
        if change.is_about_admins() { actor.is_admin } else { actor.role == Some(OrgRole::Lead) || actor.is_admin };
    match change {
        _ if !may_ask => Decision::Refused,
        StaffChange::AddFacilitator | StaffChange::RemoveFacilitator => Decision::Alone,
        _ if on_self && change.steps_down() => Decision::Alone,
        _ => Decision::NeedsSecond,
    }
}

/// Whether `confirmer` may confirm a change someone else asked for.
pub fn confirms(confirmer: Manager, change: StaffChange, asked_by_confirmer: bool) -> bool {
    let holds_power = if change.is_about_admins() {
        confirmer.is_admin
    } else {
        confirmer.role == Some(OrgRole::Lead) || confirmer.is_admin
    };
    holds_power && !asked_by_confirmer
}

/// Whether group staff may ban someone or hand them a password-reset link:
/// only members who are neither staff anywhere nor admins.
pub fn acted_on_by_group_staff(target_is_staff: bool, target_is_admin: bool) -> bool {
    !target_is_staff && !target_is_admin
}

/// Whose audit entries a viewer reads: `None` for all (admins), else the
/// organisations they lead; nobody else reads the log.
pub fn audit_scope(is_admin: bool, leads: &[i64]) -> Option<AuditScope<'_>> {
    match (is_admin, leads) {
        (true, _) => Some(AuditScope::All),
        (false, []) => None,
        (false, leads) => Some(AuditScope::Organisations(leads)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditScope<'a> {
    All,
    Organisations(&'a [i64]),
}

#[cfg(test)]
mod tests {
    use super::*;

    const FACILITATOR: Manager = Manager { role: Some(OrgRole::Facilitator), is_admin: false };
    const LEAD: Manager = Manager { role: Some(OrgRole::Lead), is_admin: false };
    const ADMIN: Manager = Manager { role: None, is_admin: true };
    const NOBODY: Manager = Manager { role: None, is_admin: false };

    /// The table in this module's doc, cell by cell.
    #[test]
    fn staff_changes_follow_the_table() {
        use Decision::*;
        use StaffChange::*;
        #[rustfmt::skip]
        let table = [
            // change,          on self, facilitator, lead,        admin,       nobody
            (AddFacilitator,    false,  [Refused, Alone,       Alone,       Refused]),
            (RemoveFacilitator, false,  [Refused, Alone,       Alone,       Refused]),
            (MakeLead,          false,  [Refused, NeedsSecond, NeedsSecond, Refused]),
            (MakeLead,          true,   [Refused, NeedsSecond, NeedsSecond, Refused]),
            (MakeFacilitator,   false,  [Refused, NeedsSecond, NeedsSecond, Refused]),
            (MakeFacilitator,   true,   [Refused, Alone,       Alone,       Refused]),
            (RemoveLead,        false,  [Refused, NeedsSecond, NeedsSecond, Refused]),
            (RemoveLead,        true,   [Refused, Alone,       Alone,       Refused]),
            (MakeAdmin,         false,  [Refused, Refused,     NeedsSecond, Refused]),
            (MakeAdmin,         true,   [Refused, Refused,     NeedsSecond, Refused]),
            (RemoveAdmin,       false,  [Refused, Refused,     NeedsSecond, Refused]),
            (RemoveAdmin,       true,   [Refused, Refused,     Alone,       Refused]),
        ];
        for (change, on_self, want) in table {
            for (actor, want) in [FACILITATOR, LEAD, ADMIN, NOBODY].into_iter().zip(want) {
                assert_eq!(decide(actor, change, on_self), want, "{change:?} on self: {on_self}, by {actor:?}");
            }
        }
    }

    #[test]
    fn a_second_lead_or_admin_confirms_never_the_one_who_asked() {
        assert!(confirms(LEAD, StaffChange::MakeLead, false));
        assert!(confirms(ADMIN, StaffChange::MakeLead, false));
        assert!(!confirms(LEAD, StaffChange::MakeLead, true));
        assert!(!confirms(FACILITATOR, StaffChange::MakeLead, false));
        assert!(!confirms(LEAD, StaffChange::MakeAdmin, false), "only admins confirm admins");
        assert!(confirms(ADMIN, StaffChange::RemoveAdmin, false));
        assert!(!confirms(ADMIN, StaffChange::RemoveAdmin, true));
    }

    #[test]
    fn requests_are_stored_by_kind() {
        for change in [
            StaffChange::MakeLead,
            StaffChange::MakeFacilitator,
            StaffChange::RemoveLead,
            StaffChange::MakeAdmin,
            StaffChange::RemoveAdmin,
        ] {
            assert_eq!(StaffChange::from_request_kind(change.request_kind().unwrap()), Some(change));
        }
        assert_eq!(StaffChange::AddFacilitator.request_kind(), None);
        assert_eq!(StaffChange::from_request_kind("owner"), None);
    }

    #[test]
    fn group_staff_act_only_on_members_who_hold_no_power() {
        assert!(acted_on_by_group_staff(false, false));
        assert!(!acted_on_by_group_staff(true, false));
        assert!(!acted_on_by_group_staff(false, true));
    }

    #[test]
    fn leads_read_their_organisations_log_admins_all() {
        assert_eq!(audit_scope(true, &[]), Some(AuditScope::All));
        assert_eq!(audit_scope(false, &[3]), Some(AuditScope::Organisations(&[3])));
        assert_eq!(audit_scope(false, &[]), None);
    }
}
