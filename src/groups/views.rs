//! Page structs for the groups templates. Messages are translation keys;
//! links are filled in by the handlers.

use askama::Template;

use crate::{discussions::views::TopicList, web::page::PageCtx};

/// One group on the home page.
pub struct MyGroupLine {
    pub name: String,
    pub href: String,
    pub unread: i64,
    pub needs_agreement: bool,
    pub is_staff: bool,
    /// Waiting for the facilitators to let them in.
    pub waiting: bool,
    pub suspended: bool,
    pub locked_down: bool,
    /// "Not yet open" or "ended", when it applies.
    pub phase: Option<&'static str>,
}

/// A link for staff: where, and the message naming it.
pub struct StaffLink {
    pub href: String,
    pub label: &'static str,
}

#[derive(Template)]
#[template(path = "groups/home.html")]
pub struct HomeView {
    pub ctx: PageCtx,
    pub pseudonym: String,
    pub previous_sign_in: Option<String>,
    pub groups: Vec<MyGroupLine>,
    /// The organisations where the viewer is staff.
    pub organisations: Vec<OrganisationLink>,
    /// For staff: what waits in the moderation queue.
    pub queue: Option<crate::moderation::queue::Summary>,
}

pub struct OrganisationLink {
    pub name: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "groups/group.html")]
pub struct GroupView {
    pub ctx: PageCtx,
    pub name: String,
    pub purpose: String,
    pub facilitation: String,
    /// "Open-ended", or its dates.
    pub schedule: String,
    /// A banner for where the group is in its schedule.
    pub phase: Option<&'static str>,
    pub needs_agreement: bool,
    pub agreements_href: String,
    pub resources_href: String,
    pub check_in_href: Option<String>,
    pub message_member_href: Option<String>,
    pub leave_action: Option<String>,
    pub staff_links: Vec<StaffLink>,
    pub topics: Option<TopicList>,
    /// The viewer is suspended in the group until then.
    pub suspended_until: Option<String>,
    pub locked_down: bool,
}

#[derive(Template)]
#[template(path = "groups/agreements.html")]
pub struct AgreementsView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub group_href: String,
    pub body_html: String,
    pub version: i64,
    /// The accept form, for a member who has not accepted this version.
    pub accept_action: Option<String>,
    /// Accepted an earlier version: what changed since.
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub error: Option<&'static str>,
    /// What the group's privacy options mean for members (retention, copying, watermark).
    pub privacy_notes: Vec<String>,
}

#[derive(Template)]
#[template(path = "groups/leave.html")]
pub struct LeaveView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub group_href: String,
    pub leave_action: String,
    pub error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "groups/resources.html")]
pub struct ResourcesView {
    pub ctx: PageCtx,
    /// The group's name, or none for the instance's own page.
    pub group_name: Option<String>,
    pub body_html: String,
    pub edit_href: Option<String>,
    pub instance_href: Option<&'static str>,
}

/// A Markdown editor page shared by agreements and resources.
#[derive(Template)]
#[template(path = "groups/edit_markdown.html")]
pub struct EditMarkdownView {
    pub ctx: PageCtx,
    pub title: &'static str,
    pub hint: &'static str,
    pub back_href: String,
    pub action: String,
    pub source: String,
    pub preview_html: Option<String>,
    pub error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "groups/organisations.html")]
pub struct OrganisationsView {
    pub ctx: PageCtx,
    pub organisations: Vec<OrganisationLink>,
    pub name: String,
    pub lead: String,
    pub error: Option<&'static str>,
}

pub struct StaffLine {
    pub user_id: i64,
    pub pseudonym: String,
    pub role: String,
    pub remove_action: String,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "groups/organisation.html")]
pub struct OrganisationView {
    pub ctx: PageCtx,
    pub name: String,
    pub staff_action: String,
    pub groups_action: String,
    pub staff: Vec<StaffLine>,
    pub groups: Vec<OrganisationLink>,
    pub slug: String,
    pub group_name: String,
    pub purpose: String,
    pub facilitation: String,
    pub starts: String,
    pub ends: String,
    pub staff_error: Option<&'static str>,
    pub group_error: Option<&'static str>,
    /// Role changes waiting for a second lead or admin.
    pub requests: Vec<crate::moderation::roles::RequestLine>,
    pub moderation_href: String,
    pub partners_href: String,
    pub audit_href: &'static str,
    /// A change was just asked for.
    pub asked: bool,
}

/// A checkbox in a list.
pub struct Choice {
    pub value: i64,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "groups/settings.html")]
pub struct GroupSettingsView {
    pub ctx: PageCtx,
    pub group_href: String,
    pub action: String,
    pub name: String,
    pub purpose: String,
    pub facilitation: String,
    pub starts: String,
    pub ends: String,
    pub edit_window: String,
    pub facilitators: Vec<String>,
    /// For the lead: every staff member, checked if they facilitate the group.
    pub facilitator_choices: Vec<Choice>,
    pub lead_settings: bool,
    pub member_messages: bool,
    pub error: Option<&'static str>,
}

pub struct MemberLine {
    pub pseudonym: String,
    pub joined: String,
    pub agreed: bool,
    /// The member's page for staff: notes and every action.
    pub href: String,
    pub suspended: bool,
    pub banned: bool,
}

#[derive(Template)]
#[template(path = "groups/members.html")]
pub struct MembersView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub group_href: String,
    pub members: Vec<MemberLine>,
}

pub struct CheckInLine {
    pub href: String,
    pub subject: String,
    pub group_name: String,
    /// The member the conversation is with (staff see it; gone if the account was erased).
    pub member: Option<String>,
    /// A conversation between two members: the other one.
    pub peer: Option<String>,
    pub last_message: String,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "groups/check_ins.html")]
pub struct CheckInsView {
    pub ctx: PageCtx,
    /// Conversations the viewer has as a member.
    pub mine: Vec<CheckInLine>,
    /// Conversations of the groups the viewer facilitates or leads.
    pub staff: Vec<CheckInLine>,
}

#[derive(Template)]
#[template(path = "groups/check_in_new.html")]
pub struct NewCheckInView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub group_href: String,
    pub action: String,
    pub title: &'static str,
    pub explain: &'static str,
    pub choose_member: bool,
    pub members: Vec<Choice>,
    pub subject: String,
    pub body: String,
    pub error: Option<&'static str>,
}

pub struct CheckInMessageLine {
    pub author: Option<String>,
    pub from_member: bool,
    pub body_html: String,
    pub at: String,
}

#[derive(Template)]
#[template(path = "groups/check_in.html")]
pub struct CheckInView {
    pub ctx: PageCtx,
    pub subject: String,
    pub group_name: String,
    pub group_href: String,
    pub member: Option<String>,
    /// Between two members: the second one (no facilitators read it).
    pub peer: Option<String>,
    pub messages: Vec<CheckInMessageLine>,
    pub reply_action: Option<String>,
    pub body: String,
    pub error: Option<&'static str>,
}
