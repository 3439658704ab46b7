//! Page structs for two-factor set-up, the sign-in code step and the sessions page.

use askama::Template;

use crate::web::page::PageCtx;

#[derive(Template)]
#[template(path = "accounts/two_factor.html")]
pub struct TwoFactorView {
    pub ctx: PageCtx,
    pub enabled: bool,
    /// Staff and admins cannot turn it off.
    pub required: bool,
    /// A new secret to set up (or to replace the current one with), grouped for typing.
    pub secret: String,
    /// The same secret's `otpauth://` address as an inline SVG QR code.
    pub qr_svg: String,
    pub codes_left: i64,
    pub error: Option<&'static str>,
    pub off_error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "accounts/sign_in_code.html")]
pub struct SignInCodeView {
    pub ctx: PageCtx,
    pub error: Option<&'static str>,
}

pub struct SessionItem {
    /// "Firefox on Android", in the page's language.
    pub device: String,
    pub started: String,
    pub last_active: String,
    pub current: bool,
    pub remembered: bool,
    pub end_action: String,
}

#[derive(Template)]
#[template(path = "accounts/sessions.html")]
pub struct SessionsView {
    pub ctx: PageCtx,
    pub sessions: Vec<SessionItem>,
    /// How many sessions other than this one.
    pub others: usize,
}
