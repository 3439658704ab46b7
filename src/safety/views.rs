//! Page structs for the safety feature's own pages.

use askama::Template;

use crate::web::page::PageCtx;

#[derive(Template)]
#[template(path = "safety/group_privacy.html")]
pub struct GroupPrivacyView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub group_href: String,
    pub action: String,
    /// The retention field as typed or stored ("" for as long as allowed).
    pub retention: String,
    pub min_days: u32,
    pub max_days: Option<u32>,
    /// What the group keeps now, in words.
    pub keeps: String,
    /// For a time-limited group: when its content is deleted, in words.
    pub ended_note: Option<String>,
    pub discourage_copying: bool,
    pub watermark: bool,
    pub error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "safety/erase.html")]
pub struct EraseView {
    pub ctx: PageCtx,
    pub action: String,
    /// Staff erasing on a member's request: whose account.
    pub member: Option<String>,
    /// "keep", "delete", or "" before a choice.
    pub posts: &'static str,
    pub error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "safety/erased.html")]
pub struct ErasedView {
    pub ctx: PageCtx,
}
