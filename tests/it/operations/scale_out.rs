//! Scale-out on PostgreSQL: several `hearth` processes serve one forum.
//! Processes starting at the same moment on an empty database migrate it
//! exactly once (sqlx's advisory lock); and a member's journey alternates
//! between two servers — sign in on A, post on B, moderate on A, see it on
//! B, a post held on B approved from the queue on A and seen on B, sign out
//! on B and be signed out on A — because sessions, CSRF tokens,
//! notifications, queues and everything else live in the database.

use std::process::Stdio;

use reqwest::StatusCode;

use crate::{
    cli::runner::{Instance, Killed, Server, free_port},
    support::{Backend, PASSWORD, TestApp, Visitor, postgres_admin, replace_database},
};

fn migrations_in_binary() -> i64 {
    let dir = format!("{}/migrations/postgres", env!("CARGO_MANIFEST_DIR"));
    i64::try_from(std::fs::read_dir(dir).unwrap().count()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nodes_starting_at_once_migrate_exactly_once() {
    let Some(server_url) = Backend::postgres_url() else { return };
    let name = format!("hearth_nodes_{}", std::process::id());
    postgres_admin(&server_url, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
    postgres_admin(&server_url, &format!("CREATE DATABASE {name}")).await;
    let url = replace_database(&server_url, &name);

    // Three servers and three `migrate` commands, all at once, on an empty database.
    let mut servers = Vec::new();
    let mut migrations = Vec::new();
    for n in 0..6 {
        let node = Instance { database_url: url.clone(), port: free_port() };
        if n % 2 == 0 {
            servers.push(Server::spawn(node.base(), node.command(&["serve"])));
        } else {
            let mut command = node.command(&["migrate"]);
            command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
            migrations.push(Killed(command.spawn().unwrap()));
        }
    }
    for mut migration in migrations {
        assert!(migration.0.wait().unwrap().success(), "a `hearth migrate` that ran beside the others");
    }
    for mut server in servers {
        server.wait_until_serving().await;
        let stopped = server.stop().await;
        assert!(stopped.status.success(), "{}", stopped.stderr);
    }

    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let (rows, versions): (i64, i64) =
        sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((rows, versions), (migrations_in_binary(), migrations_in_binary()), "each migration ran once");
    pool.close().await;
    postgres_admin(&server_url, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_members_journey_alternates_between_two_servers() {
    if Backend::postgres_url().is_none() {
        return;
    }
    let app = TestApp::spawn(Backend::Postgres).await;
    let group = app.group("north").await;
    app.member_of(&group, "Willow").await;
    app.member_of(&group, "Rowan").await;
    let (a, b) = (Instance::of(&app), Instance::of(&app));
    let server_a = Server::start(a.base(), a.command(&["serve"])).await;
    let server_b = Server::start(b.base(), b.command(&["serve"])).await;

    // Sign in on A; the session and its CSRF token work on B.
    let willow_a = Visitor::new(&a.base());
    assert_eq!(willow_a.sign_in("Willow", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let willow_b = willow_a.at(&b.base());
    assert_eq!(willow_b.get("/groups/north").await.status, StatusCode::OK);
    let posted = willow_b
        .post("/groups/north/topics/new", &[("title", "Across nodes"), ("body", "Posted on B."), ("action", "publish")])
        .await;
    assert_eq!(posted.status, StatusCode::SEE_OTHER, "{}", posted.body);
    let topic = posted.location().unwrap().to_owned();

    // The facilitator, on A, sees it, answers with a mention and locks the topic.
    let guide_a = Visitor::new(&a.base());
    assert_eq!(app.sign_in_with_code(&guide_a, "Guide-north").await.status, StatusCode::SEE_OTHER);
    assert!(guide_a.get(&topic).await.body.contains("Posted on B."));
    let answered = guide_a
        .post(&format!("{topic}/reply"), &[("body", "Welcome @Willow, glad you are here."), ("action", "publish")])
        .await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER, "{}", answered.body);
    assert_eq!(guide_a.post(&format!("{topic}/lock"), &[]).await.status, StatusCode::SEE_OTHER);

    // On B, Willow has the notification, sees the answer and the lock, and cannot reply.
    let notifications = willow_b.get("/notifications").await;
    assert!(
        notifications.body.contains("Guide-north") && notifications.body.contains("Across nodes"),
        "{}",
        notifications.body
    );
    let page = willow_b.get(&topic).await;
    assert!(page.body.contains("glad you are here"), "{}", page.body);
    assert!(page.body.contains("The facilitators have closed this topic to new replies"), "{}", page.body);
    let refused = willow_b.post(&format!("{topic}/reply"), &[("body", "One more?"), ("action", "publish")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Reading it on B read the notification for A too.
    assert!(!willow_a.get("/").await.body.contains("class=\"badge\""), "no unread notification left on A");

    // A topic held on B (it shares an e-mail address) waits in the queue on A;
    // approved there, the other members see it on B.
    let fields = [("title", "Write to me"), ("body", "willow.north@example.org, any time."), ("action", "publish")];
    let held = willow_b.post("/groups/north/topics/new", &fields).await;
    assert_eq!(held.status, StatusCode::SEE_OTHER, "{}", held.body);
    let rowan_b = Visitor::new(&b.base());
    assert_eq!(rowan_b.sign_in("Rowan", PASSWORD).await.status, StatusCode::SEE_OTHER);
    assert!(!rowan_b.get("/groups/north").await.body.contains("Write to me"), "held: no one else sees it");
    let queue = guide_a.get("/moderation").await.body;
    assert!(queue.contains("Write to me"), "{queue}");
    let approve =
        queue.split("action=\"").skip(1).filter_map(|rest| rest.split('"').next()).find(|a| a.ends_with("/approve"));
    let approved = guide_a.post(approve.expect("an approve form in the queue"), &[]).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    assert!(!guide_a.get("/moderation").await.body.contains("Write to me"), "the queue is empty again");
    assert!(rowan_b.get("/groups/north").await.body.contains("Write to me"), "published, seen on B");

    // Signing out on B ends the session on A.
    let session = willow_a.cookie("__Host-hearth").unwrap();
    assert_eq!(willow_b.sign_out().await.status, StatusCode::SEE_OTHER);
    let old_cookie = Visitor::new(&a.base());
    old_cookie.set_cookie("__Host-hearth", &session);
    let ended = old_cookie.get("/").await;
    assert_eq!((ended.status, ended.location()), (StatusCode::SEE_OTHER, Some("/sign-in")), "signed out everywhere");

    for server in [server_a, server_b] {
        let stopped = server.stop().await;
        assert!(stopped.status.success(), "{}", stopped.stderr);
    }
    app.stop().await;
}
