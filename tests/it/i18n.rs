//! Both languages define every key; pages follow the member's language.

use std::collections::BTreeSet;

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, TestApp},
};

fn keys(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(key, _)| key)
        .filter(|key| key.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && !key.contains(' '))
        .map(str::to_owned)
        .collect()
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn files_under(dir: &str, extension: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![std::path::PathBuf::from(format!("{}/{dir}", env!("CARGO_MANIFEST_DIR")))];
    while let Some(path) = pending.pop() {
        for entry in std::fs::read_dir(path).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }
    found
}

/// String literals in the code and templates that name a message.
fn keys_used() -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for template in files_under("templates", "html") {
        for part in ["t(\"", "t1(\"", "tn(\""].iter().flat_map(|call| template.split(call).skip(1)) {
            used.insert(part.split('"').next().unwrap().to_owned());
        }
    }
    // Rust code names messages as `"feature-thing"` literals returned as `&'static str` keys.
    let prefixes = [
        "pseudonym-",
        "password-",
        "error-",
        "invite-",
        "join-",
        "recover-",
        "sign-in-",
        "codes-",
        "group-",
        "agreements-",
        "organisation-",
        "staff-",
        "check-in-",
        "markdown-",
        "resources-",
        "leave-",
        "search-",
        "notifications-",
        "topic-",
        "post-",
        "reaction-",
        "reading-",
        // safety and privacy
        "safety-",
        "two-factor-",
        "sessions-",
        "device-",
        "discreet-",
        "erase-",
        "privacy-",
        "inventory-",
        "retention-",
        // operations
        "kept-",
        // moderation (issue 4)
        "moderation-",
        "audit-",
        "queue-",
        "report-",
        "held-",
        "lockdown-",
        "filter-",
        "member-",
        "notice-",
        "role-",
        "partner-",
        "reset-",
        "suspension-",
    ];
    for source in files_under("src", "rs") {
        for literal in source.split('"').skip(1).step_by(2) {
            let looks_like_key = prefixes.iter().any(|p| literal.starts_with(p))
                && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if looks_like_key {
                used.insert(literal.to_owned());
            }
        }
    }
    used
}

/// Every translation file of one language, one after the other.
fn all_files(lang: &str) -> String {
    ["main", "groups", "discussions", "notifications", "safety", "operations", "moderation"]
        .iter()
        .map(|file| read(&format!("assets/locales/{lang}/{file}.ftl")))
        .collect()
}

#[test]
fn english_and_french_define_the_same_keys() {
    let english = keys(&all_files("en"));
    let french = keys(&all_files("fr"));
    assert!(english.len() > 50);
    let only_english: Vec<_> = english.difference(&french).collect();
    let only_french: Vec<_> = french.difference(&english).collect();
    assert!(only_english.is_empty() && only_french.is_empty(), "only en: {only_english:?}; only fr: {only_french:?}");
}

#[test]
fn every_key_used_exists() {
    let english = keys(&all_files("en"));
    let used = keys_used();
    assert!(used.len() > 50);
    let missing: Vec<_> = used.difference(&english).collect();
    assert!(missing.is_empty(), "used but not translated: {missing:?}");
}

on_both_backends!(pages_follow_accept_language_then_the_member_setting);

async fn pages_follow_accept_language_then_the_member_setting(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let french = app.visitor().with_header("accept-language", "fr-CA");
    let page = french.get("/sign-in").await;
    assert!(page.body.contains("<html lang=\"fr\">"));
    assert!(page.body.contains("<title>Se connecter · Hearth</title>"));
    assert!(page.body.contains("Sortie rapide"));
    for (header, lang) in [("en-US,en;q=0.9", "en"), ("de-DE", "en"), ("es, fr;q=0.5", "fr"), ("", "en")] {
        let page = app.visitor().with_header("accept-language", header).get("/sign-in").await;
        assert!(page.body.contains(&format!("<html lang=\"{lang}\">")), "{header:?}");
    }

    // A member's own choice beats the browser's.
    let member = app.member("Willow").await;
    let english_browser = member.clone().with_header("accept-language", "en");
    english_browser.get("/account").await;
    let saved = english_browser.post("/account/language", &[("language", "fr")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let home = english_browser.get("/").await;
    assert!(home.body.contains("<html lang=\"fr\">"));
    assert!(home.body.contains("Vous êtes connecté·e"));
    assert_eq!(english_browser.post("/account/language", &[("language", "xx")]).await.status, StatusCode::BAD_REQUEST);
    english_browser.post("/account/language", &[("language", "auto")]).await;
    assert!(english_browser.get("/").await.body.contains("<html lang=\"en\">"));
    app.stop().await;
}
