//! `hearth seed`: the benchmark's forum is one the app serves as its own —
//! a sampled member signs in and reads a full page of posts, sees unread
//! marks, finds their word — with every counter what counting says, and the
//! same seed writes the same words.

use hearth::seed::{self, Options, Size};
use reqwest::StatusCode;

use crate::support::{Backend, PASSWORD, TestApp};

crate::on_both_backends!(a_seeded_forum_is_served_like_any_other, the_same_seed_writes_the_same_forum);

async fn seeded(backend: Backend, seed_number: u64) -> (TestApp, Vec<Vec<String>>) {
    let app = TestApp::spawn(backend).await;
    let manifest =
        std::env::temp_dir().join(format!("hearth-manifest-{}-{seed_number}.tsv", app.state.config.listen.port()));
    let options = Options { size: Size::Tiny, seed: seed_number, manifest: Some(manifest.clone()) };
    let summary = seed::run(&app.state, &options, PASSWORD).await.unwrap();
    assert!(summary.contains("300 posts"), "{summary}");
    let lines = std::fs::read_to_string(&manifest).unwrap();
    std::fs::remove_file(manifest).unwrap();
    let lines = lines.lines().map(|line| line.split('\t').map(str::to_owned).collect()).collect();
    (app, lines)
}

async fn a_seeded_forum_is_served_like_any_other(backend: Backend) {
    let (app, manifest) = seeded(backend, 5).await;
    assert!(!manifest.is_empty());
    for line in &manifest {
        let [pseudonym, topic, group, word, page_bytes] = line.as_slice() else { panic!("{line:?}") };
        let member = app.visitor();
        assert_eq!(member.sign_in(pseudonym, PASSWORD).await.status, StatusCode::SEE_OTHER, "{pseudonym}");
        let page = member.get(topic).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.body.matches("<article id=\"post-").count(), 50, "a full page of {topic}");
        assert!(page.body.len() > page_bytes.parse::<usize>().unwrap(), "the posts' own HTML is part of the page");
        let group_page = member.get(group).await;
        assert_eq!(group_page.status, StatusCode::OK);
        assert!(group_page.body.contains("?after="), "unread marks on {group}: {}", group_page.body);
        let home = member.get("/").await;
        assert!(home.body.contains("class=\"badge\""), "unread counts at home: {}", home.body);
        let found = member.get(&format!("/search?q={word}")).await;
        assert!(found.body.contains(&format!("href=\"{topic}?after=")), "{word} finds {topic}: {}", found.body);
    }

    // Counters say what counting says: topics' posts and last post, markers' read counts.
    let read = &app.state.db.read;
    let (wrong_topics,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM topics t WHERE t.post_count <> (SELECT COUNT(*) FROM posts p WHERE p.topic_id = t.id \
           AND p.state = 'published') \
         OR t.last_post_id <> (SELECT MAX(p.id) FROM posts p WHERE p.topic_id = t.id) \
         OR t.last_post_at <> (SELECT p.created_at FROM posts p WHERE p.id = t.last_post_id)",
    )
    .fetch_one(read)
    .await
    .unwrap();
    assert_eq!(wrong_topics, 0);
    let (wrong_markers, unread): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN r.read_count <> (SELECT COUNT(*) FROM posts p WHERE p.topic_id = r.topic_id \
             AND p.id <= r.last_read_post_id AND p.state = 'published') THEN 1 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN r.read_count < t.post_count THEN 1 ELSE 0 END), 0) \
         FROM topic_reads r JOIN topics t ON t.id = r.topic_id",
    )
    .fetch_one(read)
    .await
    .unwrap();
    assert_eq!(wrong_markers, 0);
    assert!(unread > 0);
    // The search index holds every post (SQLite's FTS5 table is filled by its trigger).
    if backend == Backend::Sqlite {
        let (indexed,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM post_search WHERE post_search MATCH 'peer* OR a* OR the* OR i*'")
                .fetch_one(read)
                .await
                .unwrap();
        assert!(indexed > 0);
    }
    // The app's own writes carry on after the seeded ids.
    let member = app.visitor();
    let [pseudonym, topic, ..] = manifest[0].as_slice() else { panic!() };
    member.sign_in(pseudonym, PASSWORD).await;
    member.get(topic).await;
    let replied =
        member.post(&format!("{topic}/reply"), &[("body", "Thank you, this helps."), ("action", "publish")]).await;
    assert_eq!(replied.status, StatusCode::SEE_OTHER, "{}", replied.body);

    let again = seed::run(&app.state, &Options { size: Size::Tiny, seed: 5, manifest: None }, PASSWORD).await;
    assert!(again.unwrap_err().contains("only fills an empty one"));
    app.stop().await;
}

/// A post's id, topic, author, words and warning.
type PostFacts = (i64, i64, Option<i64>, String, Option<String>);

/// A digest of every post's words, author and place.
async fn content_digest(app: &TestApp) -> String {
    use sha2::{Digest, Sha256};
    let rows: Vec<PostFacts> =
        sqlx::query_as("SELECT id, topic_id, author_id, body_md, warning FROM posts ORDER BY id")
            .fetch_all(&app.state.db.read)
            .await
            .unwrap();
    let mut digest = Sha256::new();
    for row in rows {
        digest.update(format!("{row:?}\n").as_bytes());
    }
    data_encoding::HEXLOWER.encode(&digest.finalize())
}

async fn the_same_seed_writes_the_same_forum(backend: Backend) {
    let (first, _) = seeded(backend, 9).await;
    let (second, _) = seeded(backend, 9).await;
    let (other, _) = seeded(backend, 10).await;
    assert_eq!(content_digest(&first).await, content_digest(&second).await);
    assert_ne!(content_digest(&first).await, content_digest(&other).await);
    for app in [first, second, other] {
        app.stop().await;
    }
}
