//! Who may do what in a group — every rule in one place. Handlers ask these
//! functions; the SQL that fetches group content repeats the read rule
//! (`readable_group!`), so content of a group the viewer may not read is never
//! loaded at all, and a guessed id looks exactly like a missing one (404).
//! Organisation-level roles (who manages staff, who confirms a new lead or
//! admin, who may be banned) are in [`roles`].
//!
//! | actor | sees content | posts | moderates | staff pages | member messages switch |
//! |---|---|---|---|---|---|
//! | anonymous | no (sign in) | no | no | no | no |
//! | signed in, not in the group | no (404) | no | no | no | no |
//! | invited, waiting for approval | no (a waiting page) | no | no | no | no |
//! | member suspended in the group | no (a notice; may write to the facilitators) | no | no | no | no |
//! | member (agreements accepted, group open) | yes | until the end date, not in a lockdown | no | no | no |
//! | facilitator of the group | yes | until the end date | yes | yes | no |
//! | facilitator of another group, same organisation | no (404) | no | no | no | no |
//! | lead of the organisation | yes | until the end date | yes | yes | yes |
//! | staff of a partner organisation | no (404) | no | no | no | no |
//! | instance admin (not staff there) | no (404) | no | no | no | no |
//!
//! Moderation inside a group: the group's facilitators and its organisation's
//! leads act fast on their own (approve, decline, hide, redact, move, pin,
//! lock, suspend, remove, ban a member who is not staff, reset a member's
//! password, lock the group down). What undoes a safety measure is for a
//! lead only: lifting a lockdown, lifting a ban. Approving new members
//! waits until a lockdown is lifted. Facilitators edit only their own posts;
//! someone else's post is changed by a redaction (with a reason, the author
//! told, the original kept for staff).
//!
//! The instance admin runs the server and creates organisations, but does not
//! read their groups: survivors' words are for the group and its staff.

pub mod roles;
pub mod sql;

use crate::clock::UnixTime;

/// What the viewer is in one group, most powerful last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Not a member and not its staff: the group does not exist for them.
    Outsider,
    /// Invited, waiting for a facilitator to approve them.
    Pending,
    /// A member suspended in this group for a while.
    Suspended,
    Member,
    Facilitator,
    /// Lead of the group's organisation.
    Lead,
}

/// A membership row, as far as standing goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    pub pending: bool,
    pub suspended_until: Option<UnixTime>,
}

impl Standing {
    /// Staff roles win over membership; a suspension counts until it ends.
    pub fn of(membership: Option<Membership>, is_facilitator: bool, staff_role: Option<&str>, now: UnixTime) -> Self {
        match (staff_role, is_facilitator, membership) {
            (Some("lead"), _, _) => Self::Lead,
            (_, true, _) => Self::Facilitator,
            (_, _, Some(Membership { pending: true, .. })) => Self::Pending,
            (_, _, Some(Membership { suspended_until: Some(until), .. })) if now < until => Self::Suspended,
            (_, _, Some(_)) => Self::Member,
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
    /// The group is locked down: no new posts from members, no new members.
    pub locked_down: bool,
}

impl Access {
    /// The group's page and agreements: anyone in it, even while waiting
    /// for approval or suspended (they see why they cannot read more).
    pub fn sees_group(&self) -> bool {
        self.standing > Standing::Outsider
    }

    /// Its resources page and the form to accept its agreements: members,
    /// including suspended ones (resources are how to find help), and staff.
    pub fn sees_resources(&self) -> bool {
        self.standing > Standing::Pending
    }

    /// Topics, posts, search results: staff always; members once they have
    /// accepted the current agreements and the group has opened.
    pub fn reads_content(&self) -> bool {
        self.standing.is_staff()
            || (self.standing == Standing::Member && self.agreed && self.phase != Phase::NotYetOpen)
    }

    /// New topics, replies, reactions, edits: until the end date, and for
    /// members not while the group is locked down.
    pub fn writes(&self) -> bool {
        self.reads_content() && self.phase == Phase::Open && (self.standing.is_staff() || !self.locked_down)
    }

    pub fn replies_to(&self, topic_locked: bool) -> bool {
        self.writes() && (!topic_locked || self.standing.is_staff())
    }

    /// Every moderation action inside the group (approve, decline, hide,
    /// redact, move, pin, lock, suspend, remove, ban, reset a password,
    /// staff notes, lock down) and its staff pages.
    pub fn moderates(&self) -> bool {
        self.standing.is_staff()
    }

    /// Approving someone waiting to join: not while the group is locked down.
    pub fn admits_members(&self) -> bool {
        self.moderates() && !self.locked_down
    }

    /// Undoing a safety measure (lifting a lockdown or a ban) is for a lead,
    /// so one stolen facilitator account cannot open a group back up.
    pub fn undoes_safety_measures(&self) -> bool {
        self.standing == Standing::Lead
    }

    /// Member-to-member private messages for the group.
    pub fn switches_member_messages(&self) -> bool {
        self.standing == Standing::Lead
    }

    /// One's own post: members within the group's window, staff always (while
    /// the group is open). Someone else's post is changed only by a redaction.
    pub fn edits_post(&self, own: bool, written_at: UnixTime, window_minutes: i64, now: UnixTime) -> bool {
        own && self.writes() && (self.moderates() || now < written_at.saturating_add(window_minutes * 60))
    }

    /// A post of one's own that is not published yet (held, or declined and
    /// back for editing): its author revises it while the group takes posts,
    /// whatever the edit window.
    pub fn revises_unpublished(&self, own: bool) -> bool {
        own && self.writes()
    }

    /// Deleting is for a post's author (staff hide posts instead).
    pub fn deletes_post(&self, own: bool) -> bool {
        own && self.writes()
    }

    /// A private conversation with the facilitators: any member (agreements
    /// accepted or not — a question about them is a good reason to write;
    /// suspended or not) and staff, until the group ends; not someone still
    /// waiting for approval.
    pub fn writes_check_ins(&self) -> bool {
        self.standing > Standing::Pending && self.phase != Phase::Ended
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

    /// Reporting a post or topic to the facilitators: members who read it.
    pub fn reports(&self, own: bool) -> bool {
        !own && self.standing == Standing::Member && self.reads_content()
    }
}

/// Which of a group's posts wait for a facilitator before anyone else sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Premoderation {
    None,
    /// A new member's first N posts in the group.
    NewMembers(i64),
    All,
}

impl Premoderation {
    pub fn from_setting(setting: &str, posts: i64) -> Self {
        match setting {
            "all" => Self::All,
            "new-members" => Self::NewMembers(posts),
            _ => Self::None,
        }
    }

    /// Whether a post by someone with `published` posts in the group so far
    /// waits for review. Staff posts never do.
    pub fn holds(self, standing: Standing, published: i64) -> bool {
        !standing.is_staff()
            && match self {
                Self::None => false,
                Self::NewMembers(n) => published < n,
                Self::All => true,
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(standing: Standing, phase: Phase, agreed: bool) -> Access {
        Access { standing, phase, agreed, locked_down: false }
    }

    #[test]
    fn standing_takes_the_strongest_role() {
        let active = Some(Membership { pending: false, suspended_until: None });
        let pending = Some(Membership { pending: true, suspended_until: None });
        let suspended = Some(Membership { pending: false, suspended_until: Some(100) });
        #[rustfmt::skip]
        let table = [
            // membership, facilitator, staff role, now → standing
            (active,    true,  Some("lead"),        0,   Standing::Lead),
            (active,    true,  Some("facilitator"), 0,   Standing::Facilitator),
            (suspended, true,  Some("facilitator"), 0,   Standing::Facilitator),
            (active,    false, Some("facilitator"), 0,   Standing::Member),
            (None,      false, Some("facilitator"), 0,   Standing::Outsider),
            (None,      false, None,                0,   Standing::Outsider),
            (pending,   false, None,                0,   Standing::Pending),
            (suspended, false, None,                99,  Standing::Suspended),
            (suspended, false, None,                100, Standing::Member),
        ];
        for (membership, facilitator, role, now, want) in table {
            assert_eq!(Standing::of(membership, facilitator, role, now), want, "{membership:?} {facilitator} {role:?}");
        }
    }

    /// Every standing against every rule, in an open group with the
    /// agreements accepted, then locked down.
    #[test]
    fn what_each_standing_may_do() {
        use Standing::*;
        #[rustfmt::skip]
        let table: [(Standing, [bool; 9]); 6] = [
            //           sees   res    reads  writes modr   admit  undo   chk-in report
            (Outsider,  [false, false, false, false, false, false, false, false, false]),
            (Pending,   [true,  false, false, false, false, false, false, false, false]),
            (Suspended, [true,  true,  false, false, false, false, false, true,  false]),
            (Member,    [true,  true,  true,  true,  false, false, false, true,  true ]),
            (Facilitator, [true, true, true,  true,  true,  true,  false, true,  false]),
            (Lead,      [true,  true,  true,  true,  true,  true,  true,  true,  false]),
        ];
        for (standing, want) in table {
            let a = access(standing, Phase::Open, true);
            let got = [
                a.sees_group(),
                a.sees_resources(),
                a.reads_content(),
                a.writes(),
                a.moderates(),
                a.admits_members(),
                a.undoes_safety_measures(),
                a.writes_check_ins(),
                a.reports(false),
            ];
            assert_eq!(got, want, "{standing:?}");
            let locked = Access { locked_down: true, ..a };
            assert_eq!(locked.writes(), standing.is_staff(), "{standing:?} in a lockdown");
            assert!(!locked.admits_members(), "{standing:?} admits no one in a lockdown");
            assert_eq!(locked.writes_check_ins(), a.writes_check_ins(), "the facilitators stay reachable");
        }
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
        assert!(!access(Standing::Member, Phase::Open, true).reports(true), "not one's own post");
    }

    #[test]
    fn locked_topics_take_replies_from_staff_only() {
        assert!(!access(Standing::Member, Phase::Open, true).replies_to(true));
        assert!(access(Standing::Facilitator, Phase::Open, false).replies_to(true));
        assert!(!access(Standing::Lead, Phase::Ended, false).replies_to(false));
    }

    #[test]
    fn edit_window_binds_members_and_no_one_edits_others_posts() {
        let member = access(Standing::Member, Phase::Open, true);
        assert!(member.edits_post(true, 1_000, 10, 1_000 + 599));
        assert!(!member.edits_post(true, 1_000, 10, 1_000 + 600));
        assert!(!member.edits_post(false, 1_000, 10, 1_001));
        let facilitator = access(Standing::Facilitator, Phase::Open, false);
        assert!(facilitator.edits_post(true, 0, 10, 1_000_000));
        assert!(!facilitator.edits_post(false, 0, 10, 1), "someone else's post is redacted, not edited");
        assert!(!member.deletes_post(false) && member.deletes_post(true));
    }

    #[test]
    fn premoderation_holds_new_members_or_everyone_never_staff() {
        let first_three = Premoderation::from_setting("new-members", 3);
        assert!(first_three.holds(Standing::Member, 0));
        assert!(first_three.holds(Standing::Member, 2));
        assert!(!first_three.holds(Standing::Member, 3));
        assert!(Premoderation::from_setting("all", 3).holds(Standing::Member, 500));
        assert!(!Premoderation::from_setting("all", 3).holds(Standing::Facilitator, 0));
        assert!(!Premoderation::from_setting("none", 3).holds(Standing::Member, 0));
        assert_eq!(Premoderation::from_setting("unknown", 3), Premoderation::None);
        assert_eq!(Premoderation::from_setting("new-members", 5), Premoderation::NewMembers(5));
    }

    #[test]
    fn phases_follow_the_schedule() {
        assert_eq!(phase(None, None, 5), Phase::Open);
        assert_eq!(phase(Some(10), None, 5), Phase::NotYetOpen);
        assert_eq!(phase(Some(1), Some(10), 5), Phase::Open);
        assert_eq!(phase(Some(1), Some(10), 10), Phase::Ended);
    }
}
