//! Page structs shared by moderation's pages.

use askama::Template;

use crate::web::page::PageCtx;

/// A staff action's form on a page of its own: shown again with its error
/// (a note too long, a period missing) when the inline form was refused.
#[derive(Template)]
#[template(path = "moderation/action.html")]
pub struct ActionView {
    pub ctx: PageCtx,
    pub title: &'static str,
    pub explain: Option<&'static str>,
    pub action: String,
    /// Where to return afterwards (`topic` or the queue).
    pub back: String,
    pub cancel_href: String,
    pub note_label: &'static str,
    pub note: String,
    pub submit: &'static str,
    pub error: Option<&'static str>,
}

/// What a post's page shows about its moderation: its state for its author
/// and staff, the report link for other members, staff actions.
#[derive(Debug, Clone, Default)]
pub struct PostModeration {
    /// The label of a post that is not simply published (`held-label`, …).
    pub state: Option<&'static str>,
    /// Why it waits (translation keys), for its author and staff.
    pub reasons: Vec<&'static str>,
    /// The facilitators' note on a declined post.
    pub note: Option<String>,
    pub redacted: bool,
    /// Why it was redacted, for its author and staff.
    pub redaction_reason: Option<String>,
    pub report_href: Option<String>,
    pub staff: Option<PostStaffActions>,
}

#[derive(Debug, Clone, Default)]
pub struct PostStaffActions {
    pub id: i64,
    /// Approve and decline, for a held post.
    pub approve_action: Option<String>,
    pub decline_action: Option<String>,
    pub hide_action: Option<String>,
    pub hidden: bool,
    pub redact_href: Option<String>,
    pub originals_href: Option<String>,
    /// The author's page in the group.
    pub author_href: Option<String>,
}

/// The label of a topic its author and staff see although it is not published.
pub fn topic_state_label(state: &str) -> Option<&'static str> {
    match state {
        "held" => Some("held-topic-label"),
        "hidden" => Some("hidden-topic-label"),
        _ => None,
    }
}

/// A post as `moderation_for` needs it.
pub struct PostFacts<'a> {
    pub id: i64,
    pub own: bool,
    pub deleted: bool,
    pub state: &'a str,
    pub held_reason: &'a str,
    pub note: &'a str,
    pub redacted: bool,
    pub redaction_reason: &'a str,
    /// The author's page in the group, when they are a member staff can act on.
    pub author_href: Option<String>,
}

/// What the viewer (the post's author, another member, or staff) is shown.
pub fn moderation_for(post: PostFacts<'_>, access: crate::groups::policy::Access) -> PostModeration {
    use crate::web::paths;
    let id = post.id.to_string();
    let insider = post.own || access.moderates();
    let state = match post.state {
        "held" => Some("held-label"),
        "declined" => Some("declined-label"),
        "hidden" => Some("hidden-label"),
        _ => None,
    };
    let live = !post.deleted;
    let staff = access.moderates().then(|| PostStaffActions {
        id: post.id,
        approve_action: (post.state == "held").then(|| paths::fill(paths::POST_APPROVE, &id)),
        decline_action: (post.state == "held").then(|| paths::fill(paths::POST_DECLINE, &id)),
        hide_action: (live && matches!(post.state, "published" | "hidden")).then(|| paths::fill(paths::POST_HIDE, &id)),
        hidden: post.state == "hidden",
        redact_href: (live && !post.own && matches!(post.state, "published" | "hidden"))
            .then(|| paths::fill(paths::POST_REDACT, &id)),
        originals_href: post.redacted.then(|| paths::fill(paths::POST_ORIGINALS, &id)),
        author_href: post.author_href,
    });
    PostModeration {
        state: state.filter(|_| insider),
        reasons: if insider && post.state == "held" { super::screening::reasons(post.held_reason) } else { Vec::new() },
        note: (insider && post.state == "declined" && !post.note.is_empty()).then(|| post.note.to_owned()),
        redacted: post.redacted && live,
        redaction_reason: (insider && post.redacted && !post.redaction_reason.is_empty())
            .then(|| post.redaction_reason.to_owned()),
        report_href: (live && post.state == "published" && access.reports(post.own))
            .then(|| paths::fill(paths::POST_REPORT, &id)),
        staff,
    }
}

/// A short page that says why something could not be done, with a way back.
#[derive(Template)]
#[template(path = "moderation/notice.html")]
pub struct NoticeView {
    pub ctx: PageCtx,
    pub title: &'static str,
    pub message: &'static str,
    pub back_href: String,
}

/// The calm page someone sees while the facilitators decide on letting them in.
#[derive(Template)]
#[template(path = "moderation/waiting.html")]
pub struct WaitingView {
    pub ctx: PageCtx,
    pub group_name: String,
    pub purpose: String,
    pub agreements_href: String,
    pub leave_href: String,
}
