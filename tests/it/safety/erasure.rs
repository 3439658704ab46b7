//! Deletion that really deletes: a member erases their account (deleting
//! their posts, or leaving them signed "former member"), staff do it on a
//! member's request, and a deleted post's words are gone from the database
//! file itself (SQLite), or from every row (PostgreSQL) — moderation's
//! records too: what staff kept of a redacted post, held and declined posts,
//! reports by and about the member, notices, staff notes, reset links, and
//! the audit log's mentions of them.

use reqwest::StatusCode;

use super::{plain, row_counts};
use crate::{
    on_both_backends,
    support::{Backend, GroupSetup, PASSWORD, TestApp, Visitor},
};

on_both_backends!(
    a_member_erases_their_account_and_their_words,
    keeping_the_posts_signs_them_former_member,
    staff_erase_an_account_on_the_members_request,
    a_deleted_post_leaves_no_trace_in_the_database,
);

const NAME: &str = "Quillon Marigold";

/// Words that only moderation's records of the busy member hold (see
/// `moderated`): each must be gone after an erasure, whatever the choice.
const MODERATED: [&str; 7] =
    ["Sandpiperlane", "Shelduckvale", "Gadwallmere", "Smewbrook", "Garganeyford", "Tealfordwick", "Pintailcross"];

/// The files a SQLite database is made of, read whole (`None` on PostgreSQL).
fn database_files(app: &TestApp) -> Option<Vec<(String, Vec<u8>)>> {
    let url = &app.state.config.database_url;
    let path = url.strip_prefix("sqlite://")?.split('?').next()?;
    let mut files = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let file = format!("{path}{suffix}");
        if let Ok(bytes) = std::fs::read(&file) {
            files.push((file, bytes));
        }
    }
    assert!(!files.is_empty() && files[0].1.len() > 4096, "read the database file at {path}");
    Some(files)
}

/// Where any of `needles` (as written, and lower-cased as search keeps it)
/// still appears in the database's files; empty on PostgreSQL.
fn traces(app: &TestApp, needles: &[&str]) -> Vec<String> {
    let Some(files) = database_files(app) else { return Vec::new() };
    let mut found = Vec::new();
    for needle in needles {
        for form in [needle.to_string(), needle.to_lowercase()] {
            for (file, bytes) in &files {
                if bytes.windows(form.len()).any(|window| window == form.as_bytes()) {
                    found.push(format!("{form:?} in {file}"));
                }
            }
        }
    }
    found
}

async fn publish(author: &Visitor, title: &str, body: &str) -> String {
    author.get("/groups/circle/topics/new").await;
    let page =
        author.post("/groups/circle/topics/new", &[("title", title), ("body", body), ("action", "publish")]).await;
    page.location().unwrap().split(['?', '#']).next().unwrap().to_owned()
}

async fn count(app: &TestApp, sql: &'static str, value: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(value).fetch_one(&app.state.db.read).await.unwrap();
    n
}

/// A member with a topic, a reply in someone else's topic, a reaction, a
/// check-in and a notification; returns (group, member, other member, their topic, other's topic).
async fn busy_member(app: &TestApp) -> (GroupSetup, Visitor, Visitor, String, String) {
    let group = app.group("circle").await;
    let member = app.member_of(&group, NAME).await;
    let rowan = app.member_of(&group, "Rowan").await;
    let own = publish(&member, "Zanzibar evenings", "Kestrelwood is where it happened.").await;
    let rowans = publish(&rowan, "Mornings", "Mornings are easier.").await;
    member.get(&rowans).await;
    member.post(&format!("{rowans}/reply"), &[("body", "Nightjarfield helps me."), ("action", "publish")]).await;
    rowan.get(&own).await;
    rowan.post(&format!("{own}/reply"), &[("body", "Thank you, @Quillon_Marigold."), ("action", "publish")]).await;
    let (post,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    member.get(&rowans).await;
    member.post(&format!("{rowans}/react"), &[("react", &format!("{}-support", post + 1)), ("page", "")]).await;
    member.get("/groups/circle/check-ins/new").await;
    member.post("/groups/circle/check-ins/new", &[("subject", "Plover question"), ("body", "Ortolan worries.")]).await;
    moderated(app, &group, &member, &rowan, &rowans, post).await;
    (group, member, rowan, own, rowans)
}

/// The member's trail in moderation: a reply staff redacted (its original
/// kept for them), a reply held for an e-mail address and one declined, a
/// report they made and one about them, a staff note, a reset link, and a
/// suspension whose reason names them. `first_post` is their topic's post;
/// Rowan's comes next.
async fn moderated(
    app: &TestApp,
    group: &GroupSetup,
    member: &Visitor,
    rowan: &Visitor,
    rowans: &str,
    first_post: i64,
) {
    let guide = &group.facilitator;
    let newest = || async {
        sqlx::query_as::<_, (i64,)>("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap().0
    };
    let reply = |body: &'static str| async move {
        member.get(rowans).await;
        member.post(&format!("{rowans}/reply"), &[("body", body), ("action", "publish")]).await
    };
    reply("I walk past Sandpiperlane every day.").await;
    let placed = newest().await;
    guide.get(&format!("/posts/{placed}/redact")).await;
    let redaction = [("body", "I walk past a place every day."), ("reason", "We took out a place name.")];
    assert_eq!(guide.post(&format!("/posts/{placed}/redact"), &redaction).await.status, StatusCode::SEE_OTHER);
    reply("Shelduckvale: write to me at quillon@example.org").await;
    reply("Gadwallmere, or quillon.m@example.org").await;
    let declined = newest().await;
    let sent_back =
        guide.post(&format!("/posts/{declined}/decline"), &[("note", "Please leave the address out.")]).await;
    assert_eq!(sent_back.status, StatusCode::SEE_OTHER);
    let (held,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM posts WHERE state IN ('held', 'declined')")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(held, 2, "one held, one declined");
    member.get(&format!("/posts/{}/report", first_post + 1)).await;
    let report = [("reason", "other"), ("details", "Smewbrook worries me.")];
    assert_eq!(member.post(&format!("/posts/{}/report", first_post + 1), &report).await.status, StatusCode::OK);
    rowan.get(&format!("/posts/{first_post}/report")).await;
    let report = [("reason", "unkind"), ("details", "Garganeyford again.")];
    assert_eq!(rowan.post(&format!("/posts/{first_post}/report"), &report).await.status, StatusCode::OK);
    let page = format!("/groups/circle/members/{}", app.user_id(NAME).await);
    guide.get(&page).await;
    guide.post(&format!("{page}/notes"), &[("body", "Asked about Tealfordwick.")]).await;
    guide.post(&format!("{page}/password-reset"), &[]).await;
    let suspension = [("days", "1"), ("reason", "Quillon Marigold shared Pintailcross.")];
    assert_eq!(guide.post(&format!("{page}/suspend"), &suspension).await.status, StatusCode::SEE_OTHER);
}

/// What moderation still holds of an erased account, by rows (both
/// backends): nothing, but the report they made (kept for staff to act on,
/// without their name or words) and audit entries that name no one.
async fn moderation_rows_left(app: &TestApp, user_id: i64) -> Vec<String> {
    let db = &app.state.db.read;
    let mut left = Vec::new();
    for (what, sql) in [
        ("notices to them", "SELECT COUNT(*) FROM member_notices WHERE user_id = $1"),
        ("notes about them", "SELECT COUNT(*) FROM staff_notes WHERE member_id = $1"),
        ("reset links", "SELECT COUNT(*) FROM password_resets WHERE user_id = $1"),
        ("reports they made", "SELECT COUNT(*) FROM reports WHERE reporter_id = $1"),
        (
            "audit entries",
            "SELECT COUNT(*) FROM audit_log WHERE actor_id = $1 OR target_kind = 'member' AND target_id = $1",
        ),
    ] {
        let (n,): (i64,) = sqlx::query_as(sql).bind(user_id).fetch_one(db).await.unwrap();
        left.extend((n > 0).then(|| format!("{what} with their id: {n}")));
    }
    for (what, sql) in [
        ("reports with a reporter's words", "SELECT COUNT(*) FROM reports WHERE details <> ''"),
        ("audit reasons naming them", "SELECT COUNT(*) FROM audit_log WHERE reason LIKE '%Marigold%'"),
        ("originals of redacted posts", "SELECT COUNT(*) FROM redactions"),
        ("posts never published", "SELECT COUNT(*) FROM posts WHERE state IN ('held', 'declined')"),
    ] {
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(db).await.unwrap();
        left.extend((n > 0).then(|| format!("{what}: {n}")));
    }
    let reports: Vec<(Option<i64>, String)> =
        sqlx::query_as("SELECT reporter_id, reason FROM reports").fetch_all(db).await.unwrap();
    if reports != [(None, "other".to_owned())] {
        left.push(format!("reports {reports:?}: theirs should stay without a name, the one about them go"));
    }
    let (nameless,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE target_kind = 'member' AND target_id = 0")
            .fetch_one(db)
            .await
            .unwrap();
    if nameless < 3 {
        left.push(format!("{nameless} audit entries about a former account, not 3 (note, reset link, suspension)"));
    }
    left
}

async fn a_member_erases_their_account_and_their_words(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_group, member, rowan, own, rowans) = busy_member(&app).await;
    let user_id = app.user_id(NAME).await;
    let words = [NAME, "Kestrelwood", "Nightjarfield", "Zanzibar", "Plover", "Ortolan"];
    assert!(!traces(&app, &words[..2]).is_empty() || backend == Backend::Postgres, "the search finds what is there");

    let form = member.get("/account/erase").await;
    assert_eq!(form.status, StatusCode::OK);
    for (fields, problem) in [
        (vec![("confirm", "yes"), ("current", PASSWORD)], "choose what happens"),
        (vec![("posts", "delete"), ("current", PASSWORD)], "tick the box"),
        (vec![("posts", "delete"), ("confirm", "yes"), ("current", "wrong password")], "current password isn"),
    ] {
        let page = member.post("/account/erase", &fields).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.body.contains(problem), "{problem}: {}", page.body);
    }
    assert_eq!(member.get("/").await.status, StatusCode::OK, "nothing erased yet");

    let erased = member.post("/account/erase", &[("posts", "delete"), ("confirm", "yes"), ("current", PASSWORD)]).await;
    assert_eq!(erased.status, StatusCode::OK);
    assert!(erased.body.contains("The account is erased"));
    assert_eq!(erased.header("clear-site-data"), Some("\"cache\", \"cookies\", \"storage\""));
    assert_eq!(member.get("/").await.location(), Some("/sign-in"));
    assert_eq!(app.visitor().sign_in(NAME, PASSWORD).await.status, StatusCode::UNPROCESSABLE_ENTITY);

    // What they started is gone with its replies; their reply elsewhere is gone, the topic stays.
    assert_eq!(rowan.get(&own).await.status, StatusCode::NOT_FOUND);
    let page = rowan.get(&rowans).await;
    assert!(page.body.contains("Mornings are easier.") && !page.body.contains("Nightjarfield"));
    for table in ["sessions", "recovery_codes", "memberships", "reactions", "topic_reads", "notifications"] {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE user_id = $1");
        let (n,): (i64,) =
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_one(&app.state.db.read).await.unwrap();
        assert_eq!(n, 0, "{table} rows of the erased account");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM users WHERE pseudonym = $1", NAME).await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM check_ins WHERE subject LIKE $1", "%Plover%").await, 0);
    for word in &words[1..] {
        let pattern = format!("%{word}%");
        let sql = "SELECT COUNT(*) FROM posts WHERE body_md LIKE $1 OR body_html LIKE $1 OR search_text LIKE LOWER($1)";
        assert_eq!(count(&app, sql, &pattern).await, 0, "{word} in a post row");
    }
    let counts = row_counts(&app, backend).await;
    assert_eq!(counts["users"], 3, "the lead, the facilitator and Rowan: {counts:?}");
    let rows = moderation_rows_left(&app, user_id).await;
    assert!(rows.is_empty(), "moderation's records still hold the erased account: {rows:?}");
    // SQLite: not a byte of it left in the database's files.
    let left = traces(&app, &[&words[..], &MODERATED[..]].concat());
    assert!(left.is_empty(), "still in the database files: {left:?}");
    app.stop().await;
}

async fn keeping_the_posts_signs_them_former_member(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_group, member, rowan, own, rowans) = busy_member(&app).await;
    let user_id = app.user_id(NAME).await;
    member.get("/account/erase").await;
    let erased = member.post("/account/erase", &[("posts", "keep"), ("confirm", "yes"), ("current", PASSWORD)]).await;
    assert_eq!(erased.status, StatusCode::OK);
    let page = plain(&rowan.get(&own).await.body);
    assert!(page.contains("Kestrelwood is where it happened.") && page.contains("former member"), "{page}");
    assert!(!page.contains(NAME));
    let others = rowan.get(&rowans).await.body;
    assert!(others.contains("Nightjarfield helps me.") && others.contains("I walk past a place every day."));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM check_ins WHERE subject LIKE $1", "%Plover%").await,
        0,
        "check-ins go"
    );
    let rows = moderation_rows_left(&app, user_id).await;
    assert!(rows.is_empty(), "moderation's records still hold the erased account: {rows:?}");
    let left = traces(&app, &[&[NAME][..], &MODERATED[..]].concat());
    assert!(left.is_empty(), "the pseudonym or moderation's records are still in the database files: {left:?}");
    app.stop().await;
}

async fn staff_erase_an_account_on_the_members_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (group, member, rowan, own, _) = busy_member(&app).await;
    let member_id = app.user_id(NAME).await;
    let path = format!("/groups/circle/members/{member_id}/erase");
    // The link sits with every other action on the member's page for staff.
    let members = group.facilitator.get("/groups/circle/members").await;
    assert!(members.body.contains(&format!("href=\"/groups/circle/members/{member_id}\"")));
    let member_page = group.facilitator.get(&format!("/groups/circle/members/{member_id}")).await;
    assert!(member_page.body.contains(&format!("href=\"{path}\"")));
    assert_eq!(rowan.get(&path).await.status, StatusCode::NOT_FOUND, "not for members");
    let lead_id = app.user_id("Lead-circle").await;
    let colleague = format!("/groups/circle/members/{lead_id}/erase");
    assert_eq!(group.facilitator.get(&colleague).await.status, StatusCode::NOT_FOUND, "not a colleague's account");
    let other = app.group("elsewhere").await;
    let stranger = app.member_of(&other, "Stranger").await;
    drop(stranger);
    let stranger_id = app.user_id("Stranger").await;
    let page = group.facilitator.get(&format!("/groups/circle/members/{stranger_id}/erase")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND, "not someone outside the group");

    // A banned account is kept, pseudonym included, until a lead lifts the ban.
    let other_member = app.member_of(&group, "Lurker").await;
    drop(other_member);
    let lurker = format!("/groups/circle/members/{}", app.user_id("Lurker").await);
    group.facilitator.post(&format!("{lurker}/ban"), &[("confirm", "yes")]).await;
    let banned = group.facilitator.get(&lurker).await;
    assert!(!banned.body.contains("/erase\"") && banned.body.contains("A banned account is kept"));
    assert_eq!(group.facilitator.get(&format!("{lurker}/erase")).await.status, StatusCode::NOT_FOUND);
    group.lead.post(&format!("{lurker}/unban"), &[]).await;
    assert!(group.facilitator.get(&lurker).await.body.contains(&format!("href=\"{lurker}/erase\"")));

    let page = group.facilitator.get(&path).await;
    assert!(plain(&page.body).contains("Erase Quillon Marigold’s account"));
    let unconfirmed = group.facilitator.post(&path, &[("posts", "keep")]).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = group.facilitator.post(&path, &[("posts", "delete"), ("confirm", "yes")]).await;
    assert_eq!(done.location(), Some("/groups/circle/members"));
    assert_eq!(member.get("/").await.location(), Some("/sign-in"), "their sessions end");
    assert_eq!(rowan.get(&own).await.status, StatusCode::NOT_FOUND);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM users WHERE pseudonym = $1", NAME).await, 0);
    let rows = moderation_rows_left(&app, member_id).await;
    assert!(rows.is_empty(), "moderation's records still hold the erased account: {rows:?}");
    let left = traces(&app, &[&[NAME, "Kestrelwood"][..], &MODERATED[..]].concat());
    assert!(left.is_empty(), "still in the database files: {left:?}");
    app.stop().await;
}

async fn a_deleted_post_leaves_no_trace_in_the_database(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let topic = publish(&willow, "Evenings", "Ordinary words.").await;
    willow.get(&topic).await;
    let marker = "Vermilionquaystone";
    willow.post(&format!("{topic}/reply"), &[("body", &format!("My {marker} secret.")), ("action", "publish")]).await;
    let (post,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    let found = willow.get(&format!("/search?q={}", marker.to_lowercase())).await;
    assert!(found.body.contains(marker), "searchable before");
    assert!(backend == Backend::Postgres || !traces(&app, &[marker]).is_empty(), "written to the file");

    // Staff took the word out first: what it said is kept for them, and goes with the post.
    group.facilitator.get(&format!("/posts/{post}/redact")).await;
    let redaction = [("body", "My secret."), ("reason", "A name of a place.")];
    assert_eq!(
        group.facilitator.post(&format!("/posts/{post}/redact"), &redaction).await.status,
        StatusCode::SEE_OTHER
    );
    willow.get(&format!("/posts/{post}/edit")).await;
    let deleted = willow.post(&format!("/posts/{post}/delete"), &[("confirm", "yes")]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    let sql = "SELECT COUNT(*) FROM posts WHERE body_md LIKE $1 OR body_html LIKE $1 OR search_text LIKE LOWER($1)";
    assert_eq!(count(&app, sql, &format!("%{marker}%")).await, 0);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM redactions WHERE original_md LIKE $1", &format!("%{marker}%")).await,
        0
    );
    assert!(!willow.get(&format!("/search?q={}", marker.to_lowercase())).await.body.contains(marker));
    let left = traces(&app, &[marker]);
    assert!(left.is_empty(), "the deleted words are still in the database files: {left:?}");
    app.stop().await;
}
