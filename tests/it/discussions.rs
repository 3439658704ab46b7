//! Topics and posts: starting a topic with a content warning (previewed first),
//! replies, folding, edits within the window, deletion that removes the words,
//! pins and locks, reactions, keyset pages with unread counts, read-only ended
//! groups, and the rule that another group's ids do not exist for a viewer.

use reqwest::StatusCode;

use hearth::discussions::{topics, views::TopicList};

use crate::{
    on_both_backends,
    support::{Backend, GroupSetup, Page, TestApp, Visitor},
};

on_both_backends!(
    a_member_starts_a_topic_with_a_warning_and_another_replies,
    edits_follow_the_window_and_staff_redact_instead,
    deleting_a_post_removes_its_words,
    staff_pin_and_lock_and_a_locked_topic_takes_only_staff_replies,
    reactions_toggle_and_only_staff_see_who_reacted,
    long_topics_page_by_keyset_and_the_list_counts_new_posts,
    home_counts_unread_posts_in_the_hundred_most_recently_active_topics,
    the_topic_list_pages_with_pinned_topics_first,
    another_groups_topics_and_posts_do_not_exist,
    bad_input_is_refused_and_the_text_kept,
    an_ended_group_is_read_only,
);

fn new_topic_path(group: &GroupSetup) -> String {
    format!("/groups/{}/topics/new", group.slug)
}

/// Publishes a topic and returns its path (`/topics/N`).
async fn start_topic(visitor: &Visitor, group: &GroupSetup, title: &str, warning: &str, body: &str) -> String {
    let path = new_topic_path(group);
    assert_eq!(visitor.get(&path).await.status, StatusCode::OK);
    let page =
        visitor.post(&path, &[("title", title), ("warning", warning), ("body", body), ("action", "publish")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    page.location().unwrap().to_owned()
}

async fn reply(visitor: &Visitor, topic: &str, body: &str) -> Page {
    visitor.post(&format!("{topic}/reply"), &[("body", body), ("action", "publish")]).await
}

fn id_of(topic: &str) -> i64 {
    topic.rsplit('/').next().unwrap().parse().unwrap()
}

/// A redirect's target without its fragment, to fetch it.
fn without_fragment(location: &str) -> &str {
    location.split('#').next().unwrap()
}

async fn post_ids(app: &TestApp, topic: &str) -> Vec<i64> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM posts WHERE topic_id = $1 ORDER BY id")
        .bind(id_of(topic))
        .fetch_all(&app.state.db.read)
        .await
        .unwrap();
    rows.into_iter().map(|(id,)| id).collect()
}

async fn list_for(app: &TestApp, pseudonym: &str, group: &GroupSetup, before: Option<&str>) -> TopicList {
    let user_id = app.user_id(pseudonym).await;
    let now = app.state.clock.now();
    let found = hearth::groups::store::group_by_id_for_viewer(&app.state.db.read, user_id, group.id, now)
        .await
        .unwrap()
        .unwrap();
    topics::topic_list(&app.state, user_id, &found, before.map(str::to_owned)).await.unwrap()
}

fn count(body: &str, needle: &str) -> usize {
    body.matches(needle).count()
}

async fn a_member_starts_a_topic_with_a_warning_and_another_replies(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;

    // Preview first: the Markdown is rendered above the form, nothing is stored.
    let form = willow.get(&new_topic_path(&group)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("name=\"title\"") && form.body.contains("value=\"publish\""));
    let fields = [("title", "A hard week"), ("warning", "violence"), ("body", "It was **hard**.\n\nStill here.")];
    let preview = willow.post(&new_topic_path(&group), &[fields[0], fields[1], fields[2], ("action", "preview")]).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("<strong>hard</strong>"), "{}", preview.body);
    assert!(preview.body.contains("It was **hard**."), "the text stays in the form");
    assert!(preview.body.contains("value=\"A hard week\""));
    let (topics_stored,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM topics").fetch_one(&app.state.db.read).await.unwrap();
    assert_eq!(topics_stored, 0);

    let published =
        willow.post(&new_topic_path(&group), &[fields[0], fields[1], fields[2], ("action", "publish")]).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.body);
    let topic = published.location().unwrap().to_owned();
    assert!(topic.starts_with("/topics/"));

    // Another member sees it folded under its warning.
    let page = rowan.get(&topic).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h1>A hard week</h1>"));
    assert!(page.body.contains("<details class=\"warning\">"));
    assert!(page.body.contains("<summary>Content warning: \u{2068}violence\u{2069}</summary>"), "{}", page.body);
    assert!(page.body.contains("Willow"));
    // The tab title does not carry the topic's words (shared devices keep history).
    assert!(!page.body.contains("<title>A hard week"));

    // Rowan previews a reply (shown on the last page, text kept), then publishes it.
    let reply_path = format!("{topic}/reply");
    let previewed = rowan.post(&reply_path, &[("body", "You are *not* alone."), ("action", "preview")]).await;
    assert_eq!(previewed.status, StatusCode::OK);
    assert!(previewed.body.contains("<em>not</em>") && previewed.body.contains(">You are *not* alone.</textarea>"));
    let replied = reply(&rowan, &topic, "You are *not* alone.").await;
    assert_eq!(replied.status, StatusCode::SEE_OTHER, "{}", replied.body);
    let location = replied.location().unwrap().to_owned();
    let reply_id = *post_ids(&app, &topic).await.last().unwrap();
    assert!(location.ends_with(&format!("#post-{reply_id}")), "{location}");
    let shown = rowan.get(without_fragment(&location)).await;
    assert!(shown.body.contains(&format!("id=\"post-{reply_id}\"")));
    assert!(shown.body.contains("You are <em>not</em> alone."));
    let (post_count, last_post_id): (i64, i64) =
        sqlx::query_as("SELECT post_count, last_post_id FROM topics WHERE id = $1")
            .bind(id_of(&topic))
            .fetch_one(&app.state.db.read)
            .await
            .unwrap();
    assert_eq!((post_count, last_post_id), (2, reply_id));

    // "Show them open" turns folding off; the warning stays as a label.
    let account = rowan.get("/account").await;
    assert!(account.body.contains("action=\"/account/reading\""));
    let saved = rowan.post("/account/reading", &[]).await;
    assert_eq!((saved.status, saved.location()), (StatusCode::SEE_OTHER, Some("/account")));
    let open = rowan.get(&topic).await;
    assert!(!open.body.contains("<details class=\"warning\">"));
    assert!(open.body.contains("Content warning: \u{2068}violence\u{2069}"));
    assert!(open.body.contains("It was <strong>hard</strong>."));
    rowan.post("/account/reading", &[("fold_warnings", "1")]).await;
    assert!(rowan.get(&topic).await.body.contains("<details class=\"warning\">"));
    rowan.post("/account/reading", &[("fold_warnings", "0")]).await;
    assert!(!rowan.get(&topic).await.body.contains("<details class=\"warning\">"));
    app.stop().await;
}

async fn edits_follow_the_window_and_staff_redact_instead(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    sqlx::query("UPDATE support_groups SET edit_window_minutes = 10 WHERE id = $1")
        .bind(group.id)
        .execute(&app.state.db.write)
        .await
        .unwrap();
    let topic = start_topic(&willow, &group, "First try", "", "Some words").await;
    let first = post_ids(&app, &topic).await[0];
    let edit = format!("/posts/{first}/edit");

    let page = willow.get(&topic).await;
    assert!(page.body.contains(&format!("href=\"{edit}\"")));
    assert!(!rowan.get(&topic).await.body.contains(&format!("href=\"{edit}\"")));
    let form = willow.get(&edit).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"First try\"") && form.body.contains(">Some words</textarea>"));
    let saved = willow
        .post(
            &edit,
            &[("title", "Éloïse’s week"), ("warning", "grief"), ("body", "Better *words*"), ("action", "publish")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let (title, warning): (String, Option<String>) = sqlx::query_as("SELECT title, warning FROM topics WHERE id = $1")
        .bind(id_of(&topic))
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!((title.as_str(), warning.as_deref()), ("Éloïse’s week", Some("grief")));
    let (html, search, edited_at): (String, String, Option<i64>) =
        sqlx::query_as("SELECT body_html, search_text, edited_at FROM posts WHERE id = $1")
            .bind(first)
            .fetch_one(&app.state.db.read)
            .await
            .unwrap();
    assert_eq!(html.trim(), "<p>Better <em>words</em></p>");
    assert_eq!(search, "eloise’s week\nbetter *words*");
    assert!(edited_at.is_some());
    assert!(rowan.get(&topic).await.body.contains("edited"));

    // Someone else's post is not theirs to edit.
    assert_eq!(rowan.get(&edit).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        rowan.post(&edit, &[("title", "x"), ("body", "x"), ("action", "publish")]).await.status,
        StatusCode::NOT_FOUND
    );

    // After the window, the author may still delete but not edit; a late edit keeps its text.
    app.clock.advance(11 * 60);
    let late = willow.get(&edit).await;
    assert_eq!(late.status, StatusCode::OK);
    assert!(!late.body.contains("name=\"body\"") && late.body.contains("name=\"confirm\""));
    assert!(late.body.contains("time to edit this post has passed"));
    assert!(!willow.get(&topic).await.body.contains(&format!("href=\"{edit}\"")));
    let refused = willow.post(&edit, &[("title", "Too late"), ("body", "Late words"), ("action", "publish")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(">Late words</textarea>"));
    let (title,): (String,) = sqlx::query_as("SELECT title FROM topics WHERE id = $1")
        .bind(id_of(&topic))
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(title, "Éloïse’s week");

    // Staff change someone else's post only by redacting it (a reason, the
    // author told, the original kept): the edit form sends them there.
    let staff_form = group.facilitator.get(&edit).await;
    assert_eq!(staff_form.status, StatusCode::SEE_OTHER);
    assert_eq!(staff_form.location(), Some(format!("/posts/{first}/redact").as_str()));
    let staff_saved = group
        .facilitator
        .post(&edit, &[("title", "A week"), ("body", "Changed by staff"), ("action", "publish")])
        .await;
    assert_eq!(staff_saved.status, StatusCode::NOT_FOUND);
    assert!(!rowan.get(&topic).await.body.contains("Changed by staff"));
    app.stop().await;
}

async fn deleting_a_post_removes_its_words(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let topic = start_topic(&willow, &group, "Talking", "", "Opening words").await;
    reply(&willow, &topic, "Something I regret sharing").await;
    reply(&rowan, &topic, "A kind answer").await;
    let ids = post_ids(&app, &topic).await;
    let (regretted, answer) = (ids[1], ids[2]);
    rowan.get(&topic).await;
    rowan.post(&format!("{topic}/react"), &[("react", &format!("{regretted}-support"))]).await;

    let page = willow.get(&topic).await;
    assert!(page.body.contains(&format!("href=\"/posts/{regretted}/edit#delete\"")));
    assert!(!page.body.contains(&format!("href=\"/posts/{answer}/edit#delete\"")));
    let edit = willow.get(&format!("/posts/{regretted}/edit")).await;
    assert!(edit.body.contains(&format!("action=\"/posts/{regretted}/delete\"")));

    // Others cannot delete it; without the confirmation box nothing happens.
    assert_eq!(
        rowan.post(&format!("/posts/{regretted}/delete"), &[("confirm", "yes")]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        willow.post(&format!("/posts/{answer}/delete"), &[("confirm", "yes")]).await.status,
        StatusCode::NOT_FOUND
    );
    let unconfirmed = willow.post(&format!("/posts/{regretted}/delete"), &[]).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unconfirmed.body.contains("tick the box"));

    let deleted = willow.post(&format!("/posts/{regretted}/delete"), &[("confirm", "yes")]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    let row: (String, String, Option<String>, String, Option<i64>) =
        sqlx::query_as("SELECT body_md, body_html, warning, search_text, deleted_at FROM posts WHERE id = $1")
            .bind(regretted)
            .fetch_one(&app.state.db.read)
            .await
            .unwrap();
    assert_eq!((row.0.as_str(), row.1.as_str(), row.2, row.3.as_str()), ("", "", None, ""));
    assert!(row.4.is_some());
    let (reactions,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM reactions WHERE post_id = $1")
        .bind(regretted)
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(reactions, 0);

    // It keeps its place; its words are gone; it cannot be edited, reacted to or deleted again.
    let page = rowan.get(&topic).await;
    assert!(page.body.contains(&format!("id=\"post-{regretted}\"")));
    assert!(page.body.contains("This post was deleted by its author."));
    assert!(!page.body.contains("Something I regret sharing"));
    assert!(page.body.contains("A kind answer"));
    assert_eq!(willow.get(&format!("/posts/{regretted}/edit")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        rowan.post(&format!("{topic}/react"), &[("react", &format!("{regretted}-support"))]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        willow.post(&format!("/posts/{regretted}/delete"), &[("confirm", "yes")]).await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

async fn staff_pin_and_lock_and_a_locked_topic_takes_only_staff_replies(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let older = start_topic(&willow, &group, "Older topic", "", "First").await;
    let topic = start_topic(&willow, &group, "Newer topic", "", "Second").await;
    let (pin, lock) = (format!("{older}/pin"), format!("{older}/lock"));

    // Members have no such buttons, and the routes do not exist for them.
    assert!(!willow.get(&older).await.body.contains(&format!("action=\"{pin}\"")));
    assert_eq!(willow.post(&pin, &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(willow.post(&lock, &[]).await.status, StatusCode::NOT_FOUND);

    let staff_page = group.facilitator.get(&older).await;
    assert!(staff_page.body.contains(&format!("action=\"{pin}\"")) && staff_page.body.contains("Pin this topic"));
    let pinned = group.facilitator.post(&pin, &[]).await;
    assert_eq!((pinned.status, pinned.location()), (StatusCode::SEE_OTHER, Some(older.as_str())));
    let list = list_for(&app, "Rowan", &group, None).await;
    let titles: Vec<_> = list.items.iter().map(|t| (t.title.as_str(), t.pinned)).collect();
    assert_eq!(titles, [("Older topic", true), ("Newer topic", false)]);
    assert!(group.facilitator.get(&older).await.body.contains("Unpin this topic"));

    assert_eq!(group.facilitator.post(&lock, &[]).await.status, StatusCode::SEE_OTHER);
    let member_view = rowan.get(&older).await;
    assert!(member_view.body.contains("closed this topic to new replies"));
    assert!(!member_view.body.contains(&format!("action=\"{older}/reply#reply\"")));
    let refused = reply(&rowan, &older, "My reply to a locked topic").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(">My reply to a locked topic</textarea>"), "the words come back");
    let staff_reply = reply(&group.facilitator, &older, "Closing this with care.").await;
    assert_eq!(staff_reply.status, StatusCode::SEE_OTHER, "{}", staff_reply.body);
    assert_eq!(post_ids(&app, &older).await.len(), 2);
    // The other topic is untouched; unlocking reopens replies.
    assert_eq!(reply(&rowan, &topic, "Open here").await.status, StatusCode::SEE_OTHER);
    group.facilitator.post(&lock, &[]).await;
    assert_eq!(reply(&rowan, &older, "Now it is open").await.status, StatusCode::SEE_OTHER);
    group.facilitator.post(&pin, &[]).await;
    let list = list_for(&app, "Rowan", &group, None).await;
    assert!(list.items.iter().all(|t| !t.pinned && !t.locked));
    app.stop().await;
}

async fn reactions_toggle_and_only_staff_see_who_reacted(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let topic = start_topic(&willow, &group, "Good news", "", "I found a place to live").await;
    let post = post_ids(&app, &topic).await[0];
    let react = format!("{topic}/react");
    let (support, me_too, thank_you) =
        (format!("{post}-support"), format!("{post}-me-too"), format!("{post}-thank-you"));

    rowan.get(&topic).await;
    let reacted = rowan.post(&react, &[("react", &support)]).await;
    assert_eq!(reacted.status, StatusCode::SEE_OTHER);
    assert_eq!(reacted.location().unwrap(), format!("{topic}#post-{post}"));
    let page = rowan.get(&topic).await;
    let button =
        format!("<button form=\"r\" name=\"react\" value=\"{support}\" aria-pressed=\"true\">Support · 1</button>");
    assert!(page.body.contains(&button), "{}", page.body);
    assert_eq!(count(&page.body, "name=\"csrf\""), 3, "one reaction form for the page (and sign-out, reply)");
    // Pressing again takes it back.
    rowan.post(&react, &[("react", &support)]).await;
    assert!(rowan.get(&topic).await.body.contains("aria-pressed=\"false\">Support · 0</button>"));

    rowan.post(&react, &[("react", &me_too)]).await;
    willow.post(&react, &[("react", &me_too)]).await;
    willow.post(&react, &[("react", &thank_you)]).await;
    let page = willow.get(&topic).await;
    assert!(page.body.contains("aria-pressed=\"true\">Me too · 2</button>"));
    assert!(page.body.contains("aria-pressed=\"true\">Thank you · 1</button>"));
    // The page the member was on is where they come back to.
    let back = rowan.post(&react, &[("react", &thank_you), ("page", &format!("after-{}", post - 1))]).await;
    assert_eq!(back.location().unwrap(), format!("{topic}?after={}#post-{post}", post - 1));

    // Counts for members; names for staff only.
    let who = format!("/posts/{post}/reactions");
    assert!(!page.body.contains(&format!("href=\"{who}\"")));
    assert_eq!(willow.get(&who).await.status, StatusCode::NOT_FOUND);
    assert_eq!(rowan.get(&who).await.status, StatusCode::NOT_FOUND);
    assert!(group.facilitator.get(&topic).await.body.contains(&format!("href=\"{who}\"")));
    let names = group.facilitator.get(&who).await;
    assert_eq!(names.status, StatusCode::OK);
    assert!(names.body.contains("<li>Rowan · Me too</li>") && names.body.contains("<li>Willow · Thank you</li>"));

    for bad in [format!("{post}-like"), "support".to_owned()] {
        assert_eq!(rowan.post(&react, &[("react", &bad)]).await.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    assert_eq!(rowan.post(&react, &[]).await.status, StatusCode::BAD_REQUEST);
    // A post of another topic is not this topic's to react to.
    let other = start_topic(&rowan, &group, "Elsewhere", "", "Other words").await;
    assert_eq!(rowan.post(&format!("{other}/react"), &[("react", &support)]).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

/// Home's unread count reads a bounded number of topics per group (so it costs
/// the same in a forum of any size): the 100 most recently active ones.
async fn home_counts_unread_posts_in_the_hundred_most_recently_active_topics(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let mut topics = Vec::new();
    for n in 1..=101 {
        topics.push(start_topic(&willow, &group, &format!("Topic {n}"), "", &format!("Words number {n}")).await);
    }
    // Numbers come between Unicode isolation marks, as Fluent puts them.
    let new_posts = |n: usize| format!("\u{2068}{n}\u{2069} new posts");
    assert!(rowan.get("/").await.body.contains(&new_posts(100)), "the oldest topic is past the 100 newest");
    // A reply brings the oldest topic back among the 100; the second oldest drops out.
    assert_eq!(reply(&willow, &topics[0], "Back again").await.status, StatusCode::SEE_OTHER);
    assert!(rowan.get("/").await.body.contains(&new_posts(101)), "99 topics of one post and one of two");
    rowan.get(&topics[0]).await;
    assert!(rowan.get("/").await.body.contains(&new_posts(99)));
    app.stop().await;
}

async fn long_topics_page_by_keyset_and_the_list_counts_new_posts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let topic = start_topic(&willow, &group, "A long talk", "", "Post number 1").await;
    for n in 2..=120 {
        let page = reply(&willow, &topic, &format!("Post number {n}")).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
    }
    let ids = post_ids(&app, &topic).await;
    assert_eq!(ids.len(), 120);
    let never_opened = list_for(&app, "Rowan", &group, None).await;
    assert_eq!(never_opened.items[0].new_count, 120);
    assert_eq!(never_opened.items[0].unread_href.as_deref(), Some(topic.as_str()));

    // The first page: 50 posts, a link to newer ones, no "first page" link.
    let first = rowan.get(&topic).await;
    assert_eq!(count(&first.body, "<article id="), 50);
    assert!(first.body.contains(&format!("href=\"{topic}?after={}\"", ids[49])));
    assert!(!first.body.contains("First page"));
    let list = list_for(&app, "Rowan", &group, None).await;
    assert_eq!(list.items[0].new_count, 70);
    let unread = format!("{topic}?after={}#post-{}", ids[49], ids[50]);
    assert_eq!(list.items[0].unread_href.as_deref(), Some(unread.as_str()));
    // The topic page points to the first unread post too.
    assert!(rowan.get(&topic).await.body.contains(&format!("href=\"{unread}\"")));

    let second = rowan.get(&format!("{topic}?after={}", ids[49])).await;
    assert_eq!(count(&second.body, "<article id="), 50);
    assert!(second.body.contains("Post number 51<") && second.body.contains("Post number 100<"));
    assert!(second.body.contains("First page") && second.body.contains(&format!("?before={}", ids[50])));
    let third = rowan.get(&format!("{topic}?after={}", ids[99])).await;
    assert_eq!(count(&third.body, "<article id="), 20);
    assert!(!third.body.contains("Newer posts"));
    let earlier = rowan.get(&format!("{topic}?before={}", ids[100])).await;
    assert!(earlier.body.contains("Post number 51<") && earlier.body.contains("Post number 100<"));
    assert!(!earlier.body.contains("Post number 101<"));

    let read_all = list_for(&app, "Rowan", &group, None).await;
    assert_eq!((read_all.items[0].new_count, read_all.items[0].unread_href.clone()), (0, None));
    let (last_read, read_count): (i64, i64) =
        sqlx::query_as("SELECT last_read_post_id, read_count FROM topic_reads WHERE topic_id = $1 AND user_id = $2")
            .bind(id_of(&topic))
            .bind(app.user_id("Rowan").await)
            .fetch_one(&app.state.db.read)
            .await
            .unwrap();
    assert_eq!((last_read, read_count), (ids[119], 120));
    // Going back to the first page does not move the marker back.
    rowan.get(&topic).await;
    assert_eq!(list_for(&app, "Rowan", &group, None).await.items[0].new_count, 0);

    // One more reply is one new post, linked directly.
    assert_eq!(reply(&willow, &topic, "Post number 121").await.status, StatusCode::SEE_OTHER);
    let newest = *post_ids(&app, &topic).await.last().unwrap();
    let list = list_for(&app, "Rowan", &group, None).await;
    assert_eq!(list.items[0].new_count, 1);
    let expected = format!("{topic}?after={}#post-{newest}", ids[119]);
    assert_eq!(list.items[0].unread_href.as_deref(), Some(expected.as_str()));

    // The author's own posts never count as new to them.
    assert_eq!(list_for(&app, "Willow", &group, None).await.items[0].new_count, 0);
    // The group page shows the list with the count.
    let group_page = rowan.get(&format!("/groups/{}", group.slug)).await;
    assert_eq!(group_page.status, StatusCode::OK);
    assert!(group_page.body.contains("\u{2068}1\u{2069} new post"), "{}", group_page.body);
    assert!(group_page.body.contains(&format!("href=\"{expected}\"")));
    assert!(group_page.body.contains("Started by \u{2068}Willow\u{2069}") && group_page.body.contains("A long talk"));
    app.stop().await;
}

async fn the_topic_list_pages_with_pinned_topics_first(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let mut made = Vec::new();
    for n in 1..=32 {
        made.push(start_topic(&willow, &group, &format!("Topic {n}"), "", "Hello").await);
        app.clock.advance(1);
    }
    group.facilitator.get(&made[0]).await;
    group.facilitator.post(&format!("{}/pin", made[0]), &[]).await;

    let first = list_for(&app, "Willow", &group, None).await;
    assert_eq!(first.items.len(), 30);
    assert_eq!(first.items[0].title, "Topic 1");
    assert_eq!(first.items[1].title, "Topic 32");
    assert_eq!(first.items[29].title, "Topic 4");
    assert!(first.newest_href.is_none());
    assert_eq!(first.new_topic_href.as_deref(), Some("/groups/circle/topics/new"));
    let older = first.older_href.clone().unwrap();
    let before = older.strip_prefix("/groups/circle?before=").unwrap();
    let second = list_for(&app, "Willow", &group, Some(before)).await;
    let titles: Vec<_> = second.items.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Topic 3", "Topic 2"]);
    assert!(second.older_href.is_none());
    assert_eq!(second.newest_href.as_deref(), Some("/groups/circle"));

    // A mangled cursor is a bad request, not a crash.
    let user_id = app.user_id("Willow").await;
    let found =
        hearth::groups::store::group_by_id_for_viewer(&app.state.db.read, user_id, group.id, app.state.clock.now())
            .await
            .unwrap()
            .unwrap();
    assert!(topics::topic_list(&app.state, user_id, &found, Some("x-y".into())).await.is_err());
    let page = willow.get("/groups/circle?before=nonsense").await;
    assert!(page.status.is_client_error(), "{}", page.status);
    app.stop().await;
}

async fn another_groups_topics_and_posts_do_not_exist(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group_a = app.group("alpha").await;
    let group_b = app.group("beta").await;
    let willow = app.member_of(&group_a, "Willow").await;
    let bram = app.member_of(&group_b, "Bram").await;
    let topic = start_topic(&willow, &group_a, "Only for alpha", "", "Private words").await;
    let post = post_ids(&app, &topic).await[0];
    willow.post(&format!("{topic}/react"), &[("react", &format!("{post}-support"))]).await;

    // A member of another group, that group's staff and its lead: all outsiders here.
    for outsider in [&bram, &group_b.facilitator, &group_b.lead] {
        outsider.get("/account").await;
        let gets = [
            topic.clone(),
            format!("{topic}?after=0"),
            format!("/posts/{post}/edit"),
            format!("/posts/{post}/reactions"),
            new_topic_path(&group_a),
        ];
        for path in gets {
            let page = outsider.get(&path).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "GET {path}");
            assert!(!page.body.contains("Only for alpha") && !page.body.contains("Private words"));
        }
        let support = format!("{post}-support");
        let posts: [(String, Vec<(&str, &str)>); 8] = [
            (format!("{topic}/reply"), vec![("body", "intrusion"), ("action", "publish")]),
            (format!("{topic}/reply"), vec![("body", "intrusion"), ("action", "preview")]),
            (format!("{topic}/pin"), vec![]),
            (format!("{topic}/lock"), vec![]),
            (format!("/posts/{post}/edit"), vec![("title", "x"), ("body", "intrusion"), ("action", "publish")]),
            (format!("/posts/{post}/delete"), vec![("confirm", "yes")]),
            (format!("{topic}/react"), vec![("react", &support)]),
            (new_topic_path(&group_a), vec![("title", "x"), ("body", "intrusion"), ("action", "publish")]),
        ];
        for (path, fields) in posts {
            assert_eq!(outsider.post(&path, &fields).await.status, StatusCode::NOT_FOUND, "POST {path}");
        }
    }
    // Missing ids look exactly the same.
    assert_eq!(bram.get("/topics/999999").await.status, StatusCode::NOT_FOUND);
    assert_eq!(bram.get("/posts/999999/edit").await.status, StatusCode::NOT_FOUND);

    // Nothing changed.
    let (title, pinned, locked, count): (String, i64, i64, i64) =
        sqlx::query_as("SELECT title, pinned, locked, post_count FROM topics WHERE id = $1")
            .bind(id_of(&topic))
            .fetch_one(&app.state.db.read)
            .await
            .unwrap();
    assert_eq!((title.as_str(), pinned, locked, count), ("Only for alpha", 0, 0, 1));
    let (body, reactions): (String, i64) =
        sqlx::query_as("SELECT body_md, (SELECT COUNT(*) FROM reactions WHERE post_id = $1) FROM posts WHERE id = $1")
            .bind(post)
            .fetch_one(&app.state.db.read)
            .await
            .unwrap();
    assert_eq!((body.as_str(), reactions), ("Private words", 1));
    let (topics_in_b,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM topics WHERE group_id = $1")
        .bind(group_b.id)
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(topics_in_b, 0);

    // A member who has not accepted the changed agreements cannot read either.
    sqlx::query("UPDATE support_groups SET agreements_version = agreements_version + 1 WHERE id = $1")
        .bind(group_a.id)
        .execute(&app.state.db.write)
        .await
        .unwrap();
    assert_eq!(willow.get(&topic).await.status, StatusCode::NOT_FOUND);
    assert_eq!(reply(&willow, &topic, "still here?").await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn bad_input_is_refused_and_the_text_kept(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let path = new_topic_path(&group);
    willow.get(&path).await;

    let empty = willow.post(&path, &[("title", "Kept title"), ("body", "  \r\n "), ("action", "publish")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("Your post is empty") && empty.body.contains("value=\"Kept title\""));
    let long_title = "t".repeat(121);
    let too_long = willow.post(&path, &[("title", &long_title), ("body", "Kept body"), ("action", "publish")]).await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.body.contains("at most 120 characters") && too_long.body.contains(">Kept body</textarea>"));
    assert!(too_long.body.contains("aria-invalid=\"true\""));
    let no_title = willow.post(&path, &[("body", "Kept body"), ("action", "preview")]).await;
    assert_eq!(no_title.status, StatusCode::UNPROCESSABLE_ENTITY);
    let long_body = "b".repeat(20_001);
    let huge = willow.post(&path, &[("title", "Fine"), ("body", &long_body), ("action", "publish")]).await;
    assert_eq!(huge.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(huge.body.contains("20,000"));
    let long_warning = "w".repeat(121);
    let warning = willow
        .post(&path, &[("title", "Fine"), ("warning", &long_warning), ("body", "x"), ("action", "publish")])
        .await;
    assert_eq!(warning.status, StatusCode::UNPROCESSABLE_ENTITY);
    // A NUL byte (which PostgreSQL refuses) is dropped, not a crash.
    let topic = start_topic(&willow, &group, "Odd\u{0} bytes", "", "Body with \u{0} nul").await;
    let empty_reply = reply(&willow, &topic, "").await;
    assert_eq!(empty_reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty_reply.body.contains("Your post is empty"));
    let (topics_stored,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM topics").fetch_one(&app.state.db.read).await.unwrap();
    assert_eq!(topics_stored, 1);

    // Ids that are not numbers do not exist; malformed page cursors are bad requests.
    for path in ["/topics/abc", "/topics/1e3", "/posts/x/edit", "/posts/-/reactions", "/topics/99999999999999999999"] {
        assert_eq!(willow.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        "/topics/abc/reply",
        "/topics/abc/pin",
        "/topics/abc/lock",
        "/posts/x/edit",
        "/posts/x/delete",
        "/topics/x/react",
    ] {
        assert_eq!(
            willow.post(path, &[("body", "x"), ("kind", "support")]).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    assert_eq!(willow.get(&format!("{topic}?after=abc")).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(willow.get(&format!("{topic}?before=1.5")).await.status, StatusCode::BAD_REQUEST);
    let past_the_end = willow.get(&format!("{topic}?after=99999")).await;
    assert_eq!(past_the_end.status, StatusCode::OK);
    assert!(past_the_end.body.contains("no posts on this page") && past_the_end.body.contains("First page"));
    app.stop().await;
}

async fn an_ended_group_is_read_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let topic = start_topic(&willow, &group, "Before the end", "", "Words that stay readable").await;
    let post = post_ids(&app, &topic).await[0];
    sqlx::query("UPDATE support_groups SET ends_at = $1 WHERE id = $2")
        .bind(app.state.clock.now() - 1)
        .bind(group.id)
        .execute(&app.state.db.write)
        .await
        .unwrap();

    let page = willow.get(&topic).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Words that stay readable") && page.body.contains("read-only"));
    assert!(!page.body.contains("name=\"body\"") && !page.body.contains("name=\"react\""));
    assert!(!page.body.contains("/edit\""));
    let staff_page = group.facilitator.get(&topic).await;
    assert!(!staff_page.body.contains("/pin\"") && !staff_page.body.contains("name=\"body\""));
    assert_eq!(reply(&willow, &topic, "late").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        willow.post(&format!("{topic}/react"), &[("react", &format!("{post}-support"))]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(willow.get(&new_topic_path(&group)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(willow.get(&format!("/posts/{post}/edit")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(group.facilitator.post(&format!("{topic}/lock"), &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(list_for(&app, "Willow", &group, None).await.new_topic_href, None);
    app.stop().await;
}
