//! Page structs for topics and posts, and the group's topic list that the
//! group page includes. Messages are translation keys; post HTML was
//! sanitised when it was written and is the only thing templates mark `|safe`.

use askama::Template;

use crate::{moderation::views::PostModeration, web::page::PageCtx};

/// A group's topics for its page (`templates/discussions/topic_list.html`,
/// included where `ctx` and a `topics` of this type are in scope).
#[derive(Debug, Clone, Default)]
pub struct TopicList {
    pub items: Vec<TopicLine>,
    /// The next page (`?before=…` on the group's URL).
    pub older_href: Option<String>,
    /// Back to the first page, when not on it.
    pub newest_href: Option<String>,
    /// When the viewer may start a topic.
    pub new_topic_href: Option<String>,
}

#[derive(Debug, Clone)]
pub struct TopicLine {
    pub href: String,
    pub title: String,
    pub warning: Option<String>,
    /// None when the author's account is gone.
    pub author: Option<String>,
    pub post_count: i64,
    pub last_activity: String,
    /// Posts the viewer has not read yet.
    pub new_count: i64,
    /// The first unread post, when the viewer has read part of the topic.
    pub unread_href: Option<String>,
    pub pinned: bool,
    pub locked: bool,
    /// Held or hidden (only its author and staff see it listed).
    pub state_label: Option<&'static str>,
}

/// Per-field messages of a post form.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    pub title: Option<&'static str>,
    pub warning: Option<&'static str>,
    pub body: Option<&'static str>,
    /// About the form as a whole (a locked topic, a passed edit window).
    pub form: Option<&'static str>,
}

impl FormErrors {
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.warning.is_none() && self.body.is_none() && self.form.is_none()
    }
}

/// What a draft will look like once published.
#[derive(Debug, Clone)]
pub struct Preview {
    pub title: Option<String>,
    pub warning: Option<String>,
    /// Sanitised by `markdown::to_html`.
    pub html: String,
}

/// The form to write a topic, a reply or an edit (`discussions/post_form.html`).
#[derive(Debug, Clone)]
pub struct PostForm {
    pub action: String,
    /// Topics and first posts have a title.
    pub with_title: bool,
    pub title: String,
    pub warning: String,
    pub body: String,
    pub preview: Option<Preview>,
    pub errors: FormErrors,
    /// The publish button's label.
    pub publish_key: &'static str,
}

impl PostForm {
    pub fn empty(action: String, with_title: bool, publish_key: &'static str) -> Self {
        Self {
            action,
            with_title,
            title: String::new(),
            warning: String::new(),
            body: String::new(),
            preview: None,
            errors: FormErrors::default(),
            publish_key,
        }
    }
}

#[derive(Template)]
#[template(path = "discussions/new_topic.html")]
pub struct NewTopicView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub group_href: String,
    pub form: PostForm,
}

#[derive(Debug, Clone, Copy)]
pub struct ReactionView {
    pub kind: &'static str,
    pub count: i64,
    /// The viewer's own reaction.
    pub mine: bool,
}

#[derive(Debug, Clone)]
pub struct PostView {
    pub id: i64,
    pub author: Option<String>,
    pub time: String,
    pub edited: bool,
    pub deleted: bool,
    pub warning: Option<String>,
    /// Fold the post under its warning (the viewer's preference).
    pub fold: bool,
    pub html: String,
    /// In the order of `store::REACTION_KINDS` (and of `PostLabels::reactions`).
    pub reactions: [ReactionView; 3],
    /// The viewer may react: the buttons belong to the page's one reaction form.
    pub reacts: bool,
    pub edit_href: Option<String>,
    pub delete_href: Option<String>,
    /// Who reacted (staff only).
    pub reactions_href: Option<String>,
    /// Held, declined, hidden or redacted; reporting; staff actions.
    pub moderation: PostModeration,
}

impl PostView {
    pub fn has_reactions(&self) -> bool {
        self.reactions.iter().any(|r| r.count > 0)
    }

    /// Whether the row under the post (reaction buttons and links) has anything in it.
    pub fn has_actions(&self) -> bool {
        self.reacts
            || self.edit_href.is_some()
            || self.delete_href.is_some()
            || self.reactions_href.is_some()
            || self.moderation.report_href.is_some()
    }
}

/// The words every post of a page repeats, translated once per page.
#[derive(Debug, Clone)]
pub struct PostLabels {
    pub former_member: String,
    pub edited: String,
    pub deleted: String,
    /// In the order of `store::REACTION_KINDS`.
    pub reactions: [String; 3],
    pub edit: String,
    pub delete: String,
    pub who_reacted: String,
    pub report: String,
}

impl PostLabels {
    pub fn new(ctx: &PageCtx) -> Self {
        Self {
            former_member: ctx.t("post-former-member"),
            edited: ctx.t("post-edited"),
            deleted: ctx.t("post-deleted"),
            reactions: super::store::REACTION_KINDS.map(|kind| ctx.t(reaction_label(kind))),
            edit: ctx.t("post-edit-link"),
            delete: ctx.t("post-delete-link"),
            who_reacted: ctx.t("reaction-who-link"),
            report: ctx.t("report-post-link"),
        }
    }
}

/// Pin, lock and move for staff.
#[derive(Debug, Clone)]
pub struct Moderation {
    pub pin_action: String,
    pub lock_action: String,
    pub move_href: String,
}

#[derive(Template)]
#[template(path = "discussions/topic.html")]
pub struct TopicView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub group_href: String,
    pub title: String,
    pub warning: Option<String>,
    pub pinned: bool,
    pub locked: bool,
    pub posts: Vec<PostView>,
    pub labels: PostLabels,
    /// The page's one reaction form, when the viewer may react.
    pub react_action: Option<String>,
    pub older_href: Option<String>,
    pub newer_href: Option<String>,
    pub first_page_href: Option<String>,
    pub first_unread_href: Option<String>,
    /// This page's cursor (`after-12`, `before-40` or empty), so a reaction comes back to it.
    pub page: String,
    pub reply: Option<PostForm>,
    /// Why no one, or only staff, may reply.
    pub reply_note: Option<&'static str>,
    pub moderation: Option<Moderation>,
    /// A topic that is not published (its first post held or hidden), for its author and staff.
    pub topic_state: Option<&'static str>,
    /// Reporting the topic, for members.
    pub report_href: Option<String>,
    /// The group's crisis resources, right after a post with crisis words.
    pub support_html: Option<String>,
    pub locked_down: bool,
}

#[derive(Debug, Clone)]
pub struct DeleteForm {
    pub action: String,
    pub error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "discussions/post_edit.html")]
pub struct PostEditView {
    pub ctx: PageCtx,
    pub topic_title: String,
    pub post_href: String,
    /// None when only deleting is still possible.
    pub form: Option<PostForm>,
    /// Why the post can no longer be edited.
    pub note: Option<&'static str>,
    pub delete: Option<DeleteForm>,
    /// Why a post not published yet waits, or the facilitators' note.
    pub moderation: PostModeration,
}

#[derive(Debug, Clone)]
pub struct ReactionLine {
    pub pseudonym: String,
    pub label_key: &'static str,
}

#[derive(Template)]
#[template(path = "discussions/reactions.html")]
pub struct ReactionsView {
    pub ctx: PageCtx,
    pub topic_title: String,
    pub post_href: String,
    pub lines: Vec<ReactionLine>,
}

/// The translation key of a reaction kind's name.
pub fn reaction_label(kind: &str) -> &'static str {
    match kind {
        "support" => "reaction-support",
        "me-too" => "reaction-me-too",
        _ => "reaction-thank-you",
    }
}
