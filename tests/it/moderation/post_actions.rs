//! What staff do to published posts: hide (and show again) without leaking
//! through counts or search, redact with a reason the author reads (the
//! original kept for staff as long as the post), move a topic within the
//! organisation.

use reqwest::StatusCode;

use super::{arg, audit_count, last_post, path_of, reply, start_topic};
use crate::{
    on_both_backends,
    support::{Backend, TestApp},
};

on_both_backends!(hiding_a_post_takes_it_out_of_counts_and_search, redactions_keep_the_original_for_staff_then_purge);

async fn hiding_a_post_takes_it_out_of_counts_and_search(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let topic = path_of(&start_topic(&willow, "circle", "Gardens", "Tomatoes this year.").await);
    rowan.get(&topic).await;
    reply(&willow, &topic, "Cruel words about someone").await;
    let cruel = last_post(&app).await;
    assert!(rowan.get("/").await.body.contains("1 new post"));

    // Hidden: gone for members (not new, not in search), marked for its author and staff.
    let before = audit_count(&app).await;
    let hidden =
        group.facilitator.post(&format!("/posts/{cruel}/hide"), &[("note", "Unkind"), ("back", "topic")]).await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER);
    assert_eq!(audit_count(&app).await, before + 1);
    assert!(!rowan.get("/").await.body.contains("new post"), "a hidden post is not news");
    assert!(!rowan.get(&topic).await.body.contains("Cruel words"));
    assert!(!rowan.get("/search?q=cruel").await.body.contains("Gardens"));
    assert!(willow.get(&topic).await.body.contains("Hidden by the facilitators"));
    assert!(group.facilitator.get(&topic).await.body.contains("Cruel words"));
    assert_eq!(
        willow.get(&format!("/posts/{cruel}/edit")).await.status,
        StatusCode::OK,
        "its author may still delete it"
    );

    // Shown again; a member who read it before it was hidden again still
    // sees the next post as new (their read count follows the hiding).
    group.facilitator.post(&format!("/posts/{cruel}/hide"), &[]).await;
    assert!(rowan.get(&topic).await.body.contains("Cruel words"), "shown again, and read");
    group.facilitator.post(&format!("/posts/{cruel}/hide"), &[]).await;
    assert!(!rowan.get("/").await.body.contains("new post"));
    reply(&willow, &topic, "Sorry about that.").await;
    assert!(rowan.get("/").await.body.contains("1 new post"), "{}", rowan.get("/").await.body);
    group.facilitator.post(&format!("/posts/{cruel}/hide"), &[]).await;

    // Hiding a topic's first post hides the topic.
    let first: (i64,) = sqlx::query_as("SELECT MIN(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    group.facilitator.post(&format!("/posts/{}/hide", first.0), &[]).await;
    assert_eq!(rowan.get(&topic).await.status, StatusCode::NOT_FOUND);
    assert!(!rowan.get("/groups/circle").await.body.contains("Gardens"));
    assert!(willow.get(&topic).await.body.contains("Hidden by the facilitators"));
    group.facilitator.post(&format!("/posts/{}/hide", first.0), &[]).await;
    assert_eq!(rowan.get(&topic).await.status, StatusCode::OK);

    // Moving the topic to another group of the organisation the lead runs.
    let organisation = format!("/organisations/{}", group.organisation_id);
    group.lead.get(&organisation).await;
    let lead_id = app.user_id("Lead-circle").await.to_string();
    let fields =
        [("slug", "quiet"), ("name", "Quiet room"), ("purpose", "p"), ("facilitation", "f"), ("facilitator", &lead_id)];
    assert_eq!(group.lead.post(&format!("{organisation}/groups"), &fields).await.status, StatusCode::SEE_OTHER);
    let form = group.lead.get(&format!("{topic}/move")).await;
    assert!(form.status == StatusCode::OK && form.body.contains("Quiet room"));
    let (quiet,): (i64,) = sqlx::query_as("SELECT id FROM support_groups WHERE slug = 'quiet'")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    let elsewhere = app.group("elsewhere").await;
    let refused = group.lead.post(&format!("{topic}/move"), &[("group", &elsewhere.id.to_string())]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "never to another organisation");
    let moved = group.lead.post(&format!("{topic}/move"), &[("group", &quiet.to_string())]).await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    assert_eq!(rowan.get(&topic).await.status, StatusCode::NOT_FOUND, "members of the old group no longer read it");
    assert!(group.lead.get("/groups/quiet").await.body.contains("Gardens"));
    assert_eq!(group.facilitator.get(&format!("{topic}/move")).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn redactions_keep_the_original_for_staff_then_purge(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    group.lead.get("/groups/circle/privacy").await;
    group.lead.post("/groups/circle/privacy", &[("retention", "10")]).await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let topic = path_of(&start_topic(&rowan, "circle", "Work", "Jobs?").await);
    reply(&willow, &topic, "My manager at the Tim Hortons on Elm was kind.").await;
    let post = last_post(&app).await;

    // Staff do not edit others' posts: the edit page sends them to redact it.
    let edit = group.facilitator.get(&format!("/posts/{post}/edit")).await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER);
    assert_eq!(edit.location(), Some(format!("/posts/{post}/redact").as_str()));
    let form = group.facilitator.get(&format!("/posts/{post}/redact")).await;
    assert!(form.status == StatusCode::OK && form.body.contains("Tim Hortons on Elm"));
    assert!(
        form.body.contains("as long as the post itself")
            && form.body.contains(&format!("{} days after the post was written", arg("10")))
    );
    let no_reason = group.facilitator.post(&format!("/posts/{post}/redact"), &[("body", "My manager was kind.")]).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.body.contains("Please give a reason") && no_reason.body.contains("My manager was kind."));
    let redacted = group
        .facilitator
        .post(
            &format!("/posts/{post}/redact"),
            &[("body", "My manager was kind."), ("reason", "We took out where you work.")],
        )
        .await;
    assert_eq!(redacted.status, StatusCode::SEE_OTHER);

    let seen = rowan.get(&topic).await.body;
    assert!(
        seen.contains("My manager was kind.")
            && !seen.contains("Tim Hortons")
            && seen.contains("Edited by the facilitators")
    );
    assert!(!seen.contains("We took out"), "the reason is for the author and staff");
    assert!(willow.get(&topic).await.body.contains("We took out where you work."));
    assert!(willow.get("/notifications").await.body.contains("edited your post"));
    assert!(!rowan.get("/search?q=hortons").await.body.contains("Work"));
    let originals = format!("/posts/{post}/originals");
    assert!(group.lead.get(&originals).await.body.contains("Tim Hortons on Elm"));
    assert_eq!(rowan.get(&originals).await.status, StatusCode::NOT_FOUND);
    assert_eq!(willow.get(&originals).await.status, StatusCode::NOT_FOUND, "not even its author");
    assert!(group.lead.get(&originals).await.body.contains("This post and its originals are deleted after"));

    // The original goes with the post, by the group's retention counted from
    // when the post was written (the one purge every node runs; twice is harmless).
    let records = || async {
        let purged = hearth::safety::purge::run(&app.state).await.unwrap().0;
        purged.iter().find(|(what, _)| *what == "moderation records past their group's retention").unwrap().1
    };
    app.clock.advance(9 * 86_400);
    assert_eq!(records().await, 0, "nine days: both kept");
    app.clock.advance(2 * 86_400);
    assert!(records().await >= 1, "the original, with the notice and audit entries of that day");
    assert_eq!(records().await, 0);
    let (originals, posts): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM redactions), (SELECT COUNT(*) FROM posts WHERE body_md LIKE '%manager%')",
    )
    .fetch_one(&app.state.db.read)
    .await
    .unwrap();
    assert_eq!((originals, posts), (0, 0), "the post and what it said before are gone");
    app.stop().await;
}
