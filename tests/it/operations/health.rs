//! Health as a load balancer, an operator and a member see it: `/healthz`
//! says "ok" or "not ok" and nothing else; `hearth check` reports and finds
//! problems; a post the database cannot take comes back in its form (never a
//! password, never to a forged form), in the member's language.

use reqwest::StatusCode;

use super::KeptForm;
use crate::{
    cli::runner::{Instance, run, with_env},
    on_both_backends,
    support::{Backend, PASSWORD, TestApp},
};

on_both_backends!(
    healthz_says_ok_or_not_ok_and_nothing_else,
    check_reports_and_finds_problems,
    a_post_the_database_cannot_take_comes_back_in_its_form,
);

async fn healthz_says_ok_or_not_ok_and_nothing_else(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let response = reqwest::get(format!("{}/healthz", app.base)).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get("set-cookie").is_none(), "no cookie for a load balancer");
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["content-type"], "text/plain; charset=utf-8");
    assert_eq!(response.text().await.unwrap(), "ok\n");

    app.state.db.read.close().await;
    let response = reqwest::get(format!("{}/healthz", app.base)).await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.text().await.unwrap(), "not ok\n", "no detail about the database");
    app.stop().await;
}

async fn check_reports_and_finds_problems(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let instance = Instance::of(&app);
    let healthy = run(instance.command(&["check"]), None).await;
    assert_eq!(healthy.code(), Some(0), "{healthy:?}");
    for line in ["ok       integrity: ", "ok       migrations: current", "warning  admin: no instance admin", "Healthy"]
    {
        assert!(healthy.stdout.contains(line), "{line:?} in:\n{}", healthy.stdout);
    }

    // A mistyped database path is reported, not created.
    if backend == Backend::Sqlite {
        let missing = crate::cli::runner::Scratch::new();
        let url = format!("sqlite://{}/typo/hearth.db", missing.0.display());
        for verb in ["check", "backup"] {
            let args: &[&str] = if verb == "check" { &["check"] } else { &["backup", "/nonexistent/backup"] };
            let ran = run(with_env(instance.command(args), &[("HEARTH_DATABASE_URL", &url)]), None).await;
            assert_eq!(ran.code(), Some(1), "{ran:?}");
            assert!(ran.stderr.contains("there is no database at"), "{verb}: {ran:?}");
        }
        assert!(!missing.0.exists(), "nothing was created");
    }

    // Plain HTTP for anything but localhost: cookies would never work.
    let exposed = with_env(instance.command(&["check"]), &[("HEARTH_BASE_URL", "http://forum.example.org")]);
    let exposed = run(exposed, None).await;
    assert_eq!(exposed.code(), Some(1), "{exposed:?}");
    assert!(exposed.stdout.contains("PROBLEM  settings: HEARTH_BASE_URL"), "{}", exposed.stdout);
    let proxied = with_env(instance.command(&["check"]), &[("HEARTH_BASE_URL", "https://forum.example.org")]);
    let proxied = run(proxied, None).await;
    assert_eq!(proxied.code(), Some(0), "{proxied:?}");
    assert!(proxied.stdout.contains("HEARTH_TRUSTED_PROXY_HEADER is not set"), "{}", proxied.stdout);

    // A migration this binary does not know: a newer Hearth ran here.
    sqlx::query("INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES ($1, 'future', TRUE, $2, 0)")
        .bind(99_990_101_i64)
        .bind(vec![0u8; 48])
        .execute(&app.state.db.write)
        .await
        .unwrap();
    let newer = run(instance.command(&["check"]), None).await;
    assert_eq!(newer.code(), Some(1), "{newer:?}");
    assert!(newer.stdout.contains("[99990101] were applied by a newer Hearth"), "{}", newer.stdout);
    assert!(newer.stderr.contains("the check found problems"), "{}", newer.stderr);

    #[cfg(unix)]
    if backend == Backend::Sqlite {
        use std::os::unix::fs::PermissionsExt;
        let file = hearth::db::sqlite_file(&app.state.config.database_url).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let readable = run(instance.command(&["check"]), None).await;
        assert!(readable.stdout.contains("PROBLEM  permissions: the database file is readable by other users"));
    }
    app.stop().await;
}

async fn a_post_the_database_cannot_take_comes_back_in_its_form(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("kept").await;
    let willow = app.member_of(&group, "Willow").await;
    willow.get("/groups/kept/topics/new").await;
    let topic = willow
        .post("/groups/kept/topics/new", &[("title", "Tonight"), ("body", "Hello."), ("action", "publish")])
        .await;
    let reply_path = format!("{}/reply", topic.location().unwrap());
    willow.get(topic.location().unwrap()).await;
    // A post by the facilitators, for Willow to report.
    group.facilitator.get("/groups/kept/topics/new").await;
    let fields = [("title", "Welcome"), ("body", "Hello all."), ("action", "publish")];
    group.facilitator.post("/groups/kept/topics/new", &fields).await;
    let (staff_post,): (i64,) =
        sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    let stranger = app.visitor();
    stranger.get("/sign-in").await;

    // The database stops taking writes (on PostgreSQL, reads too: one pool).
    app.state.db.write.close().await;
    let words = "Thank you <all> for \"listening\" & for being here.\nSee you Tuesday.";
    let french = willow.clone().with_header("accept-language", "fr-CA");
    let page = french.post(&reply_path, &[("warning", "grief"), ("body", words), ("action", "publish")]).await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE, "{}", page.body);
    assert!(page.body.contains("Votre texte est gardé ci-dessous"), "in the member's language: {}", page.body);
    let kept = KeptForm::parse(&page.body);
    assert_eq!(kept.action, reply_path);
    assert_eq!(kept.value("body"), Some(words));
    assert_eq!(kept.value("warning"), Some("grief"));
    assert_eq!(kept.value("action"), Some("publish"));
    assert!(kept.value("csrf").is_some_and(|token| !token.is_empty()));
    // Moderation's forms too: what a reporter wrote comes back.
    let report = [("reason", "at-risk"), ("details", "She said she is scared tonight.")];
    let page = willow.post(&format!("/posts/{staff_post}/report"), &report).await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE, "{}", page.body);
    assert_eq!(KeptForm::parse(&page.body).value("details"), Some("She said she is scared tonight."));
    assert!(
        page.body.contains("Anything else the facilitators should know</label>")
            && page.body.contains("name=\"details\" rows=\"10\">She said"),
        "shown to edit, under the form's own label: {}",
        page.body
    );

    // A forged form (no valid token) gets nothing back.
    let forged = willow.post_raw(&reply_path, &[("csrf", "forged"), ("body", words), ("action", "publish")]).await;
    assert!(!forged.body.contains("See you Tuesday"), "{}", forged.body);
    assert!(forged.status.is_client_error() || forged.status == StatusCode::SERVICE_UNAVAILABLE);

    // A password is never shown back.
    let sign_in = stranger.post("/sign-in", &[("pseudonym", "Willow"), ("password", PASSWORD)]).await;
    assert_eq!(sign_in.status, StatusCode::SERVICE_UNAVAILABLE, "{}", sign_in.body);
    assert!(!sign_in.body.contains(PASSWORD) && !sign_in.body.contains("lantern"), "{}", sign_in.body);
    assert!(sign_in.body.contains("can’t reach its storage"), "{}", sign_in.body);
    app.stop().await;
}

/// Every field people write in comes back; no password ever does.
#[test]
fn every_textarea_is_given_back_and_no_password_is() {
    use hearth::operations::kept::{FieldKind, field_kind};
    let root = format!("{}/templates", env!("CARGO_MANIFEST_DIR"));
    let mut pending = vec![std::path::PathBuf::from(root)];
    let mut seen = 0;
    while let Some(path) = pending.pop() {
        for entry in std::fs::read_dir(path).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let html = std::fs::read_to_string(&path).unwrap();
            for tag in html.split('<').skip(1) {
                let name = tag.split(" name=\"").nth(1).and_then(|rest| rest.split('"').next());
                let Some(name) = name.filter(|name| !name.contains('{')) else { continue };
                if tag.starts_with("textarea ") {
                    seen += 1;
                    assert!(
                        matches!(field_kind(name), FieldKind::Writing { .. }),
                        "{}: textarea {name:?} is not given back (operations::kept::WRITING)",
                        path.display()
                    );
                }
                if tag.starts_with("input ") && tag.contains("type=\"password\"") {
                    assert_eq!(field_kind(name), FieldKind::Secret, "{}: password field {name:?}", path.display());
                }
            }
        }
    }
    assert!(seen >= 4, "{seen} textareas");
}
