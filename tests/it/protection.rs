//! CSRF, rate limits, security headers, body limits, error pages, and hostile
//! input in every field.

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp},
};

on_both_backends!(
    forms_without_a_valid_token_or_from_another_site_are_refused,
    every_post_route_checks_the_token,
    sign_in_invites_and_recovery_are_rate_limited_per_address,
    someone_who_knows_a_pseudonym_cannot_lock_its_owner_out,
    forwarded_addresses_are_ignored_unless_configured,
    every_response_carries_the_security_headers,
    hsts_is_sent_only_behind_https,
    oversized_and_malformed_requests_get_a_4xx_page,
    unknown_pages_and_internal_errors_get_calm_translated_pages,
    hostile_strings_in_every_field_never_cause_a_5xx,
    a_client_that_never_finishes_its_headers_is_disconnected,
);

async fn forms_without_a_valid_token_or_from_another_site_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.member("Willow").await;
    let visitor = app.visitor();
    let token = visitor.get("/sign-in").await.csrf().unwrap();
    let fields = [("pseudonym", "Willow"), ("password", PASSWORD)];

    let missing = visitor.post_raw("/sign-in", &fields).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert!(missing.body.contains("This form has expired"));
    let forged = visitor.post_raw("/sign-in", &[("csrf", "forged"), fields[0], fields[1]]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // Someone else's token does not work with this browser's cookie.
    let other_token = app.visitor().get("/sign-in").await.csrf().unwrap();
    let stolen = visitor.post_raw("/sign-in", &[("csrf", &other_token), fields[0], fields[1]]).await;
    assert_eq!(stolen.status, StatusCode::FORBIDDEN);

    let cross_site = visitor.clone().with_header("origin", "https://evil.example");
    assert_eq!(
        cross_site.post_raw("/sign-in", &[("csrf", &token), fields[0], fields[1]]).await.status,
        StatusCode::FORBIDDEN
    );
    let fetch_site = visitor.clone().with_header("sec-fetch-site", "cross-site");
    assert_eq!(
        fetch_site.post_raw("/sign-in", &[("csrf", &token), fields[0], fields[1]]).await.status,
        StatusCode::FORBIDDEN
    );

    let same_origin = visitor.clone().with_header("origin", &app.base).with_header("sec-fetch-site", "same-origin");
    let ok = same_origin.post_raw("/sign-in", &[("csrf", &token), fields[0], fields[1]]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);

    // Signed in, the token follows the session: the pre-sign-in one no longer
    // signs anything out, and a sign-out without a token leaves the session alive.
    assert_eq!(visitor.post_raw("/sign-out", &[]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(visitor.get("/").await.status, StatusCode::OK);
    let session_token = visitor.get("/").await.csrf().unwrap();
    assert_ne!(session_token, token);
    assert_eq!(visitor.post_raw("/sign-out", &[("csrf", &session_token)]).await.status, StatusCode::SEE_OTHER);
    app.stop().await;
}

/// Each form's route, signed in as an admin (who may reach them all): without
/// the token, refused, and nothing changes.
async fn every_post_route_checks_the_token(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let invite = app.invite().await;
    let admin = app.admin("Keeper").await;
    admin.post("/invites", &[("days", "7")]).await;
    let (invite_id,): (i64,) =
        sqlx::query_as("SELECT MAX(id) FROM invites").fetch_one(&app.state.db.read).await.unwrap();
    let routes = [
        "/sign-in".to_owned(),
        "/sign-out".to_owned(),
        format!("{invite}/agree"),
        format!("{invite}/account"),
        "/recover".to_owned(),
        "/account/password".to_owned(),
        "/account/recovery-codes".to_owned(),
        "/account/language".to_owned(),
        "/invites".to_owned(),
        format!("/invites/{invite_id}/revoke"),
    ];
    let fields = [
        ("consent", "yes"),
        ("pseudonym", "Keeper"),
        ("password", PASSWORD),
        ("current", PASSWORD),
        ("new", "new harbour lights tonight"),
        ("language", "fr"),
        ("days", "7"),
    ];
    let before: (i64, i64) = sqlx::query_as("SELECT (SELECT COUNT(*) FROM invites), (SELECT COUNT(*) FROM sessions)")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    for route in &routes {
        let page = admin.post_raw(route, &fields).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "POST {route} without a token");
    }
    let after: (i64, i64) = sqlx::query_as("SELECT (SELECT COUNT(*) FROM invites), (SELECT COUNT(*) FROM sessions)")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(before, after);
    let home = admin.get("/").await;
    assert_eq!(home.status, StatusCode::OK, "still signed in");
    assert!(home.body.contains("<html lang=\"en\">"), "language unchanged");
    assert_eq!(app.visitor().get(&invite).await.status, StatusCode::OK, "invite unused");
    app.stop().await;
}

async fn sign_in_invites_and_recovery_are_rate_limited_per_address(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| config.rate_limit_per_minute = 3).await;
    let visitor = app.visitor().with_header("accept-language", "fr-CA");
    visitor.get("/sign-in").await;
    for _ in 0..3 {
        let page = visitor.post("/sign-in", &[("pseudonym", "Nobody"), ("password", "wrong wrong wrong")]).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let limited = visitor.post("/sign-in", &[("pseudonym", "Nobody"), ("password", "wrong wrong wrong")]).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("trop de tentatives"), "translated: {}", limited.body);
    assert!(limited.body.contains("<html lang=\"fr\">"));
    // The same address is limited on the other sensitive forms too.
    assert_eq!(visitor.get("/join/whatever").await.status, StatusCode::TOO_MANY_REQUESTS);
    let recovery = visitor.post("/recover", &[("pseudonym", "x"), ("code", "y"), ("password", "z")]).await;
    assert_eq!(recovery.status, StatusCode::TOO_MANY_REQUESTS);
    // Ordinary pages are not limited.
    assert_eq!(visitor.get("/sign-in").await.status, StatusCode::OK);
    app.stop().await;
}

async fn someone_who_knows_a_pseudonym_cannot_lock_its_owner_out(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| {
        config.trusted_proxy_header = Some("x-forwarded-for".to_owned());
        config.sign_in_failures_allowed = 3;
    })
    .await;
    app.member("Willow").await;
    let attacker = app.visitor().with_header("x-forwarded-for", "203.0.113.9");
    for _ in 0..3 {
        assert_eq!(attacker.sign_in("Willow", "guess guess guess").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // The attacker is slowed down on this pseudonym, even with the right password…
    assert_eq!(attacker.sign_in("WILLOW", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
    // …but other pseudonyms from that address are still judged normally…
    assert_eq!(attacker.sign_in("Someone Else", "guess guess guess").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    // …and the owner, from another address, signs in.
    let owner = app.visitor().with_header("x-forwarded-for", "198.51.100.7");
    assert_eq!(owner.sign_in("Willow", PASSWORD).await.status, StatusCode::SEE_OTHER);
    assert_eq!(owner.get("/").await.status, StatusCode::OK);
    // Only the address the proxy appended counts: a forged earlier entry does not help.
    let forging = app.visitor().with_header("x-forwarded-for", "198.51.100.7, 203.0.113.9");
    assert_eq!(forging.sign_in("Willow", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
    app.stop().await;
}

async fn forwarded_addresses_are_ignored_unless_configured(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| config.rate_limit_per_minute = 2).await;
    for (i, address) in ["192.0.2.1", "192.0.2.2", "192.0.2.3"].into_iter().enumerate() {
        let visitor = app.visitor().with_header("x-forwarded-for", address);
        let page = visitor.get("/join/some-code").await;
        let expected = if i < 2 { StatusCode::NOT_FOUND } else { StatusCode::TOO_MANY_REQUESTS };
        assert_eq!(page.status, expected, "request {i}");
    }
    app.stop().await;
}

const HEADERS: [(&str, &str); 9] = [
    (
        "content-security-policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    ("cache-control", "no-store"),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("x-robots-tag", "noindex, nofollow"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    ),
    ("cross-origin-resource-policy", "same-origin"),
];

async fn every_response_carries_the_security_headers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let invite = app.invite().await;
    let admin = app.admin("Keeper").await;
    let anonymous = app.visitor();
    let mut pages = Vec::new();
    for path in [
        "/sign-in",
        "/recover",
        invite.as_str(),
        "/join/unknown",
        "/",
        "/account",
        "/invites",
        "/exit",
        "/nowhere",
        "/robots.txt",
        "/assets/hearth.css",
        "/assets/hearth.js",
        "/assets/icon.svg",
    ] {
        pages.push((format!("anonymous GET {path}"), anonymous.get(path).await));
    }
    for path in ["/", "/account", "/invites", "/nowhere"] {
        pages.push((format!("admin GET {path}"), admin.get(path).await));
    }
    pages.push(("POST without token".to_owned(), anonymous.post_raw("/sign-in", &[]).await));
    pages.push(("POST sign-in".to_owned(), anonymous.sign_in("Nobody", "wrong wrong wrong").await));
    pages.push((
        "DELETE".to_owned(),
        anonymous.send(reqwest::Client::new().delete(format!("{}/sign-in", app.base))).await,
    ));
    pages.push(("sign-out".to_owned(), admin.sign_out().await));
    for (what, page) in &pages {
        assert!(page.status.as_u16() < 500, "{what}: {}", page.status);
        for (name, value) in HEADERS {
            assert_eq!(page.header(name), Some(value), "{what}: {name}");
        }
        assert!(page.header("strict-transport-security").is_none(), "{what}: no HSTS over plain http");
    }
    let robots = anonymous.get("/robots.txt").await;
    assert_eq!(robots.body, "User-agent: *\nDisallow: /\n");
    app.stop().await;
}

async fn hsts_is_sent_only_behind_https(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| config.base_url = "https://forum.example.org".to_owned()).await;
    let page = app.visitor().get("/sign-in").await;
    assert_eq!(page.header("strict-transport-security"), Some("max-age=63072000; includeSubDomains"));
    app.stop().await;
}

async fn oversized_and_malformed_requests_get_a_4xx_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let visitor = app.visitor();
    let token = visitor.get("/sign-in").await.csrf().unwrap();
    let huge = "a".repeat(1024 * 1024 + 1);
    let too_large = visitor.post_raw("/sign-in", &[("csrf", &token), ("pseudonym", &huge), ("password", "x")]).await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(too_large.body.contains("too long to send"));

    let client = reqwest::Client::new();
    let json = visitor
        .send(
            client
                .post(format!("{}/sign-in", app.base))
                .header("content-type", "application/json")
                .body("{\"csrf\":\"x\"}"),
        )
        .await;
    assert_eq!(json.status, StatusCode::BAD_REQUEST);
    assert!(json.body.contains("wasn’t right"));
    let no_type = visitor.send(client.post(format!("{}/sign-in", app.base)).body(format!("csrf={token}"))).await;
    assert_eq!(no_type.status, StatusCode::BAD_REQUEST);
    let duplicated = visitor.post_raw("/sign-in", &[("csrf", &token), ("pseudonym", "a"), ("pseudonym", "b")]).await;
    assert!(duplicated.status.is_client_error(), "{}", duplicated.status);
    let wrong_method = visitor.send(client.put(format!("{}/account", app.base))).await;
    assert_eq!(wrong_method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(wrong_method.body.contains("<html lang=\"en\">"));
    app.stop().await;
}

async fn unknown_pages_and_internal_errors_get_calm_translated_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let english = app.visitor().get("/no/such/page").await;
    assert_eq!(english.status, StatusCode::NOT_FOUND);
    assert!(english.body.contains("There is nothing at this address."));
    assert!(english.body.contains("id=\"quick-exit\""));
    let french = app.visitor().with_header("accept-language", "fr-CA,fr;q=0.9").get("/no/such/page").await;
    assert_eq!(french.status, StatusCode::NOT_FOUND);
    assert!(french.body.contains("Il n’y a rien à cette adresse."));

    // Make the database unreachable: pages that need it say so calmly (503:
    // try again in a minute; see operations for the database coming back).
    app.state.db.close().await;
    let broken = app.visitor().get("/join/some-code").await;
    assert_eq!(broken.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(broken.body.contains("can’t reach its storage"));
    assert!(broken.body.contains("reference"));
    for internal in ["sqlx", "pool", "Pool", "database", "closed"] {
        assert!(!broken.body.contains(internal), "503 page leaks {internal:?}");
    }
    assert_eq!(broken.header("cache-control"), Some("no-store"));
}

/// Every line of the Big List of Naughty Strings, as a pseudonym and as a
/// password, at sign-up and at sign-in: a 4xx or success, never a 5xx.
async fn hostile_strings_in_every_field_never_cause_a_5xx(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/blns.txt"))
        .expect("../shared/data/blns.txt (the shared test corpus) must exist beside the repository");
    let lines: Vec<&str> = text.lines().filter(|line| !line.starts_with('#') && !line.is_empty()).collect();
    assert!(lines.len() > 400);
    let visitor = app.visitor();
    let mut invite = app.invite().await;
    visitor.get(&invite).await;
    visitor.post(&format!("{invite}/agree"), &[("consent", "yes")]).await;
    for (i, line) in lines.iter().enumerate() {
        let unique = format!("Tester {i}");
        for (pseudonym, password) in [(*line, "lantern orbit cobalt meadow"), (unique.as_str(), *line)] {
            let page = visitor
                .post(
                    &format!("{invite}/account"),
                    &[("consent", "yes"), ("pseudonym", pseudonym), ("password", password)],
                )
                .await;
            assert!(page.status.as_u16() < 500, "line {i} {line:?}: {}", page.status);
            if page.status == StatusCode::OK {
                // Joined: sign out and take a fresh invite for the next line.
                visitor.sign_out().await;
                invite = app.invite().await;
                visitor.get(&invite).await;
            }
        }
        let page = visitor.post("/sign-in", &[("pseudonym", line), ("password", line)]).await;
        assert!(page.status.as_u16() < 500, "sign-in line {i} {line:?}: {}", page.status);
    }
    app.stop().await;
}

/// A client trickling its headers (or saying nothing) cannot hold a
/// connection open: after the header deadline the server hangs up.
async fn a_client_that_never_finishes_its_headers_is_disconnected(backend: Backend) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn(backend).await;
    let address = app.base.trim_start_matches("http://").to_owned();
    let mut stalled = tokio::net::TcpStream::connect(&address).await.unwrap();
    stalled.write_all(b"GET /sign-in HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let mut silent = tokio::net::TcpStream::connect(&address).await.unwrap();
    let limit = hearth::web::server::HEADER_READ_TIMEOUT + std::time::Duration::from_secs(5);
    for connection in [&mut stalled, &mut silent] {
        let mut rest = Vec::new();
        let closed = tokio::time::timeout(limit, connection.read_to_end(&mut rest)).await;
        assert!(closed.is_ok(), "the connection was still open after {limit:?}");
    }
    app.stop().await;
}
