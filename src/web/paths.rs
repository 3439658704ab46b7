//! Every URL Hearth serves, in one place; templates and redirects use these.

pub const HOME: &str = "/";
pub const SIGN_IN: &str = "/sign-in";
pub const SIGN_OUT: &str = "/sign-out";
pub const JOIN: &str = "/join/{code}";
pub const JOIN_AGREE: &str = "/join/{code}/agree";
pub const JOIN_ACCOUNT: &str = "/join/{code}/account";
pub const JOIN_GROUPS: &str = "/join/{code}/groups";
pub const RECOVER: &str = "/recover";
pub const ACCOUNT: &str = "/account";
pub const ACCOUNT_PASSWORD: &str = "/account/password";
pub const ACCOUNT_RECOVERY_CODES: &str = "/account/recovery-codes";
pub const ACCOUNT_LANGUAGE: &str = "/account/language";
pub const ACCOUNT_READING: &str = "/account/reading";
pub const INVITES: &str = "/invites";
pub const INVITE_REVOKE: &str = "/invites/{id}/revoke";
// groups
pub const GROUP: &str = "/groups/{slug}";
pub const GROUP_AGREEMENTS: &str = "/groups/{slug}/agreements";
pub const GROUP_AGREEMENTS_EDIT: &str = "/groups/{slug}/agreements/edit";
pub const GROUP_LEAVE: &str = "/groups/{slug}/leave";
pub const GROUP_RESOURCES: &str = "/groups/{slug}/resources";
pub const GROUP_RESOURCES_EDIT: &str = "/groups/{slug}/resources/edit";
pub const GROUP_SETTINGS: &str = "/groups/{slug}/settings";
pub const GROUP_MEMBERS: &str = "/groups/{slug}/members";
pub const GROUP_MEMBER_REMOVE: &str = "/groups/{slug}/members/{id}/remove";
pub const GROUP_CHECK_IN_NEW: &str = "/groups/{slug}/check-ins/new";
pub const GROUP_MESSAGE_NEW: &str = "/groups/{slug}/messages/new";
pub const RESOURCES: &str = "/resources";
pub const ADMIN_RESOURCES: &str = "/admin/resources";
pub const ADMIN_ORGANISATIONS: &str = "/admin/organisations";
pub const ORGANISATION: &str = "/organisations/{id}";
pub const ORGANISATION_STAFF: &str = "/organisations/{id}/staff";
pub const ORGANISATION_GROUPS: &str = "/organisations/{id}/groups";
pub const CHECK_INS: &str = "/check-ins";
pub const CHECK_IN: &str = "/check-ins/{id}";
pub const CHECK_IN_REPLY: &str = "/check-ins/{id}/reply";
// discussions
pub const GROUP_NEW_TOPIC: &str = "/groups/{slug}/topics/new";
pub const TOPIC: &str = "/topics/{id}";
pub const TOPIC_REPLY: &str = "/topics/{id}/reply";
pub const TOPIC_PIN: &str = "/topics/{id}/pin";
pub const TOPIC_LOCK: &str = "/topics/{id}/lock";
/// One form per topic page for every post's reaction buttons (`react=POSTID-KIND`).
pub const TOPIC_REACT: &str = "/topics/{id}/react";
pub const POST_EDIT: &str = "/posts/{id}/edit";
pub const POST_DELETE: &str = "/posts/{id}/delete";
pub const POST_REACTIONS: &str = "/posts/{id}/reactions";
pub const SEARCH: &str = "/search";
pub const NOTIFICATIONS: &str = "/notifications";
pub const NOTIFICATIONS_READ: &str = "/notifications/read";
// safety and privacy: two-factor, sessions, discreet mode, erasure, group privacy
pub const SIGN_IN_CODE: &str = "/sign-in/code";
pub const ACCOUNT_TWO_FACTOR: &str = "/account/two-factor";
pub const ACCOUNT_TWO_FACTOR_OFF: &str = "/account/two-factor/off";
pub const ACCOUNT_SESSIONS: &str = "/account/sessions";
pub const ACCOUNT_SESSION_END: &str = "/account/sessions/{id}/end";
pub const ACCOUNT_SESSIONS_END_OTHERS: &str = "/account/sessions/end-others";
pub const ACCOUNT_DISCREET: &str = "/account/discreet";
pub const ACCOUNT_ERASE: &str = "/account/erase";
pub const GROUP_PRIVACY: &str = "/groups/{slug}/privacy";
pub const GROUP_MEMBER_ERASE: &str = "/groups/{slug}/members/{id}/erase";
pub const SAFETY: &str = "/safety";
// operations
pub const HEALTHZ: &str = "/healthz";
/// Only when `HEARTH_BENCH_CEILING_BYTES` is set (see `seed::ceiling`).
pub const BENCH_CEILING: &str = "/bench/ceiling";
// moderation (issue 4): queues, reports, actions on posts and members,
// lockdown, roles that need a second person, partners, the audit log
pub const MODERATION: &str = "/moderation";
pub const GROUP_MODERATION_SETTINGS: &str = "/groups/{slug}/moderation/settings";
pub const GROUP_LOCKDOWN: &str = "/groups/{slug}/lockdown";
pub const GROUP_MEMBER: &str = "/groups/{slug}/members/{id}";
pub const GROUP_MEMBER_APPROVE: &str = "/groups/{slug}/members/{id}/approve";
pub const GROUP_MEMBER_DECLINE: &str = "/groups/{slug}/members/{id}/decline";
pub const GROUP_MEMBER_SUSPEND: &str = "/groups/{slug}/members/{id}/suspend";
pub const GROUP_MEMBER_UNSUSPEND: &str = "/groups/{slug}/members/{id}/unsuspend";
pub const GROUP_MEMBER_BAN: &str = "/groups/{slug}/members/{id}/ban";
pub const GROUP_MEMBER_UNBAN: &str = "/groups/{slug}/members/{id}/unban";
pub const GROUP_MEMBER_RESET: &str = "/groups/{slug}/members/{id}/password-reset";
pub const GROUP_MEMBER_NOTES: &str = "/groups/{slug}/members/{id}/notes";
pub const PASSWORD_RESET: &str = "/reset/{code}";
pub const ORGANISATION_MODERATION: &str = "/organisations/{id}/moderation";
pub const ORGANISATION_PARTNERS: &str = "/organisations/{id}/partners";
pub const ORGANISATION_PARTNER_END: &str = "/organisations/{id}/partners/{partnership}/end";
pub const POST_APPROVE: &str = "/posts/{id}/approve";
pub const POST_DECLINE: &str = "/posts/{id}/decline";
pub const POST_HIDE: &str = "/posts/{id}/hide";
pub const POST_REDACT: &str = "/posts/{id}/redact";
pub const POST_ORIGINALS: &str = "/posts/{id}/originals";
pub const POST_REPORT: &str = "/posts/{id}/report";
pub const TOPIC_REPORT: &str = "/topics/{id}/report";
pub const TOPIC_MOVE: &str = "/topics/{id}/move";
pub const REPORT_RESOLVE: &str = "/reports/{id}/resolve";
pub const ORGANISATION_STAFF_REMOVE: &str = "/organisations/{id}/staff/{user}/remove";
pub const ROLE_REQUEST_CONFIRM: &str = "/role-requests/{id}/confirm";
pub const ROLE_REQUEST_CANCEL: &str = "/role-requests/{id}/cancel";
pub const ADMIN_ADMINS: &str = "/admin/admins";
pub const ADMIN_ADMIN_REMOVE: &str = "/admin/admins/{id}/remove";
pub const AUDIT: &str = "/audit";
pub const EXIT: &str = "/exit";
pub const ROBOTS: &str = "/robots.txt";
pub const STYLESHEET: &str = "/assets/hearth.css";
pub const SCRIPT: &str = "/assets/hearth.js";
pub const ICON: &str = "/assets/icon.svg";

/// An id from a URL: anything that is not a number is a page that does not exist.
pub fn parse_id(raw: &str) -> Result<i64, super::error::AppError> {
    raw.parse::<i64>().map_err(|_| super::error::AppError::NotFound)
}

/// Fills the first `{name}` placeholder of a route with a value (call again
/// for a second one).
pub fn fill(route: &str, value: &str) -> String {
    match (route.find('{'), route.find('}')) {
        (Some(start), Some(end)) if start < end => format!("{}{value}{}", &route[..start], &route[end + 1..]),
        _ => route.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fills_placeholders() {
        assert_eq!(super::fill(super::JOIN_AGREE, "abc"), "/join/abc/agree");
        assert_eq!(super::fill(super::HOME, "x"), "/");
        assert_eq!(super::fill(&super::fill(super::GROUP_MEMBER_REMOVE, "g"), "7"), "/groups/g/members/7/remove");
    }
}
