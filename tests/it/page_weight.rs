//! The topic page stays light for phones on slow links: beyond the posts'
//! own HTML, a 50-post page carries a small frame and little markup per post,
//! for the posts' author (edit and delete links) and for another member.

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, TestApp},
};

on_both_backends!(a_fifty_post_page_carries_little_markup_per_post);

/// About the length of a short post (~115 characters of text).
const WORDS: &str = "Some evenings are easier now. I walked to the river and back, and \
                     nobody followed me. Thank you all for listening.";

async fn a_fifty_post_page_carries_little_markup_per_post(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let new_topic = format!("/groups/{}/topics/new", group.slug);
    willow.get(&new_topic).await;
    let fields = [("title", "Evenings"), ("body", WORDS), ("action", "publish")];
    let started = willow.post(&new_topic, &fields).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let topic = started.location().unwrap().to_owned();
    let first_html: (String,) =
        sqlx::query_as("SELECT body_html FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    let mut one_post = Vec::new();
    for reader in [&willow, &rowan] {
        one_post.push(reader.get(&topic).await.body.len() - first_html.0.len());
    }
    for n in 1..50 {
        let page =
            willow.post(&format!("{topic}/reply"), &[("body", &format!("{WORDS} ({n})")), ("action", "publish")]).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
    }
    let topic_id: i64 = topic.rsplit('/').next().unwrap().parse().unwrap();
    let bodies: Vec<(String,)> = sqlx::query_as("SELECT body_html FROM posts WHERE topic_id = $1")
        .bind(topic_id)
        .fetch_all(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(bodies.len(), 50);
    let own_html: usize = bodies.iter().map(|(html,)| html.len()).sum();

    for ((who, reader), one) in [("author", &willow), ("another member", &rowan)].into_iter().zip(one_post) {
        let page = reader.get(&topic).await;
        assert_eq!(page.status, StatusCode::OK);
        let markup = page.body.len() - own_html;
        let per_post = (markup - one) / 49;
        let frame = one - per_post;
        eprintln!("topic page for the {who}: {} bytes; frame {frame}, {per_post} per post", page.body.len());
        assert!(frame <= 3 * 1024, "the frame around the posts: {frame} bytes");
        assert!(per_post <= 520, "markup per post for the {who}: {per_post} bytes");
    }
    app.stop().await;
}
