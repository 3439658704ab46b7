//! The "not saved yet" page in a real browser: when the database cannot take
//! a reply, the member sees why, with every character of the reply still in
//! an editable field and a button to send it again; axe-core finds no
//! serious violation, in English and French at phone and desktop width. The
//! screenshot tour shoots the same page (`shoot`).

use std::path::Path;

use serde_json::json;

use super::harness::*;
use crate::support::TestApp;

const REPLY: &str = "Thank you for tonight. I said \"no\" <out loud> & it felt good.\n\nSee you next week.";

/// A forum whose database has stopped taking writes (reads still work),
/// with a topic and a member's session for each browser to use.
struct Outage {
    app: TestApp,
    topic: String,
    sessions: Vec<String>,
}

impl Outage {
    async fn start(neutral: &NeutralSite, browsers: usize) -> Self {
        let app = hearth(neutral).await;
        let group = app.group("thursday").await;
        let willow = app.member_of(&group, "Willow").await;
        willow.get("/groups/thursday/topics/new").await;
        let made = willow
            .post(
                "/groups/thursday/topics/new",
                &[("title", "After the meeting"), ("body", "How was it?"), ("action", "publish")],
            )
            .await;
        let topic = made.location().unwrap().to_owned();
        let sessions = crate::operations::sessions(&app, "Willow", browsers).await;
        app.state.db.write.close().await;
        Self { app, topic, sessions }
    }

    /// Signs the browser in with session `n`, writes the reply and sends it.
    async fn reply(&self, browser: &Browser, n: usize) {
        // Signing in would need a write; the session was made beforehand.
        let cookie = json!({
            "name": "__Host-hearth", "value": self.sessions[n], "url": self.app.base,
            "path": "/", "secure": true, "httpOnly": true, "sameSite": "Strict",
        });
        browser.cdp("Network.setCookie", cookie).await;
        browser.goto(&format!("{}{}", self.app.base, self.topic)).await;
        browser.fill("#body", REPLY).await;
        browser.click("main form button[value=publish]").await;
        // The topic page has a reply field too: wait for the page that gives it back.
        browser.element("main textarea[id^=kept-]").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_unsaved_reply_page_keeps_the_text_and_passes_axe() {
    if browser_binaries().is_none() || axe_source().is_none() {
        return;
    }
    let neutral = NeutralSite::start().await;
    let outage = Outage::start(&neutral, 4).await;
    let mut n = 0;
    for (language, lang, explained) in [
        (Language::English, "en", "Your text is kept below"),
        (Language::French, "fr", "Votre texte est gardé ci-dessous"),
    ] {
        for (width, height) in [(360, 800), (1280, 900)] {
            let Some(browser) = Browser::start(Options { width, height, javascript: true, language }).await else {
                return;
            };
            outage.reply(&browser, n).await;
            n += 1;
            assert!(browser.text("main").await.contains(explained), "{lang}: {}", browser.text("main").await);
            let kept = browser.script("return document.querySelector('main textarea[name=body]').value;").await;
            assert_eq!(kept.as_str(), Some(REPLY), "{lang}-{width}: the reply, exactly as written");
            assert_accessible(&browser.client, &format!("{lang}-{width} not saved yet")).await;
            browser.recorder.assert_untouched("the page that gives a reply back");
            browser.close().await;
        }
    }
    outage.app.stop().await;
}

/// For the screenshot tour: `{prefix}-kept.png` (and `-kept-full.png`), and
/// `{prefix}-unavailable.png`, a page asked for while the database is away.
pub async fn shoot(options: Options, dir: &Path, prefix: &str) {
    let neutral = NeutralSite::start().await;
    let outage = Outage::start(&neutral, 1).await;
    let Some(browser) = Browser::start(options).await else { return };
    outage.reply(&browser, 0).await;
    let png = browser.client.screenshot().await.unwrap();
    std::fs::write(dir.join(format!("{prefix}-kept.png")), png).unwrap();
    let height = browser.script("return document.documentElement.scrollHeight;").await.as_u64().unwrap_or(0);
    let tall = u32::try_from(height).unwrap_or(u32::MAX).max(options.height);
    browser.client.set_window_size(browser.window.0, tall + browser.window.1 - options.height).await.unwrap();
    std::fs::write(dir.join(format!("{prefix}-kept-full.png")), browser.client.screenshot().await.unwrap()).unwrap();
    // And a page that cannot even be read: the calm 503.
    browser.client.set_window_size(browser.window.0, browser.window.1).await.unwrap();
    outage.app.state.db.read.close().await;
    browser.goto(&format!("{}{}", outage.app.base, outage.topic)).await;
    browser.element("main h1").await;
    std::fs::write(dir.join(format!("{prefix}-unavailable.png")), browser.client.screenshot().await.unwrap()).unwrap();
    browser.close().await;
    outage.app.stop().await;
}
