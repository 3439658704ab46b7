//! Browser tests in real Chromium (headless, driven through chromedriver):
//! the quick exit by click and by pressing Shift three times, a whole sign-up
//! journey with JavaScript turned off, and that no page ever reaches another
//! origin. `screenshots` (ignored) writes PNGs of the main pages for a visual
//! review:
//!
//! ```text
//! cargo test --test it browser::screenshots -- --ignored
//! ```
//!
//! Each browser gets a proxy that only counts: Chromium never proxies
//! loopback, so any connection the proxy sees means a page (or the browser)
//! tried to reach another origin. Without chromedriver the tests say so and
//! pass, unless `HEARTH_REQUIRE_BROWSER=1`.

mod accessibility;
mod harness;
mod kept;
mod safety;
mod screenshots;
mod xss;

use crate::support::{PASSWORD, TestApp};

use harness::*;

pub fn same_origin(url: &str, base: &str) -> bool {
    url == base || url.starts_with(&format!("{base}/"))
}

/// After a quick exit, Back must not show Hearth again.
pub async fn assert_back_does_not_return(browser: &Browser, app: &TestApp, neutral: &NeutralSite) {
    browser.client.back().await.unwrap();
    let url = browser.url().await;
    assert!(!same_origin(&url, &app.base), "Back returned to Hearth: {url}");
    assert_ne!(url, neutral.url, "Back did not move at all");
    assert_eq!(url, browser.initial_url, "Back should lead to where the browser was before Hearth");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
pub async fn quick_exit_by_click_leaves_and_back_does_not_return() {
    let Some(browser) = Browser::start(Options::default()).await else { return };
    let neutral = NeutralSite::start().await;
    let app = hearth(&neutral).await;

    browser.goto(&format!("{}/sign-in", app.base)).await;
    assert_eq!(browser.element("#quick-exit").await.attr("href").await.unwrap().as_deref(), Some("/exit"));
    browser.click("#quick-exit").await;
    browser.wait_for_url("the neutral page", |url| url == neutral.url).await;
    assert_eq!(browser.client.title().await.unwrap(), "Neutral");
    assert_back_does_not_return(&browser, &app, &neutral).await;
    browser.recorder.assert_untouched("the quick exit");

    browser.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
pub async fn quick_exit_by_pressing_shift_three_times() {
    let Some(browser) = Browser::start(Options::default()).await else { return };
    let neutral = NeutralSite::start().await;
    let app = hearth(&neutral).await;
    let sign_in = format!("{}/sign-in", app.base);

    browser.goto(&sign_in).await;
    // Capital letters are typed with Shift, but another key comes between
    // the presses, so they never count as the shortcut.
    let field = browser.element("#pseudonym").await;
    field.send_keys("ABC").await.unwrap();
    browser.type_capitals_with_shift("DEF").await;
    field.send_keys("GHI").await.unwrap();
    // The script blanks the page inside the key handler, so an exit would show by now.
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some("ABCDEFGHI"));
    assert_eq!(browser.url().await, sign_in, "typing capital letters left the page");
    assert!(!browser.text("h1").await.is_empty(), "typing capital letters blanked the page");

    // Shift three times in a row, with focus back on the page itself.
    browser.script("document.activeElement.blur(); return null;").await;
    browser.press_shift_three_times().await;
    browser.wait_for_url("the neutral page", |url| url == neutral.url).await;
    assert_eq!(browser.client.title().await.unwrap(), "Neutral");
    assert_back_does_not_return(&browser, &app, &neutral).await;

    // The same on a fresh page, straight after loading (focus on the body).
    browser.goto(&sign_in).await;
    browser.element("#quick-exit").await;
    browser.press_shift_three_times().await;
    browser.wait_for_url("the neutral page", |url| url == neutral.url).await;
    browser.recorder.assert_untouched("the Shift shortcut");

    browser.close().await;
    app.stop().await;
}

/// Joining, signing out and in again with JavaScript off: every step is a
/// plain form, and nothing is fetched from anywhere but this server.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
pub async fn sign_up_journey_without_javascript_stays_on_this_server() {
    let Some(browser) = Browser::start(Options { javascript: false, ..Options::default() }).await else { return };
    let neutral = NeutralSite::start().await;
    let app = hearth(&neutral).await;
    let home = format!("{}/", app.base);
    let sign_in = format!("{}/sign-in", app.base);
    let pseudonym = "Quiet Heron";

    // JavaScript really is off: the Shift shortcut does nothing.
    browser.goto(&sign_in).await;
    browser.press_shift_three_times().await;
    assert_eq!(browser.url().await, sign_in, "Shift ×3 left the page, so JavaScript ran");
    assert!(!browser.text("h1").await.is_empty(), "the page was blanked, so JavaScript ran");

    // Consent first.
    let invite = format!("{}{}", app.base, app.invite().await);
    browser.goto(&invite).await;
    browser.click("#consent").await;
    assert!(browser.element("#consent").await.is_selected().await.unwrap());
    browser.click("main form button[type=submit]").await;

    // Then the account.
    browser.fill("#pseudonym", pseudonym).await;
    browser.fill("#password", PASSWORD).await;
    browser.click("main form button[type=submit]").await;

    // The recovery codes, once.
    browser.element("ol.codes").await;
    let codes = browser.elements("ol.codes li").await;
    assert_eq!(codes.len(), 10, "recovery codes shown");
    for code in &codes {
        assert!(!code.text().await.unwrap().trim().is_empty());
    }
    let session = browser.client.get_named_cookie("__Host-hearth").await.expect("Chromium kept the session cookie");
    assert_eq!(session.secure(), Some(true));
    assert_eq!(session.http_only(), Some(true));
    browser.click("main a.button").await;
    browser.wait_for_url("home", |url| url == home).await;
    assert!(browser.text("main").await.contains(pseudonym), "home names the member");

    // Sign out with the button in the navigation.
    browser.click("nav form button[type=submit]").await;
    browser.wait_for_url("the sign-in page", |url| url == sign_in).await;
    assert!(browser.elements("nav").await.is_empty(), "still signed in after signing out");
    assert!(browser.client.get_named_cookie("__Host-hearth").await.is_err(), "the session cookie outlived sign-out");

    // Sign in again: home tells when the account last signed in.
    browser.fill("#pseudonym", pseudonym).await;
    browser.fill("#password", PASSWORD).await;
    browser.click("main form button[type=submit]").await;
    browser.wait_for_url("home", |url| url == home).await;
    assert!(browser.text("main").await.contains(pseudonym));
    let notice = browser.text("p.notice").await;
    assert!(notice.starts_with("Before this, your account last signed in on"), "previous sign-in notice: {notice}");

    // Without JavaScript the quick exit is a plain link: it still leaves and
    // ends the session on the way.
    browser.click("#quick-exit").await;
    browser.wait_for_url("the neutral page", |url| url == neutral.url).await;
    browser.goto(&home).await;
    browser.wait_for_url("the sign-in page", |url| url == sign_in).await;

    browser.recorder.assert_untouched("the journey without JavaScript");
    browser.close().await;
    app.stop().await;
}
