//! The screenshot tour for visual review (an ignored test).

use std::path::{Path, PathBuf};

use hearth::clock::Clock;

use crate::support::{GroupSetup, PASSWORD, TestApp};

use super::harness::*;

/// Where the PNGs go, and what each is called: `en-phone-sign-in.png`.
struct Shots {
    dir: PathBuf,
    prefix: String,
    notes: Vec<String>,
}

impl Shots {
    /// The viewport as a member sees it, plus `…-full.png` when the page is taller.
    async fn take(&mut self, browser: &Browser, name: &str) {
        self.take_viewport(browser, name).await;
        let height = browser.script("return document.documentElement.scrollHeight;").await.as_u64().unwrap_or(0);
        let inner = browser.script("return window.innerHeight;").await.as_u64().unwrap_or(0);
        if height > inner {
            let (width, window_height) = browser.window;
            let tall = u32::try_from(u64::from(window_height) + (height - inner)).unwrap_or(u32::MAX);
            browser.client.set_window_size(width, tall).await.unwrap();
            let file = self.dir.join(format!("{}-{name}-full.png", self.prefix));
            write_png(&file, &browser.client.screenshot().await.unwrap());
            browser.client.set_window_size(width, window_height).await.unwrap();
        }
    }

    /// Only what is in view (e.g. after scrolling).
    async fn take_viewport(&mut self, browser: &Browser, name: &str) {
        let file = self.dir.join(format!("{}-{name}.png", self.prefix));
        write_png(&file, &browser.client.screenshot().await.unwrap());
        self.check_layout(browser, name).await;
    }

    /// What can be measured rather than seen: sideways scrolling, and the
    /// quick exit in view at the top.
    async fn check_layout(&mut self, browser: &Browser, name: &str) {
        let facts = browser
            .script(
                "var exit = document.getElementById('quick-exit');
                 var r = exit ? exit.getBoundingClientRect() : null;
                 return { inner: window.innerWidth, scroll: document.documentElement.scrollWidth,
                          exit: r ? [r.left, r.top, r.right, r.bottom] : null };",
            )
            .await;
        let inner = facts["inner"].as_f64().unwrap_or(0.0);
        let scroll = facts["scroll"].as_f64().unwrap_or(0.0);
        if scroll > inner {
            self.notes.push(format!("{}-{name}: page is {scroll}px wide in a {inner}px viewport", self.prefix));
        }
        match facts["exit"].as_array().map(|r| r.iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect::<Vec<_>>()) {
            Some(r) if r.len() == 4 && r[0] >= 0.0 && r[1] >= 0.0 && r[2] <= inner && r[3] <= 120.0 => {}
            other => {
                self.notes.push(format!("{}-{name}: quick exit not fully in view at the top: {other:?}", self.prefix))
            }
        }
    }
}

fn write_png(file: &Path, png: &[u8]) {
    assert!(png.starts_with(b"\x89PNG"), "the screenshot of {} is not a PNG", file.display());
    std::fs::write(file, png).unwrap_or_else(|err| panic!("writing {}: {err}", file.display()));
}

/// The main pages at phone and desktop width, in English and in French.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "writes PNGs for a visual review: cargo test --test it browser::screenshots -- --ignored"]
async fn screenshots() {
    let dir = std::env::var_os("HEARTH_SCREENSHOTS")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots"), PathBuf::from);
    std::fs::create_dir_all(&dir).unwrap();
    let neutral = NeutralSite::start().await;
    let app = hearth(&neutral).await;
    let forum = Forum::fill(&app).await;
    let mut notes = Vec::new();

    for (language, lang) in [(Language::English, "en"), (Language::French, "fr")] {
        for (size, width, height) in [("phone", 360, 800), ("desktop", 1280, 900)] {
            let options = Options { width, height, javascript: true, language };
            let Some(browser) = Browser::start(options).await else { return };
            let mut shots = Shots { dir: dir.clone(), prefix: format!("{lang}-{size}"), notes: Vec::new() };
            let viewport = browser.script("return [window.innerWidth, window.innerHeight];").await;
            eprintln!("{lang}-{size}: viewport {viewport}");

            browser.goto(&format!("{}/sign-in", app.base)).await;
            let page_lang = browser.element("html").await.attr("lang").await.unwrap();
            assert_eq!(page_lang.as_deref(), Some(lang), "the page language follows the browser's");
            shots.take(&browser, "sign-in").await;

            browser.goto(&format!("{}/no-such-page", app.base)).await;
            shots.take(&browser, "404").await;

            browser.goto(&format!("{}{}", app.base, app.admin_invite().await)).await;
            shots.take(&browser, "invite-consent").await;
            // The quick exit must stay in view however far down a member reads.
            browser.script("window.scrollTo(0, document.documentElement.scrollHeight); return null;").await;
            shots.take_viewport(&browser, "invite-consent-scrolled").await;
            browser.click("#consent").await;
            browser.click("main form button[type=submit]").await;

            let pseudonym = format!("Willow {lang} {size}");
            browser.fill("#pseudonym", &pseudonym).await;
            browser.fill("#password", "short").await;
            browser.click("main form button[type=submit]").await;
            browser.element("#password-error").await;
            shots.take(&browser, "account-form-error").await;
            browser.fill("#password", PASSWORD).await;
            browser.click("main form button[type=submit]").await;

            browser.element("ol.codes").await;
            shots.take(&browser, "recovery-codes").await;
            // An admin sets up two-factor before anything else.
            browser.click("main a.button").await;
            browser.wait_for_url("two-factor set-up", |url| url == format!("{}/account/two-factor", app.base)).await;
            shots.take(&browser, "two-factor-required").await;
            let key = browser.text("#two-factor-secret").await.replace(' ', "");
            browser.fill("#code", &crate::support::code_for(&key, app.clock.now())).await;
            browser.click("main form button[type=submit]").await;
            browser.element("main p.notice").await;
            browser.goto(&format!("{}/", app.base)).await;
            shots.take(&browser, "home").await;

            browser.goto(&format!("{}/account", app.base)).await;
            shots.take(&browser, "account-settings").await;

            browser.goto(&format!("{}/invites", app.base)).await;
            browser.fill("#note", "Tuesday evening group").await;
            browser.click("main form button[type=submit]").await;
            browser.element("#new-invite").await;
            shots.take(&browser, "admin-invites").await;

            browser.recorder.assert_untouched("the screenshot tour");
            browser.close().await;

            let Some(browser) = Browser::start(options).await else { return };
            forum.member_tour(&app, &browser, &mut shots).await;
            forum.staff_tour(&app, &browser, &mut shots).await;
            browser.recorder.assert_untouched("the forum tour");
            notes.append(&mut shots.notes);
            browser.close().await;

            // operations: a reply the database could not take, given back
            // (on a forum of its own, whose database stops taking writes).
            super::kept::shoot(options, &dir, &shots.prefix).await;
        }
    }
    app.stop().await;
    eprintln!("screenshots written to {}", dir.display());
    for note in &notes {
        eprintln!("layout: {note}");
    }
}

/// A group with a conversation in it, for the forum pages of the tour.
struct Forum {
    group: GroupSetup,
    topic: String,
    check_in: String,
    rowan_id: i64,
    /// Willow's reply, held for an e-mail address.
    held: i64,
    /// Rowan's crisis post, which Willow reported.
    reported: i64,
    /// Rowan's first reply, which the facilitator redacted.
    redacted: i64,
}

impl Forum {
    async fn fill(app: &TestApp) -> Self {
        let group = app.group("tuesday-circle").await;
        let willow = app.member_of(&group, "Willow").await;
        let rowan = app.member_of(&group, "Rowan").await;
        willow.get("/groups/tuesday-circle/topics/new").await;
        let fields = [
            ("title", "Small wins this week"),
            ("warning", ""),
            ("body", "I went to the library on my own on **Tuesday**.\n\nWhat small wins did you have?"),
            ("action", "publish"),
        ];
        willow.post("/groups/tuesday-circle/topics/new", &fields).await;
        let fields = [
            ("title", "Sleeping again"),
            ("warning", "mentions nightmares"),
            ("body", "Some nights are still hard.\n\n- breathing exercises\n- a lamp left on"),
            ("action", "publish"),
        ];
        let topic = willow.post("/groups/tuesday-circle/topics/new", &fields).await.location().unwrap().to_owned();
        let topic = topic.split(['?', '#']).next().unwrap().to_owned();
        rowan.get(&topic).await;
        rowan
            .post(&format!("{topic}/reply"), &[("body", "Rain sounds help me, @Willow."), ("action", "publish")])
            .await;
        willow.get("/groups/tuesday-circle/check-ins/new").await;
        let check_in = willow
            .post(
                "/groups/tuesday-circle/check-ins/new",
                &[("subject", "A question"), ("body", "Can I bring a friend?")],
            )
            .await
            .location()
            .unwrap()
            .to_owned();
        group
            .facilitator
            .post(&format!("{check_in}/reply"), &[("body", "Of course. Ask them to write to us first.")])
            .await;
        group.facilitator.get("/groups/tuesday-circle/resources/edit").await;
        let resources = "- Crisis line (24/7): **1-800-000-0000**\n- [Local shelter](https://example.org)";
        group
            .facilitator
            .post("/groups/tuesday-circle/resources/edit", &[("body", resources), ("action", "save")])
            .await;
        // The group asks for the watermark and the copy guard, so the tour shows them.
        group.facilitator.get("/groups/tuesday-circle/privacy").await;
        let privacy = [("retention", "90"), ("discourage_copying", "on"), ("watermark", "on")];
        group.facilitator.post("/groups/tuesday-circle/privacy", &privacy).await;
        let rowan_id = app.user_id("Rowan").await;
        let (held, reported, redacted) = Self::moderation(app, &group, &willow, &rowan, &topic).await;
        Self { group, topic, check_in, rowan_id, held, reported, redacted }
    }

    /// Something in every part of the queue: a post held for an e-mail
    /// address, a crisis post, an urgent report, someone waiting to join;
    /// and a redacted post. Returns (held, reported, redacted).
    async fn moderation(
        app: &TestApp,
        group: &GroupSetup,
        willow: &crate::support::Visitor,
        rowan: &crate::support::Visitor,
        topic: &str,
    ) -> (i64, i64, i64) {
        let reply = |who: &crate::support::Visitor, body: &'static str| {
            let (who, topic) = (who.clone(), topic.to_owned());
            async move {
                who.get(&topic).await;
                who.post(&format!("{topic}/reply"), &[("body", body), ("action", "publish")]).await;
            }
        };
        reply(willow, "You can write to me at willow.t@example.org if you like.").await;
        let (held,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
        reply(rowan, "Some nights I feel I can't go on.").await;
        let (reported,): (i64,) =
            sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
        willow
            .post(&format!("/posts/{reported}/report"), &[("reason", "at-risk"), ("details", "Please check on Rowan.")])
            .await;
        let settings = "/groups/tuesday-circle/moderation/settings";
        group.facilitator.get(settings).await;
        let fields = [("members_need_approval", "on"), ("premoderation", "new-members"), ("premoderation_posts", "3")];
        group.facilitator.post(settings, &fields).await;
        app.member_of(group, "Juniper").await;
        let (redacted,): (i64,) = sqlx::query_as("SELECT id FROM posts WHERE body_md LIKE 'Rain sounds%'")
            .fetch_one(&app.state.db.read)
            .await
            .unwrap();
        group.facilitator.get(&format!("/posts/{redacted}/redact")).await;
        let redaction = [("body", "Rain sounds help me."), ("reason", "We took out a name, as Willow asked.")];
        group.facilitator.post(&format!("/posts/{redacted}/redact"), &redaction).await;
        // A partner organisation, given invites into the group.
        let partner = app.group("shelter-network").await;
        let partners = format!("/organisations/{}/partners", group.organisation_id);
        group.lead.get(&partners).await;
        let (org, id) = (partner.organisation_id.to_string(), group.id.to_string());
        group.lead.post(&partners, &[("partner", org.as_str()), ("quota", "10"), ("group", id.as_str())]).await;
        (held, reported, redacted)
    }

    async fn member_tour(&self, app: &TestApp, browser: &Browser, shots: &mut Shots) {
        sign_in_as(browser, app, "Willow").await;
        shots.take(browser, "member-home").await;
        let base = &app.base;
        for (path, name) in [
            ("/groups/tuesday-circle".to_owned(), "group"),
            (self.topic.clone(), "topic"),
            ("/groups/tuesday-circle/agreements".to_owned(), "agreements"),
            ("/groups/tuesday-circle/resources".to_owned(), "resources"),
            ("/search?q=library".to_owned(), "search"),
            ("/notifications".to_owned(), "notifications"),
            ("/check-ins".to_owned(), "check-ins"),
            (self.check_in.clone(), "check-in"),
            ("/safety".to_owned(), "safety"),
            ("/account/sessions".to_owned(), "sessions"),
            ("/account/two-factor".to_owned(), "two-factor"),
            ("/account/erase".to_owned(), "erase"),
            (format!("{}?before={}#post-{}", self.topic, self.held + 1, self.held), "topic-held-post"),
            (format!("/posts/{}/report", self.reported), "report-form"),
        ] {
            browser.goto(&format!("{base}{path}")).await;
            shots.take(browser, name).await;
        }
        browser.goto(&format!("{base}/groups/tuesday-circle/topics/new")).await;
        browser.fill("#title", "A preview").await;
        browser.fill("#body", "Some *emphasis* and a list:\n\n- one\n- two").await;
        browser.click("button[value=preview]").await;
        browser.element(".preview").await;
        shots.take(browser, "new-topic-preview").await;
        browser.click("nav form button").await;
    }

    async fn staff_tour(&self, app: &TestApp, browser: &Browser, shots: &mut Shots) {
        sign_in_as(browser, app, "Lead-tuesday-circle").await;
        let base = &app.base;
        for (path, name) in [
            (format!("/organisations/{}", self.group.organisation_id), "organisation"),
            ("/groups/tuesday-circle/settings".to_owned(), "group-settings"),
            ("/groups/tuesday-circle/members".to_owned(), "members"),
            ("/groups/tuesday-circle/agreements/edit".to_owned(), "agreements-edit"),
            ("/invites".to_owned(), "staff-invites"),
            ("/check-ins".to_owned(), "staff-check-ins"),
            ("/groups/tuesday-circle/privacy".to_owned(), "group-privacy"),
            (format!("/groups/tuesday-circle/members/{}/erase", self.rowan_id), "member-erase"),
            ("/moderation".to_owned(), "queue"),
            ("/groups/tuesday-circle/moderation/settings".to_owned(), "moderation-settings"),
            ("/groups/tuesday-circle/lockdown".to_owned(), "lockdown"),
            (format!("/posts/{}/redact", self.reported), "redact"),
            (format!("/posts/{}/originals", self.redacted), "originals"),
            (format!("/organisations/{}/partners", self.group.organisation_id), "partners"),
            (format!("/organisations/{}/moderation", self.group.organisation_id), "organisation-moderation"),
        ] {
            browser.goto(&format!("{base}{path}")).await;
            shots.take(browser, name).await;
        }
        // A post folded in the queue, opened by the facilitator's choice.
        browser.goto(&format!("{base}/moderation")).await;
        browser.click("details.blurred summary").await;
        shots.take(browser, "queue-opened").await;
        let member = format!("{base}/groups/tuesday-circle/members/{}", app.user_id("Rowan").await);
        browser.goto(&member).await;
        shots.take(browser, "member").await;
        browser.goto(&format!("{base}/audit")).await;
        shots.take(browser, "audit").await;
        browser.click("nav form button").await;
        // Someone waiting to be let in.
        sign_in_as(browser, app, "Juniper").await;
        browser.goto(&format!("{base}/groups/tuesday-circle")).await;
        shots.take(browser, "waiting").await;
        browser.click("nav form button").await;
    }
}
