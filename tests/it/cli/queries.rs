//! Pages issue a bounded number of queries whatever their size: the real
//! binary logs every SQL statement (`sqlx::query` at debug level) inside
//! the span of the request that issued it.

use std::collections::HashMap;

use reqwest::StatusCode;

use super::runner::*;
use crate::support::{Backend, PASSWORD, TestApp, Visitor};

crate::on_both_backends!(topic_group_and_home_pages_cost_the_same_queries_at_any_size);

/// Publishes through the in-process app (the binary serves the same database).
async fn post(author: &Visitor, path: &str, fields: &[(&str, &str)]) -> String {
    author.get("/account").await;
    let page = author.post(path, fields).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    page.location().unwrap().split(['?', '#']).next().unwrap().to_owned()
}

async fn topic_with(author: &Visitor, replier: &Visitor, title: &str, replies: usize) -> String {
    let fields = [("title", title), ("body", "Words."), ("action", "publish")];
    let topic = post(author, "/groups/q/topics/new", &fields).await;
    for n in 0..replies {
        post(replier, &format!("{topic}/reply"), &[("body", &format!("Reply {n}.")), ("action", "publish")]).await;
    }
    topic
}

/// SQL statements per request, in request order (connection set-up pragmas
/// left out), told apart by the request span each log line carries
/// (`request{id=…}`): the purge the server starts with runs beside the first
/// requests, and its statements are nobody's.
fn queries_per_request(log: &str) -> Vec<(String, usize)> {
    let mut statements: HashMap<&str, usize> = HashMap::new();
    let mut counted = Vec::new();
    for line in log.lines() {
        let Some(request) = line.split("request{id=").nth(1).and_then(|rest| rest.split('}').next()) else { continue };
        if line.contains("sqlx::query") && !line.contains("summary=\"PRAGMA") {
            *statements.entry(request).or_default() += 1;
        } else if line.contains("handled") {
            let route = line.split("route=").nth(1).and_then(|r| r.split_whitespace().next()).unwrap_or("?");
            counted.push((route.to_owned(), statements.remove(request).unwrap_or(0)));
        }
    }
    counted
}

async fn topic_group_and_home_pages_cost_the_same_queries_at_any_size(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("q").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let small = topic_with(&rowan, &rowan, "Small", 4).await;
    let big = topic_with(&rowan, &rowan, "Big", 70).await;

    let instance = Instance::of(&app);
    let mut command = instance.command(&["serve"]);
    command.env("HEARTH_LOG", "warn,sqlx::query=debug,hearth=info");
    let server = Server::start(instance.base(), command).await;
    let reader = Visitor::new(&instance.base());
    reader.get("/sign-in").await;
    assert_eq!(reader.sign_in("Willow", PASSWORD).await.status, StatusCode::SEE_OTHER);

    // Each page twice: a first reading (which moves the read marker) and a second.
    for path in [&small, &small, &big, &big, "/groups/q", "/"] {
        assert_eq!(reader.get(path).await.status, StatusCode::OK, "{path}");
    }
    for n in 0..40 {
        topic_with(&willow, &rowan, &format!("More {n}"), 0).await;
    }
    for path in ["/groups/q", "/"] {
        assert_eq!(reader.get(path).await.status, StatusCode::OK, "{path}");
    }
    let stopped = server.stop().await;
    let log = strip_ansi(&stopped.stderr);
    let pages: Vec<(String, usize)> = queries_per_request(&log)
        .into_iter()
        .filter(|(route, _)| matches!(route.as_str(), "/topics/{id}" | "/groups/{slug}" | "/"))
        .collect();
    let counts: Vec<usize> = pages.iter().map(|(_, n)| *n).collect();
    assert_eq!(counts.len(), 8, "{pages:?}\n{log}");
    eprintln!("queries per page: {pages:?}");
    assert_eq!(counts[0], counts[2], "first reading: 5 posts and 50 posts cost the same: {pages:?}");
    assert_eq!(counts[1], counts[3], "second reading: the same: {pages:?}");
    assert_eq!(counts[4], counts[6], "the group page with 2 and with 30 topics listed: {pages:?}");
    assert_eq!(counts[5], counts[7], "home: {pages:?}");
    assert!(counts.iter().all(|n| *n <= 8), "a page needs at most 8 statements: {pages:?}");
    app.stop().await;
}
