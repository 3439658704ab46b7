//! Hostile text in every moderation form and filter: a 4xx or success,
//! never a 5xx, and the staff pages that show it still render.

use reqwest::StatusCode;

use super::{last_post, path_of, reply, start_topic};
use crate::{
    on_both_backends,
    support::{Backend, TestApp},
};

on_both_backends!(hostile_text_in_moderation_forms_never_causes_a_5xx);

/// A spread of the shared corpora: naughty strings and XSS vectors.
fn hostile_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");
    let mut lines = Vec::new();
    for (file, every) in [("blns.txt", 25), ("xss-vectors.txt", 60)] {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
        let useful = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(str::to_owned);
        lines.extend(useful.step_by(every));
    }
    lines
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

async fn hostile_text_in_moderation_forms_never_causes_a_5xx(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let (guide, lead) = (&group.facilitator, &group.lead);
    let topic = path_of(&start_topic(guide, "circle", "Hello", "Welcome.").await);
    let staff_post = last_post(&app).await;
    let willow_id = app.user_id("Willow").await;
    let member = format!("/groups/circle/members/{willow_id}");
    let organisation = format!("/organisations/{}", group.organisation_id);
    for visitor in [&willow, guide, lead] {
        visitor.get("/account").await;
    }
    let lines = hostile_lines();
    assert!(lines.len() > 30);
    let fine =
        |status: StatusCode, what: &str, line: &str| assert!(status.as_u16() < 500, "{what} with {line:?}: {status}");
    for line in &lines {
        let line = line.as_str();
        let page = reply(&willow, &topic, line).await;
        fine(page.status, "a member's post", line);
        let post = last_post(&app).await;
        for (path, fields) in [
            (format!("/posts/{post}/decline"), vec![("note", line)]),
            (format!("/posts/{staff_post}/report"), vec![("reason", "other"), ("details", line)]),
            (format!("/posts/{post}/redact"), vec![("body", line), ("reason", line), ("title", line)]),
            (format!("{member}/notes"), vec![("body", line)]),
            (format!("{member}/suspend"), vec![("days", line), ("reason", line), ("message", line)]),
            (format!("{topic}/move"), vec![("group", line)]),
            (
                "/groups/circle/moderation/settings".to_owned(),
                vec![
                    ("premoderation", "none"),
                    ("premoderation_posts", line),
                    ("hold_words", line),
                    ("flag_words", line),
                    ("crisis_words", line),
                ],
            ),
            (format!("{organisation}/moderation"), vec![("hold_words", line), ("crisis_words", line)]),
            (format!("{organisation}/partners"), vec![("partner", line), ("quota", line), ("group", line)]),
            (format!("{organisation}/staff"), vec![("pseudonym", line), ("role", "lead")]),
            ("/groups/circle/lockdown".to_owned(), vec![("action", line), ("reason", line)]),
        ] {
            let visitor = if path.ends_with("/report") { &willow } else { guide };
            let visitor = if path.starts_with("/organisations") { lead } else { visitor };
            fine(visitor.post(&path, &fields).await.status, &path, line);
        }
        for path in [
            format!("/moderation?group={}", encode(line)),
            format!("/audit?group={0}&actor={0}&action={0}&before={0}", encode(line)),
        ] {
            fine(lead.get(&path).await.status, &path, line);
        }
    }
    // What staff read shows it all, and still renders.
    moderation_settings_reset(guide).await;
    for path in ["/moderation", "/audit", member.as_str(), topic.as_str(), "/notifications"] {
        let viewer = if path == "/notifications" { &willow } else { lead };
        assert_eq!(viewer.get(path).await.status, StatusCode::OK, "{path}");
    }
    app.stop().await;
}

/// Empty word lists again, so the last hostile list does not hold everything.
async fn moderation_settings_reset(staff: &crate::support::Visitor) {
    let fields = [("premoderation", "none"), ("premoderation_posts", "3")];
    assert_eq!(staff.post("/groups/circle/moderation/settings", &fields).await.status, StatusCode::SEE_OTHER);
}
