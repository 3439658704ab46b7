//! Discreet mode: with it on (the instance's default, or the member's own
//! choice), every page's title and header carry only the neutral name —
//! never a group's name or the word "survivor" — and the sign-in page can
//! look like a plain notes sign-in. Notification counts are never in a title.

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

on_both_backends!(
    discreet_pages_show_only_the_neutral_name,
    the_sign_in_page_can_look_like_notes,
    every_footer_links_the_safety_page,
);

async fn every_footer_links_the_safety_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.member("Willow").await;
    for page in [app.visitor().get("/sign-in").await, member.get("/").await, app.visitor().get("/nowhere").await] {
        assert!(page.body.contains("<a href=\"/safety\">Staying safe on this device</a>"), "{}", page.body);
    }
    let english = plain(&app.visitor().get("/safety").await.body);
    for said in [
        "delete the entries for this site",
        "private (incognito) window",
        "cannot erase pages you visited before it",
        "Sharing a device",
        "don’t let the browser save your password",
        "will ever ask for your password",
    ] {
        assert!(english.contains(said), "the safety page says {said:?}");
    }
    let french = plain(&app.visitor().with_header("accept-language", "fr-CA").get("/safety").await.body);
    for said in ["ne peut pas effacer les pages visitées avant", "ne vous demandera jamais votre mot de passe"] {
        assert!(french.contains(said), "la page dit {said:?}");
    }
    app.stop().await;
}

fn title(body: &str) -> &str {
    body.split("<title>").nth(1).and_then(|rest| rest.split("</title>").next()).unwrap_or_default()
}

fn header(body: &str) -> &str {
    body.split("<header class=\"bar\">").nth(1).and_then(|rest| rest.split("</header>").next()).unwrap_or_default()
}

/// Every page this visitor can GET (status 200), with its path.
async fn pages_of(visitor: &Visitor, fill: &Fill) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for (_, pattern) in every_route() {
        if pattern.starts_with("/assets/") || matches!(pattern.as_str(), "/exit" | "/robots.txt" | "/healthz") {
            continue;
        }
        let path = fill.path(&pattern);
        let page = visitor.get(&path).await;
        if page.status == StatusCode::OK {
            pages.push((path, page.body));
        }
    }
    pages
}

/// Titles or headers that say more than the neutral name.
fn telling(pages: &[(String, String)], neutral: &str, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, body) in pages {
        let (title, header) = (plain(title(body)), plain(header(body)).to_lowercase());
        if title != neutral {
            found.push(format!("{path}: title {title:?}"));
        }
        for word in words {
            if header.contains(&word.to_lowercase()) {
                found.push(format!("{path}: header says {word:?}"));
            }
        }
    }
    found
}

async fn discreet_pages_show_only_the_neutral_name(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| config.instance_name = "Survivors Network".to_owned()).await;
    let group = app.group("circle").await;
    sqlx::query("UPDATE support_groups SET name = 'Survivor Circle of Hope' WHERE id = $1")
        .bind(group.id)
        .execute(&app.state.db.write)
        .await
        .unwrap();
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    willow.get("/groups/circle/topics/new").await;
    let fields = [("title", "Evenings"), ("body", "Hard ones."), ("action", "publish")];
    let topic = willow.post("/groups/circle/topics/new", &fields).await.location().unwrap().to_owned();
    let topic = topic.split(['?', '#']).next().unwrap().to_owned();
    rowan.get(&topic).await;
    rowan.post(&format!("{topic}/reply"), &[("body", "Same here, @Willow."), ("action", "publish")]).await;
    let fill = Fill {
        slug: "circle".to_owned(),
        ids: HashMap::from([("topics", topic.rsplit('/').next().unwrap().parse().unwrap())]),
    };

    // Without discreet mode the title names the group and the header the instance.
    let page = willow.get("/groups/circle").await;
    assert!(title(&page.body).contains("Survivor Circle of Hope"), "{}", title(&page.body));
    assert!(header(&page.body).contains("Survivors Network"));
    let home = willow.get("/").await;
    assert!(home.body.contains("class=\"badge\""), "Willow has an unread notification");
    assert!(!title(&home.body).chars().any(|c| c.is_ascii_digit()), "a count is never in the title");

    // Willow turns it on for herself.
    willow.get("/account").await;
    assert_eq!(willow.post("/account/discreet", &[("discreet", "on")]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(willow.post("/account/discreet", &[("discreet", "maybe")]).await.status, StatusCode::BAD_REQUEST);
    let words = ["survivor", "Survivor Circle of Hope", "Survivors Network"];
    let pages = pages_of(&willow, &fill).await;
    assert!(pages.len() > 12, "walked {} pages", pages.len());
    let found = telling(&pages, "Notes", &words);
    assert!(found.is_empty(), "discreet pages that say more:\n{}", found.join("\n"));
    assert!(willow.get("/account").await.body.contains("id=\"discreet-on\" name=\"discreet\" value=\"on\" checked"));
    // In French too; and the others, who did not choose it, still see names.
    let french = willow.clone().with_header("accept-language", "fr-CA");
    french.post("/account/language", &[("language", "fr")]).await;
    let found = telling(&pages_of(&french, &fill).await, "Notes", &["survivant", "survivor"]);
    assert!(found.is_empty(), "French discreet pages that say more:\n{}", found.join("\n"));
    assert!(title(&rowan.get("/groups/circle").await.body).contains("Survivor Circle of Hope"));

    // Staff share devices too: the queue, a member's page, the log, all of it.
    rowan.get(&topic).await;
    rowan.post(&format!("{topic}/reply"), &[("body", "Write to rowan@example.org"), ("action", "publish")]).await;
    let (post,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    rowan.get(&format!("/posts/{post}/report")).await;
    rowan.post(&format!("/posts/{post}/report"), &[("reason", "at-risk")]).await;
    let lead = &group.lead;
    lead.get("/account").await;
    lead.post("/account/discreet", &[("discreet", "on")]).await;
    let mut staff = fill.clone();
    staff.ids.extend([
        ("posts", post),
        ("members", app.user_id("Willow").await),
        ("organisations", group.organisation_id),
    ]);
    let pages = pages_of(lead, &staff).await;
    for reached in ["/moderation", "/audit", "/groups/circle/members/", "/redact", "/lockdown"] {
        assert!(pages.iter().any(|(path, _)| path.contains(reached)), "the walk reached {reached}");
    }
    let found = telling(&pages, "Notes", &words);
    assert!(found.is_empty(), "discreet staff pages that say more:\n{}", found.join("\n"));
    app.stop().await;

    // As the instance's default, it covers pages before sign-in too, and a
    // member may still turn it off for herself.
    let app = TestApp::spawn_with(backend, |config| {
        config.instance_name = "Survivors Network".to_owned();
        config.discreet_mode = true;
        config.discreet_name = "Recipes".to_owned();
    })
    .await;
    let visitor = app.visitor();
    for path in ["/sign-in", "/recover", "/safety", &app.invite().await, "/no-such-page"] {
        let page = visitor.get(path).await;
        assert_eq!(plain(title(&page.body)), "Recipes", "{path}");
        assert!(!header(&page.body).to_lowercase().contains("survivor"), "{path}");
    }
    let member = app.member("Willow").await;
    assert_eq!(title(&member.get("/").await.body), "Recipes");
    member.post("/account/discreet", &[("discreet", "off")]).await;
    assert!(title(&member.get("/").await.body).ends_with("· Survivors Network"));
    let icon = app.visitor().get("/assets/icon.svg").await;
    assert!(!icon.body.contains("<text"), "the icon is a plain shape: {}", icon.body);
    app.stop().await;
}

async fn the_sign_in_page_can_look_like_notes(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| config.sign_in_as_notes = true).await;
    app.member("Willow").await;
    let page = app.visitor().get("/sign-in").await;
    assert_eq!(title(&page.body), "Notes");
    assert!(page.body.contains("<h1>Notes</h1>") && page.body.contains("Sign in to your notes."));
    for word in ["invitation", "Pseudonym", "group"] {
        assert!(!page.body.contains(word), "the notes sign-in says {word:?}");
    }
    let refused = app.visitor().sign_in("Willow", "not the password").await;
    assert_eq!(title(&refused.body), "Notes", "after a wrong password too");
    assert_eq!(app.visitor().sign_in("Willow", crate::support::PASSWORD).await.location(), Some("/"));
    app.stop().await;
}
