//! No copy-friendly exports: every route, asked by every kind of actor, with
//! GET and POST (and asking for JSON), answers a page or a redirect — never
//! a download, CSV, JSON, a feed, or `Content-Disposition`. Nothing is for
//! search engines or link previews either.

use std::collections::HashMap;

use reqwest::StatusCode;

use super::routes::{Fill, every_route};
use crate::{
    on_both_backends,
    support::{Backend, Page, TestApp},
};

on_both_backends!(no_route_exports_forum_content);

const FORBIDDEN_TYPES: [&str; 9] = [
    "text/csv",
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/octet-stream",
    "application/pdf",
    "application/zip",
];

/// What is wrong with one response, if anything.
fn export_problems(page: &Page) -> Vec<String> {
    let mut problems = Vec::new();
    let content_type = page.header("content-type").unwrap_or_default().to_ascii_lowercase();
    if FORBIDDEN_TYPES.iter().any(|forbidden| content_type.starts_with(forbidden)) {
        problems.push(format!("content-type {content_type}"));
    }
    if let Some(disposition) = page.header("content-disposition") {
        problems.push(format!("content-disposition {disposition}"));
    }
    if page.header("x-robots-tag") != Some("noindex, nofollow") {
        problems.push(format!("x-robots-tag {:?}", page.header("x-robots-tag")));
    }
    if content_type.starts_with("text/html") {
        for mark in ["og:", "twitter:", "application/rss", "application/atom", "rel=\"alternate\"", "sitemap"] {
            if page.body.contains(mark) {
                problems.push(format!("the page carries {mark:?}"));
            }
        }
    }
    problems
}

async fn no_route_exports_forum_content(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let admin = app.admin("Keeper").await;
    let member = app.member_of(&group, "Willow").await;
    member.get("/groups/circle/topics/new").await;
    let fields = [("title", "Export me"), ("body", "Words that stay here."), ("action", "publish")];
    let topic = member.post("/groups/circle/topics/new", &fields).await;
    let topic: i64 =
        topic.location().unwrap().split(['?', '#']).next().unwrap().rsplit('/').next().unwrap().parse().unwrap();
    member.get("/groups/circle/check-ins/new").await;
    let check_in = member.post("/groups/circle/check-ins/new", &[("subject", "Hi"), ("body", "A question.")]).await;
    let check_in: i64 = check_in.location().unwrap().rsplit('/').next().unwrap().parse().unwrap();
    let (post,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    // Moderation's pages with something on them: a held reply, a report, a redaction.
    let rowan = app.member_of(&group, "Rowan").await;
    let topic_page = format!("/topics/{topic}");
    rowan.get(&topic_page).await;
    rowan.post(&format!("{topic_page}/reply"), &[("body", "Mail me: rowan@example.org"), ("action", "publish")]).await;
    rowan.get(&format!("/posts/{post}/report")).await;
    rowan.post(&format!("/posts/{post}/report"), &[("reason", "other"), ("details", "Worried.")]).await;
    group.lead.get(&format!("/posts/{post}/redact")).await;
    group.lead.post(&format!("/posts/{post}/redact"), &[("body", "Words."), ("reason", "Shorter.")]).await;
    let fill = Fill {
        slug: "circle".to_owned(),
        ids: HashMap::from([
            ("topics", topic),
            ("posts", post),
            ("check-ins", check_in),
            ("organisations", group.organisation_id),
            ("members", app.user_id("Willow").await),
        ]),
    };

    let actors = [("anonymous", app.visitor()), ("member", member), ("lead", group.lead.clone()), ("admin", admin)];
    let mut problems = Vec::new();
    let mut answered = 0;
    let mut staff_pages = Vec::new();
    for (name, actor) in &actors {
        actor.get("/account").await;
        for (_, pattern) in every_route() {
            // Signing out or leaving would end the walk; both only redirect.
            if matches!(pattern.as_str(), "/sign-out" | "/exit") {
                continue;
            }
            let path = fill.path(&pattern);
            let json = reqwest::Client::new().get(format!("{}{path}?format=json", app.base));
            let pages = [
                ("GET", actor.get(&path).await),
                ("GET as JSON", actor.send(json.header("accept", "application/json, text/csv")).await),
                ("POST", actor.post(&path, &[]).await),
            ];
            if *name == "lead" && pages[0].1.status == StatusCode::OK {
                staff_pages.push(pattern.clone());
            }
            for (method, page) in pages {
                answered += 1;
                assert!(page.status.as_u16() < 500, "{method} {path} as {name}: {}", page.status);
                for problem in export_problems(&page) {
                    problems.push(format!("{method} {path} as {name}: {problem}"));
                }
            }
        }
    }
    assert!(answered > 400, "walked {answered} requests");
    for route in ["/moderation", "/audit", "/posts/{id}/originals", "/groups/{slug}/lockdown", "/topics/{id}/move"] {
        assert!(staff_pages.iter().any(|p| p == route), "the walk read {route} as the lead");
    }
    assert!(problems.is_empty(), "exports or index hints:\n{}", problems.join("\n"));

    let robots = app.visitor().get("/robots.txt").await;
    assert_eq!(robots.body, "User-agent: *\nDisallow: /\n");
    for path in ["/sitemap.xml", "/feed", "/rss", "/api/topics", "/export"] {
        assert_eq!(app.visitor().get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    app.stop().await;
}
