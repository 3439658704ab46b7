//! A group's privacy options: its staff choose retention (within the
//! instance's limits), discouraging copying and a per-viewer watermark;
//! members read what they mean in the agreements, and every page of the
//! group carries them.

use std::collections::HashMap;

use reqwest::StatusCode;

use super::{
    plain,
    routes::{Fill, every_route},
};
use crate::{
    on_both_backends,
    support::{Backend, TestApp, Visitor},
};

on_both_backends!(staff_set_the_options_and_members_see_them_on_every_group_page);

async fn staff_set_the_options_and_members_see_them_on_every_group_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    willow.get("/groups/circle/topics/new").await;
    let fields = [("title", "Evenings"), ("body", "Hard ones."), ("action", "publish")];
    let topic = willow.post("/groups/circle/topics/new", &fields).await.location().unwrap().to_owned();
    let topic: i64 = topic.split(['?', '#']).next().unwrap().rsplit('/').next().unwrap().parse().unwrap();
    let (post,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();

    // Only the group's staff reach the options.
    assert_eq!(willow.get("/groups/circle/privacy").await.status, StatusCode::NOT_FOUND);
    let page = group.facilitator.get("/groups/circle/privacy").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(plain(&page.body).contains("From 7 to 365 days"), "the instance's limits are shown");
    assert!(group.lead.get("/groups/circle").await.body.contains("href=\"/groups/circle/privacy\""));
    for refused in ["3", "400", "soon"] {
        let page = group.facilitator.post("/groups/circle/privacy", &[("retention", refused)]).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(page.body.contains("within the limits shown"));
        assert!(page.body.contains(&format!("value=\"{refused}\"")), "what was typed comes back");
    }
    let saved = group
        .facilitator
        .post("/groups/circle/privacy", &[("retention", "30"), ("discourage_copying", "on"), ("watermark", "on")])
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let page = group.lead.get("/groups/circle/privacy").await;
    assert!(page.body.contains("value=\"30\"") && plain(&page.body).contains("deleted 30 days after"));

    // The agreements explain it to members.
    let agreements = plain(&willow.get("/groups/circle/agreements").await.body);
    for said in ["deleted 30 days after", "can’t be selected to copy", "Your pseudonym appears faintly"] {
        assert!(agreements.contains(said), "{said}");
    }

    // Every page of the group carries the viewer's own pseudonym and the copy
    // guard: a member's (reporting someone else's post too) and its staff's.
    let ids = |topic: i64, post: i64| HashMap::from([("topics", topic), ("posts", post)]);
    let fill = Fill { slug: "circle".to_owned(), ids: ids(topic, post) };
    assert!(marked_pages(&willow, &fill, "Willow").await >= 7);
    let theirs =
        rowan.post("/groups/circle/topics/new", &[("title", "Mornings"), ("body", "Easier."), ("action", "publish")]);
    let rowans: i64 =
        theirs.await.location().unwrap().split(['?', '#']).next().unwrap().rsplit('/').next().unwrap().parse().unwrap();
    let (rowans_post,): (i64,) =
        sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    let fill = Fill { slug: "circle".to_owned(), ids: ids(rowans, rowans_post) };
    assert!(marked_pages(&willow, &fill, "Willow").await >= 9, "with the report forms");
    let mut staff = Fill { slug: "circle".to_owned(), ids: ids(topic, post) };
    staff.ids.insert("members", app.user_id("Willow").await);
    assert!(marked_pages(&group.lead, &staff, "Lead-circle").await >= 15, "with moderation's pages");
    let topic_page = rowan.get(&format!("/topics/{topic}")).await;
    assert!(topic_page.body.contains("data-viewer=\"Rowan\"") && !topic_page.body.contains("data-viewer=\"Willow\""));
    // Only post bodies are guarded, never the composer.
    let css = app.visitor().get("/assets/hearth.css").await.body;
    assert!(css.contains(".no-copy .posts .prose { -webkit-user-select: none; user-select: none; }"));
    assert!(!css.contains("textarea { user-select: none") && !css.contains(".no-copy textarea"));

    // Turned off again, the pages are plain.
    group.lead.post("/groups/circle/privacy", &[("retention", "")]).await;
    let page = willow.get(&format!("/topics/{topic}")).await;
    assert!(!page.body.contains("class=\"watermark\"") && !page.body.contains("no-copy"));
    let agreements = plain(&willow.get("/groups/circle/agreements").await.body);
    assert!(agreements.contains("deleted 365 days after"), "{agreements}");
    app.stop().await;
}

/// Walks every route as `visitor`: each page of the group (it answers 200)
/// carries the viewer's own pseudonym as a watermark and the copy guard, and
/// no other page does. Returns how many group pages it checked.
async fn marked_pages(visitor: &Visitor, fill: &Fill, pseudonym: &str) -> usize {
    let watermark = format!("<div class=\"watermark\" aria-hidden=\"true\"><i data-viewer=\"{pseudonym}\">");
    let mut checked = 0;
    for (_, pattern) in every_route().into_iter().filter(|(_, p)| p != "/exit") {
        let of_group = ["/groups/{slug}", "/topics/", "/posts/"].iter().any(|start| pattern.starts_with(start));
        let page = visitor.get(&fill.path(&pattern)).await;
        if page.status != StatusCode::OK {
            continue;
        }
        let (marked, guarded) = (page.body.contains(&watermark), page.body.contains("<body class=\"no-copy\">"));
        if of_group {
            checked += 1;
            assert!(marked && guarded, "{pattern} lacks the group's watermark or copy guard for {pseudonym}");
        } else {
            assert!(!marked && !guarded, "{pattern} is not a page of the group");
        }
    }
    checked
}
