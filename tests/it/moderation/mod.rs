//! Moderation journeys: held posts, filters and crisis words, reports and the
//! queue, actions on posts and members, lockdown, roles that need a second
//! person, partner organisations, and the audit log.

mod append_only;
mod audit;
mod filters;
mod held_posts;
mod hostile;
mod joining;
mod lockdown;
mod members;
mod partners;
mod post_actions;
mod reports;
mod roles;

use reqwest::StatusCode;

use crate::support::{GroupSetup, Page, TestApp, Visitor};

/// Starts a topic; returns the redirect (the topic's page) and the page itself.
pub async fn start_topic(visitor: &Visitor, slug: &str, title: &str, body: &str) -> Page {
    visitor.get(&format!("/groups/{slug}/topics/new")).await;
    visitor
        .post(&format!("/groups/{slug}/topics/new"), &[("title", title), ("body", body), ("action", "publish")])
        .await
}

pub async fn reply(visitor: &Visitor, topic: &str, body: &str) -> Page {
    visitor.get(topic).await;
    visitor.post(&format!("{topic}/reply"), &[("body", body), ("action", "publish")]).await
}

/// The path of a redirect, without its query and fragment.
pub fn path_of(page: &Page) -> String {
    let location = page.location().unwrap_or_else(|| panic!("no redirect: {} {}", page.status, page.body));
    location.split(['?', '#']).next().unwrap().to_owned()
}

/// The newest post's id (the one just written).
pub async fn last_post(app: &TestApp) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    id
}

/// Staff save the group's moderation settings (word lists empty unless given).
pub async fn moderation_settings(staff: &Visitor, group: &GroupSetup, fields: &[(&str, &str)]) {
    let path = format!("/groups/{}/moderation/settings", group.slug);
    staff.get(&path).await;
    let mut all = vec![("premoderation", "none"), ("premoderation_posts", "3")];
    for (name, value) in fields {
        all.retain(|(n, _)| n != name);
        all.push((name, value));
    }
    let saved = staff.post(&path, &all).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
}

/// How many audit entries there are.
pub async fn audit_count(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log").fetch_one(&app.state.db.read).await.unwrap();
    n
}

/// A message argument as Fluent writes it, between bidirectional isolation marks.
pub fn arg(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}
