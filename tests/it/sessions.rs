//! Signing in and out, and how sessions end.

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp},
};

on_both_backends!(
    sign_in_sets_a_strict_host_only_cookie_with_a_fresh_token,
    a_wrong_pseudonym_and_a_wrong_password_look_the_same,
    sign_out_ends_the_session_and_a_replayed_cookie_is_refused,
    idle_sessions_expire,
    sessions_end_at_their_absolute_lifetime,
    reading_pages_writes_last_seen_at_most_once_a_minute,
    the_quick_exit_route_ends_the_session_and_leaves,
    expired_sessions_are_purged,
);

async fn sign_in_sets_a_strict_host_only_cookie_with_a_fresh_token(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.member("Willow").await;
    let first_token = member.cookie("__Host-hearth").unwrap();
    member.sign_out().await;

    let visitor = app.visitor();
    // A token planted before sign-in is not kept.
    visitor.set_cookie("__Host-hearth", "planted-by-someone-else");
    visitor.get("/sign-in").await;
    let page = visitor.post("/sign-in", &[("pseudonym", "Willow"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), Some("/"));
    let set_cookie = page
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-hearth="))
        .unwrap()
        .to_owned();
    for attribute in ["Path=/", "Secure", "HttpOnly", "SameSite=Strict"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    assert!(!set_cookie.contains("Domain"), "host-only");
    let token = visitor.cookie("__Host-hearth").unwrap();
    assert_ne!(token, "planted-by-someone-else");
    assert_ne!(token, first_token);
    assert_eq!(token.len(), 43, "256 bits, base64url");
    assert_eq!(visitor.get("/").await.status, StatusCode::OK);
    // Only the token's hash is stored.
    let count = |bytes: Vec<u8>| {
        let pool = app.state.db.read.clone();
        async move {
            let (found,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions WHERE token_hash = $1")
                .bind(bytes)
                .fetch_one(&pool)
                .await
                .unwrap();
            found
        }
    };
    assert_eq!(count(hearth::accounts::secret::digest(&token)).await, 1);
    assert_eq!(count(token.as_bytes().to_vec()).await, 0);
    app.stop().await;
}

async fn a_wrong_pseudonym_and_a_wrong_password_look_the_same(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.member("Willow").await;
    let wrong_password = app.visitor().sign_in("Willow", "not the password at all").await;
    let unknown_name = app.visitor().sign_in("Nobody Here", "not the password at all").await;
    for page in [&wrong_password, &unknown_name] {
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.body.contains("That pseudonym and password don’t match"));
    }
    app.stop().await;
}

async fn sign_out_ends_the_session_and_a_replayed_cookie_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.member("Willow").await;
    let token = member.cookie("__Host-hearth").unwrap();
    let page = member.sign_out().await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), Some("/sign-in"));
    assert_eq!(page.header("clear-site-data"), Some("\"cache\", \"cookies\", \"storage\""));
    assert!(member.cookie("__Host-hearth").is_none());
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions").fetch_one(&app.state.db.read).await.unwrap();
    assert_eq!(left, 0, "deleted on the server, not just in the browser");

    let replay = app.visitor();
    replay.set_cookie("__Host-hearth", &token);
    let page = replay.get("/").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), Some("/sign-in"));
    assert!(replay.cookie("__Host-hearth").is_none(), "the dead cookie is removed");
    app.stop().await;
}

async fn idle_sessions_expire(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.member("Willow").await;
    app.clock.advance(29 * 60);
    assert_eq!(member.get("/").await.status, StatusCode::OK, "29 idle minutes is fine");
    app.clock.advance(29 * 60);
    assert_eq!(member.get("/").await.status, StatusCode::OK, "activity reset the idle timer");
    app.clock.advance(30 * 60);
    let page = member.get("/").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), Some("/sign-in"));
    app.stop().await;
}

async fn sessions_end_at_their_absolute_lifetime(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| {
        config.session_lifetime = std::time::Duration::from_secs(2 * 3600);
    })
    .await;
    let member = app.member("Willow").await;
    for _ in 0..5 {
        app.clock.advance(20 * 60);
        assert_eq!(member.get("/").await.status, StatusCode::OK);
    }
    app.clock.advance(20 * 60 + 1);
    assert_eq!(member.get("/").await.status, StatusCode::SEE_OTHER, "active, but past the lifetime");
    app.stop().await;
}

async fn reading_pages_writes_last_seen_at_most_once_a_minute(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.member("Willow").await;
    let last_seen = || async {
        let (at,): (i64,) =
            sqlx::query_as("SELECT last_seen_at FROM sessions").fetch_one(&app.state.db.read).await.unwrap();
        at
    };
    let start = last_seen().await;
    app.clock.advance(30);
    member.get("/").await;
    member.get("/account").await;
    assert_eq!(last_seen().await, start);
    app.clock.advance(31);
    member.get("/").await;
    assert!(last_seen().await >= start + 61);
    app.stop().await;
}

async fn the_quick_exit_route_ends_the_session_and_leaves(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.member("Willow").await;
    let home = member.get("/").await;
    assert!(home.body.contains("id=\"quick-exit\" href=\"/exit\" rel=\"noreferrer\""));
    let exit = member.get("/exit").await;
    assert_eq!(exit.status, StatusCode::SEE_OTHER);
    assert_eq!(exit.location(), Some(app.state.config.exit_url.as_str()));
    assert!(exit.header("clear-site-data").is_some());
    assert_eq!(member.get("/").await.status, StatusCode::SEE_OTHER);

    // When configured not to end the session, the link goes straight to the exit page.
    let keep = TestApp::spawn_with(backend, |config| {
        config.exit_ends_session = false;
        config.exit_url = "https://example.org/weather".to_owned();
    })
    .await;
    let page = keep.visitor().get("/sign-in").await;
    assert!(page.body.contains("id=\"quick-exit\" href=\"https://example.org/weather\" rel=\"noreferrer\""));
    keep.stop().await;
    app.stop().await;
}

async fn expired_sessions_are_purged(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let idle = app.member("Willow").await;
    app.clock.advance(20 * 60);
    let active = app.visitor();
    active.sign_in("Willow", PASSWORD).await;
    let sessions = || async {
        let (count,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM sessions").fetch_one(&app.state.db.read).await.unwrap();
        count
    };
    assert_eq!(sessions().await, 2);
    app.clock.advance(15 * 60);
    let purged = hearth::accounts::session::purge_expired(&app.state).await.unwrap();
    assert_eq!(purged, 1, "only the session idle for 35 minutes");
    assert_eq!(sessions().await, 1);
    assert_eq!(active.get("/").await.status, StatusCode::OK);
    assert_eq!(idle.get("/").await.status, StatusCode::SEE_OTHER);
    assert_eq!(hearth::accounts::session::purge_expired(&app.state).await.unwrap(), 0);
    app.stop().await;
}
