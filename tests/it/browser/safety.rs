//! Safety in a real browser: with discreet mode on, no title or header
//! names the group or says "survivor" (English) or "survivant" (French);
//! printing a topic to PDF gives the print notice and none of the posts.

use std::process::Command;

use serde_json::json;

use crate::support::{Backend, PASSWORD, TestApp};

use super::harness::*;

const GROUP_NAME: &str = "Survivor Circle North";
const POST_TEXT: &str = "Heronsgate orchard at dusk";

/// The text of a PDF, by poppler's `pdftotext`; `None` (said loudly) when
/// it is not installed, unless the browser tests are required.
fn pdf_text(pdf: &[u8]) -> Option<String> {
    let Some(tool) = executable("/usr/bin/pdftotext", &["pdftotext"]) else {
        assert!(
            std::env::var("HEARTH_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "HEARTH_REQUIRE_BROWSER=1 but pdftotext is not installed (Debian: poppler-utils)"
        );
        crate::support::skip_loudly("the print-to-PDF check skipped: pdftotext is not installed (poppler-utils)");
        return None;
    };
    let file = std::env::temp_dir().join(format!("hearth-print-{}.pdf", unique_name()));
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new(tool).arg(&file).arg("-").output().unwrap();
    let _ = std::fs::remove_file(&file);
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discreet_titles_say_nothing_and_printing_shows_no_post() {
    if browser_binaries().is_none() {
        return;
    }
    let neutral = NeutralSite::start().await;
    let exit_url = neutral.url.clone();
    let app = TestApp::spawn_with(Backend::Sqlite, move |config| {
        config.exit_url = exit_url;
        config.discreet_mode = true;
        config.instance_name = "Survivors Network".to_owned();
    })
    .await;
    let group = app.group("north").await;
    sqlx::query("UPDATE support_groups SET name = $1 WHERE id = $2")
        .bind(GROUP_NAME)
        .bind(group.id)
        .execute(&app.state.db.write)
        .await
        .unwrap();
    let willow = app.member_of(&group, "Willow").await;
    willow.get("/groups/north/topics/new").await;
    let fields = [("title", "Evenings at the survivors' circle"), ("body", POST_TEXT), ("action", "publish")];
    let topic = willow.post("/groups/north/topics/new", &fields).await.location().unwrap().to_owned();
    let topic = topic.split(['?', '#']).next().unwrap().to_owned();

    for (language, words) in [(Language::English, ["survivor", "north"]), (Language::French, ["survivant", "north"])] {
        let options = Options { language, ..Options::default() };
        let Some(browser) = Browser::start(options).await else { return };
        sign_in_as(&browser, &app, "Willow").await;
        for path in ["/", "/groups/north", topic.as_str(), "/groups/north/agreements", "/account", "/safety"] {
            browser.goto(&format!("{}{path}", app.base)).await;
            let title = browser.client.title().await.unwrap();
            assert_eq!(title, "Notes", "{path}: the title");
            let header = browser.text("header.bar").await.to_lowercase();
            for word in words.iter().chain([&"circle", &"network"]) {
                assert!(!header.contains(word), "{path}: the header says {word:?}: {header}");
            }
            assert!(!title.to_lowercase().contains("survivor") && !title.contains(GROUP_NAME));
        }
        browser.recorder.assert_untouched("the discreet pages");
        browser.close().await;
    }

    // Printing the topic: Chromium's own print-to-PDF.
    let Some(browser) = Browser::start(Options::default()).await else { return };
    sign_in_as(&browser, &app, "Willow").await;
    browser.goto(&format!("{}{topic}", app.base)).await;
    assert!(browser.text("main").await.contains(POST_TEXT), "the post is on the screen");
    let printed = browser.cdp("Page.printToPDF", json!({ "printBackground": true })).await;
    let pdf = data_encoding::BASE64.decode(printed["data"].as_str().unwrap().as_bytes()).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF came back");
    if let Some(text) = pdf_text(&pdf) {
        let text = text.replace('\u{2019}', "'");
        assert!(text.contains("This page can't be printed"), "the print notice: {text:?}");
        for absent in [POST_TEXT, "Heronsgate", "Evenings at", "Willow", PASSWORD] {
            assert!(!text.contains(absent), "the printout shows {absent:?}: {text:?}");
        }
    }
    browser.recorder.assert_untouched("printing");
    browser.close().await;
    app.stop().await;
}
