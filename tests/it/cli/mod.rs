//! The command line, as deploy scripts and admins use it: the real binary,
//! its verbs, its exit codes, what it prints, and what its logs leave out.
//! Each test gets a fresh database from the harness and runs `hearth` against
//! it with a clean environment (only `PATH`, `HOME` and the `HEARTH_*`
//! settings the test chooses).

mod queries;
pub mod runner;

use std::{
    io::Write,
    time::{Duration, Instant},
};

use hearth::{
    accounts::{pseudonym::lookup_key, store},
    clock::format_utc,
    db::Db,
};
use reqwest::StatusCode;

use crate::support::{Backend, PASSWORD, TestApp, Visitor};

use runner::*;

crate::on_both_backends!(
    help_on_every_verb,
    migrate_creates_and_updates_the_database,
    admin_create_reads_the_password_from_stdin,
    admin_create_refuses_bad_input,
    invite_create_prints_the_link_last,
    serve_is_the_default_and_prints_a_setup_link_once_an_admin_is_missing,
    config_errors_name_the_setting,
    environment_beats_config_file,
    logs_hold_no_identifying_data,
    a_stalled_client_cannot_keep_the_server_from_stopping,
    demo_fills_an_empty_database_and_says_how_to_sign_in,
    invite_create_joins_the_named_groups,
);

async fn demo_fills_an_empty_database_and_says_how_to_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    let ran = run(instance.command(&["demo"]), None).await;
    assert_eq!(ran.code(), Some(0), "{ran:?}");
    let password = ran.stdout.split("password: ").nth(1).unwrap().lines().next().unwrap().trim().to_owned();
    for role in ["Keeper", "Maya Lead", "Sam Guide", "Willow", "Camille"] {
        assert!(ran.stdout.contains(role), "{role} in {}", ran.stdout);
    }
    // Each printed account signs in and sees its groups with their conversations.
    let willow = app.visitor();
    willow.get("/sign-in").await;
    assert_eq!(willow.sign_in("Willow", &password).await.status, StatusCode::SEE_OTHER);
    let group = willow.get("/groups/after-leaving").await;
    assert!(group.body.contains("Small wins this week") && group.body.contains("Sleeping again"), "{}", group.body);
    let camille = app.visitor();
    camille.get("/sign-in").await;
    camille.sign_in("Camille", &password).await;
    assert!(camille.get("/groups/cercle-du-mardi").await.body.contains("Bonjour à toutes et à tous"));
    assert_eq!(camille.get("/groups/after-leaving").await.status, StatusCode::NOT_FOUND);
    // The facilitator finds work in the queue: an urgent report first, then a held reply no member sees.
    let sam = app.visitor();
    sam.get("/sign-in").await;
    sam.sign_in("Sam Guide", &password).await;
    app.enrol_two_factor(&sam).await;
    let queue = sam.get("/moderation").await.body;
    assert!(queue.contains("<span class=\"count\">1</span> urgent"), "{queue}");
    assert!(queue.contains("<span class=\"count\">1</span> post to review"), "{queue}");
    let (report, held) = (queue.find("Someone may be at risk").unwrap(), queue.find("613-555-0142").unwrap());
    assert!(report < held, "{queue}");
    let search = willow.get("/search?q=613").await.body;
    assert!(!search.contains("613-555-0142"), "a held reply is for the facilitators only: {search}");
    // A second run refuses to touch a database that has accounts.
    let again = run(instance.command(&["demo"]), None).await;
    assert_ne!(again.code(), Some(0));
    assert!(again.stderr.contains("only fills an empty"), "{again:?}");
    app.stop().await;
}

async fn invite_create_joins_the_named_groups(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("tuesday").await;
    let instance = Instance::of(&app);
    let unknown = run(instance.command(&["invite", "create", "--group", "nowhere"]), None).await;
    assert_ne!(unknown.code(), Some(0));
    assert!(unknown.stderr.contains("nowhere"), "{unknown:?}");
    let ran = run(instance.command(&["invite", "create", "--group", &group.slug]), None).await;
    assert_eq!(ran.code(), Some(0), "{ran:?}");
    let path = invite_path(ran.last_line(), &instance.base()).to_owned();
    let visitor = app.visitor();
    assert_eq!(visitor.join(&path, "Willow", PASSWORD).await.status, StatusCode::OK);
    let home = visitor.get("/").await;
    assert!(home.body.contains("Group tuesday"), "{}", home.body);
    app.stop().await;
}

// ---------------------------------------------------------------------------
// The tests.

async fn help_on_every_verb(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--help"],
            &["serve", "migrate", "demo", "purge", "admin", "invite", "backup", "restore", "check", "--config"],
        ),
        (&["purge", "--help"], &["Usage", "retention", "--config"]),
        (&["backup", "--help"], &["Usage", "<PATH>", "encrypted"]),
        (&["restore", "--help"], &["Usage", "<PATH>", "--force"]),
        (&["check", "--help"], &["Usage", "non-zero"]),
        (&["serve", "--help"], &["Usage", "serve", "--config"]),
        (&["migrate", "--help"], &["Usage", "migrate", "--config"]),
        (&["admin", "--help"], &["create"]),
        (&["admin", "create", "--help"], &["--pseudonym", "--password-stdin"]),
        (&["invite", "--help"], &["create"]),
        (&["invite", "create", "--help"], &["--expires-in", "--note", "--group", "7d", "30m"]),
    ];
    for (args, mentions) in cases {
        let ran = run(instance.command(args), None).await;
        assert_eq!(ran.code(), Some(0), "hearth {args:?}: {ran:?}");
        for mention in *mentions {
            assert!(ran.stdout.contains(mention), "hearth {args:?} should mention {mention}:\n{}", ran.stdout);
        }
        assert!(ran.stderr.is_empty(), "hearth {args:?} wrote to stderr: {}", ran.stderr);
    }
    let ran = run(instance.command(&["--version"]), None).await;
    assert_eq!(ran.code(), Some(0), "{ran:?}");
    assert!(ran.stdout.starts_with("hearth "), "{}", ran.stdout);
    // An unknown verb is a usage error, not a server start.
    let ran = run(instance.command(&["serve-now"]), None).await;
    assert_eq!(ran.code(), Some(2), "{ran:?}");
    app.stop().await;
}

async fn migrate_creates_and_updates_the_database(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    // Already up to date (the harness migrated it): still fine, and repeatable.
    for _ in 0..2 {
        let ran = run(instance.command(&["migrate"]), None).await;
        assert_eq!(ran.code(), Some(0), "{ran:?}");
    }

    if backend == Backend::Sqlite {
        // A path whose folders do not exist yet, as on a first deploy.
        let scratch = Scratch::new();
        let file = scratch.0.join("data").join("nested").join("hearth.db");
        let url = format!("sqlite://{}", file.display());
        assert!(!scratch.0.exists());
        let ran = run(with_env(hearth(&["migrate"]), &[("HEARTH_DATABASE_URL", &url)]), None).await;
        assert_eq!(ran.code(), Some(0), "{ran:?}");
        assert!(file.is_file(), "migrate should create {}", file.display());
        // The schema is there: the first query the server makes works.
        let db = Db::connect(&url).await.unwrap();
        assert!(!store::admin_exists(&db.read).await.unwrap());
        db.close().await;
        let ran = run(with_env(hearth(&["migrate"]), &[("HEARTH_DATABASE_URL", &url)]), None).await;
        assert_eq!(ran.code(), Some(0), "a second migrate on the new file: {ran:?}");
    }
    app.stop().await;
}

async fn admin_create_reads_the_password_from_stdin(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    assert!(!store::admin_exists(&app.state.db.read).await.unwrap());

    let command = instance.command(&["admin", "create", "--pseudonym", "Harbour Keeper", "--password-stdin"]);
    // Only the first line is the password.
    let ran =
        run(with_env(command, &[("HEARTH_LOG", "debug")]), Some(&format!("{PASSWORD}\nignored second line\n"))).await;
    assert_eq!(ran.code(), Some(0), "{ran:?}");
    assert!(ran.stdout.contains("Harbour Keeper"), "{}", ran.stdout);
    assert!(!ran.stdout.contains(PASSWORD) && !ran.stderr.contains(PASSWORD), "the password is never echoed");
    assert!(store::admin_exists(&app.state.db.read).await.unwrap());

    // Windows line endings and a missing final newline are tolerated too.
    for (pseudonym, stdin) in [("Second Keeper", format!("{PASSWORD}\r\n")), ("Third Keeper", PASSWORD.to_owned())] {
        let command = instance.command(&["admin", "create", "--pseudonym", pseudonym, "--password-stdin"]);
        let ran = run(command, Some(&stdin)).await;
        assert_eq!(ran.code(), Some(0), "{pseudonym}: {ran:?}");
    }

    // The admin works: an admin, with that password, on a served instance.
    let server = Server::start(instance.base(), instance.command(&["serve"])).await;
    for pseudonym in ["Harbour Keeper", "Third Keeper", "Second Keeper"] {
        let browser = Visitor::new(&server.base);
        let signed_in = browser.sign_in(pseudonym, PASSWORD).await;
        assert_eq!(signed_in.status, StatusCode::SEE_OTHER, "{pseudonym}: {}", signed_in.body);
        assert_eq!(signed_in.location(), Some("/"));
        assert!(browser.cookie("__Host-hearth").is_some(), "a session cookie for {pseudonym}");
        // An admin sets up two-factor before anything else.
        let gated = browser.get("/invites").await;
        assert_eq!(gated.location(), Some("/account/two-factor"), "{pseudonym} is sent to set up two-factor");
        app.enrol_two_factor(&browser).await;
        let invites = browser.get("/invites").await;
        assert_eq!(invites.status, StatusCode::OK, "{pseudonym} on /invites");
    }
    // The second line was not part of the password.
    let browser = Visitor::new(&server.base);
    let refused = browser.sign_in("Harbour Keeper", &format!("{PASSWORD}\nignored second line")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);

    let stopped = server.stop().await;
    assert!(stopped.status.success(), "SIGTERM is a clean stop: {}\n{}", stopped.status, stopped.stderr);
    assert!(!stopped.stdout.iter().any(|line| line.contains(SETUP_HEADLINE)), "no setup link once an admin exists");
    app.stop().await;
}

async fn admin_create_refuses_bad_input(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    let create = |pseudonym: &str| instance.command(&["admin", "create", "--pseudonym", pseudonym, "--password-stdin"]);
    let absent =
        async |pseudonym: &str| store::user_by_key(&app.state.db.read, &lookup_key(pseudonym)).await.unwrap().is_none();

    // A password on the command line is never an option.
    let ran = run(instance.command(&["admin", "create", "--pseudonym", "Brave Otter"]), Some(PASSWORD)).await;
    assert_eq!(ran.code(), Some(2), "{ran:?}");
    assert!(ran.stderr.contains("--password-stdin"), "{}", ran.stderr);
    let ran = run(instance.command(&["admin", "create", "--password-stdin"]), Some(PASSWORD)).await;
    assert_eq!(ran.code(), Some(2), "no pseudonym: {ran:?}");
    assert!(ran.stderr.contains("--pseudonym"), "{}", ran.stderr);

    for (why, password) in [("common", "password1234\n"), ("short", "short\n"), ("empty", "\n"), ("no input", "")] {
        let ran = run(create("Brave Otter"), Some(password)).await;
        assert_eq!(ran.code(), Some(1), "{why} password: {ran:?}");
        assert!(ran.stderr.contains("password"), "{why}: the message says what was refused: {}", ran.stderr);
        assert!(!ran.stderr.trim().is_empty() && ran.stderr.trim().lines().count() == 1, "{why}: {}", ran.stderr);
    }
    assert!(absent("Brave Otter").await);

    for reserved in ["admin", "ADMIN", "Hearth", "root"] {
        let ran = run(create(reserved), Some(PASSWORD)).await;
        assert_eq!(ran.code(), Some(1), "{reserved}: {ran:?}");
        assert!(ran.stderr.contains("pseudonym"), "{reserved}: {}", ran.stderr);
        assert!(absent(reserved).await);
    }
    for bad in ["ab", "<script>", &"x".repeat(40)] {
        let ran = run(create(bad), Some(PASSWORD)).await;
        assert_eq!(ran.code(), Some(1), "{bad}: {ran:?}");
        assert!(ran.stderr.contains("pseudonym"), "{bad}: {}", ran.stderr);
    }
    assert!(!store::admin_exists(&app.state.db.read).await.unwrap(), "nothing refused was created");

    let ran = run(create("Willow"), Some(PASSWORD)).await;
    assert_eq!(ran.code(), Some(0), "{ran:?}");
    // The same name, in capitals, or with a Cyrillic "і".
    for look_alike in ["Willow", "WILLOW", "W\u{456}llow", " willow "] {
        let ran = run(create(look_alike), Some(PASSWORD)).await;
        assert_eq!(ran.code(), Some(1), "{look_alike:?}: {ran:?}");
        assert!(ran.stderr.contains("taken"), "{look_alike:?}: {}", ran.stderr);
    }
    app.stop().await;
}

async fn invite_create_prints_the_link_last(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    let base = instance.base();

    let ran = run(instance.command(&["invite", "create"]), None).await;
    assert_eq!(ran.code(), Some(0), "{ran:?}");
    let week_link = ran.last_line().to_owned();
    let week_path = invite_path(&week_link, &base).to_owned();

    // The binary reads the system clock; so does the harness's (never advanced here).
    let before = app.state.clock.now();
    let command = instance.command(&["invite", "create", "--expires-in", "30m", "--note", "Tuesday group"]);
    let ran = run(command, None).await;
    let after = app.state.clock.now();
    assert_eq!(ran.code(), Some(0), "{ran:?}");
    let short_link = ran.last_line().to_owned();
    let short_path = invite_path(&short_link, &base).to_owned();
    assert_ne!(week_path, short_path, "every invite has its own code");
    // The expiry printed is half an hour from now.
    let expected: Vec<String> = [before, after].iter().map(|t| format_utc(t + 1800)).collect();
    assert!(expected.iter().any(|e| ran.stdout.contains(e.as_str())), "expiry {expected:?} in {}", ran.stdout);

    for (flags, why) in [
        (&["--expires-in", "12h"][..], "hours"),
        (&["--expires-in", "366d"][..], "a year"),
        (&["--note", ""][..], "an empty note"),
    ] {
        let ran = run(instance.command(&[&["invite", "create"][..], flags].concat()), None).await;
        assert_eq!(ran.code(), Some(0), "{why}: {ran:?}");
        invite_path(ran.last_line(), &base);
    }
    for bad in ["7w", "0d", "", "d", "-1d", "400d", "7 days", "1.5d", "7\u{2009}d"] {
        let ran = run(instance.command(&["invite", "create", &format!("--expires-in={bad}")]), None).await;
        assert_eq!(ran.code(), Some(2), "--expires-in {bad:?}: {ran:?}");
        assert!(ran.stderr.contains("--expires-in"), "{bad:?}: {}", ran.stderr);
        assert!(!ran.stdout.contains("/join/"), "no invite for {bad:?}");
    }

    // The links open the consent page of a served instance.
    let server = Server::start(base.clone(), instance.command(&["serve"])).await;
    let browser = Visitor::new(&base);
    for path in [&week_path, &short_path] {
        let page = browser.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "GET {path}");
        assert!(
            page.body.contains("<form") && page.body.contains(&format!("action=\"{path}/agree\"")),
            "{}",
            page.body
        );
    }
    let page = browser.get("/join/not-a-code-anyone-was-given").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    // Joining through the half-hour invite works, once.
    let joined = browser.join(&short_path, "Tuesday Member", PASSWORD).await;
    assert_eq!(joined.status, StatusCode::OK, "{}", joined.body);
    assert!(browser.cookie("__Host-hearth").is_some());
    let again = Visitor::new(&base).get(&short_path).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "an invite is used once");

    drop(browser);
    let stopped = server.stop().await;
    assert!(stopped.status.success(), "{}\n{}", stopped.status, stopped.stderr);
    app.stop().await;
}

async fn serve_is_the_default_and_prints_a_setup_link_once_an_admin_is_missing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    let base = instance.base();

    // No verb at all.
    let mut server = Server::start(base.clone(), instance.command(&[])).await;
    let deadline = Instant::now() + SERVER_TIMEOUT;
    let mut printed = Vec::new();
    let link = loop {
        let line = server.next_line(deadline.saturating_duration_since(Instant::now())).await;
        let line = line.unwrap_or_else(|| panic!("no setup link on stdout; saw {printed:?}"));
        if line.contains(SETUP_HEADLINE) {
            break server.next_line(SERVER_TIMEOUT).await.expect("the link follows the headline");
        }
        printed.push(line);
    };
    let setup_path = invite_path(link.trim(), &base).to_owned();

    let browser = Visitor::new(&base);
    let sign_in = browser.get("/sign-in").await;
    assert_eq!(sign_in.status, StatusCode::OK);
    assert!(sign_in.header("content-type").is_some_and(|t| t.starts_with("text/html")), "{:?}", sign_in.headers);
    assert!(sign_in.body.contains("<html lang=\"en\">"), "{}", sign_in.body);

    // Following the link makes the first admin.
    let joined = browser.join(&setup_path, "Founding Keeper", PASSWORD).await;
    assert_eq!(joined.status, StatusCode::OK, "{}", joined.body);
    assert!(browser.cookie("__Host-hearth").is_some(), "joining signs in");
    app.enrol_two_factor(&browser).await;
    let invites = browser.get("/invites").await;
    assert_eq!(invites.status, StatusCode::OK, "the setup link grants admin");
    assert!(store::admin_exists(&app.state.db.read).await.unwrap());
    // The link is spent.
    assert_eq!(Visitor::new(&base).get(&setup_path).await.status, StatusCode::NOT_FOUND);

    drop(browser);
    let stopped = server.stop().await;
    assert!(stopped.status.success(), "SIGTERM is a clean stop: {}\n{}", stopped.status, stopped.stderr);

    // With an admin, a restart (explicit verb this time) prints no link.
    let server = Server::start(base.clone(), instance.command(&["serve"])).await;
    let stopped = server.stop().await;
    assert!(stopped.status.success(), "{}\n{}", stopped.status, stopped.stderr);
    assert!(
        !stopped.stdout.iter().any(|line| line.contains(SETUP_HEADLINE) || line.contains("/join/")),
        "no setup link once an admin exists: {:?}",
        stopped.stdout
    );
    app.stop().await;
}

async fn config_errors_name_the_setting(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);

    let bad_settings = [
        ("HEARTH_LISTEN", "nowhere"),
        ("HEARTH_EXIT_URL", "javascript:alert(1)"),
        ("HEARTH_BASE_URL", "forum.example.org"),
        ("HEARTH_DATABASE_URL", "mysql://localhost/hearth"),
        ("HEARTH_SESSION_IDLE_MINUTES", "0"),
        ("HEARTH_EXIT_ENDS_SESSION", "perhaps"),
        ("HEARTH_INSTANCE_NAME", "   "),
    ];
    let verbs: [&[&str]; 4] =
        [&[], &["migrate"], &["invite", "create"], &["admin", "create", "--pseudonym", "Ash Tree", "--password-stdin"]];
    for (setting, value) in bad_settings {
        for verb in verbs {
            let ran = run(with_env(instance.command(verb), &[(setting, value)]), Some(PASSWORD)).await;
            assert_eq!(ran.code(), Some(2), "{setting}={value:?} with {verb:?}: {ran:?}");
            assert_eq!(ran.stderr.trim_end().lines().count(), 1, "one line: {}", ran.stderr);
            assert!(ran.stderr.contains(setting), "{setting} should be named: {}", ran.stderr);
            assert!(!ran.stdout.contains("/join/"), "nothing was done: {}", ran.stdout);
        }
    }
    assert!(!store::admin_exists(&app.state.db.read).await.unwrap(), "no admin was created with a bad config");

    let scratch = Scratch::new();
    std::fs::create_dir_all(&scratch.0).unwrap();
    let typo = scratch.0.join("typo.toml");
    std::fs::write(&typo, "colour = \"red\"\n").unwrap();
    let typo = typo.to_str().unwrap();
    let bad_value = scratch.0.join("bad-value.toml");
    std::fs::write(&bad_value, "listen = \"nowhere\"\n").unwrap();
    let bad_value = bad_value.to_str().unwrap();
    let broken = scratch.0.join("broken.toml");
    std::fs::write(&broken, "instance_name = \n").unwrap();
    let broken = broken.to_str().unwrap();
    let missing = scratch.0.join("missing.toml");
    let missing = missing.to_str().unwrap();

    let mut by_env = hearth(&["migrate"]);
    by_env.env("HEARTH_CONFIG", typo).env("HEARTH_DATABASE_URL", &instance.database_url);
    let cases = [
        (hearth(&["--config", typo, "migrate"]), "colour"),
        (hearth(&["migrate", "--config", typo]), "colour"),
        (by_env, "colour"),
        (hearth(&["--config", broken, "migrate"]), "config file"),
        (hearth(&["--config", bad_value, "migrate"]), "listen"),
        (hearth(&["--config", missing, "migrate"]), "config file"),
        (with_env(hearth(&["migrate"]), &[("HEARTH_LISTN", "127.0.0.1:1")]), "HEARTH_LISTN"),
        (with_env(hearth(&["migrate"]), &[("HEARTH_DATABASE_URL", "sqlite::memory:")]), "HEARTH_DATABASE_URL"),
    ];
    for (command, named) in cases {
        let described = format!("{command:?}");
        let ran = run(command, None).await;
        assert_eq!(ran.code(), Some(2), "{described}: {ran:?}");
        assert_eq!(ran.stderr.trim_end().lines().count(), 1, "{described}: one line: {}", ran.stderr);
        assert!(ran.stderr.contains(named), "{described} should name {named}: {}", ran.stderr);
    }
    app.stop().await;
}

async fn environment_beats_config_file(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    let scratch = Scratch::new();
    std::fs::create_dir_all(&scratch.0).unwrap();
    let file = scratch.0.join("hearth.toml");
    // The file's address cannot be bound by a test; the environment's wins.
    std::fs::write(
        &file,
        "instance_name = \"FromFile\"\nlisten = \"127.0.0.1:1\"\nexit_url = \"https://example.org/from-file\"\n\
         exit_ends_session = true\n",
    )
    .unwrap();
    let mut command = instance.command(&["--config", file.to_str().unwrap(), "serve"]);
    command.env("HEARTH_INSTANCE_NAME", "FromEnv");
    let server = Server::start(instance.base(), command).await;

    let browser = Visitor::new(&server.base);
    let page = browser.get("/sign-in").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(title(&page.body).contains("FromEnv"), "title: {:?}", title(&page.body));
    assert!(!page.body.contains("FromFile"), "{}", page.body);
    // What the environment leaves unset comes from the file.
    let exit = browser.get("/exit").await;
    assert_eq!(exit.status, StatusCode::SEE_OTHER);
    assert_eq!(exit.location(), Some("https://example.org/from-file"));

    drop(browser);
    let stopped = server.stop().await;
    assert!(stopped.status.success(), "{}\n{}", stopped.status, stopped.stderr);
    app.stop().await;
}

async fn logs_hold_no_identifying_data(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    let base = instance.base();
    let wrong_password = "wrong-horse-battery-9931";

    let ran = run(instance.command(&["invite", "create", "--note", "note-for-staff-only"]), None).await;
    assert_eq!(ran.code(), Some(0), "{ran:?}");
    let invite = invite_path(ran.last_line(), &base).to_owned();
    let code = invite.trim_start_matches("/join/").to_owned();

    let mut command = instance.command(&["serve"]);
    command.env("HEARTH_LOG", "info");
    let server = Server::start(base.clone(), command).await;

    let browser = Visitor::new(&base);
    assert_eq!(browser.get("/sign-in?who=secret-query-value").await.status, StatusCode::OK);
    let joined = browser.join(&invite, "Unique Pseudonym", PASSWORD).await;
    assert_eq!(joined.status, StatusCode::OK, "{}", joined.body);
    let signed_out = browser.post("/sign-out", &[]).await;
    assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    assert!(browser.cookie("__Host-hearth").is_none());
    let refused = browser.sign_in("Unique Pseudonym", wrong_password).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(browser.get("/no/such/page-xyz").await.status, StatusCode::NOT_FOUND);
    // The used invite, once more: its code is in the path of a 404 now.
    assert_eq!(browser.get(&invite).await.status, StatusCode::NOT_FOUND);

    drop(browser);
    let stopped = server.stop().await;
    assert!(stopped.status.success(), "{}\n{}", stopped.status, stopped.stderr);
    let log = strip_ansi(&stopped.stderr);

    for route in [
        "route=/sign-in status=200",
        "route=/join/{code} ",
        "route=/join/{code}/agree",
        "route=/join/{code}/account",
        "route=/sign-out",
        "status=422",
        "status=404",
    ] {
        assert!(log.contains(route), "the log should hold {route:?}:\n{log}");
    }
    let lowercase = log.to_lowercase();
    for secret in [
        code.as_str(),
        "secret-query-value",
        "who=",
        "unique pseudonym",
        "unique+pseudonym",
        "unique%20pseudonym",
        PASSWORD,
        "lantern+orbit",
        wrong_password,
        "no/such/page-xyz",
        "note-for-staff-only",
    ] {
        assert!(!lowercase.contains(&secret.to_lowercase()), "the log holds {secret:?}:\n{log}");
    }
    let lines: Vec<&str> = log.lines().collect();
    let serving = lines.iter().position(|line| line.contains("serving")).expect("a \"serving\" line");
    for line in &lines[serving + 1..] {
        assert!(!line.contains("127.0.0.1"), "a client address in the log: {line}");
    }
    // The invite code is not on stdout either, beyond what `invite create` printed.
    assert!(!stopped.stdout.iter().any(|line| line.contains(&code)), "{:?}", stopped.stdout);
    app.stop().await;
}

/// A client that sends half a request and goes quiet must not keep a
/// stopping server alive: after the grace period it stops anyway.
async fn a_stalled_client_cannot_keep_the_server_from_stopping(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    let server = Server::start(instance.base(), instance.command(&["serve"])).await;
    let mut stalled = std::net::TcpStream::connect(("127.0.0.1", instance.port)).unwrap();
    stalled.write_all(b"GET /sign-in HTTP/1.1\r\nHost: x\r\n").unwrap();
    let started = Instant::now();
    let stopped = server.stop().await;
    assert!(stopped.status.success(), "{}", stopped.stderr);
    assert!(started.elapsed() < hearth::web::server::SHUTDOWN_GRACE + Duration::from_secs(3));
    drop(stalled);
    app.stop().await;
}
