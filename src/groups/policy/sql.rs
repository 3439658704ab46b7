//! The read rules as SQL fragments, put into every query that loads group
//! content, so what a viewer may not see is never loaded. They are macros
//! (exported at the crate's root) so queries stay `&'static str`.

/// The read rule as SQL, for queries where the group is aliased `g`, the
/// viewer's user id is `$1` and the current time `$2`: an active member who
/// accepted the current agreements (not waiting for approval, not
/// suspended, the group open), or the group's staff.
#[macro_export]
macro_rules! readable_group {
    () => {
        concat!(
            "(EXISTS (SELECT 1 FROM memberships rm WHERE rm.group_id = g.id AND rm.user_id = $1 \
               AND rm.agreed_version = g.agreements_version AND rm.state = 'active' \
               AND (rm.suspended_until IS NULL OR rm.suspended_until <= $2) \
               AND (g.starts_at IS NULL OR g.starts_at <= $2)) OR ",
            $crate::moderates_group!(),
            ")"
        )
    };
}

/// The viewer (`$1`) facilitates group `g` or leads its organisation.
#[macro_export]
macro_rules! moderates_group {
    () => {
        "(EXISTS (SELECT 1 FROM group_facilitators rf WHERE rf.group_id = g.id AND rf.user_id = $1) \
         OR EXISTS (SELECT 1 FROM staff rs WHERE rs.organisation_id = g.organisation_id AND rs.user_id = $1 \
           AND rs.role = 'lead'))"
    };
}

/// Which posts `p` (of group `g`) the viewer `$1` sees: published ones; held,
/// declined and hidden ones only if they wrote them or moderate the group.
/// Only published posts count anywhere (topic counts, unread, search,
/// notifications).
#[macro_export]
macro_rules! visible_post {
    () => {
        concat!("(p.state = 'published' OR p.author_id = $1 OR ", $crate::moderates_group!(), ")")
    };
}

/// The same for topics `t`: a topic is as visible as its first post.
#[macro_export]
macro_rules! visible_topic {
    () => {
        concat!("(t.state = 'published' OR t.author_id = $1 OR ", $crate::moderates_group!(), ")")
    };
}

/// Who may see private conversation `c` of group `g` ($1 = viewer): a check-in
/// by its member while still in the group (approved; a suspended member keeps
/// talking to the facilitators), the group's facilitators and its
/// organisation's leads; a conversation between two members by those two
/// only, while they are in the group.
#[macro_export]
macro_rules! check_in_visible {
    () => {
        "((c.with_member_id IS NULL AND ((c.member_id = $1 \
             AND EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id AND m.user_id = $1 \
               AND m.state = 'active')) \
           OR EXISTS (SELECT 1 FROM group_facilitators f WHERE f.group_id = g.id AND f.user_id = $1) \
           OR EXISTS (SELECT 1 FROM staff s WHERE s.organisation_id = g.organisation_id AND s.user_id = $1 \
             AND s.role = 'lead'))) \
         OR (c.with_member_id IS NOT NULL AND (c.member_id = $1 OR c.with_member_id = $1) \
           AND EXISTS (SELECT 1 FROM memberships pm WHERE pm.group_id = g.id AND pm.user_id = $1 \
             AND pm.state = 'active')))"
    };
}
