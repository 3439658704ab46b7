//! Filters on real posts: an identifying detail holds a post and its author
//! is told which kind, in their language, and can edit it out; staff word
//! lists hold or flag; crisis words publish, flag urgent (first in the
//! queue) and show the poster the group's crisis resources at once.

use reqwest::StatusCode;

use super::{arg, last_post, moderation_settings, path_of, reply, start_topic};
use crate::{
    on_both_backends,
    support::{Backend, TestApp},
};

on_both_backends!(
    a_filter_hit_tells_the_author_which_detail_and_an_edit_publishes,
    crisis_posts_are_published_and_come_first
);

async fn a_filter_hit_tells_the_author_which_detail_and_an_edit_publishes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let camille = app.member_of(&group, "Camille").await.with_header("accept-language", "fr-CA");
    let rowan = app.member_of(&group, "Rowan").await;
    let topic = path_of(&start_topic(&rowan, "circle", "Weekend", "Plans?").await);

    // In English: an e-mail address.
    let held = reply(&willow, &topic, "Write to me at willow.tremblay@gmail.com any time.").await;
    assert_eq!(held.status, StatusCode::SEE_OTHER);
    let post = last_post(&app).await;
    let page = willow.get(&topic).await.body;
    assert!(page.contains("Waiting for a facilitator") && page.contains("an e-mail address"), "{page}");
    assert!(!rowan.get(&topic).await.body.contains("gmail"), "held from everyone else");

    // In French: a phone number, said in French.
    reply(&camille, &topic, "Mon cell : (438) 555-0123, écris-moi.").await;
    let french = camille.get(&topic).await.body;
    assert!(french.contains("En attente d’une personne animatrice") && french.contains("un numéro de téléphone"));
    assert!(!rowan.get(&topic).await.body.contains("555-0123"));

    // Willow takes the address out: published at once, no facilitator needed.
    let edited = willow
        .post(&format!("/posts/{post}/edit"), &[("body", "Write to me here any time."), ("action", "publish")])
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
    assert!(rowan.get(&topic).await.body.contains("Write to me here any time."));

    // Ordinary numbers are not details.
    reply(&willow, &topic, "We meet on 2024-03-15 at 10:30; the bus is $3.25 and I left in 1998.").await;
    assert!(rowan.get(&topic).await.body.contains("the bus is $3.25"));

    // A published post edited to add a detail keeps its old words, and the author is told why.
    let published = last_post(&app).await;
    let refused = willow
        .post(
            &format!("/posts/{published}/edit"),
            &[("body", "I live at 1234 rue Sainte-Catherine."), ("action", "publish")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("a street address or postal code") && refused.body.contains("rue Sainte-Catherine"));
    assert!(rowan.get(&topic).await.body.contains("the bus is $3.25"));

    // Staff lists: one word holds a post, another flags it.
    let words = [("hold_words", "fundraiser"), ("flag_words", "my ex")];
    moderation_settings(&group.facilitator, &group, &words).await;
    reply(&willow, &topic, "Please join my FUNDRAISER.").await;
    assert!(willow.get(&topic).await.body.contains("words the facilitators asked to read first"));
    assert!(!rowan.get(&topic).await.body.contains("FUNDRAISER"));
    reply(&willow, &topic, "My ex called again.").await;
    assert!(rowan.get(&topic).await.body.contains("My ex called again."), "flagged, not held");
    let queue = group.facilitator.get("/moderation").await.body;
    assert!(queue.contains("Words from a staff list") && queue.contains("<strong>my ex</strong>"), "{queue}");
    assert!(queue.contains(&format!("Reply in {}", arg("Weekend"))), "the held posts wait in the queue");
    assert!(queue.contains("an e-mail address") || queue.contains("a phone number"));

    // Staff posts are never held.
    reply(&group.facilitator, &topic, "Our line: 514-555-0100.").await;
    assert!(rowan.get(&topic).await.body.contains("Our line: 514-555-0100."));
    app.stop().await;
}

async fn crisis_posts_are_published_and_come_first(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    group.facilitator.get("/groups/circle/resources/edit").await;
    let resources = "- Crisis line (24/7): **1-866-277-3553**";
    group.facilitator.post("/groups/circle/resources/edit", &[("body", resources), ("action", "save")]).await;
    // Even where every post is read first, a crisis post is never silenced.
    moderation_settings(&group.facilitator, &group, &[("premoderation", "all")]).await;
    let topic = path_of(&start_topic(&group.facilitator, "circle", "Check-in", "How is everyone?").await);

    // An ordinary report comes in first.
    reply(&rowan, &topic, "Buy cheap pills here").await;
    let spam = last_post(&app).await;
    group.facilitator.post(&format!("/posts/{spam}/approve"), &[]).await;
    let spam = last_post(&app).await;
    willow.get(&format!("/posts/{spam}/report")).await;
    let reported = willow.post(&format!("/posts/{spam}/report"), &[("reason", "spam")]).await;
    assert_eq!(reported.status, StatusCode::OK, "{}", reported.body);

    let posted = reply(&willow, &topic, "Honestly I can't go on like this anymore.").await;
    assert_eq!(posted.status, StatusCode::SEE_OTHER);
    let location = posted.location().unwrap().to_owned();
    assert!(location.contains("support=1"), "{location}");
    let support = willow.get(&location).await.body;
    assert!(support.contains("You are not alone") && support.contains("1-866-277-3553"), "{support}");
    let seen = rowan.get(&topic).await.body;
    assert!(seen.contains("go on like this anymore"), "published for everyone: {seen}");

    let home = group.facilitator.get("/").await.body;
    assert!(home.contains(&format!("{} urgent", arg("1"))), "staff see it from their home page: {home}");
    assert!(!willow.get("/").await.body.contains("urgent"), "members do not");
    let queue = group.facilitator.get("/moderation").await.body;
    assert!(queue.contains("<span class=\"count\">1</span> urgent"), "{queue}");
    let crisis = queue.find("Crisis words").expect("the crisis flag is in the queue");
    let ordinary = queue.find("<h3 id=\"report-").and_then(|_| queue.find(">Spam<")).expect("the spam report too");
    assert!(crisis < ordinary, "the crisis flag comes first");
    assert!(
        queue.contains("<strong>can&#x27;t go on</strong>") || queue.contains("<strong>can&#39;t go on</strong>"),
        "the words found: {queue}"
    );
    app.stop().await;
}
