//! "Keep me signed in" is off unless chosen; the sessions page lists every
//! session with a coarse device description and signs them out.

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp},
};

on_both_backends!(
    sessions_end_with_the_browser_unless_the_member_asks,
    the_sessions_page_shows_devices_and_signs_them_out,
);

fn session_cookie(page: &crate::support::Page) -> String {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-hearth="))
        .unwrap()
        .to_owned()
}

async fn sessions_end_with_the_browser_unless_the_member_asks(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.member("Willow").await;
    let form = app.visitor().get("/sign-in").await;
    assert!(form.body.contains("id=\"remember\" name=\"remember\" value=\"yes\""));
    assert!(!form.body.contains("value=\"yes\" checked"), "unticked unless the member ticks it");

    let plain = app.visitor().sign_in("Willow", PASSWORD).await;
    assert!(!session_cookie(&plain).contains("Max-Age"), "ends when the browser closes");

    let kept = app.visitor();
    kept.get("/sign-in").await;
    let page = kept.post("/sign-in", &[("pseudonym", "Willow"), ("password", PASSWORD), ("remember", "yes")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let lifetime = app.state.config.session_lifetime.as_secs();
    assert!(session_cookie(&page).contains(&format!("Max-Age={lifetime}")), "{}", session_cookie(&page));
    let sessions = kept.get("/account/sessions").await;
    assert!(sessions.body.contains("Stays signed in"));
    // Still bounded by the configured lifetime, like any session.
    for _ in 0..25 {
        app.clock.advance(29 * 60);
        kept.get("/").await;
    }
    assert_eq!(kept.get("/").await.location(), Some("/sign-in"), "past the lifetime");
    app.stop().await;
}

const FIREFOX_ANDROID: &str = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0";
const CHROME_WINDOWS: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

async fn the_sessions_page_shows_devices_and_signs_them_out(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.member("Willow").await;
    let phone = app.visitor().with_header("user-agent", FIREFOX_ANDROID);
    phone.sign_in("Willow", PASSWORD).await;
    let desk = app.visitor().with_header("user-agent", CHROME_WINDOWS);
    desk.sign_in("Willow", PASSWORD).await;
    let library = app.visitor().with_header("user-agent", CHROME_WINDOWS).with_header("accept-language", "fr-CA");
    library.sign_in("Willow", PASSWORD).await;

    let mut page = phone.get("/account/sessions").await;
    assert_eq!(page.status, StatusCode::OK);
    page.body = super::plain(&page.body);
    assert!(page.body.contains("Firefox on Android") && page.body.contains("Chrome on Windows"), "{}", page.body);
    assert!(page.body.contains("This device") && page.body.contains("Last active"));
    assert!(!page.body.contains("127.0.0.1"), "no address");
    let french = library.get("/account/sessions").await;
    assert!(super::plain(&french.body).contains("Firefox sur Android"));
    // Only the coarse description is stored, never the header.
    let stored: Vec<(String,)> =
        sqlx::query_as("SELECT device FROM sessions ORDER BY id").fetch_all(&app.state.db.read).await.unwrap();
    assert!(stored.iter().all(|(d,)| !d.contains("Mozilla") && !d.contains("128")), "{stored:?}");

    // Sign out the desk's session from the phone.
    let (desk_id,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM sessions WHERE device = 'chrome windows'")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    let ended = phone.post(&format!("/account/sessions/{desk_id}/end"), &[]).await;
    assert_eq!(ended.location(), Some("/account/sessions"));
    assert_eq!(desk.get("/").await.location(), Some("/sign-in"));
    assert_eq!(library.get("/").await.status, StatusCode::OK);
    // Someone else's session is not theirs to end; nor is this one (that is "Sign out").
    let rowan = app.member("Rowan").await;
    let (phone_id,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM sessions WHERE device = 'firefox android'")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    rowan.get("/account/sessions").await;
    assert_eq!(rowan.post(&format!("/account/sessions/{phone_id}/end"), &[]).await.status, StatusCode::NOT_FOUND);
    phone.get("/account/sessions").await;
    assert_eq!(phone.post(&format!("/account/sessions/{phone_id}/end"), &[]).await.status, StatusCode::NOT_FOUND);
    // All but this one.
    let others = phone.post("/account/sessions/end-others", &[]).await;
    assert_eq!(others.location(), Some("/account/sessions"));
    assert_eq!(library.get("/").await.location(), Some("/sign-in"));
    assert_eq!(phone.get("/").await.status, StatusCode::OK);
    assert_eq!(rowan.get("/").await.status, StatusCode::OK, "another member's sessions are untouched");
    app.stop().await;
}
