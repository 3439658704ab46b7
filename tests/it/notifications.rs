//! In-app notifications: a reply tells the topic's author, a mention tells
//! the member named (if they may read the group), each person once per post;
//! the list shows only what its reader may still read, marks unread ones, and
//! its title never carries a count.

use hearth::discussions::notifications;
use reqwest::StatusCode;

use crate::{
    on_both_backends,
    search::{mark_deleted, publish},
    support::{Backend, TestApp},
};

on_both_backends!(
    replies_and_mentions_notify_the_right_people,
    notifications_are_marked_read_one_or_all,
    notifications_of_a_group_left_or_a_deleted_post_disappear,
    notifications_come_in_pages_of_thirty,
    check_in_messages_are_notified,
);

/// Unread notifications as stored (the header shows the same count).
async fn unread(app: &TestApp, pseudonym: &str) -> i64 {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
        .bind(app.user_id(pseudonym).await)
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    count
}

/// (kind, post id) of someone's notifications, oldest first.
async fn stored(app: &TestApp, pseudonym: &str) -> Vec<(String, Option<i64>)> {
    sqlx::query_as("SELECT kind, post_id FROM notifications WHERE user_id = $1 ORDER BY id")
        .bind(app.user_id(pseudonym).await)
        .fetch_all(&app.state.db.read)
        .await
        .unwrap()
}

async fn replies_and_mentions_notify_the_right_people(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = app.group("a").await;
    let b = app.group("b").await;
    let alice = app.member_of(&a, "Alice").await;
    let bea = app.member_of(&a, "Bea").await;
    app.member_of(&a, "Rain drop").await;
    app.member_of(&a, "sun_flower").await;
    app.member_of(&b, "Dora").await;
    app.member("Cleo").await;
    let (topic, first) = publish(&app, &alice, &a, None, "Sleep & <nights>", "Does anyone sleep well?").await;
    assert!(stored(&app, "Alice").await.is_empty(), "a new topic notifies no one");

    // Bea replies, mentioning the topic's author, two members (a space written
    // as "_", an underscore kept), A's facilitator, herself, and two people
    // who cannot read the group.
    let mentioning = "@alice thanks. @Rain_drop, (@sun_flower) @Guide-a @Bea @Cleo @Dora @Nobody and a@Bea";
    let (_, reply) = publish(&app, &bea, &a, Some(topic), "", mentioning).await;
    let mention = |post| vec![("mention".to_owned(), Some(post))];
    assert_eq!(stored(&app, "Alice").await, mention(reply), "one notification per person per post: the mention");
    assert_eq!(stored(&app, "Rain drop").await, mention(reply));
    assert_eq!(stored(&app, "sun_flower").await, mention(reply));
    assert_eq!(stored(&app, "Guide-a").await, mention(reply), "staff may read the group");
    for nobody in ["Bea", "Cleo", "Dora", "Lead-b"] {
        assert!(stored(&app, nobody).await.is_empty(), "{nobody} was notified");
    }

    // A plain reply tells the topic's author; her own reply does not.
    let (_, plain) = publish(&app, &bea, &a, Some(topic), "", "Me neither.").await;
    publish(&app, &alice, &a, Some(topic), "", "Thank you both. @Alice").await;
    assert_eq!(stored(&app, "Alice").await, [mention(reply), vec![("reply".to_owned(), Some(plain))]].concat());
    assert_eq!(unread(&app, "Alice").await, 2);

    let page = alice.get("/notifications").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<title>Notifications · Hearth</title>"), "no count in the title: {}", page.body);
    assert!(page.body.contains("\u{2068}Bea\u{2069} replied to your topic:"), "{}", page.body);
    assert!(page.body.contains("\u{2068}Bea\u{2069} mentioned you in:"));
    assert!(page.body.contains("Sleep &#38; &#60;nights&#62;") && !page.body.contains("<nights>"), "escaped titles");
    assert!(page.body.contains(&format!("/topics/{topic}?after={}#post-{plain}", plain - 1)));
    assert!(page.body.matches("New:").count() == 2);
    let newest = page.body.find(&format!("#post-{plain}")).unwrap();
    assert!(newest < page.body.find(&format!("#post-{reply}")).unwrap(), "newest first");
    assert!(!page.body.contains(&format!("#post-{first}")));

    // In French too.
    let french = alice.clone().with_header("accept-language", "fr-CA");
    french.get("/account").await;
    french.post("/account/language", &[("language", "fr")]).await;
    let page = french.get("/notifications").await;
    assert!(page.body.contains("<title>Notifications · Hearth</title>"));
    assert!(page.body.contains("\u{2068}Bea\u{2069} a répondu à votre sujet"), "{}", page.body);
    app.stop().await;
}

async fn notifications_are_marked_read_one_or_all(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = app.group("a").await;
    let alice = app.member_of(&a, "Alice").await;
    let bea = app.member_of(&a, "Bea").await;
    let (topic, _) = publish(&app, &alice, &a, None, "Morning routines", "What helps you start the day?").await;
    for body in ["Tea.", "A walk.", "Music."] {
        publish(&app, &bea, &a, Some(topic), "", body).await;
    }
    assert_eq!(unread(&app, "Alice").await, 3);
    let (first_id,): (i64,) =
        sqlx::query_as("SELECT MIN(id) FROM notifications").fetch_one(&app.state.db.read).await.unwrap();

    // Someone else cannot mark Alice's notification.
    bea.get("/notifications").await;
    let done = bea.post("/notifications/read", &[("id", &first_id.to_string())]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(unread(&app, "Alice").await, 3);

    let page = alice.get("/notifications").await;
    assert!(page.body.contains(&format!("name=\"id\" value=\"{first_id}\"")), "{}", page.body);
    let done = alice.post("/notifications/read", &[("id", &first_id.to_string())]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.location(), Some("/notifications"));
    assert_eq!(unread(&app, "Alice").await, 2);
    let page = alice.get("/notifications").await;
    assert_eq!(page.body.matches("New:").count(), 2);
    assert!(!page.body.contains(&format!("name=\"id\" value=\"{first_id}\"")));
    assert_eq!(alice.post("/notifications/read", &[("id", "x")]).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(alice.post_raw("/notifications/read", &[]).await.status, StatusCode::FORBIDDEN, "CSRF-checked");

    let done = alice.post("/notifications/read", &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(unread(&app, "Alice").await, 0);

    // Reading the posts reads their notifications too.
    publish(&app, &bea, &a, Some(topic), "", "One more thing.").await;
    assert_eq!(unread(&app, "Alice").await, 1);
    alice.get(&format!("/topics/{topic}")).await;
    assert_eq!(unread(&app, "Alice").await, 0, "opening the topic read it");
    let page = alice.get("/notifications").await;
    assert!(!page.body.contains("New:") && !page.body.contains("Mark all as read"));
    assert_eq!(page.body.matches("replied to your topic").count(), 4, "read ones stay listed");
    app.stop().await;
}

async fn notifications_of_a_group_left_or_a_deleted_post_disappear(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = app.group("a").await;
    let rain = app.member_of(&a, "Rain").await;
    let bea = app.member_of(&a, "Bea").await;
    let (topic, _) = publish(&app, &rain, &a, None, "Quiet places", "Where do you go to rest?").await;
    let (_, kept) = publish(&app, &bea, &a, Some(topic), "", "The library.").await;
    let (_, deleted) = publish(&app, &bea, &a, Some(topic), "", "A bench by the river, @Rain.").await;
    let page = rain.get("/notifications").await;
    assert!(page.body.contains(&format!("#post-{kept}")) && page.body.contains(&format!("#post-{deleted}")));

    mark_deleted(&app, deleted).await;
    let page = rain.get("/notifications").await;
    assert!(page.body.contains(&format!("#post-{kept}")));
    assert!(!page.body.contains(&format!("#post-{deleted}")), "a deleted post's notification is gone");

    // New agreements not yet accepted hide the group's notifications too.
    sqlx::query("UPDATE support_groups SET agreements_version = agreements_version + 1 WHERE id = $1")
        .bind(a.id)
        .execute(&app.state.db.write)
        .await
        .unwrap();
    assert!(!rain.get("/notifications").await.body.contains("Quiet places"));
    sqlx::query("UPDATE memberships SET agreed_version = agreed_version + 1 WHERE group_id = $1")
        .bind(a.id)
        .execute(&app.state.db.write)
        .await
        .unwrap();
    assert!(rain.get("/notifications").await.body.contains("Quiet places"));

    // Having left the group, Rain no longer sees them.
    assert!(hearth::groups::store::leave(&app.state.db.write, a.id, app.user_id("Rain").await).await.unwrap());
    let page = rain.get("/notifications").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Quiet places") && !page.body.contains("#post-"), "{}", page.body);
    assert!(page.body.contains("Nothing new."));
    app.stop().await;
}

async fn notifications_come_in_pages_of_thirty(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = app.group("a").await;
    let alice = app.member_of(&a, "Alice").await;
    let bea = app.member_of(&a, "Bea").await;
    let (topic, _) = publish(&app, &alice, &a, None, "Small wins", "Share one.").await;
    let mut posts = Vec::new();
    for i in 0..35 {
        posts.push(publish(&app, &bea, &a, Some(topic), "", &format!("Win number {i}.")).await.1);
    }
    let first = alice.get("/notifications").await;
    assert_eq!(first.body.matches("replied to your topic").count(), 30);
    assert!(
        first.body.contains(&format!("#post-{}", posts[34])) && !first.body.contains(&format!("#post-{}\"", posts[4]))
    );
    let start = first.body.find("/notifications?before=").expect("a link to older notifications");
    let older = &first.body[start..first.body[start..].find('"').unwrap() + start];
    let second = alice.get(older).await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(second.body.matches("replied to your topic").count(), 5);
    assert!(second.body.contains(&format!("#post-{}\"", posts[0])));
    assert!(!second.body.contains("/notifications?before="), "no page after the last");
    assert_eq!(alice.get("/notifications?before=abc").await.status, StatusCode::BAD_REQUEST);
    app.stop().await;
}

async fn check_in_messages_are_notified(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = app.group("a").await;
    let b = app.group("b").await;
    let alice = app.member_of(&a, "Alice").await;
    let alice_id = app.user_id("Alice").await;

    // A facilitator checks in on Alice; Alice answers.
    let form = "/groups/a/check-ins/new";
    a.facilitator.get(form).await;
    let fields =
        [("member", alice_id.to_string()), ("subject", "How are you doing?".into()), ("body", "Hello.".into())];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let started = a.facilitator.post(form, &fields).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let check_in_href = started.location().unwrap().to_owned();
    let check_in: i64 = check_in_href.trim_start_matches("/check-ins/").parse().unwrap();
    alice.get(&check_in_href).await;
    let answered = alice.post(&format!("{check_in_href}/reply"), &[("body", "Better, thanks.")]).await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER);

    let page = alice.get("/notifications").await;
    assert!(page.body.contains("A facilitator wrote to you in a check-in:"), "{}", page.body);
    assert!(page.body.contains(&format!("href=\"{check_in_href}\"")) && page.body.contains("How are you doing?"));
    let page = a.facilitator.get("/notifications").await;
    assert!(page.body.contains("\u{2068}Alice\u{2069} wrote in a check-in:"), "{}", page.body);

    // Stored for someone who may not see the check-in, a notification is never shown.
    let mut tx = app.state.db.write.begin().await.unwrap();
    let other_lead = app.user_id("Lead-b").await;
    notifications::check_in_message(&mut tx, other_lead, a.id, check_in, app.state.clock.now()).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(unread(&app, "Lead-b").await, 1);
    assert!(!b.lead.get("/notifications").await.body.contains("How are you doing?"));
    // Nor is it once the member has left the group; the facilitator still sees theirs.
    hearth::groups::store::leave(&app.state.db.write, a.id, alice_id).await.unwrap();
    assert!(!alice.get("/notifications").await.body.contains("How are you doing?"));
    assert!(a.facilitator.get("/notifications").await.body.contains("How are you doing?"));
    app.stop().await;
}
