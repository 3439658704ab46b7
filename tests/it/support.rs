//! The test harness: starts the real application on a random port against a
//! fresh database (a temporary SQLite file, or a new PostgreSQL database when
//! `HEARTH_TEST_POSTGRES_URL` is set) and offers a cookie-keeping visitor with
//! typed helpers for members' journeys.

use std::{
    collections::HashMap,
    net::SocketAddr,
    path::PathBuf,
    sync::{Arc, Mutex},
    time::Duration,
};

use hearth::{
    accounts::invites,
    clock::{Clock, SystemClock},
    config::Config,
    groups,
    web::{self, AppState},
};
use reqwest::{StatusCode, header::HeaderMap, redirect::Policy};
use tokio::sync::oneshot;

pub const PASSWORD: &str = "lantern orbit cobalt meadow";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The PostgreSQL server to make test databases on, or a loud skip.
    pub fn postgres_url() -> Option<String> {
        match std::env::var("HEARTH_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => Some(url),
            _ => {
                assert!(
                    std::env::var("HEARTH_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                    "HEARTH_REQUIRE_POSTGRES=1 but HEARTH_TEST_POSTGRES_URL is not set"
                );
                skip_loudly(
                    "PostgreSQL runs skipped: set HEARTH_TEST_POSTGRES_URL to run every journey on PostgreSQL too",
                );
                None
            }
        }
    }
}

/// Says once per run, past the test harness's output capture (which only
/// catches `print!`-style macros), that part of the suite did not run.
pub fn skip_loudly(message: &str) {
    use std::io::Write;
    static SAID: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !said.iter().any(|earlier| earlier == message) {
        said.push(message.to_owned());
        let _ = writeln!(std::io::stderr(), "\n*** SKIPPED: {message} ***\n");
    }
}

/// Generates one test per backend for each listed `async fn(Backend)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::support::Backend::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if $crate::support::Backend::postgres_url().is_some() {
                        super::$name($crate::support::Backend::Postgres).await;
                    }
                }
            )*
        }
    };
}

/// What to delete when the test ends.
enum Scratch {
    Dir(PathBuf),
    PostgresDatabase { server_url: String, name: String },
}

pub struct GroupSetup {
    pub slug: String,
    pub id: i64,
    pub organisation_id: i64,
    pub lead: Visitor,
    pub facilitator: Visitor,
}

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub clock: Arc<SystemClock>,
    shutdown: Option<oneshot::Sender<()>>,
    scratch: Option<Scratch>,
}

fn unique_name() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 6];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Test defaults: limits high enough for scripted journeys; rate-limit tests lower them.
pub fn test_config() -> Config {
    let mut config = Config::from_sources(None, &HashMap::new()).unwrap();
    config.rate_limit_per_minute = 100_000;
    config.sign_in_failures_allowed = 100_000;
    config
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, |_| {}).await
    }

    /// The app on a database the test made itself (a small filesystem, a
    /// private PostgreSQL cluster), which the test also removes.
    pub async fn spawn_at(database_url: &str) -> Self {
        let mut config = test_config();
        config.database_url = database_url.to_owned();
        Self::start(config, None, |_| {}).await
    }

    pub async fn spawn_with(backend: Backend, configure: impl FnOnce(&mut Config)) -> Self {
        let mut config = test_config();
        let scratch = match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("hearth-test-{}", unique_name()));
                config.database_url = format!("sqlite://{}/hearth.db", dir.display());
                Scratch::Dir(dir)
            }
            Backend::Postgres => {
                let server_url = Backend::postgres_url().expect("PostgreSQL tests need HEARTH_TEST_POSTGRES_URL");
                let name = format!("hearth_test_{}", unique_name());
                postgres_admin(&server_url, &format!("CREATE DATABASE {name}")).await;
                config.database_url = replace_database(&server_url, &name);
                Scratch::PostgresDatabase { server_url, name }
            }
        };
        Self::start(config, Some(scratch), configure).await
    }

    async fn start(mut config: Config, scratch: Option<Scratch>, configure: impl FnOnce(&mut Config)) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address: SocketAddr = listener.local_addr().unwrap();
        config.listen = address;
        config.base_url = format!("http://{address}");
        configure(&mut config);
        let clock = Arc::new(SystemClock::default());
        let state = hearth::cli::prepare(config, clock.clone()).await.unwrap();
        let (shutdown, stop) = oneshot::channel::<()>();
        let serving = state.clone();
        tokio::spawn(async move {
            web::server::serve(serving, listener, async {
                let _ = stop.await;
            })
            .await;
        });
        Self { base: format!("http://{address}"), state, clock, shutdown: Some(shutdown), scratch }
    }

    pub fn visitor(&self) -> Visitor {
        Visitor::new(&self.base)
    }

    /// A fresh invite link's path (`/join/…`), valid for a week.
    pub async fn invite(&self) -> String {
        self.invite_for(Duration::from_secs(7 * 86_400)).await
    }

    pub async fn invite_for(&self, valid: Duration) -> String {
        let spec =
            invites::InviteSpec { expires_in: valid, note: None, created_by: None, grants_admin: false, groups: &[] };
        let created = invites::create(&self.state, spec).await.unwrap();
        created.url.strip_prefix(&self.base).unwrap().to_owned()
    }

    pub async fn admin_invite(&self) -> String {
        let spec = invites::InviteSpec {
            expires_in: Duration::from_secs(86_400),
            note: None,
            created_by: None,
            grants_admin: true,
            groups: &[],
        };
        let created = invites::create(&self.state, spec).await.unwrap();
        created.url.strip_prefix(&self.base).unwrap().to_owned()
    }

    /// A member who joined through an invite and is signed in.
    pub async fn member(&self, pseudonym: &str) -> Visitor {
        let visitor = self.visitor();
        let page = visitor.join(&self.invite().await, pseudonym, PASSWORD).await;
        assert_eq!(page.status, StatusCode::OK, "joining as {pseudonym}: {}", page.body);
        visitor
    }

    /// An instance admin, signed in, with two-factor set up (as every admin
    /// must before acting).
    pub async fn admin(&self, pseudonym: &str) -> Visitor {
        let visitor = self.admin_without_two_factor(pseudonym).await;
        self.enrol_two_factor(&visitor).await;
        visitor
    }

    /// An admin who has not set up two-factor yet: everything but setting it
    /// up is closed to them.
    pub async fn admin_without_two_factor(&self, pseudonym: &str) -> Visitor {
        let visitor = self.visitor();
        let page = visitor.join(&self.admin_invite().await, pseudonym, PASSWORD).await;
        assert_eq!(page.status, StatusCode::OK, "joining as admin {pseudonym}: {}", page.body);
        visitor
    }

    /// Sets up two-factor for a signed-in visitor through the real page: reads
    /// the key it shows and answers with the code an authenticator app would
    /// compute (`totp-rs`, as the server uses).
    pub async fn enrol_two_factor(&self, visitor: &Visitor) {
        let page = visitor.get("/account/two-factor").await;
        assert_eq!(page.status, StatusCode::OK, "the two-factor page: {}", page.body);
        let start = page.body.find("id=\"two-factor-secret\"").expect("the key is shown as text");
        let key = page.body[start..].split('>').nth(1).unwrap().split('<').next().unwrap().to_owned();
        let code = code_for(&key.replace(' ', ""), self.clock.now());
        let done = visitor.post("/account/two-factor", &[("secret", &key), ("code", &code)]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "setting up two-factor: {}", done.body);
    }

    /// The code the member's authenticator app shows now, for a step the
    /// server has not seen used yet (a code works once: if this 30-second
    /// step and the next are spent, the test clock moves on).
    pub async fn two_factor_code(&self, pseudonym: &str) -> String {
        let user_id = self.user_id(pseudonym).await;
        let (secret, last): (Vec<u8>, i64) =
            sqlx::query_as("SELECT totp_secret, totp_last_step FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_one(&self.state.db.read)
                .await
                .unwrap();
        if last > self.clock.now() / 30 {
            self.clock.advance(30);
        }
        let step = (self.clock.now() / 30).max(last + 1);
        let key = data_encoding::BASE32_NOPAD.encode(&secret);
        code_for(&key, step * 30)
    }

    /// Signs a visitor in with password and two-factor code; returns the last page.
    pub async fn sign_in_with_code(&self, visitor: &Visitor, pseudonym: &str) -> Page {
        let page = visitor.sign_in(pseudonym, PASSWORD).await;
        if page.location() != Some("/sign-in/code") {
            return page;
        }
        visitor.get("/sign-in/code").await;
        let code = self.two_factor_code(pseudonym).await;
        visitor.post("/sign-in/code", &[("code", &code)]).await
    }

    /// A group with its own organisation, a lead and a facilitator (both
    /// signed in, with two-factor), made directly in the database; members
    /// join with `member_of`.
    pub async fn group(&self, slug: &str) -> GroupSetup {
        let group = self.group_without_two_factor(slug).await;
        self.enrol_two_factor(&group.lead).await;
        self.enrol_two_factor(&group.facilitator).await;
        group
    }

    /// The same, but its lead and facilitator have not set up two-factor, so
    /// they can do nothing but that.
    pub async fn group_without_two_factor(&self, slug: &str) -> GroupSetup {
        let now = self.state.clock.now();
        let db = &self.state.db.write;
        let lead = self.member(&format!("Lead-{slug}")).await;
        let facilitator = self.member(&format!("Guide-{slug}")).await;
        let organisation_id =
            groups::store::insert_organisation(db, &format!("Organisation {slug}"), now).await.unwrap();
        let lead_id = self.user_id(&format!("Lead-{slug}")).await;
        let facilitator_id = self.user_id(&format!("Guide-{slug}")).await;
        groups::store::set_staff(db, organisation_id, lead_id, "lead", now).await.unwrap();
        groups::store::set_staff(db, organisation_id, facilitator_id, "facilitator", now).await.unwrap();
        let agreements = "- Keep what others share here.";
        let id = groups::store::insert_group(
            db,
            groups::store::NewGroup {
                organisation_id,
                slug,
                name: &format!("Group {slug}"),
                purpose: "Peer support.",
                facilitation: "Two facilitators read every day.",
                starts_at: None,
                ends_at: None,
                agreements_md: agreements,
                agreements_html: &hearth::markdown::to_html(agreements),
                facilitators: &[facilitator_id],
                now,
            },
        )
        .await
        .unwrap();
        GroupSetup { slug: slug.to_owned(), id, organisation_id, lead, facilitator }
    }

    /// A member who joined through an invite naming the group, with its
    /// agreements accepted, signed in.
    pub async fn member_of(&self, group: &GroupSetup, pseudonym: &str) -> Visitor {
        let spec = invites::InviteSpec {
            expires_in: Duration::from_secs(86_400),
            note: None,
            created_by: None,
            grants_admin: false,
            groups: &[group.id],
        };
        let created = invites::create(&self.state, spec).await.unwrap();
        let visitor = self.visitor();
        let page = visitor.join(created.url.strip_prefix(&self.base).unwrap(), pseudonym, PASSWORD).await;
        assert_eq!(page.status, StatusCode::OK, "joining as {pseudonym}: {}", page.body);
        let user_id = self.user_id(pseudonym).await;
        let (version,): (i64,) = sqlx::query_as("SELECT agreements_version FROM support_groups WHERE id = $1")
            .bind(group.id)
            .fetch_one(&self.state.db.read)
            .await
            .unwrap();
        assert!(groups::store::accept_agreements(&self.state.db.write, group.id, user_id, version).await.unwrap());
        visitor
    }

    pub async fn user_id(&self, pseudonym: &str) -> i64 {
        let key = hearth::accounts::pseudonym::lookup_key(pseudonym);
        hearth::accounts::store::user_by_key(&self.state.db.read, &key).await.unwrap().unwrap().id
    }

    /// Stops the server and deletes its database.
    pub async fn stop(mut self) {
        self.cleanup().await;
    }

    async fn cleanup(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        self.state.db.close().await;
        match self.scratch.take() {
            Some(Scratch::Dir(dir)) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Some(Scratch::PostgresDatabase { server_url, name }) => {
                postgres_admin(&server_url, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
            }
            None => {}
        }
    }
}

impl Drop for TestApp {
    /// A test that fails before `stop` still removes its database.
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        match self.scratch.take() {
            Some(Scratch::Dir(dir)) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Some(Scratch::PostgresDatabase { server_url, name }) => {
                // Drop cannot await; a short-lived thread with its own runtime can.
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                    runtime
                        .block_on(postgres_admin(&server_url, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")));
                })
                .join();
            }
            None => {}
        }
    }
}

pub fn replace_database(server_url: &str, name: &str) -> String {
    let (base, query) = server_url.split_once('?').map_or((server_url, None), |(b, q)| (b, Some(q)));
    let without_db = match base.rfind('/') {
        Some(slash) if slash > "postgres://".len() => &base[..slash],
        _ => base,
    };
    match query {
        Some(query) => format!("{without_db}/{name}?{query}"),
        None => format!("{without_db}/{name}"),
    }
}

pub async fn postgres_admin(server_url: &str, statement: &str) {
    use sqlx::{Connection, Executor};
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(server_url).await.unwrap();
    conn.execute(sqlx::AssertSqlSafe(statement.to_owned())).await.unwrap();
    let _ = conn.close().await;
}

/// One response, read whole.
#[derive(Debug)]
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> Option<&str> {
        self.headers.get("location").and_then(|v| v.to_str().ok())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The value of the first hidden `csrf` field on the page.
    pub fn csrf(&self) -> Option<String> {
        let start = self.body.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
        let end = self.body[start..].find('"')? + start;
        Some(self.body[start..end].to_owned())
    }

    /// The recovery codes shown on the page.
    pub fn recovery_codes(&self) -> Vec<String> {
        self.body
            .split("<li><code>")
            .skip(1)
            .filter_map(|rest| rest.split("</code>").next())
            .map(str::to_owned)
            .collect()
    }
}

/// A browser-like client: keeps cookies (and forgets them on Clear-Site-Data),
/// never follows redirects on its own, remembers the last CSRF token it saw.
#[derive(Clone)]
pub struct Visitor {
    base: String,
    client: reqwest::Client,
    cookies: Arc<Mutex<HashMap<String, String>>>,
    csrf: Arc<Mutex<Option<String>>>,
    extra_headers: Vec<(String, String)>,
}

impl Visitor {
    /// A visitor of any Hearth server (tests of the binary run one in another process).
    pub fn new(base: &str) -> Self {
        let client =
            reqwest::Client::builder().redirect(Policy::none()).timeout(Duration::from_secs(30)).build().unwrap();
        Self { base: base.to_owned(), client, cookies: Arc::default(), csrf: Arc::default(), extra_headers: Vec::new() }
    }

    /// The same visitor (its cookies and CSRF token shared) talking to
    /// another server of the same forum, as behind a load balancer.
    pub fn at(&self, base: &str) -> Self {
        Self { base: base.to_owned(), ..self.clone() }
    }

    /// The same visitor sending an extra header on every request
    /// (e.g. a forwarded address, or a language).
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.extra_headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        self.cookies.lock().unwrap().insert(name.to_owned(), value.to_owned());
    }

    fn cookie_header(&self) -> String {
        self.cookies.lock().unwrap().iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    pub async fn send(&self, request: reqwest::RequestBuilder) -> Page {
        let mut request = request.header("cookie", self.cookie_header());
        for (name, value) in &self.extra_headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.text().await.unwrap();
        {
            let mut jar = self.cookies.lock().unwrap();
            if headers.get("clear-site-data").and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("cookies")) {
                jar.clear();
            }
            for set in headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()) {
                let pair = set.split(';').next().unwrap_or_default();
                if let Some((name, value)) = pair.split_once('=') {
                    if value.is_empty() || set.contains("Max-Age=0") {
                        jar.remove(name);
                    } else {
                        jar.insert(name.to_owned(), value.to_owned());
                    }
                }
            }
        }
        let page = Page { status, headers, body };
        if let Some(token) = page.csrf() {
            *self.csrf.lock().unwrap() = Some(token);
        }
        page
    }

    pub async fn get(&self, path: &str) -> Page {
        self.send(self.client.get(format!("{}{path}", self.base))).await
    }

    /// Posts a form with the last CSRF token seen (fetching the sign-in page
    /// first if none was seen yet).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let remembered = self.csrf.lock().unwrap().clone();
        let token = match remembered {
            Some(token) => token,
            None => self.get("/sign-in").await.csrf().unwrap_or_default(),
        };
        let mut form: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        form.extend_from_slice(fields);
        self.post_raw(path, &form).await
    }

    /// Posts exactly these fields, CSRF token or not.
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = serde_urlencoded_body(fields);
        self.send(
            self.client
                .post(format!("{}{path}", self.base))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body),
        )
        .await
    }

    /// Consent, then the account form. Returns the last page.
    pub async fn join(&self, invite_path: &str, pseudonym: &str, password: &str) -> Page {
        let consent = self.get(invite_path).await;
        if consent.status != StatusCode::OK {
            return consent;
        }
        let form = self.post(&format!("{invite_path}/agree"), &[("consent", "yes")]).await;
        if form.status != StatusCode::OK {
            return form;
        }
        self.post(
            &format!("{invite_path}/account"),
            &[("consent", "yes"), ("pseudonym", pseudonym), ("password", password)],
        )
        .await
    }

    pub async fn sign_in(&self, pseudonym: &str, password: &str) -> Page {
        self.get("/sign-in").await;
        self.post("/sign-in", &[("pseudonym", pseudonym), ("password", password)]).await
    }

    pub async fn sign_out(&self) -> Page {
        self.get("/").await;
        self.post("/sign-out", &[]).await
    }
}

/// The current code of a base32 key, computed independently of the server
/// (the same crate, its defaults: SHA-1, 6 digits, 30 seconds).
pub fn code_for(base32_key: &str, at: i64) -> String {
    let secret = data_encoding::BASE32_NOPAD.decode(base32_key.trim_end_matches('=').as_bytes()).unwrap();
    let totp = totp_rs::Builder::new().with_secret(secret).build().unwrap();
    totp.generate(u64::try_from(at).unwrap()).to_string()
}

fn serde_urlencoded_body(fields: &[(&str, &str)]) -> String {
    fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
