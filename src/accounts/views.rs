//! Page structs for the accounts templates. Each holds the shared `PageCtx`
//! plus what its page shows; messages are translation keys.

use askama::Template;

use crate::web::page::PageCtx;

#[derive(Template)]
#[template(path = "accounts/sign_in.html")]
pub struct SignInView {
    pub ctx: PageCtx,
    pub pseudonym: String,
    pub error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "accounts/join_consent.html")]
pub struct JoinConsentView {
    pub ctx: PageCtx,
    pub agree_action: String,
    /// Everything stored, who sees it, when it goes (`safety::inventory`).
    pub inventory: Vec<crate::safety::inventory::Shown>,
    pub error: Option<&'static str>,
}

/// A signed-in member opening an invite into groups: join them with this account.
#[derive(Template)]
#[template(path = "accounts/join_groups.html")]
pub struct JoinGroupsView {
    pub ctx: PageCtx,
    pub groups: Vec<String>,
    pub join_action: String,
}

#[derive(Template)]
#[template(path = "accounts/join_account.html")]
pub struct JoinAccountView {
    pub ctx: PageCtx,
    pub account_action: String,
    pub pseudonym: String,
    pub pseudonym_error: Option<&'static str>,
    pub password_error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "accounts/invite_unusable.html")]
pub struct InviteUnusableView {
    pub ctx: PageCtx,
}

#[derive(Template)]
#[template(path = "accounts/recovery_codes.html")]
pub struct RecoveryCodesView {
    pub ctx: PageCtx,
    pub codes: Vec<String>,
    /// True right after joining: the page then welcomes the new member.
    pub welcome: bool,
}

#[derive(Template)]
#[template(path = "accounts/recover.html")]
pub struct RecoverView {
    pub ctx: PageCtx,
    pub pseudonym: String,
    pub error: Option<&'static str>,
    /// Set once the password has been changed.
    pub done: bool,
}

#[derive(Template)]
#[template(path = "accounts/settings.html")]
pub struct SettingsView {
    pub ctx: PageCtx,
    pub codes_left: i64,
    /// "auto", "en" or "fr".
    pub language: &'static str,
    /// Posts with a content warning stay folded until opened.
    pub fold_warnings: bool,
    pub two_factor: bool,
    /// Discreet mode: "default" (the instance's), "on" or "off".
    pub discreet: &'static str,
    pub password_error: Option<&'static str>,
    pub codes_error: Option<&'static str>,
    pub notice: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "accounts/invites.html")]
pub struct InvitesView {
    pub ctx: PageCtx,
    pub invites: Vec<InviteLine>,
    /// The link of an invite just created; shown once, never stored.
    pub new_invite_url: Option<String>,
    pub note: String,
    /// Groups the viewer may invite into, checked if chosen.
    pub groups: Vec<crate::groups::views::Choice>,
    /// Staff must name a group; the admin may invite without one (new staff).
    pub group_required: bool,
    pub error: Option<&'static str>,
}

pub struct InviteLine {
    pub revoke_action: String,
    /// Who made it, when not the viewer (a lead sees every invite into their groups).
    pub made_by: Option<String>,
    /// The partner organisation it came through.
    pub partner: Option<String>,
    pub note: String,
    pub created: String,
    pub expires: String,
    /// Translation key of its state: active, used, expired or revoked.
    pub status: &'static str,
    pub revocable: bool,
}

/// Choices for how long a new invite lasts, in days.
pub const INVITE_DAYS: [i64; 5] = [1, 3, 7, 14, 30];
