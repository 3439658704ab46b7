//! The permission table: every route, every kind of actor, the exact status
//! each gets. A changed cell fails the test. POSTs carry only the CSRF token
//! (so a permitted actor gets the form's own 4xx, or the harmless effect noted).
//! 303 for an anonymous visitor is the redirect to sign in; 404 is "not for
//! you", the same as a page that does not exist.

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, TestApp, Visitor},
};

on_both_backends!(every_route_answers_every_actor_as_the_table_says);

const ACTORS: [&str; 7] =
    ["anonymous", "non-member", "member", "facilitator", "facilitator of another group", "lead", "admin"];

async fn every_route_answers_every_actor_as_the_table_says(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("Keeper").await;
    let group = app.group("a").await;
    let member = app.member_of(&group, "Member").await;
    let outsider = app.member("Outsider").await;
    let spare = app.member_of(&group, "Spare").await;
    drop(spare);

    // Another group of the same organisation, facilitated by someone else.
    let other_guide = app.member("Guide Two").await;
    let other_id = app.user_id("Guide Two").await;
    let organisation = format!("/organisations/{}", group.organisation_id);
    group.lead.get(&organisation).await;
    group.lead.post(&format!("{organisation}/staff"), &[("pseudonym", "Guide Two"), ("role", "facilitator")]).await;
    let created = group
        .lead
        .post(
            &format!("{organisation}/groups"),
            &[
                ("slug", "a-two"),
                ("name", "A two"),
                ("purpose", "p"),
                ("facilitation", "f"),
                ("facilitator", &other_id.to_string()),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);

    // Content: a topic with a reply, a check-in, an invite made by the admin.
    member.get("/groups/a/topics/new").await;
    let topic = member
        .post("/groups/a/topics/new", &[("title", "Hello"), ("body", "First words."), ("action", "publish")])
        .await
        .location()
        .unwrap()
        .split(['?', '#'])
        .next()
        .unwrap()
        .to_owned();
    let (post,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    member.get("/groups/a/check-ins/new").await;
    let check_in = member
        .post("/groups/a/check-ins/new", &[("subject", "Hi"), ("body", "A question.")])
        .await
        .location()
        .unwrap()
        .to_owned();
    admin.get("/invites").await;
    admin.post("/invites", &[("days", "7")]).await;
    let (invite,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM invites").fetch_one(&app.state.db.read).await.unwrap();
    let spare_id = app.user_id("Spare").await;

    let actors: [Visitor; 7] =
        [app.visitor(), outsider, member, group.facilitator.clone(), other_guide, group.lead.clone(), admin];
    for actor in &actors {
        actor.get("/account").await; // so each knows a CSRF token
    }

    let post = format!("/posts/{post}");
    #[rustfmt::skip]
    let table: Vec<(&str, String, [u16; 7])> = vec![
        //                                               anon nonm memb faci othr lead admn
        ("GET", "/".into(),                             [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/account".into(),                      [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/resources".into(),                    [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/search?q=hello".into(),               [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/notifications".into(),               [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/check-ins".into(),                    [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/groups/a".into(),                     [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/agreements".into(),          [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/resources".into(),           [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/leave".into(),               [303, 404, 200, 404, 404, 404, 404]),
        ("GET", "/groups/a/topics/new".into(),          [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/check-ins/new".into(),       [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/messages/new".into(),       [303, 404, 404, 404, 404, 404, 404]),
        ("GET", topic.clone(),                          [303, 404, 200, 200, 404, 200, 404]),
        // Staff change a member's post by redacting it (issue 4): the edit form sends them there.
        ("GET", format!("{post}/edit"),                 [303, 404, 200, 303, 404, 303, 404]),
        ("GET", format!("{post}/reactions"),            [303, 404, 404, 200, 404, 200, 404]),
        ("GET", check_in.clone(),                       [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/settings".into(),            [303, 404, 404, 200, 404, 200, 404]),
        ("GET", "/groups/a/members".into(),             [303, 404, 404, 200, 404, 200, 404]),
        ("GET", "/groups/a/agreements/edit".into(),     [303, 404, 404, 200, 404, 200, 404]),
        ("GET", "/groups/a/resources/edit".into(),      [303, 404, 404, 200, 404, 200, 404]),
        ("GET", "/invites".into(),                      [303, 404, 404, 200, 200, 200, 200]),
        ("GET", organisation.clone(),                   [303, 404, 404, 404, 404, 200, 200]),
        ("GET", "/admin/organisations".into(),          [303, 404, 404, 404, 404, 404, 200]),
        ("GET", "/admin/resources".into(),              [303, 404, 404, 404, 404, 404, 200]),
        ("POST", "/groups/a/agreements".into(),         [303, 404, 400, 400, 404, 400, 404]),
        ("POST", "/groups/a/leave".into(),              [303, 404, 422, 422, 404, 422, 404]),
        ("POST", "/groups/a/topics/new".into(),         [303, 404, 422, 422, 404, 422, 404]),
        ("POST", format!("{topic}/reply"),              [303, 404, 422, 422, 404, 422, 404]),
        ("POST", format!("{post}/edit"),                [303, 404, 422, 404, 404, 404, 404]),
        ("POST", format!("{post}/delete"),              [303, 404, 422, 404, 404, 404, 404]),
        ("POST", format!("{post}/react"),               [303, 404, 400, 400, 404, 400, 404]),
        ("POST", "/groups/a/check-ins/new".into(),      [303, 404, 422, 422, 404, 422, 404]),
        ("POST", "/groups/a/messages/new".into(),      [303, 404, 404, 404, 404, 404, 404]),
        ("POST", format!("{check_in}/reply"),           [303, 404, 422, 422, 404, 422, 404]),
        ("POST", "/groups/a/settings".into(),           [303, 404, 404, 422, 404, 422, 404]),
        ("POST", "/groups/a/agreements/edit".into(),    [303, 404, 404, 422, 404, 422, 404]),
        ("POST", "/groups/a/resources/edit".into(),     [303, 404, 404, 303, 404, 303, 404]),
        ("POST", "/invites".into(),                     [303, 404, 404, 422, 422, 422, 422]),
        ("POST", format!("/invites/{invite}/revoke"),   [303, 404, 404, 404, 404, 404, 303]),
        ("POST", format!("{organisation}/staff"),       [303, 404, 404, 404, 404, 422, 422]),
        ("POST", format!("{organisation}/groups"),      [303, 404, 404, 404, 404, 422, 422]),
        ("POST", "/admin/organisations".into(),         [303, 404, 404, 404, 404, 404, 422]),
        ("POST", "/admin/resources".into(),             [303, 404, 404, 404, 404, 404, 303]),
        ("POST", "/join/no-such-code/groups".into(),    [303, 404, 404, 404, 404, 404, 404]),
        ("POST", "/notifications/read".into(),          [303, 303, 303, 303, 303, 303, 303]),
        ("POST", "/account/reading".into(),             [303, 303, 303, 303, 303, 303, 303]),
        // Toggles: the facilitator's and the lead's cancel out.
        ("POST", format!("{topic}/pin"),                [303, 404, 404, 303, 404, 303, 404]),
        ("POST", format!("{topic}/lock"),               [303, 404, 404, 303, 404, 303, 404]),
        // The facilitator removes Spare; by the lead's turn there is no one to remove.
        ("POST", format!("/groups/a/members/{spare_id}/remove"), [303, 404, 404, 303, 404, 404, 404]),
    ];

    let mut wrong = Vec::new();
    for (method, path, expected) in &table {
        for ((actor, name), want) in actors.iter().zip(ACTORS).zip(expected) {
            let page = if *method == "GET" { actor.get(path).await } else { actor.post(path, &[]).await };
            if page.status.as_u16() != *want {
                wrong.push(format!("{method} {path} as {name}: {} (table says {want})", page.status.as_u16()));
            }
            assert!(page.status.as_u16() < 500, "{method} {path} as {name}: {}", page.body);
        }
    }
    assert!(wrong.is_empty(), "cells that differ from the table:\n{}", wrong.join("\n"));
    app.stop().await;
}
