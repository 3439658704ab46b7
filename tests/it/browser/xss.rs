//! Cross-site scripting, judged by a real browser: every line of the XSS
//! corpus goes into topic titles, content warnings and post bodies (and the
//! most dangerous-looking pseudonym Hearth accepts writes them), then
//! Chromium opens every page that shows them — topics, the group's topic
//! list page by page, search results, notifications, a preview — and no
//! dialog may open, no script but Hearth's own may exist or run, no element
//! may carry an event handler, and the page's CSP must not have had to
//! block anything.
//!
//! A canary is installed through the DevTools protocol before any page
//! script: it records `alert`/`confirm`/`prompt`/`print` calls (and lets
//! them open, so WebDriver sees the dialog too) and every
//! `securitypolicyviolation` event, which a script injected after load
//! could never see.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::sanitiser::{XSS, batches, corpus_lines};
use crate::support::{GroupSetup, PASSWORD, Page, TestApp, Visitor};

use super::harness::*;

/// The group's facilitator writes the batches and reads every page: a staff
/// member's posts are never held for review (a line of the corpus may look
/// like an e-mail address), and staff see what members wrote, held or not.
const WRITER: &str = "Guide-hostile";

/// Pseudonyms to try, most dangerous first; the first one Hearth accepts
/// writes replies and topics. Pseudonyms are letters, digits, space, `-`,
/// `_` and `.` only, so the markup ones must be refused.
const DANGEROUS_NAMES: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><svg onload=alert(1)>",
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "{{7*7}} ${alert(1)}",
    "javascript.alert.document.cookie",
];

/// Runs in every document before its own scripts (so CSP does not apply to it).
const CANARY: &str = r"
(function () {
  var canary = { dialogs: [], violations: [] };
  Object.defineProperty(window, '__hearthCanary', { value: canary });
  document.addEventListener('securitypolicyviolation', function (e) {
    canary.violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
  }, true);
  ['alert', 'confirm', 'prompt', 'print'].forEach(function (name) {
    var original = window[name];
    window[name] = function () {
      canary.dialogs.push(name + '(' + Array.prototype.slice.call(arguments).join(', ') + ')');
      return original.apply(window, arguments);
    };
  });
})();
";

/// What the page is like once loaded (and a moment later, so queued
/// violation events have fired).
const INSPECT: &str = r#"
var done = arguments[arguments.length - 1];
setTimeout(function () {
  var canary = window.__hearthCanary;
  var html = function (el) { return el.outerHTML.slice(0, 200); };
  var all = document.querySelectorAll('*');
  var handlers = [], urls = [];
  for (var i = 0; i < all.length; i++) {
    var attrs = all[i].attributes;
    for (var j = 0; j < attrs.length; j++) {
      var name = attrs[j].name.toLowerCase();
      var value = attrs[j].value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name.indexOf('on') === 0) { handlers.push(html(all[i])); }
      if (/^(javascript|vbscript|data):/.test(value) && /^(href|src|action|formaction|data|xlink:href|srcdoc)$/.test(name)) {
        urls.push(html(all[i]));
      }
    }
  }
  done({
    canary: !!canary,
    ran: typeof window.__xss !== 'undefined',
    dialogs: canary ? canary.dialogs : [],
    violations: canary ? canary.violations : [],
    scripts: [].map.call(document.querySelectorAll('script:not([src="/assets/hearth.js"])'), html),
    embedded: [].map.call(document.querySelectorAll('iframe, object, embed, frame, img, svg, math, style, base'), html),
    handlers: handlers,
    urls: urls,
    posts: document.querySelectorAll('.prose').length
  });
}, 150);
"#;

/// Everything the browser saw that it should not have, and how much it looked at.
#[derive(Default)]
struct Watch {
    problems: Vec<String>,
    pages: usize,
    posts: u64,
}

impl Watch {
    async fn inspect(&mut self, browser: &Browser, what: &str) {
        self.pages += 1;
        if let Ok(text) = browser.client.get_alert_text().await {
            self.problems.push(format!("{what}: a dialog is open: {text:?}"));
            let _ = browser.client.dismiss_alert().await;
        }
        let facts =
            browser.client.execute_async(INSPECT, Vec::new()).await.unwrap_or_else(|err| {
                panic!("{what}: inspecting the page failed ({err}); a dialog may have blocked it")
            });
        assert_eq!(facts["canary"], Value::Bool(true), "{what}: the canary was not installed before the page");
        if facts["ran"] == Value::Bool(true) {
            self.problems.push(format!("{what}: window.__xss was set, so injected script ran"));
        }
        for key in ["dialogs", "violations", "scripts", "embedded", "handlers", "urls"] {
            for item in facts[key].as_array().into_iter().flatten() {
                self.problems.push(format!("{what}: {key}: {}", item.as_str().unwrap_or_default()));
            }
        }
        self.posts += facts["posts"].as_u64().unwrap_or(0);
    }

    async fn open(&mut self, browser: &Browser, url: &str, what: &str) {
        browser.goto(url).await;
        self.inspect(browser, what).await;
    }
}

/// The watch itself is checked first: on pages built to misbehave (outside
/// Hearth) it must see a script run, a handler, an embedded frame, a dialog
/// and a CSP violation; otherwise a clean result would prove nothing.
async fn watch_sees_misbehaviour(browser: &Browser) {
    let mut watch = Watch::default();
    let running = "<title>probe</title><script>window.__xss = 1; setTimeout(function () { alert('probe'); }, 0);</script>\
                   <p onclick=\"x()\">x</p><iframe></iframe>";
    browser.goto(&format!("data:text/html,{}", query_value(running))).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    watch.inspect(browser, "probe").await;
    let blocked = "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">\
                   <title>probe</title><script>window.__xss = 1;</script>";
    browser.goto(&format!("data:text/html,{}", query_value(blocked))).await;
    watch.inspect(browser, "blocked probe").await;
    let seen = watch.problems.join("\n");
    for expected in [
        "probe: a dialog is open: \"probe\"",
        "probe: window.__xss was set",
        "probe: dialogs: alert(probe)",
        "probe: handlers: <p onclick",
        "probe: embedded: <iframe",
        "blocked probe: violations: script-src",
        "blocked probe: scripts: <script>",
    ] {
        assert!(seen.contains(expected), "the watch missed {expected:?}; it saw:\n{seen}");
    }
    assert!(!seen.contains("blocked probe: window.__xss"), "CSP did not block the probe's script:\n{seen}");
}

fn topic_id(page: &Page) -> Option<i64> {
    let location = page.location()?;
    location.strip_prefix("/topics/")?.split(['?', '#']).next()?.parse().ok()
}

/// The first of `DANGEROUS_NAMES` Hearth accepts, joined to the group and
/// signed in; the refused ones must be a 422.
async fn dangerous_member(app: &TestApp, group: &GroupSetup) -> (String, Visitor) {
    for name in DANGEROUS_NAMES {
        let spec = hearth::accounts::invites::InviteSpec {
            expires_in: std::time::Duration::from_secs(86_400),
            note: None,
            created_by: None,
            grants_admin: false,
            groups: &[group.id],
        };
        let invite = hearth::accounts::invites::create(&app.state, spec).await.unwrap();
        let visitor = app.visitor();
        let page = visitor.join(invite.url.strip_prefix(&app.base).unwrap(), name, PASSWORD).await;
        if page.status == StatusCode::UNPROCESSABLE_ENTITY {
            continue;
        }
        assert_eq!(page.status, StatusCode::OK, "joining as {name:?}: {}", page.body);
        let slug = &group.slug;
        let agreements = visitor.get(&format!("/groups/{slug}/agreements")).await;
        let version = agreements.body.split("name=\"version\" value=\"").nth(1).and_then(|rest| rest.split('"').next());
        let version = version.unwrap_or_else(|| panic!("no agreements form: {}", agreements.body)).to_owned();
        let accepted =
            visitor.post(&format!("/groups/{slug}/agreements"), &[("version", &version), ("accept", "yes")]).await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
        return ((*name).to_owned(), visitor);
    }
    panic!("Hearth accepted none of {DANGEROUS_NAMES:?}");
}

async fn publish(visitor: &Visitor, path: &str, fields: &[(&str, &str)]) -> Page {
    let mut form = fields.to_vec();
    form.push(("action", "publish"));
    let page = visitor.post(path, &form).await;
    assert!(page.status.as_u16() < 500, "{path}: {} {}", page.status, page.body);
    page
}

/// Batches of lines as topics (a line as title and one as warning where
/// they fit, the batch as the body) with a reply from the dangerous name
/// (the batch again, as one block); then every line alone as a title.
async fn write_everything(group: &GroupSetup, writer: &Visitor, dangerous: &Visitor, lines: &[&str]) -> Vec<i64> {
    let new_topic = format!("/groups/{}/topics/new", group.slug);
    let fits = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ").chars().count() <= 120;
    writer.get(&format!("/groups/{}", group.slug)).await;
    dangerous.get(&format!("/groups/{}", group.slug)).await;
    let mut topics = Vec::new();
    for (n, batch) in batches(lines).iter().enumerate() {
        let fallback = format!("Batch {n}");
        let title = batch.iter().copied().find(|line| fits(line)).unwrap_or(&fallback);
        let warning = batch.iter().copied().rev().find(|line| fits(line)).unwrap_or("Batch");
        let body = batch.join("\n\n");
        let page = publish(writer, &new_topic, &[("title", title), ("warning", warning), ("body", &body)]).await;
        let id = topic_id(&page).unwrap_or_else(|| panic!("batch {n} refused: {}", page.body));
        topics.push(id);
        let block = batch.join("\n");
        let page = publish(dangerous, &format!("/topics/{id}/reply"), &[("warning", title), ("body", &block)]).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "reply to batch {n}: {}", page.body);
    }
    for (n, line) in lines.iter().enumerate() {
        let page = publish(dangerous, &new_topic, &[("title", line), ("body", &format!("Line {n}"))]).await;
        assert!(matches!(page.status, StatusCode::SEE_OTHER | StatusCode::UNPROCESSABLE_ENTITY), "line {n}");
    }
    topics
}

/// Percent-encodes a query value.
fn query_value(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Opens `first` and follows its "older" links (`?before=`), at most `limit` pages.
async fn walk_pages(browser: &Browser, watch: &mut Watch, first: String, what: &str, limit: usize) -> usize {
    let mut next = Some(first);
    let mut pages = 0;
    while let Some(url) = next.take() {
        watch.open(browser, &url, &format!("{what} page {}", pages + 1)).await;
        pages += 1;
        if pages == limit {
            break;
        }
        let older = browser
            .client
            .execute(
                "var a = document.querySelector('main a[href*=\"before=\"]'); return a ? a.href : null;",
                Vec::new(),
            )
            .await
            .unwrap();
        next = older.as_str().map(str::to_owned);
    }
    pages
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_script_runs_from_hostile_text() {
    let Some(browser) = Browser::start(Options::default()).await else { return };
    let neutral = NeutralSite::start().await;
    let app = hearth(&neutral).await;
    let group = app.group("hostile").await;
    let writer = group.facilitator.clone();
    let (name, dangerous) = dangerous_member(&app, &group).await;
    eprintln!("the most dangerous pseudonym accepted: {name:?}");
    let corpus = corpus_lines(XSS, false);
    let lines: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let topics = write_everything(&group, &writer, &dangerous, &lines).await;

    let installed = browser.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": CANARY })).await;
    assert!(installed["identifier"].is_string(), "the canary was not installed: {installed}");
    watch_sees_misbehaviour(&browser).await;
    let base = &app.base;
    // The facilitator is staff: the helper answers the two-factor step.
    sign_in_as(&browser, &app, WRITER).await;

    let mut watch = Watch::default();
    watch.inspect(&browser, "home").await;
    for id in &topics {
        watch.open(&browser, &format!("{base}/topics/{id}"), &format!("topic {id}")).await;
    }
    let group_pages = walk_pages(&browser, &mut watch, format!("{base}/groups/{}", group.slug), "group", 500).await;
    assert!(group_pages > 1, "every title should not fit on one page of topics");
    walk_pages(&browser, &mut watch, format!("{base}/notifications"), "notifications", 5).await;
    let queries =
        ["alert", "script", "onerror", "svg", "javascript", "<script>alert(1)</script>", "\"><svg onload=alert(1)>"];
    for query in queries {
        watch.open(&browser, &format!("{base}/search?q={}", query_value(query)), &format!("search {query:?}")).await;
    }
    // Hostile titles in the results must not break the page for assistive technology either.
    assert_accessible(&browser.client, "search results full of hostile titles").await;
    // A preview is rendered straight from the form: the batches again, there.
    for (n, batch) in batches(&lines).iter().enumerate().step_by(10) {
        browser.goto(&format!("{base}/groups/{}/topics/new", group.slug)).await;
        browser.fill("#title", "Preview").await;
        let body = batch.join("\n\n");
        browser
            .client
            .execute("document.getElementById('body').value = arguments[0]; return null;", vec![json!(body)])
            .await
            .unwrap();
        browser.click("main form button[value=preview]").await;
        browser.element("section.preview").await;
        watch.inspect(&browser, &format!("preview of batch {n}")).await;
    }

    eprintln!("{} pages opened, {} posts on them", watch.pages, watch.posts);
    assert!(watch.posts >= 2 * topics.len() as u64, "the topic pages showed fewer posts than were written");
    browser.recorder.assert_untouched("pages full of hostile text");
    let shown: Vec<&str> = watch.problems.iter().take(60).map(String::as_str).collect();
    assert!(watch.problems.is_empty(), "{} problem(s), the first:\n  - {}", watch.problems.len(), shown.join("\n  - "));
    browser.close().await;
    app.stop().await;
}
