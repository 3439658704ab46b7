//! Search finds words only in the groups the searcher may read: never
//! another organisation's group, not before the agreements are accepted, never
//! a deleted post, and no query, however hostile, breaks it.

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, GroupSetup, TestApp, Visitor},
};

on_both_backends!(
    search_finds_only_what_the_searcher_may_read,
    search_words_are_prefixes_and_all_required,
    the_search_form_is_accessible_in_both_languages,
    hostile_queries_never_fail,
);

/// Publishes through the real forms, as `author` (signed in): a new topic in
/// `group` when `topic_id` is None, else a reply. Returns (topic id, post id).
pub async fn publish(
    app: &TestApp,
    author: &Visitor,
    group: &GroupSetup,
    topic_id: Option<i64>,
    title: &str,
    body: &str,
) -> (i64, i64) {
    publish_warned(app, author, group, topic_id, title, "", body).await
}

/// The same with a content warning.
pub async fn publish_warned(
    app: &TestApp,
    author: &Visitor,
    group: &GroupSetup,
    topic_id: Option<i64>,
    title: &str,
    warning: &str,
    body: &str,
) -> (i64, i64) {
    let fields = [("title", title), ("warning", warning), ("body", body), ("action", "publish")];
    let page = match topic_id {
        None => {
            let form = format!("/groups/{}/topics/new", group.slug);
            author.get(&form).await;
            author.post(&form, &fields).await
        }
        Some(id) => {
            author.get("/account").await; // a CSRF token, without reading the topic
            author.post(&format!("/topics/{id}/reply"), &fields[1..]).await
        }
    };
    assert_eq!(page.status, StatusCode::SEE_OTHER, "publishing {body:?}: {}", page.body);
    let location = page.location().unwrap();
    let topic_id: i64 = location.trim_start_matches("/topics/").split(['?', '#']).next().unwrap().parse().unwrap();
    let (post_id,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM posts WHERE topic_id = $1")
        .bind(topic_id)
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    (topic_id, post_id)
}

/// Marks a post deleted without touching its text, so only the search's own
/// filter can keep it out.
pub async fn mark_deleted(app: &TestApp, post_id: i64) {
    sqlx::query("UPDATE posts SET deleted_at = $1 WHERE id = $2")
        .bind(app.state.clock.now())
        .bind(post_id)
        .execute(&app.state.db.write)
        .await
        .unwrap();
}

/// A query string value, percent-encoded byte by byte.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn search(visitor: &Visitor, query: &str) -> String {
    let page = visitor.get(&format!("/search?q={}", encode(query))).await;
    assert_eq!(page.status, StatusCode::OK, "{query:?}: {}", page.body);
    page.body
}

async fn search_finds_only_what_the_searcher_may_read(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = app.group("a").await;
    let b = app.group("b").await;
    let alice = app.member_of(&a, "Alice").await;
    let bea = app.member_of(&b, "Bea").await;
    let outsider = app.member("Cleo").await;
    let root = app.admin("Keeper").await;
    let (topic, post) =
        publish(&app, &alice, &a, None, "Nights at Éloïse's", "The zinnialumen garden helped me sleep.").await;
    let anchor = format!("/topics/{topic}?after={}#post-{post}", post - 1);

    // A member of A finds it, accents and capitals folded either way.
    for query in ["zinnialumen", "ELOISE", "éloïse garden", "Zinnia"] {
        let body = search(&alice, query).await;
        assert!(body.contains(&anchor), "{query}: {body}");
        assert!(body.contains("Nights at Éloïse&#39;s") || body.contains("Nights at Éloïse&#x27;s"), "{body}");
        assert!(body.contains("Group a") && body.contains("Alice"), "{body}");
        assert!(body.contains("The zinnialumen garden helped me sleep."), "the excerpt is shown: {body}");
    }
    // So does A's facilitator, who may read the group.
    assert!(search(&a.facilitator, "zinnialumen").await.contains(&anchor));

    // No one else does: B's member, facilitator and lead, a member of no group, the instance admin.
    for (who, visitor) in [
        ("B member", &bea),
        ("B facilitator", &b.facilitator),
        ("B lead", &b.lead),
        ("outsider", &outsider),
        ("admin", &root),
    ] {
        for query in ["zinnialumen", "eloise", "nights"] {
            let body = search(visitor, query).await;
            assert!(
                !body.contains(&format!("#post-{post}")) && !body.contains("Nights at"),
                "{who} found {query}: {body}"
            );
            assert!(body.contains("Nothing matches"), "{who}: {body}");
        }
    }

    // A member of A who has not accepted the current agreements finds nothing of A.
    let dana = app.member_of(&a, "Dana").await;
    assert!(search(&dana, "zinnialumen").await.contains(&anchor));
    sqlx::query("UPDATE support_groups SET agreements_version = agreements_version + 1 WHERE id = $1")
        .bind(a.id)
        .execute(&app.state.db.write)
        .await
        .unwrap();
    assert!(!search(&dana, "zinnialumen").await.contains(&anchor));
    assert!(!search(&alice, "zinnialumen").await.contains(&anchor));
    assert!(search(&a.facilitator, "zinnialumen").await.contains(&anchor), "staff read without accepting");

    // A deleted post is never found: deleted by its author, or only marked
    // deleted with its words still stored.
    let (_, reply) =
        publish(&app, &a.facilitator, &a, Some(topic), "", "quartzvelvet is a word no one else uses").await;
    let (_, marked) = publish(&app, &a.facilitator, &a, Some(topic), "", "quartzvelvet again").await;
    let found = search(&a.facilitator, "quartzvelvet").await;
    assert!(found.contains(&format!("#post-{reply}")) && found.contains(&format!("#post-{marked}")));
    let deleted = a.facilitator.post(&format!("/posts/{reply}/delete"), &[("confirm", "yes")]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    mark_deleted(&app, marked).await;
    let found = search(&a.facilitator, "quartzvelvet").await;
    assert!(!found.contains(&format!("#post-{reply}")) && !found.contains(&format!("#post-{marked}")), "{found}");
    app.stop().await;
}

async fn search_words_are_prefixes_and_all_required(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = app.group("a").await;
    let alice = app.member_of(&a, "Alice").await;
    let (_, first) = publish(&app, &alice, &a, None, "Parenting alone", "Weekends with the children are long.").await;
    let (topic, _) = publish(&app, &alice, &a, None, "Courts", "Custody hearing next week; l'été sera long.").await;
    let (_, warned) =
        publish_warned(&app, &alice, &a, Some(topic), "", "court details", "Mentions of the hearing in detail.").await;

    let body = search(&alice, "parent child").await;
    assert!(body.contains(&format!("#post-{first}")), "{body}");
    assert!(!search(&alice, "parent courts").await.contains("#post-"), "every word must match");
    assert!(search(&alice, "ete").await.contains("Courts"), "l'été is found by ete");
    // Newest first; a post with a warning shows its excerpt folded behind it.
    let body = search(&alice, "hearing").await;
    let newer = body.find(&format!("#post-{warned}")).unwrap();
    let older = body.find(&format!("#post-{}", warned - 1)).unwrap();
    assert!(newer < older, "{body}");
    assert!(body.contains("<details>") && body.contains("Content warning: \u{2068}court details\u{2069}"), "{body}");
    // Punctuation alone searches for nothing, without failing.
    assert!(search(&alice, "\"*&|!():").await.contains("Nothing matches"));
    // The author's account is gone: "former member".
    sqlx::query("UPDATE posts SET author_id = NULL WHERE id = $1")
        .bind(first)
        .execute(&app.state.db.write)
        .await
        .unwrap();
    assert!(search(&alice, "weekends").await.contains("former member"));
    app.stop().await;
}

async fn the_search_form_is_accessible_in_both_languages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = app.group("a").await;
    let alice = app.member_of(&a, "Alice").await;
    let empty = alice.get("/search").await;
    assert_eq!(empty.status, StatusCode::OK);
    for piece in ["role=\"search\"", "<label for=\"q\">", "id=\"q\" name=\"q\" type=\"search\"", "method=\"get\""] {
        assert!(empty.body.contains(piece), "{piece}: {}", empty.body);
    }
    assert!(!empty.body.contains("Results"), "an empty query shows just the form");
    let too_long = alice.get(&format!("/search?q={}", "a".repeat(201))).await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.body.contains("at most 200 characters") && too_long.body.contains("aria-invalid=\"true\""));
    assert_eq!(alice.get(&format!("/search?q={}", "a".repeat(200))).await.status, StatusCode::OK);

    let french = alice.clone().with_header("accept-language", "fr-CA");
    french.get("/account").await;
    french.post("/account/language", &[("language", "fr")]).await;
    let page = french.get("/search?q=rien").await;
    assert!(
        page.body.contains("Chercher dans vos groupes") && page.body.contains("Rien ne correspond"),
        "{}",
        page.body
    );
    let too_long = french.get(&format!("/search?q={}", "é".repeat(201))).await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.body.contains("au plus 200 caractères"));

    // Signed-out visitors are sent to sign in.
    assert_eq!(app.visitor().get("/search?q=x").await.status, StatusCode::SEE_OTHER);
    app.stop().await;
}

/// Every line of the Big List of Naughty Strings (all 742 lines less comments
/// and blanks), plus FTS5 and tsquery syntax, as a query: never a 5xx.
async fn hostile_queries_never_fail(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = app.group("a").await;
    let alice = app.member_of(&a, "Alice").await;
    publish(&app, &alice, &a, None, "A topic", "null undefined NEAR and or not 1 0 script alert").await;
    let corpus = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/blns.txt")).unwrap();
    let syntax = [
        "\"",
        "\"\"",
        "*",
        "a*",
        "\"a\"*",
        "NEAR(a b)",
        "NEAR(a b, 2)",
        "title:x",
        "search_text:x",
        "{search_text}: x",
        "a AND",
        "OR",
        "NOT a",
        "^a",
        "a + b",
        "a:*",
        "a & b | !c",
        "!(a)",
        "a <-> b",
        "a:B",
        "'a'",
        "(",
        ")",
        "\\",
        "-",
        "a -b",
        "\u{0}",
        "%",
        "_",
        "@",
    ];
    let lines = corpus.lines().filter(|line| !line.is_empty() && !line.starts_with('#')).chain(syntax);
    let mut tried = 0;
    for line in lines {
        let page = alice.get(&format!("/search?q={}", encode(line))).await;
        assert!(!page.status.is_server_error(), "{line:?} gave {}", page.status);
        let expected =
            if line.trim().chars().count() > 200 { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
        assert_eq!(page.status, expected, "{line:?}");
        tried += 1;
    }
    assert!(tried > 500, "only {tried} queries tried");
    app.stop().await;
}
