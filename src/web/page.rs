//! What every page template gets (`PageCtx`: language, CSRF token, viewer,
//! quick-exit target, instance name, URLs) and how a template becomes a response.

use std::sync::Arc;

use askama::Template;
use axum::{
    extract::{FromRef, FromRequestParts},
    http::{StatusCode, header, request::Parts},
    response::{Html, IntoResponse, Response},
};

use super::{AppState, context::RequestContext, error::AppError, i18n::Locale, i18n::Translations, paths};

/// URLs for templates, so no template spells a path by hand.
#[derive(Debug, Clone, Copy)]
pub struct Paths {
    pub home: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub recover: &'static str,
    pub account: &'static str,
    pub account_password: &'static str,
    pub account_recovery_codes: &'static str,
    pub account_language: &'static str,
    pub invites: &'static str,
    pub account_reading: &'static str,
    pub search: &'static str,
    pub notifications: &'static str,
    pub check_ins: &'static str,
    pub resources: &'static str,
    pub admin_organisations: &'static str,
    pub admin_resources: &'static str,
    pub moderation: &'static str,
    pub audit: &'static str,
    pub admin_admins: &'static str,
    pub stylesheet: &'static str,
    pub script: &'static str,
    pub icon: &'static str,
    pub safety: &'static str,
    pub account_two_factor: &'static str,
    pub account_two_factor_off: &'static str,
    pub account_sessions: &'static str,
    pub account_sessions_end_others: &'static str,
    pub account_discreet: &'static str,
    pub account_erase: &'static str,
    pub sign_in_code: &'static str,
}

pub const PATHS: Paths = Paths {
    home: paths::HOME,
    sign_in: paths::SIGN_IN,
    sign_out: paths::SIGN_OUT,
    recover: paths::RECOVER,
    account: paths::ACCOUNT,
    account_password: paths::ACCOUNT_PASSWORD,
    account_recovery_codes: paths::ACCOUNT_RECOVERY_CODES,
    account_language: paths::ACCOUNT_LANGUAGE,
    invites: paths::INVITES,
    account_reading: paths::ACCOUNT_READING,
    search: paths::SEARCH,
    notifications: paths::NOTIFICATIONS,
    check_ins: paths::CHECK_INS,
    resources: paths::RESOURCES,
    admin_organisations: paths::ADMIN_ORGANISATIONS,
    admin_resources: paths::ADMIN_RESOURCES,
    moderation: paths::MODERATION,
    audit: paths::AUDIT,
    admin_admins: paths::ADMIN_ADMINS,
    stylesheet: paths::STYLESHEET,
    script: paths::SCRIPT,
    icon: paths::ICON,
    safety: paths::SAFETY,
    account_two_factor: paths::ACCOUNT_TWO_FACTOR,
    account_two_factor_off: paths::ACCOUNT_TWO_FACTOR_OFF,
    account_sessions: paths::ACCOUNT_SESSIONS,
    account_sessions_end_others: paths::ACCOUNT_SESSIONS_END_OTHERS,
    account_discreet: paths::ACCOUNT_DISCREET,
    account_erase: paths::ACCOUNT_ERASE,
    sign_in_code: paths::SIGN_IN_CODE,
};

#[derive(Debug, Clone)]
pub struct PageCtx {
    pub locale: Locale,
    pub instance_name: String,
    pub csrf: String,
    /// The signed-in member's pseudonym, for the header.
    pub pseudonym: Option<String>,
    pub is_admin: bool,
    pub unread_notifications: i64,
    pub is_staff: bool,
    /// Where the quick exit goes: `/exit` when it ends the session first.
    pub quick_exit_href: String,
    pub paths: Paths,
    /// Titles and header show only the neutral name (the member's choice, else the instance's).
    pub discreet: bool,
    pub neutral_name: String,
    /// The sign-in page looks like a plain notes sign-in.
    pub sign_in_as_notes: bool,
    /// Set on the pages of a group that protects its words (`in_group`).
    pub group_marks: GroupMarks,
    translations: Arc<Translations>,
}

/// What a group's privacy options put on its pages.
#[derive(Debug, Clone, Default)]
pub struct GroupMarks {
    /// Post bodies cannot be selected for copying.
    pub no_copy: bool,
    /// A faint watermark with the viewer's pseudonym on every page of the group.
    pub watermark: Option<String>,
}

impl PageCtx {
    pub fn new(state: &AppState, request: &RequestContext) -> Self {
        let quick_exit_href =
            if state.config.exit_ends_session { paths::EXIT.to_owned() } else { state.config.exit_url.clone() };
        Self {
            locale: request.locale,
            instance_name: state.config.instance_name.clone(),
            csrf: request.csrf_token.clone(),
            pseudonym: request.viewer.as_ref().map(|v| v.pseudonym.clone()),
            is_admin: request.viewer.as_ref().is_some_and(|v| v.is_admin),
            unread_notifications: request.viewer.as_ref().map_or(0, |v| v.unread_notifications),
            is_staff: request.viewer.as_ref().is_some_and(|v| v.is_staff),
            quick_exit_href,
            paths: PATHS,
            discreet: request.viewer.as_ref().and_then(|v| v.discreet).unwrap_or(state.config.discreet_mode),
            neutral_name: state.config.discreet_name.clone(),
            sign_in_as_notes: state.config.sign_in_as_notes,
            group_marks: GroupMarks::default(),
            translations: Arc::clone(&state.translations),
        }
    }

    /// The name in the title and header: the neutral one in discreet mode.
    pub fn shown_name(&self) -> &str {
        if self.discreet { &self.neutral_name } else { &self.instance_name }
    }

    /// This page belongs to `group`: its copy protection and watermark apply.
    pub fn in_group(mut self, group: &crate::groups::store::GroupRow) -> Self {
        self.group_marks = GroupMarks {
            no_copy: group.discourage_copying == 1,
            watermark: self.pseudonym.clone().filter(|_| group.watermark == 1),
        };
        self
    }

    /// Classes for `<body>`.
    pub fn body_class(&self) -> &'static str {
        if self.group_marks.no_copy { "no-copy" } else { "" }
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    /// The translation of `key` in this page's language.
    pub fn t(&self, key: &str) -> String {
        self.translations.get(self.locale, key, &[])
    }

    /// The translation of `key` with a count, for plural forms.
    /// (Templates hand over numbers by value or by reference; both are fine.)
    pub fn tn(&self, key: &str, name: &str, count: impl std::borrow::Borrow<i64>) -> String {
        self.translations.get_count(self.locale, key, name, *count.borrow())
    }

    /// The translation of `key` with one argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.translations.get(self.locale, key, &[(name, value)])
    }

    /// The translation of `key` with several text arguments.
    pub fn t_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.translations.get(self.locale, key, args)
    }
}

impl<S> FromRequestParts<S> for PageCtx
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let request = RequestContext::from_parts(parts)?;
        Ok(Self::new(&AppState::from_ref(state), request))
    }
}

/// Marks a response whose body is already a page, so the error renderer
/// leaves a form shown again with its errors (422) alone.
#[derive(Debug, Clone, Copy)]
pub struct Rendered;

/// A redirect after a form (303): the browser follows it with a GET.
pub fn see_other(location: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, location.to_owned())]).into_response()
}

pub fn render(template: &impl Template) -> Result<Response, AppError> {
    render_with_status(StatusCode::OK, template)
}

pub fn render_with_status(status: StatusCode, template: &impl Template) -> Result<Response, AppError> {
    let html = template.render()?;
    let mut response = (status, Html(html)).into_response();
    response.extensions_mut().insert(Rendered);
    Ok(response)
}
