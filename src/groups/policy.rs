//! Who may do what in a group — every rule in one place. Handlers ask these
//! functions; the SQL that fetches group content repeats the read rule
//! (`readable_group!`), so content of a group the viewer may not read is never
//! loaded at all, and a guessed id looks exactly like a missing one (404).
//!
//! | actor | sees content | posts | moderates | staff pages | member messages switch |
//! |---|---|---|---|---|---|
//! | anonymous | no (sign in) | no | no | no | no |
//! | signed in, not in the group | no (404) | no | no | no | no |
//! | member (agreements accepted, group open) | yes | until the end date | no | no | no |
//! | facilitator of the group | yes | until the end date | yes | yes | no |
//! | facilitator of another group, same organisation | no (404) | no | no | no | no |
//! | lead of the organisation | yes | until the end date | yes | yes | yes |
//! | instance admin (not staff there) | no (404) | no | no | no | no |
//!
//! The instance admin runs the server and creates organisations, but does not
//! read their groups: survivors' words are for the group and its staff.

use crate::clock::UnixTime;

/// The read rule as SQL, for queries where the group is aliased `g`, the
/// viewer's user id is `$1` and the current time `$2`.
#[macro_export]
macro_rules! readable_group {
    () => {
        "(EXISTS (SELECT 1 FROM memberships rm WHERE rm.group_id = g.id AND rm.user_id = $1 \
           AND rm.agreed_version = g.agreements_version AND (g.starts_at IS NULL OR g.starts_at <= $2)) \
         OR EXISTS (SELECT 1 FROM group_facilitators rf WHERE rf.group_id = g.id AND rf.user_id = $1) \
         OR EXISTS (SELECT 1 FROM staff rs WHERE rs.organisation_id = g.organisation_id AND rs.user_id = $1 \
           AND rs.role = 'lead'))"
    };
}

/// Who may see private conversation `c` of group `g` ($1 = viewer): a check-in
/// by its member while still in the group, the group's facilitators and its
/// organisation's leads; a conversation between two members by those two
/// only, while they are in the group.
#[macro_export]
macro_rules! check_in_visible {
    () => {
        "((c.with_member_id IS NULL AND ((c.member_id = $1 \
             AND EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id AND m.user_id = $1)) \
           OR EXISTS (SELECT 1 FROM group_facilitators f WHERE f.group_id = g.id AND f.user_id = $1) \
           OR EXISTS (SELECT 1 FROM staff s WHERE s.organisation_id = g.organisation_id AND s.user_id = $1 \
             AND s.role = 'lead'))) \
         OR (c.with_member_id IS NOT NULL AND (c.member_id = $1 OR c.with_member_id = $1) \
           AND EXISTS (SELECT 1 FROM memberships pm WHERE pm.group_id = g.id AND pm.user_id = $1)))"
    };
}

/// What the viewer is in one group, most powerful first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Not a member and not its staff: the group does not exist for them.
    Outsider,
    Member,
    Facilitator,
    /// Lead of the group's organisation.
    Lead,
}

impl Standing {
    pub fn from_flags(is_member: bool, is_facilitator: bool, staff_role: Option<&str>) -> Self {
        match (staff_role, is_facilitator, is_member) {
            (Some("lead"), _, _) => Self::Lead,
            (_, true, _) => Self::Facilitator,
            (_, _, true) => Self::Member,
            _ => Self::Outsider,
        }
    }

    pub fn is_staff(self) -> bool {
        self >= Self::Facilitator
    }
}

/// Where a group is in its schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    NotYetOpen,
    Open,
    /// After the end date: everything stays readable, nothing can be added.
    Ended,
}

pub fn phase(starts_at: Option<UnixTime>, ends_at: Option<UnixTime>, now: UnixTime) -> Phase {
    match (starts_at, ends_at) {
        (Some(start), _) if now < start => Phase::NotYetOpen,
        (_, Some(end)) if now >= end => Phase::Ended,
        _ => Phase::Open,
    }
}

/// The viewer's standing in a group and the facts the rules depend on.
#[derive(Debug, Clone, Copy)]
pub struct Access {
    pub standing: Standing,
    pub phase: Phase,
    /// The member accepted the agreements as they are now.
    pub agreed: bool,
}

impl Access {
    /// The group's page, agreements and resources: anyone in it.
    pub fn sees_group(&self) -> bool {
        self.standing > Standing::Outsider
    }

    /// Topics, posts, search results: staff always; members once they have
    /// accepted the current agreements and the group has opened.
    pub fn reads_content(&self) -> bool {
        self.standing.is_staff()
            || (self.standing == Standing::Member && self.agreed && self.phase != Phase::NotYetOpen)
    }

    /// New topics, replies, reactions, check-in messages.
    pub fn writes(&self) -> bool {
        self.reads_content() && self.phase == Phase::Open
    }

    pub fn replies_to(&self, topic_locked: bool) -> bool {
        self.writes() && (!topic_locked || self.standing.is_staff())
    }

    /// Pin, lock, edit any post, remove members, edit agreements, resources and settings.
    pub fn moderates(&self) -> bool {
        self.standing.is_staff()
    }

    /// Member-to-member private messages for the group.
    pub fn switches_member_messages(&self) -> bool {
        self.standing == Standing::Lead
    }

    /// A member edits their own post within the group's window; staff always.
    pub fn edits_post(&self, own: bool, written_at: UnixTime, window_minutes: i64, now: UnixTime) -> bool {
        self.reads_content()
            && (self.moderates() || (own && self.writes() && now < written_at.saturating_add(window_minutes * 60)))
    }

    /// Deleting is for a post's author (staff hide posts instead).
    pub fn deletes_post(&self, own: bool) -> bool {
        own && self.writes()
    }

    /// A private conversation with the facilitators: any member (agreements
    /// accepted or not — a question about them is a good reason to write) and
    /// staff, until the group ends.
    pub fn writes_check_ins(&self) -> bool {
        self.sees_group() && self.phase != Phase::Ended
    }

    /// A private conversation with another member: only where the lead turned
    /// member-to-member messages on, between members who may post.
    pub fn writes_to_members(&self, member_messages_on: bool) -> bool {
        member_messages_on && self.standing == Standing::Member && self.writes()
    }

    /// Who reacted to a post: staff only.
    pub fn sees_who_reacted(&self) -> bool {
        self.standing.is_staff()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(standing: Standing, phase: Phase, agreed: bool) -> Access {
        Access { standing, phase, agreed }
    }

    #[test]
    fn standing_takes_the_strongest_role() {
        assert_eq!(Standing::from_flags(true, true, Some("lead")), Standing::Lead);
        assert_eq!(Standing::from_flags(true, true, Some("facilitator")), Standing::Facilitator);
        assert_eq!(Standing::from_flags(true, false, Some("facilitator")), Standing::Member);
        assert_eq!(Standing::from_flags(false, false, Some("facilitator")), Standing::Outsider);
        assert_eq!(Standing::from_flags(false, false, None), Standing::Outsider);
    }

    #[test]
    fn members_read_only_after_accepting_and_opening() {
        assert!(!access(Standing::Member, Phase::Open, false).reads_content());
        assert!(!access(Standing::Member, Phase::NotYetOpen, true).reads_content());
        assert!(access(Standing::Member, Phase::Open, true).reads_content());
        assert!(access(Standing::Member, Phase::Ended, true).reads_content());
        assert!(!access(Standing::Member, Phase::Ended, true).writes());
        assert!(access(Standing::Facilitator, Phase::NotYetOpen, false).reads_content());
        assert!(!access(Standing::Outsider, Phase::Open, true).sees_group());
    }

    #[test]
    fn locked_topics_take_replies_from_staff_only() {
        assert!(!access(Standing::Member, Phase::Open, true).replies_to(true));
        assert!(access(Standing::Facilitator, Phase::Open, false).replies_to(true));
        assert!(!access(Standing::Lead, Phase::Ended, false).replies_to(false));
    }

    #[test]
    fn edit_window_binds_members_not_staff() {
        let member = access(Standing::Member, Phase::Open, true);
        assert!(member.edits_post(true, 1_000, 10, 1_000 + 599));
        assert!(!member.edits_post(true, 1_000, 10, 1_000 + 600));
        assert!(!member.edits_post(false, 1_000, 10, 1_001));
        assert!(access(Standing::Facilitator, Phase::Open, false).edits_post(false, 0, 10, 1_000_000));
        assert!(!member.deletes_post(false) && member.deletes_post(true));
    }

    #[test]
    fn phases_follow_the_schedule() {
        assert_eq!(phase(None, None, 5), Phase::Open);
        assert_eq!(phase(Some(10), None, 5), Phase::NotYetOpen);
        assert_eq!(phase(Some(1), Some(10), 5), Phase::Open);
        assert_eq!(phase(Some(1), Some(10), 10), Phase::Ended);
    }
}
