//! Accessibility checked by a real tool: axe-core, injected into every page of
//! the journey, in English and in French, at phone (360 px) and desktop
//! (1280 px) width, must report no serious or critical violation. The pages
//! reachable by URL are one table (`PAGES`); form states (errors, a preview)
//! are reached by filling the forms as a person does.

use std::collections::BTreeMap;

use reqwest::StatusCode;

use crate::support::{GroupSetup, PASSWORD, Page, TestApp, Visitor};

use super::harness::*;

/// Who looks at a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Nobody,
    Member,
    Lead,
    Admin,
}

const MEMBER: &str = "Rowan Ash";
const ADMIN: &str = "Juniper Keeper";
const SLUG: &str = "willows";

/// Every page reachable by URL: name, who looks, path, status. `{slug}`,
/// `{org}`, `{topic}`, `{post}` and `{check_in}` are filled from the test's
/// data. Grouped by viewer, so the browser signs in once per group of lines.
const PAGES: &[(&str, Who, &str, u16)] = &[
    ("sign-in", Who::Nobody, "/sign-in", 200),
    ("recover", Who::Nobody, "/recover", 200),
    ("unusable invite", Who::Nobody, "/join/no-such-code", 404),
    ("404 signed out", Who::Nobody, "/no-such-page", 404),
    ("safety", Who::Nobody, "/safety", 200),
    ("home", Who::Member, "/", 200),
    ("account settings", Who::Member, "/account", 200),
    ("group", Who::Member, "/groups/{slug}", 200),
    ("agreements", Who::Member, "/groups/{slug}/agreements", 200),
    ("topic", Who::Member, "/topics/{topic}", 200),
    ("new topic", Who::Member, "/groups/{slug}/topics/new", 200),
    ("edit post", Who::Member, "/posts/{post}/edit", 200),
    ("search", Who::Member, "/search?q=evening", 200),
    ("search without results", Who::Member, "/search?q=x", 200),
    ("notifications", Who::Member, "/notifications", 200),
    ("check-ins", Who::Member, "/check-ins", 200),
    ("check-in", Who::Member, "/check-ins/{check_in}", 200),
    ("write to the facilitators", Who::Member, "/groups/{slug}/check-ins/new", 200),
    ("group resources", Who::Member, "/groups/{slug}/resources", 200),
    ("resources", Who::Member, "/resources", 200),
    ("leave group", Who::Member, "/groups/{slug}/leave", 200),
    ("404 signed in", Who::Member, "/no-such-page", 404),
    ("sessions", Who::Member, "/account/sessions", 200),
    ("two-factor set-up", Who::Member, "/account/two-factor", 200),
    ("erase my account", Who::Member, "/account/erase", 200),
    ("report a post", Who::Member, "/posts/{reply}/report", 200),
    ("group as staff", Who::Lead, "/groups/{slug}", 200),
    ("topic as staff", Who::Lead, "/topics/{topic}", 200),
    ("who reacted", Who::Lead, "/posts/{post}/reactions", 200),
    ("check-ins as staff", Who::Lead, "/check-ins", 200),
    ("check in on a member", Who::Lead, "/groups/{slug}/check-ins/new", 200),
    ("organisation", Who::Lead, "/organisations/{org}", 200),
    ("group settings", Who::Lead, "/groups/{slug}/settings", 200),
    ("group members", Who::Lead, "/groups/{slug}/members", 200),
    ("edit agreements", Who::Lead, "/groups/{slug}/agreements/edit", 200),
    ("edit group resources", Who::Lead, "/groups/{slug}/resources/edit", 200),
    ("group privacy", Who::Lead, "/groups/{slug}/privacy", 200),
    ("erase a member's account", Who::Lead, "/groups/{slug}/members/{member}/erase", 200),
    ("two-factor when on", Who::Lead, "/account/two-factor", 200),
    ("moderation queue", Who::Lead, "/moderation", 200),
    ("moderation settings", Who::Lead, "/groups/{slug}/moderation/settings", 200),
    ("lockdown", Who::Lead, "/groups/{slug}/lockdown", 200),
    ("a member, for staff", Who::Lead, "/groups/{slug}/members/{member}", 200),
    ("redact a post", Who::Lead, "/posts/{post}/redact", 200),
    ("a redacted post's originals", Who::Lead, "/posts/{post}/originals", 200),
    ("move a topic", Who::Lead, "/topics/{topic}/move", 200),
    ("audit log", Who::Lead, "/audit", 200),
    ("organisation's moderation settings", Who::Lead, "/organisations/{org}/moderation", 200),
    ("partner organisations", Who::Lead, "/organisations/{org}/partners", 200),
    ("invites", Who::Admin, "/invites", 200),
    ("organisations", Who::Admin, "/admin/organisations", 200),
    ("edit instance resources", Who::Admin, "/admin/resources", 200),
    ("admins", Who::Admin, "/admin/admins", 200),
];

/// The data the pages show, and a plain HTTP visitor for each viewer.
struct World {
    group: GroupSetup,
    member: Visitor,
    admin: Visitor,
    topic: i64,
    post: i64,
    check_in: i64,
    /// The lead's reply (the member reports it).
    reply: i64,
    member_id: i64,
}

/// The id at the end of a redirect (`/topics/7`, `/check-ins/3?…`).
fn id_in(page: &Page) -> i64 {
    let location = page.location().unwrap_or_default();
    let last = location.split(['?', '#']).next().unwrap_or_default().rsplit('/').next().unwrap_or_default();
    last.parse().unwrap_or_else(|_| panic!("no id in {location:?}: {} {}", page.status, page.body))
}

impl World {
    /// A group with a topic (a warning, a reply from staff with a link, a
    /// reaction), a notification and a check-in, so every page has content.
    async fn build(app: &TestApp) -> Self {
        let group = app.group(SLUG).await;
        let member = app.member_of(&group, MEMBER).await;
        let admin = app.admin(ADMIN).await;
        let slug = &group.slug;

        member.get(&format!("/groups/{slug}")).await;
        let body =
            "Evenings are the hardest part.\n\n- the house is quiet\n- I keep checking the door\n\n> one day at a time";
        let fields = [("title", "Evenings"), ("warning", "fear at night"), ("body", body), ("action", "publish")];
        let topic = id_in(&member.post(&format!("/groups/{slug}/topics/new"), &fields).await);
        let (post,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM posts WHERE topic_id = $1")
            .bind(topic)
            .fetch_one(&app.state.db.read)
            .await
            .unwrap();
        let lead = &group.lead;
        lead.get(&format!("/topics/{topic}")).await;
        let reply = "Thank you for writing. The [resources page](/resources) lists night lines.";
        let page = lead.post(&format!("/topics/{topic}/reply"), &[("body", reply), ("action", "publish")]).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
        let page =
            lead.post(&format!("/topics/{topic}/react"), &[("react", &format!("{post}-support")), ("page", "")]).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);

        member.get(&format!("/groups/{slug}/check-ins/new")).await;
        let fields = [("subject", "A question"), ("body", "Can I post in French too?")];
        let check_in = id_in(&member.post(&format!("/groups/{slug}/check-ins/new"), &fields).await);
        let member_id = app.user_id(MEMBER).await;
        // The group's pages carry its watermark and copy guard, so axe sees them too.
        sqlx::query("UPDATE support_groups SET watermark = 1, discourage_copying = 1 WHERE id = $1")
            .bind(group.id)
            .execute(&app.state.db.write)
            .await
            .unwrap();

        // For the queue: a report on the lead's reply, and a post held for an e-mail address.
        let (reply,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
        member.get(&format!("/posts/{reply}/report")).await;
        let report = [("reason", "at-risk"), ("details", "I am worried.")];
        member.post(&format!("/posts/{reply}/report"), &report).await;
        let held = [("body", "Write to me at rowan@example.org."), ("action", "publish")];
        member.post(&format!("/topics/{topic}/reply"), &held).await;
        Self { group, member, admin, topic, post, check_in, reply, member_id }
    }

    fn path(&self, template: &str) -> String {
        template
            .replace("{slug}", &self.group.slug)
            .replace("{org}", &self.group.organisation_id.to_string())
            .replace("{topic}", &self.topic.to_string())
            .replace("{post}", &self.post.to_string())
            .replace("{check_in}", &self.check_in.to_string())
            .replace("{reply}", &self.reply.to_string())
            .replace("{member}", &self.member_id.to_string())
    }

    fn pseudonym(&self, who: Who) -> Option<String> {
        match who {
            Who::Nobody => None,
            Who::Member => Some(MEMBER.to_owned()),
            Who::Lead => Some(format!("Lead-{}", self.group.slug)),
            Who::Admin => Some(ADMIN.to_owned()),
        }
    }

    fn visitor(&self, app: &TestApp, who: Who) -> Visitor {
        match who {
            Who::Nobody => app.visitor(),
            Who::Member => self.member.clone(),
            Who::Lead => self.group.lead.clone(),
            Who::Admin => self.admin.clone(),
        }
    }
}

/// What axe-core said about the pages of one browser, kept to the end so one
/// run lists every problem.
struct Findings {
    prefix: String,
    lang: &'static str,
    blocking: Vec<String>,
    /// Minor and moderate findings: the rule and its elements, and where.
    notes: BTreeMap<String, Vec<String>>,
}

impl Findings {
    async fn check(&mut self, browser: &Browser, page: &str) {
        let lang = browser.script("return document.documentElement.lang;").await;
        if lang.as_str() != Some(self.lang) {
            self.blocking.push(format!("{} {page}: <html lang> is {lang}, not {}", self.prefix, self.lang));
        }
        let Some(violations) = axe_violations(&browser.client).await else { return };
        for violation in violations {
            if violation.blocks() {
                self.blocking.push(format!("{} {page}: {}", self.prefix, violation.describe()));
            } else {
                self.notes.entry(violation.describe()).or_default().push(format!("{} {page}", self.prefix));
            }
        }
    }
}

/// The forms a newcomer fills, in each of their states.
async fn joining(browser: &Browser, app: &TestApp, findings: &mut Findings) {
    browser.goto(&format!("{}/sign-in", app.base)).await;
    browser.fill("#pseudonym", MEMBER).await;
    browser.fill("#password", "not the password").await;
    browser.click("main form button[type=submit]").await;
    browser.element("main p.error").await;
    findings.check(browser, "sign-in with an error").await;

    browser.goto(&format!("{}{}", app.base, app.invite().await)).await;
    findings.check(browser, "join consent").await;
    // Browsers refuse to send the form unticked; the server's answer to a
    // form sent anyway (an old browser) is a page too.
    browser.script("document.getElementById('consent').removeAttribute('required'); return null;").await;
    browser.click("main form button[type=submit]").await;
    browser.element("main p.error").await;
    findings.check(browser, "join consent with an error").await;
    browser.click("#consent").await;
    browser.click("main form button[type=submit]").await;

    browser.element("#pseudonym").await;
    findings.check(browser, "join account form").await;
    browser.fill("#pseudonym", "x").await;
    browser.fill("#password", "short").await;
    browser.click("main form button[type=submit]").await;
    browser.element("#password-error").await;
    findings.check(browser, "join account form with errors").await;
    browser.fill("#pseudonym", &format!("Willow {}", findings.prefix)).await;
    browser.fill("#password", PASSWORD).await;
    browser.click("main form button[type=submit]").await;
    browser.element("ol.codes").await;
    findings.check(browser, "recovery codes").await;
}

/// The new-topic form refused (blank title and body) and previewed.
async fn writing(browser: &Browser, app: &TestApp, world: &World, findings: &mut Findings) {
    browser.goto(&format!("{}{}", app.base, world.path("/groups/{slug}/topics/new"))).await;
    browser.fill("#title", " ").await;
    browser.fill("#body", " ").await;
    browser.click("main form button[value=publish]").await;
    browser.element("#title-error").await;
    findings.check(browser, "new topic with errors").await;
    browser.fill("#title", "Mornings").await;
    browser.fill("#warning", "sleep").await;
    browser.fill("#body", "Mornings are *better*.\n\n- coffee\n- a walk").await;
    browser.click("main form button[value=preview]").await;
    browser.element("section.preview").await;
    findings.check(browser, "new topic with a preview").await;
}

/// axe-core itself is checked first, on a page built to fail (outside
/// Hearth): an unlabelled field is a critical violation it must report.
async fn axe_sees_a_missing_label(browser: &Browser) {
    browser.goto("data:text/html,<html lang=en><title>probe</title><main><input></main></html>").await;
    let violations = axe_violations(&browser.client).await.unwrap_or_default();
    assert!(
        violations.iter().any(|v| v.rule == "label" && v.blocks()),
        "axe-core missed an unlabelled field: {violations:?}"
    );
}

/// Every page of the journey in English and French, at 360 and 1280 px.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_in_both_languages_and_widths() {
    if super::harness::browser_binaries().is_none() || axe_source().is_none() {
        return;
    }
    let neutral = NeutralSite::start().await;
    let app = hearth(&neutral).await;
    let world = World::build(&app).await;

    // Each page answers as the table says before the browser looks at it.
    for (name, who, template, status) in PAGES {
        let path = world.path(template);
        let page = world.visitor(&app, *who).get(&path).await;
        assert_eq!(page.status, StatusCode::from_u16(*status).unwrap(), "{name} ({path}) as {who:?}");
    }

    let mut blocking = Vec::new();
    let mut notes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (language, lang) in [(Language::English, "en"), (Language::French, "fr")] {
        for (width, height) in [(360, 800), (1280, 900)] {
            let options = Options { width, height, javascript: true, language };
            let Some(browser) = Browser::start(options).await else { return };
            let prefix = format!("{lang}-{width}");
            let mut findings = Findings { prefix, lang, blocking: Vec::new(), notes: BTreeMap::new() };

            axe_sees_a_missing_label(&browser).await;
            joining(&browser, &app, &mut findings).await;
            let mut signed_in = None;
            for (name, who, template, _) in PAGES {
                if signed_in != Some(*who) {
                    match world.pseudonym(*who) {
                        Some(pseudonym) => sign_in_as(&browser, &app, &pseudonym).await,
                        None => browser.client.delete_all_cookies().await.unwrap(),
                    }
                    signed_in = Some(*who);
                }
                browser.goto(&format!("{}{}", app.base, world.path(template))).await;
                browser.element("main").await;
                findings.check(&browser, name).await;
                // The form's other states, while the member is signed in.
                if *name == "new topic" {
                    writing(&browser, &app, &world, &mut findings).await;
                }
            }

            browser.recorder.assert_untouched("the accessibility tour");
            blocking.append(&mut findings.blocking);
            for (note, pages) in std::mem::take(&mut findings.notes) {
                notes.entry(note).or_default().extend(pages);
            }
            browser.close().await;
        }
    }
    app.stop().await;
    // Not what the issue forbids, but worth a look.
    for (note, pages) in &notes {
        eprintln!("axe, not blocking: {note}\n      on {} page(s): {}", pages.len(), pages.join(", "));
    }
    assert!(
        blocking.is_empty(),
        "axe-core found {} serious or critical violation(s):\n  - {}",
        blocking.len(),
        blocking.join("\n  - ")
    );
}
