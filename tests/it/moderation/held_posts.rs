//! Pre-moderation: a held post is seen by its author (marked as waiting) and
//! the group's staff, by no one else — not in lists, search, counts or
//! notifications — until approved; a declined one returns to its author.

use reqwest::StatusCode;

use super::{arg, audit_count, last_post, moderation_settings, path_of, reply, start_topic};
use crate::{
    on_both_backends,
    support::{Backend, TestApp},
};

on_both_backends!(a_held_post_is_invisible_to_others_until_approved, a_declined_post_returns_to_its_author_for_editing);

async fn a_held_post_is_invisible_to_others_until_approved(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let evenings = path_of(&start_topic(&rowan, "circle", "Evenings", "Evenings are hard.").await);
    let audited = audit_count(&app).await;
    moderation_settings(&group.facilitator, &group, &[("premoderation", "new-members"), ("premoderation_posts", "2")])
        .await;
    assert_eq!(audit_count(&app).await, audited + 1, "a settings change is audited");

    // Willow's first two posts wait for a facilitator.
    let lanterns = path_of(&start_topic(&willow, "circle", "Lanterns", "I light a lantern for @Rowan.").await);
    let held_topic_post = last_post(&app).await;
    let own = willow.get(&lanterns).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("Waiting for a facilitator") && own.body.contains("a facilitator reads posts"));
    let held_reply = reply(&willow, &evenings, "Evenings are hard for me too.").await;
    assert_eq!(held_reply.status, StatusCode::SEE_OTHER);
    assert!(willow.get(&evenings).await.body.contains("Evenings are hard for me too."), "its author sees it");

    // Nobody else sees either: not the topic, not the list, not search, not a count, not a notification.
    assert_eq!(rowan.get(&lanterns).await.status, StatusCode::NOT_FOUND);
    let list = rowan.get("/groups/circle").await.body;
    assert!(!list.contains("Lanterns") && !list.contains("new post"), "{list}");
    assert!(!rowan.get(&evenings).await.body.contains("for me too"));
    assert!(!rowan.get("/search?q=lantern").await.body.contains("Lanterns"));
    assert!(!rowan.get("/search?q=hard").await.body.contains("for me too"));
    assert!(!rowan.get("/").await.body.contains("new post"), "held posts are not counted as new");
    assert!(!rowan.get("/notifications").await.body.contains("/topics/"), "no reply or mention notification yet");

    // The facilitators see both in the queue, oldest first.
    let queue = group.facilitator.get("/moderation").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.body.contains(&format!("New topic: {}", arg("Lanterns"))), "{}", queue.body);
    assert!(queue.body.contains(&format!("Reply in {}", arg("Evenings"))));
    assert!(queue.body.contains("<span class=\"count\">2</span> posts to review"));
    assert!(queue.body.find("Lanterns").unwrap() < queue.body.find("Reply in").unwrap(), "oldest first");

    // Approving the reply publishes it as new for Rowan, with a notification.
    let reply_id = last_post(&app).await;
    let approved = group.facilitator.post(&format!("/posts/{reply_id}/approve"), &[]).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    assert!(rowan.get("/").await.body.contains("1 new post"), "counted once published");
    assert!(rowan.get(&evenings).await.body.contains("Evenings are hard for me too."));
    assert!(rowan.get("/notifications").await.body.contains("replied"));

    // Approving the topic publishes it with its mention, and search finds it.
    group.facilitator.post(&format!("/posts/{held_topic_post}/approve"), &[("back", "topic")]).await;
    assert_eq!(rowan.get(&lanterns).await.status, StatusCode::OK);
    assert!(rowan.get("/groups/circle").await.body.contains("Lanterns"));
    assert!(rowan.get("/search?q=lantern").await.body.contains("Lanterns"));
    assert!(rowan.get("/notifications").await.body.contains("mentioned you"));
    let told = willow.get("/notifications").await.body;
    assert!(told.contains("is now published") && told.contains("Lanterns"), "{told}");
    assert!(!willow.get("/").await.body.contains("new post"), "one's own approved posts are not news");
    assert_eq!(audit_count(&app).await, audited + 3, "two approvals, one entry each");

    // With two posts published, Willow's next one appears at once.
    reply(&willow, &evenings, "Thank you for listening.").await;
    assert!(rowan.get(&evenings).await.body.contains("Thank you for listening."));
    assert!(group.facilitator.get("/moderation").await.body.contains("<span class=\"count\">0</span> posts to review"));
    app.stop().await;
}

async fn a_declined_post_returns_to_its_author_for_editing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let topic = path_of(&start_topic(&rowan, "circle", "Mornings", "Coffee first.").await);
    moderation_settings(&group.lead, &group, &[("premoderation", "all")]).await;

    reply(&willow, &topic, "I walk past the bakery on Rue Principale every morning.").await;
    let post = last_post(&app).await;
    let declined = group
        .facilitator
        .post(&format!("/posts/{post}/decline"), &[("note", "Please leave out the street: it could identify you.")])
        .await;
    assert_eq!(declined.status, StatusCode::SEE_OTHER);

    // Willow keeps her words, reads the note, and is told.
    let page = willow.get(&topic).await.body;
    assert!(page.contains("Not published") && page.contains("Please leave out the street"), "{page}");
    assert!(page.contains("Rue Principale"));
    let told = willow.get("/notifications").await.body;
    assert!(told.contains("sent your post back") && told.contains("Please leave out the street"), "{told}");
    assert!(!rowan.get(&topic).await.body.contains("bakery"));
    assert!(!group.facilitator.get("/moderation").await.body.contains("Reply in"), "out of the queue");
    let edit = willow.get(&format!("/posts/{post}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(edit.body.contains("every morning.</textarea>") && edit.body.contains("Please leave out the street"));

    // Edited, it waits again (every post is read first here), note gone.
    let saved = willow
        .post(&format!("/posts/{post}/edit"), &[("body", "I walk past a bakery every morning."), ("action", "publish")])
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = willow.get(&topic).await.body;
    assert!(page.contains("Waiting for a facilitator") && !page.contains("Please leave out the street"));
    assert!(group.facilitator.get("/moderation").await.body.contains("Reply in"));
    let approved = group.facilitator.post(&format!("/posts/{post}/approve"), &[]).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    let seen = rowan.get(&topic).await.body;
    assert!(seen.contains("I walk past a bakery every morning.") && !seen.contains("Rue Principale"));

    // Published, it is a new post at the end of the topic; where every post is
    // read first, it cannot be changed any more (the words typed are kept).
    let published = last_post(&app).await;
    assert!(published > post, "published as a new post");
    let refused =
        willow.post(&format!("/posts/{published}/edit"), &[("body", "Sneaky new words"), ("action", "publish")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("a published post cannot be changed") && refused.body.contains("Sneaky new words"));
    assert!(!rowan.get(&topic).await.body.contains("Sneaky"));

    // A held post its author deletes is gone, for everyone.
    reply(&willow, &topic, "Never mind.").await;
    let withdrawn = last_post(&app).await;
    let gone = willow.post(&format!("/posts/{withdrawn}/delete"), &[("confirm", "yes")]).await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert!(!willow.get(&topic).await.body.contains("Never mind."));
    assert!(!group.facilitator.get("/moderation").await.body.contains("Reply in"));
    app.stop().await;
}
