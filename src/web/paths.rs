//! Every URL Hearth serves, in one place; templates and redirects use these.

pub const HOME: &str = "/";
pub const SIGN_IN: &str = "/sign-in";
pub const SIGN_OUT: &str = "/sign-out";
pub const JOIN: &str = "/join/{code}";
pub const JOIN_AGREE: &str = "/join/{code}/agree";
pub const JOIN_ACCOUNT: &str = "/join/{code}/account";
pub const RECOVER: &str = "/recover";
pub const ACCOUNT: &str = "/account";
pub const ACCOUNT_PASSWORD: &str = "/account/password";
pub const ACCOUNT_RECOVERY_CODES: &str = "/account/recovery-codes";
pub const ACCOUNT_LANGUAGE: &str = "/account/language";
pub const ADMIN_INVITES: &str = "/admin/invites";
pub const ADMIN_INVITE_REVOKE: &str = "/admin/invites/{id}/revoke";
pub const EXIT: &str = "/exit";
pub const ROBOTS: &str = "/robots.txt";
pub const STYLESHEET: &str = "/assets/hearth.css";
pub const SCRIPT: &str = "/assets/hearth.js";
pub const ICON: &str = "/assets/icon.svg";

/// Fills the `{name}` placeholder of a route with a value.
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
    }
}
