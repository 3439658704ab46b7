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

use std::{
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use fantoccini::{
    Client, ClientBuilder, Locator,
    actions::{InputSource, KeyAction, KeyActions},
    elements::Element,
    key::Key,
    wd::Capabilities,
};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use tokio::{io::AsyncReadExt, net::TcpListener, task::JoinHandle};

use crate::support::{Backend, PASSWORD, TestApp};

/// How long any one wait (a page, an element, the driver) may take.
const PATIENCE: Duration = Duration::from_secs(20);

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// An executable at `fixed`, or the first `names` on PATH.
fn executable(fixed: &str, names: &[&str]) -> Option<PathBuf> {
    let fixed = PathBuf::from(fixed);
    if fixed.is_file() {
        return Some(fixed);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|dir| names.iter().map(move |name| dir.join(name))).find(|p| p.is_file())
}

/// `None` (after saying so) when the browser tests cannot run here.
fn browser_binaries() -> Option<(PathBuf, PathBuf)> {
    let required = std::env::var("HEARTH_REQUIRE_BROWSER").as_deref() == Ok("1");
    let Some(driver) = executable(CHROMEDRIVER, &["chromedriver"]) else {
        assert!(!required, "HEARTH_REQUIRE_BROWSER=1 but chromedriver is not installed ({CHROMEDRIVER} or on PATH)");
        eprintln!("SKIPPED browser test: chromedriver not installed");
        return None;
    };
    let Some(chromium) = executable(CHROMIUM, &["chromium", "chromium-browser", "google-chrome"]) else {
        assert!(!required, "HEARTH_REQUIRE_BROWSER=1 but Chromium is not installed ({CHROMIUM} or on PATH)");
        eprintln!("SKIPPED browser test: chromium not installed");
        return None;
    };
    Some((driver, chromium))
}

fn unique_name() -> String {
    use rand::RngCore;
    format!("{}-{:08x}", std::process::id(), rand::rng().next_u32())
}

/// chromedriver (and the Chromium it starts, in the same process group) and
/// the browser profile: killed and removed when dropped, even after a failure.
struct Driver {
    child: Child,
    profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The group is the one this test made for chromedriver (see `start`).
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A proxy that answers nothing and counts every connection (with its first
/// line, e.g. `CONNECT example.org:443 HTTP/1.1`, for the failure message).
struct Recorder {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
    connections: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl Recorder {
    async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let (log, count) = (Arc::clone(&seen), Arc::clone(&connections));
        let task = tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                count.fetch_add(1, Ordering::SeqCst);
                let log = Arc::clone(&log);
                tokio::spawn(async move {
                    let mut buffer = vec![0u8; 1024];
                    let read = tokio::time::timeout(Duration::from_secs(2), stream.read(&mut buffer)).await;
                    let line = match read {
                        Ok(Ok(n)) => String::from_utf8_lossy(&buffer[..n]).lines().next().unwrap_or("").to_owned(),
                        _ => "(nothing read)".to_owned(),
                    };
                    log.lock().unwrap().push(line);
                });
            }
        });
        Self { port, seen, connections, task }
    }

    fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    fn assert_untouched(&self, during: &str) {
        let count = self.connections();
        assert_eq!(
            count,
            0,
            "{during}: the browser reached past this server {count} time(s): {:?}",
            self.seen.lock().unwrap()
        );
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The "neutral" page the quick exit leads to: another origin (a second
/// port on loopback), so the test can tell it apart from Hearth.
struct NeutralSite {
    url: String,
    task: JoinHandle<()>,
}

impl NeutralSite {
    async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let router = axum::Router::new().route(
            "/neutral",
            axum::routing::get(|| async {
                axum::response::Html(
                    "<!doctype html><html lang=\"en\"><title>Neutral</title><p>Weather today</p></html>",
                )
            }),
        );
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Self { url: format!("http://{address}/neutral"), task }
    }
}

impl Drop for NeutralSite {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Language {
    English,
    French,
}

#[derive(Debug, Clone, Copy)]
struct Options {
    width: u32,
    height: u32,
    javascript: bool,
    language: Language,
}

impl Default for Options {
    fn default() -> Self {
        Self { width: 1280, height: 900, javascript: true, language: Language::English }
    }
}

/// One headless Chromium session. Fields drop in order: the WebDriver client,
/// then the proxy, then chromedriver and the profile.
struct Browser {
    client: Client,
    recorder: Recorder,
    /// Where the browser was before the test opened anything.
    initial_url: String,
    /// The outer window size that gives the viewport asked for.
    window: (u32, u32),
    _driver: Driver,
}

impl Browser {
    /// A fresh browser (empty profile), or `None` when chromedriver is missing.
    async fn start(options: Options) -> Option<Self> {
        let (driver_path, chromium) = browser_binaries()?;
        let profile = std::env::temp_dir().join(format!("hearth-chromium-{}", unique_name()));
        std::fs::create_dir_all(&profile).unwrap();
        let port = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            probe.local_addr().unwrap().port()
        };
        let mut command = Command::new(&driver_path);
        command
            .arg(format!("--port={port}"))
            // Chromium writes crash databases and caches under these; keep them in the temp dir.
            .env("XDG_CONFIG_HOME", profile.join("config"))
            .env("XDG_CACHE_HOME", profile.join("cache"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().unwrap_or_else(|err| panic!("cannot start {}: {err}", driver_path.display()));
        let mut driver = Driver { child, profile };
        let webdriver = format!("http://127.0.0.1:{port}");
        wait_for_driver(&mut driver, &webdriver).await;

        let recorder = Recorder::start().await;
        let (accept_languages, lang) = match options.language {
            Language::English => ("en-US,en", "en-US"),
            Language::French => ("fr-CA,fr", "fr-CA"),
        };
        let mut prefs = serde_json::Map::new();
        prefs.insert("intl.accept_languages".to_owned(), json!(accept_languages));
        if let Value::Object(quiet) = quiet_prefs() {
            prefs.extend(quiet);
        }
        if !options.javascript {
            prefs.insert("profile.managed_default_content_settings.javascript".to_owned(), json!(2));
        }
        let args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            format!("--user-data-dir={}", driver.profile.display()),
            format!("--window-size={},{}", options.width, options.height),
            format!("--proxy-server=http://127.0.0.1:{}", recorder.port),
            format!("--lang={lang}"),
        ];
        let args: Vec<String> = args.into_iter().chain(QUIET_ARGS.iter().map(|arg| (*arg).to_owned())).collect();

        let mut capabilities = Capabilities::new();
        capabilities.insert("browserName".to_owned(), json!("chrome"));
        capabilities.insert(
            "goog:chromeOptions".to_owned(),
            json!({ "binary": chromium.display().to_string(), "args": args, "prefs": prefs }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&webdriver)
            .await
            .unwrap_or_else(|err| panic!("chromedriver would not start Chromium: {err}"));
        let initial_url = client.current_url().await.unwrap().to_string();
        let mut browser =
            Self { client, recorder, initial_url, window: (options.width, options.height), _driver: driver };
        browser.fit_viewport(options.width, options.height).await;
        Some(browser)
    }

    /// `--window-size` includes the browser's own frame, even headless: grow
    /// the window so the page itself gets `width`×`height`.
    async fn fit_viewport(&mut self, width: u32, height: u32) {
        let Ok(inner) = self.client.execute("return [window.innerWidth, window.innerHeight];", Vec::new()).await else {
            return;
        };
        let measured = |i: usize| inner[i].as_u64().and_then(|v| u32::try_from(v).ok()).unwrap_or(0);
        let (inner_width, inner_height) = (measured(0), measured(1));
        if inner_width == 0 || (inner_width, inner_height) == (width, height) {
            return;
        }
        self.window = (width + width.saturating_sub(inner_width), height + height.saturating_sub(inner_height));
        self.client.set_window_size(self.window.0, self.window.1).await.unwrap();
    }

    /// Ends the WebDriver session, which quits Chromium cleanly.
    async fn close(self) {
        let Self { client, recorder, _driver, .. } = self;
        let _ = client.close().await;
        drop(recorder);
    }

    async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|err| panic!("opening {url}: {err}"));
    }

    async fn url(&self) -> String {
        self.client.current_url().await.unwrap().to_string()
    }

    /// Waits until the current URL satisfies `wanted`; returns it.
    async fn wait_for_url(&self, what: &str, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let url = self.url().await;
            if wanted(&url) {
                return url;
            }
            assert!(Instant::now() < deadline, "waited {PATIENCE:?} for {what}; the browser is at {url}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The element, once it is on the page.
    async fn element(&self, css: &str) -> Element {
        match self.client.wait().at_most(PATIENCE).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(err) => {
                let url = self.url().await;
                let source = self.client.source().await.unwrap_or_default();
                panic!("no `{css}` on {url} after {PATIENCE:?}: {err}\n{source}")
            }
        }
    }

    async fn elements(&self, css: &str) -> Vec<Element> {
        self.client.find_all(Locator::Css(css)).await.unwrap()
    }

    async fn text(&self, css: &str) -> String {
        self.element(css).await.text().await.unwrap()
    }

    async fn fill(&self, css: &str, value: &str) {
        let field = self.element(css).await;
        field.clear().await.unwrap();
        field.send_keys(value).await.unwrap();
    }

    async fn click(&self, css: &str) {
        self.element(css).await.click().await.unwrap_or_else(|err| panic!("clicking `{css}`: {err}"));
    }

    /// Presses and releases Shift three times, through WebDriver actions (real
    /// key events on whatever has focus).
    async fn press_shift_three_times(&self) {
        let shift: char = Key::Shift.into();
        let mut keys = KeyActions::new("keyboard".to_owned());
        for _ in 0..3 {
            keys = keys.then(KeyAction::Down { value: shift }).then(KeyAction::Up { value: shift });
        }
        self.client.perform_actions(keys).await.unwrap();
        // The page may already be gone; nothing is left pressed either way.
        let _ = self.client.release_actions().await;
    }

    /// Types capital letters the way a person does: Shift held, letter, Shift released.
    async fn type_capitals_with_shift(&self, letters: &str) {
        let shift: char = Key::Shift.into();
        let mut keys = KeyActions::new("keyboard".to_owned());
        for letter in letters.chars() {
            keys = keys
                .then(KeyAction::Down { value: shift })
                .then(KeyAction::Down { value: letter })
                .then(KeyAction::Up { value: letter })
                .then(KeyAction::Up { value: shift });
        }
        self.client.perform_actions(keys).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    async fn script(&self, code: &str) -> Value {
        self.client.execute(code, Vec::new()).await.unwrap()
    }
}

/// The browser's own services would reach the network too (seen here: the
/// new-tab page of the default search engine, autofill and password-leak
/// checks on forms, the component updater, Google sign-in, network time).
/// The proxy is there to catch the pages, so these are turned off, and the
/// two that ignore every switch are pointed at a closed loopback port.
const QUIET_ARGS: &[&str] = &[
    "--component-updater=url-source=http://127.0.0.1:9/",
    "--gaia-url=http://127.0.0.1:9/",
    "--disable-breakpad",
    "--disable-crash-reporter",
    "--disable-client-side-phishing-detection",
    "--disable-component-extensions-with-background-pages",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-extensions",
    "--disable-features=AutofillServerCommunication,PasswordLeakDetection,NetworkTimeServiceQuerying,\
     OptimizationHints,MediaRouter,Translate,PreconnectToSearch,SearchPrefetchServicePrefetching",
    "--disable-search-engine-choice-screen",
    "--metrics-recording-only",
    "--no-default-browser-check",
    "--no-pings",
    "--password-store=basic",
];

/// Start on a blank page, not the new-tab page; no password manager, autofill,
/// Safe Browsing lookups, suggestions, sign-in or translation.
fn quiet_prefs() -> Value {
    json!({
        "session.restore_on_startup": 4,
        "session.startup_urls": ["about:blank"],
        "homepage": "about:blank",
        "homepage_is_newtabpage": false,
        "credentials_enable_service": false,
        "profile.password_manager_enabled": false,
        "profile.password_manager_leak_detection": false,
        "autofill.profile_enabled": false,
        "autofill.credit_card_enabled": false,
        "safebrowsing.enabled": false,
        "search.suggest_enabled": false,
        "signin.allowed": false,
        "translate.enabled": false,
    })
}

async fn wait_for_driver(driver: &mut Driver, webdriver: &str) {
    let http = reqwest::Client::builder().timeout(Duration::from_secs(2)).build().unwrap();
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Ok(response) = http.get(format!("{webdriver}/status")).send().await
            && response.status().is_success()
        {
            return;
        }
        if let Ok(Some(status)) = driver.child.try_wait() {
            panic!("chromedriver exited before answering: {status}");
        }
        assert!(Instant::now() < deadline, "chromedriver did not answer on {webdriver} within {PATIENCE:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Hearth, with the quick exit leading to `neutral`.
async fn hearth(neutral: &NeutralSite) -> TestApp {
    let exit_url = neutral.url.clone();
    TestApp::spawn_with(Backend::Sqlite, move |config| {
        config.exit_url = exit_url;
    })
    .await
}

fn same_origin(url: &str, base: &str) -> bool {
    url == base || url.starts_with(&format!("{base}/"))
}

/// After a quick exit, Back must not show Hearth again.
async fn assert_back_does_not_return(browser: &Browser, app: &TestApp, neutral: &NeutralSite) {
    browser.client.back().await.unwrap();
    let url = browser.url().await;
    assert!(!same_origin(&url, &app.base), "Back returned to Hearth: {url}");
    assert_ne!(url, neutral.url, "Back did not move at all");
    assert_eq!(url, browser.initial_url, "Back should lead to where the browser was before Hearth");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_exit_by_click_leaves_and_back_does_not_return() {
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
async fn quick_exit_by_pressing_shift_three_times() {
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
async fn sign_up_journey_without_javascript_stays_on_this_server() {
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
            browser.click("main a.button").await;
            browser.wait_for_url("home", |url| url == format!("{}/", app.base)).await;
            shots.take(&browser, "home").await;

            browser.goto(&format!("{}/account", app.base)).await;
            shots.take(&browser, "account-settings").await;

            browser.goto(&format!("{}/admin/invites", app.base)).await;
            browser.fill("#note", "Tuesday evening group").await;
            browser.click("main form button[type=submit]").await;
            browser.element("#new-invite").await;
            shots.take(&browser, "admin-invites").await;

            browser.recorder.assert_untouched("the screenshot tour");
            notes.append(&mut shots.notes);
            browser.close().await;
        }
    }
    app.stop().await;
    eprintln!("screenshots written to {}", dir.display());
    for note in &notes {
        eprintln!("layout: {note}");
    }
}
