//! Chromium under chromedriver for the browser tests: a fresh profile per
//! browser, a proxy that only counts connections, and a neutral exit site.

use std::{
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::{
        Arc, Mutex, OnceLock,
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

use crate::support::{Backend, TestApp, skip_loudly};

/// How long any one wait (a page, an element, the driver) may take.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// An executable at `fixed`, or the first `names` on PATH.
pub fn executable(fixed: &str, names: &[&str]) -> Option<PathBuf> {
    let fixed = PathBuf::from(fixed);
    if fixed.is_file() {
        return Some(fixed);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|dir| names.iter().map(move |name| dir.join(name))).find(|p| p.is_file())
}

/// `None` (after saying so) when the browser tests cannot run here.
pub fn browser_binaries() -> Option<(PathBuf, PathBuf)> {
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

pub fn unique_name() -> String {
    use rand::RngCore;
    format!("{}-{:08x}", std::process::id(), rand::rng().next_u32())
}

/// chromedriver (and the Chromium it starts, in the same process group) and
/// the browser profile: killed and removed when dropped, even after a failure.
pub struct Driver {
    pub child: Child,
    pub profile: PathBuf,
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
pub struct Recorder {
    pub port: u16,
    pub seen: Arc<Mutex<Vec<String>>>,
    pub connections: Arc<AtomicUsize>,
    pub task: JoinHandle<()>,
}

impl Recorder {
    pub async fn start() -> Self {
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

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    pub fn assert_untouched(&self, during: &str) {
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
pub struct NeutralSite {
    pub url: String,
    pub task: JoinHandle<()>,
}

impl NeutralSite {
    pub async fn start() -> Self {
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
pub enum Language {
    English,
    French,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    pub javascript: bool,
    pub language: Language,
}

impl Default for Options {
    fn default() -> Self {
        Self { width: 1280, height: 900, javascript: true, language: Language::English }
    }
}

/// One headless Chromium session. Fields drop in order: the WebDriver client,
/// then the proxy, then chromedriver and the profile.
pub struct Browser {
    pub client: Client,
    pub recorder: Recorder,
    /// Where the browser was before the test opened anything.
    pub initial_url: String,
    /// The outer window size that gives the viewport asked for.
    pub window: (u32, u32),
    /// chromedriver's address, for the commands fantoccini does not wrap.
    pub webdriver: String,
    pub _driver: Driver,
}

impl Browser {
    /// A fresh browser (empty profile), or `None` when chromedriver is missing.
    pub async fn start(options: Options) -> Option<Self> {
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
            Self { client, recorder, initial_url, window: (options.width, options.height), webdriver, _driver: driver };
        browser.fit_viewport(options.width, options.height).await;
        Some(browser)
    }

    /// `--window-size` includes the browser's own frame, even headless: grow
    /// the window so the page itself gets `width`×`height`.
    pub async fn fit_viewport(&mut self, width: u32, height: u32) {
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
    pub async fn close(self) {
        let Self { client, recorder, _driver, .. } = self;
        let _ = client.close().await;
        drop(recorder);
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|err| panic!("opening {url}: {err}"));
    }

    pub async fn url(&self) -> String {
        self.client.current_url().await.unwrap().to_string()
    }

    /// Waits until the current URL satisfies `wanted`; returns it.
    pub async fn wait_for_url(&self, what: &str, wanted: impl Fn(&str) -> bool) -> String {
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
    pub async fn element(&self, css: &str) -> Element {
        match self.client.wait().at_most(PATIENCE).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(err) => {
                let url = self.url().await;
                let source = self.client.source().await.unwrap_or_default();
                panic!("no `{css}` on {url} after {PATIENCE:?}: {err}\n{source}")
            }
        }
    }

    pub async fn elements(&self, css: &str) -> Vec<Element> {
        self.client.find_all(Locator::Css(css)).await.unwrap()
    }

    pub async fn text(&self, css: &str) -> String {
        self.element(css).await.text().await.unwrap()
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.element(css).await;
        field.clear().await.unwrap();
        field.send_keys(value).await.unwrap();
    }

    pub async fn click(&self, css: &str) {
        self.element(css).await.click().await.unwrap_or_else(|err| panic!("clicking `{css}`: {err}"));
    }

    /// Presses and releases Shift three times, through WebDriver actions (real
    /// key events on whatever has focus).
    pub async fn press_shift_three_times(&self) {
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
    pub async fn type_capitals_with_shift(&self, letters: &str) {
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

    pub async fn script(&self, code: &str) -> Value {
        self.client.execute(code, Vec::new()).await.unwrap()
    }

    /// One Chrome DevTools Protocol command through chromedriver (e.g. a
    /// script that runs in every page before the page's own, which WebDriver
    /// alone cannot do); returns its result.
    pub async fn cdp(&self, command: &str, params: Value) -> Value {
        let session = self.client.session_id().await.unwrap().expect("a WebDriver session");
        let url = format!("{}/session/{session}/goog/cdp/execute", self.webdriver);
        let body = json!({ "cmd": command, "params": params }).to_string();
        let response = reqwest::Client::new()
            .post(&url)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap_or_else(|err| panic!("CDP {command}: {err}"));
        let status = response.status();
        let text = response.text().await.unwrap();
        assert!(status.is_success(), "CDP {command} answered {status}: {text}");
        serde_json::from_str::<Value>(&text).unwrap()["value"].take()
    }
}

/// The browser's own services would reach the network too (seen here: the
/// new-tab page of the default search engine, autofill and password-leak
/// checks on forms, the component updater, Google sign-in, network time, a
/// spelling dictionary). The proxy is there to catch the pages, so these are
/// turned off, and the ones that ignore every switch are pointed at a closed
/// loopback port, or, for the dictionary download (which now and then ignores
/// the spelling prefs below), kept from the proxy and resolved to nothing.
pub const QUIET_ARGS: &[&str] = &[
    "--component-updater=url-source=http://127.0.0.1:9/",
    "--gaia-url=http://127.0.0.1:9/",
    "--proxy-bypass-list=redirector.gvt1.com",
    "--host-resolver-rules=MAP redirector.gvt1.com ~NOTFOUND",
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
/// Safe Browsing lookups, suggestions, sign-in, translation or spelling dictionaries.
pub fn quiet_prefs() -> Value {
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
        // Typing in a text field would fetch a spelling dictionary for the language.
        "browser.enable_spellchecking": false,
        "spellcheck.dictionaries": [],
        "spellcheck.use_spelling_service": false,
    })
}

pub async fn wait_for_driver(driver: &mut Driver, webdriver: &str) {
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

/// Signs the browser in as `pseudonym` (after forgetting whoever it was),
/// answering the two-factor step as the member's app would when it comes.
pub async fn sign_in_as(browser: &Browser, app: &TestApp, pseudonym: &str) {
    browser.client.delete_all_cookies().await.unwrap();
    browser.goto(&format!("{}/sign-in", app.base)).await;
    browser.fill("#pseudonym", pseudonym).await;
    browser.fill("#password", crate::support::PASSWORD).await;
    browser.click("main form button[type=submit]").await;
    let home = format!("{}/", app.base);
    let code_step = format!("{}/sign-in/code", app.base);
    let reached = browser.wait_for_url("home or the code step", |url| url == home || url == code_step).await;
    if reached == code_step {
        browser.fill("#code", &app.two_factor_code(pseudonym).await).await;
        browser.click("main form button[type=submit]").await;
        browser.wait_for_url("home after the code", |url| url == home).await;
    }
}

/// Hearth, with the quick exit leading to `neutral`.
pub async fn hearth(neutral: &NeutralSite) -> TestApp {
    let exit_url = neutral.url.clone();
    TestApp::spawn_with(Backend::Sqlite, move |config| {
        config.exit_url = exit_url;
    })
    .await
}

/// Where `.ci/run` installs axe-core (`npm install --no-save --prefix
/// target/axe axe-core@4`), relative to the crate; `HEARTH_TEST_AXE` names
/// another copy of `axe.min.js`.
pub const AXE: &str = "target/axe/node_modules/axe-core/axe.min.js";

/// axe-core's browser build, read once; `None` (after saying so loudly) when
/// it is not installed, unless `HEARTH_REQUIRE_BROWSER=1`, which fails.
pub fn axe_source() -> Option<&'static str> {
    static SOURCE: OnceLock<Option<String>> = OnceLock::new();
    SOURCE.get_or_init(load_axe).as_deref()
}

fn load_axe() -> Option<String> {
    let path = std::env::var_os("HEARTH_TEST_AXE")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(AXE), PathBuf::from);
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(err) => {
            let install = "npm install --no-save --prefix target/axe axe-core@4";
            assert!(
                std::env::var("HEARTH_REQUIRE_BROWSER").as_deref() != Ok("1"),
                "HEARTH_REQUIRE_BROWSER=1 but axe-core is not at {} ({err}); install it with `{install}`",
                path.display()
            );
            skip_loudly(&format!(
                "accessibility checks skipped: axe-core is not at {} (install it with `{install}`)",
                path.display()
            ));
            None
        }
    }
}

/// One rule axe-core found broken, with the elements that break it.
#[derive(Debug, Clone)]
pub struct Violation {
    pub rule: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    pub help: String,
    /// (CSS selector, the element's opening HTML) of each element.
    pub nodes: Vec<(String, String)>,
}

impl Violation {
    /// What the issue forbids: a serious or critical violation.
    pub fn blocks(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }

    /// `[serious] color-contrast: help` and the first few elements, one a line.
    pub fn describe(&self) -> String {
        let mut text = format!("[{}] {}: {}", self.impact, self.rule, self.help);
        for (target, html) in self.nodes.iter().take(4) {
            let html: String = html.chars().take(160).collect();
            text.push_str(&format!("\n      at `{target}`: {html}"));
        }
        if self.nodes.len() > 4 {
            text.push_str(&format!("\n      … and {} more", self.nodes.len() - 4));
        }
        text
    }
}

/// Runs axe-core on the page in view. WebDriver scripts run whatever the
/// page's CSP says, so axe is injected as it is. `None` when axe-core is
/// not installed (see `axe_source`).
pub async fn axe_violations(client: &Client) -> Option<Vec<Violation>> {
    let source = axe_source()?;
    let loaded = client.execute("return typeof window.axe === 'object';", Vec::new()).await.unwrap();
    if loaded != Value::Bool(true) {
        client.execute(source, Vec::new()).await.unwrap_or_else(|err| panic!("injecting axe-core: {err}"));
    }
    let found = client
        .execute_async(
            "var done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(function (results) {
               done(results.violations.map(function (v) {
                 return { id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.map(function (n) {
                   return { target: [].concat(n.target).join(' '), html: n.html };
                 }) };
               }));
             }, function (error) { done({ error: String(error) }); });",
            Vec::new(),
        )
        .await
        .unwrap_or_else(|err| panic!("running axe-core: {err}"));
    let Value::Array(found) = found else { panic!("axe-core failed: {found}") };
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    Some(
        found
            .iter()
            .map(|v| Violation {
                rule: text(&v["id"]),
                impact: text(&v["impact"]),
                help: text(&v["help"]),
                nodes: v["nodes"]
                    .as_array()
                    .map(|nodes| nodes.iter().map(|n| (text(&n["target"]), text(&n["html"]))).collect())
                    .unwrap_or_default(),
            })
            .collect(),
    )
}

/// The page in view has no serious or critical accessibility violation
/// according to axe-core; fails with a readable list naming `label`.
pub async fn assert_accessible(client: &Client, label: &str) {
    let Some(violations) = axe_violations(client).await else { return };
    let blocking: Vec<String> = violations.iter().filter(|v| v.blocks()).map(Violation::describe).collect();
    assert!(
        blocking.is_empty(),
        "{label}: axe-core found {} serious or critical violation(s):\n  - {}",
        blocking.len(),
        blocking.join("\n  - ")
    );
}
