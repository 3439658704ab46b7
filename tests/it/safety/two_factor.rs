//! Two-factor sign-in: required for staff and admins before any staff action
//! (on every route, from the route list itself), optional for members; the
//! code step after the password, recovery codes for a lost authenticator.

use std::collections::HashMap;

use reqwest::StatusCode;

use super::{
    routes::{Fill, every_route},
    row_counts,
};
use hearth::{clock::Clock, web::paths};

use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp, Visitor, code_for},
};

on_both_backends!(
    staff_without_two_factor_can_do_nothing_but_set_it_up,
    the_session_starts_only_after_the_code,
    a_recovery_code_stands_in_for_a_lost_authenticator,
    members_choose_two_factor_and_staff_keep_it,
);

const SET_UP: &str = "/account/two-factor";

/// Routes served outside the page layer (stylesheet, script, icon,
/// robots.txt, the health check) and the ones a gated account keeps
/// (sign-out and exit would end the walk).
fn walked(pattern: &str) -> bool {
    let open = hearth::accounts::security::two_factor::OPEN_BEFORE_TWO_FACTOR;
    !(pattern.starts_with("/assets/") || matches!(pattern, "/robots.txt" | "/healthz") || open.contains(&pattern))
}

async fn post_id(app: &TestApp) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    id
}

async fn walk(who: &Visitor, fill: &Fill) -> Vec<(String, String, StatusCode, Option<String>)> {
    who.get("/account").await;
    let mut seen = Vec::new();
    for (_, pattern) in every_route().into_iter().filter(|(_, p)| walked(p)) {
        let path = fill.path(&pattern);
        for method in ["GET", "POST"] {
            let page = if method == "GET" { who.get(&path).await } else { who.post(&path, &[]).await };
            assert!(page.status.as_u16() < 500, "{method} {path}: {}", page.body);
            seen.push((method.to_owned(), path.clone(), page.status, page.location().map(str::to_owned)));
        }
    }
    seen
}

async fn staff_without_two_factor_can_do_nothing_but_set_it_up(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group_without_two_factor("circle").await;
    let admin = app.admin_without_two_factor("Keeper").await;
    let member = app.member_of(&group, "Willow").await;
    member.get("/groups/circle/topics/new").await;
    let fields = [("title", "Hello"), ("body", "First words."), ("action", "publish")];
    let topic = member.post("/groups/circle/topics/new", &fields).await;
    let topic: i64 =
        topic.location().unwrap().split(['?', '#']).next().unwrap().rsplit('/').next().unwrap().parse().unwrap();
    let fill = Fill {
        slug: "circle".to_owned(),
        ids: HashMap::from([
            ("topics", topic),
            ("posts", post_id(&app).await),
            ("organisations", group.organisation_id),
            ("members", app.user_id("Willow").await),
        ]),
    };

    // Moderation's staff routes are walked like every other.
    let routes: Vec<String> = every_route().into_iter().map(|(_, pattern)| pattern).collect();
    for staff_route in [
        paths::MODERATION,
        paths::AUDIT,
        paths::POST_APPROVE,
        paths::POST_REDACT,
        paths::REPORT_RESOLVE,
        paths::GROUP_LOCKDOWN,
        paths::GROUP_MEMBER_BAN,
        paths::GROUP_MEMBER_NOTES,
        paths::ROLE_REQUEST_CONFIRM,
        paths::ORGANISATION_PARTNERS,
        paths::ADMIN_ADMINS,
    ] {
        assert!(walked(staff_route) && routes.iter().any(|r| r == staff_route), "{staff_route} is not walked");
    }

    let before = row_counts(&app, backend).await;
    for (who, name) in [(&group.lead, "lead"), (&group.facilitator, "facilitator"), (&admin, "admin")] {
        let wrong: Vec<String> = walk(who, &fill)
            .await
            .into_iter()
            .filter(|(_, _, status, location)| *status != StatusCode::SEE_OTHER || location.as_deref() != Some(SET_UP))
            .map(|(method, path, status, location)| format!("{method} {path}: {status} {location:?}"))
            .collect();
        assert!(wrong.is_empty(), "the {name} without two-factor reached:\n{}", wrong.join("\n"));
        for open in ["/safety", SET_UP] {
            assert_eq!(who.get(open).await.status, StatusCode::OK, "{open} stays open to the {name}");
        }
    }
    assert_eq!(row_counts(&app, backend).await, before, "no request changed anything");
    assert_eq!(member.get("/").await.status, StatusCode::OK, "members are not asked");
    let page = group.lead.get(SET_UP).await;
    assert!(page.body.contains("Staff accounts must use two-factor"), "the page says why");
    assert!(page.body.contains("<svg class=\"qr\""), "a QR code drawn on the server");
    assert!(!page.body.contains("<img"), "no image from anywhere");

    // Once it is set up, the same routes answer as the permission table says:
    // none sends them to set it up.
    for who in [&group.lead, &group.facilitator, &admin] {
        app.enrol_two_factor(who).await;
    }
    for (who, name) in [(&group.lead, "lead"), (&group.facilitator, "facilitator"), (&admin, "admin")] {
        let gated: Vec<String> = walk(who, &fill)
            .await
            .into_iter()
            .filter(|(_, _, _, location)| location.as_deref() == Some(SET_UP))
            .map(|(method, path, status, _)| format!("{method} {path}: {status}"))
            .collect();
        assert!(gated.is_empty(), "the {name} with two-factor is still sent to set it up:\n{}", gated.join("\n"));
    }
    group.facilitator.get("/invites").await;
    let made = group.facilitator.post("/invites", &[("days", "7"), ("group", &group.id.to_string())]).await;
    assert_eq!(made.status, StatusCode::OK, "a staff action works: {}", made.body);
    app.stop().await;
}

async fn the_session_starts_only_after_the_code(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| config.sign_in_failures_allowed = 8).await;
    let willow = app.member("Willow").await;
    app.enrol_two_factor(&willow).await;
    willow.sign_out().await;
    let sessions = || async {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions").fetch_one(&app.state.db.read).await.unwrap();
        n
    };

    let visitor = app.visitor();
    let page = visitor.sign_in("Willow", PASSWORD).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), Some("/sign-in/code"));
    assert!(visitor.cookie("__Host-hearth").is_none(), "no session before the code");
    assert_eq!(sessions().await, 0);
    assert_eq!(visitor.get("/").await.location(), Some("/sign-in"), "not signed in yet");
    let step = visitor.get("/sign-in/code").await;
    assert_eq!(step.status, StatusCode::OK);
    assert!(step.body.contains("autocomplete=\"one-time-code\""));

    let wrong = visitor.post("/sign-in/code", &[("code", "000000")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("That code isn’t right"));
    assert_eq!(sessions().await, 0);
    let code = app.two_factor_code("Willow").await;
    let signed_in = visitor.post("/sign-in/code", &[("code", &code)]).await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER, "{}", signed_in.body);
    assert_eq!(signed_in.location(), Some("/"));
    assert!(visitor.cookie("__Host-hearth").is_some());
    assert!(visitor.cookie("__Host-hearth-2fa").is_none(), "the challenge cookie is gone");
    assert_eq!(visitor.get("/").await.status, StatusCode::OK);
    assert_eq!(sessions().await, 1);

    // The same code a second time (someone watching over a shoulder) is refused.
    let other = app.visitor();
    other.sign_in("Willow", PASSWORD).await;
    other.get("/sign-in/code").await;
    let replayed = other.post("/sign-in/code", &[("code", &code)]).await;
    assert_eq!(replayed.status, StatusCode::UNPROCESSABLE_ENTITY, "a code works once");
    // Guessing: after five wrong codes the password is needed again.
    for _ in 0..4 {
        assert_eq!(other.post("/sign-in/code", &[("code", "123456")]).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let code = app.two_factor_code("Willow").await;
    assert_eq!(other.post("/sign-in/code", &[("code", &code)]).await.location(), Some("/sign-in"));
    assert_eq!(other.get("/sign-in/code").await.location(), Some("/sign-in"));
    // And the step is rate-limited per account and address, like sign-in.
    other.sign_in("Willow", PASSWORD).await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(other.post("/sign-in/code", &[("code", "654321")]).await.status);
    }
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");

    // A challenge expires after a few minutes.
    let late = app.visitor();
    late.sign_in("Willow", PASSWORD).await;
    app.clock.advance(6 * 60);
    assert_eq!(late.get("/sign-in/code").await.location(), Some("/sign-in"));
    app.stop().await;
}

async fn a_recovery_code_stands_in_for_a_lost_authenticator(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let visitor = app.visitor();
    let joined = visitor.join(&app.invite().await, "Willow", PASSWORD).await;
    let codes = joined.recovery_codes();
    app.enrol_two_factor(&visitor).await;
    let laptop = app.visitor();
    app.sign_in_with_code(&laptop, "Willow").await;
    assert_eq!(laptop.get("/").await.status, StatusCode::OK);

    // The phone is lost: a recovery code instead of the app's code.
    let borrowed = app.visitor();
    borrowed.sign_in("Willow", PASSWORD).await;
    borrowed.get("/sign-in/code").await;
    let typed = codes[0].to_lowercase().replace('-', " ");
    let page = borrowed.post("/sign-in/code", &[("code", &typed)]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(page.location(), Some("/account/two-factor"), "straight to setting up a new app");
    let set_up = borrowed.get("/account/two-factor").await;
    assert!(set_up.body.contains("You have \u{2068}9\u{2069} left"), "{}", set_up.body);
    // Every other session ended; the code is spent.
    assert_eq!(laptop.get("/").await.location(), Some("/sign-in"));
    assert_eq!(visitor.get("/").await.location(), Some("/sign-in"));
    let again = app.visitor();
    again.sign_in("Willow", PASSWORD).await;
    again.get("/sign-in/code").await;
    assert_eq!(again.post("/sign-in/code", &[("code", &codes[0])]).await.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The new phone replaces the old authenticator (with the password).
    let key = |page: &str| {
        page.split("id=\"two-factor-secret\" class=\"link-box\">").nth(1).unwrap().split('<').next().unwrap().to_owned()
    };
    let new_key = key(&set_up.body);
    let code = code_for(&new_key.replace(' ', ""), app.clock.now());
    let without_password = borrowed.post("/account/two-factor", &[("secret", &new_key), ("code", &code)]).await;
    assert_eq!(without_password.status, StatusCode::UNPROCESSABLE_ENTITY);
    let replaced =
        borrowed.post("/account/two-factor", &[("secret", &new_key), ("code", &code), ("current", PASSWORD)]).await;
    assert_eq!(replaced.status, StatusCode::SEE_OTHER, "{}", replaced.body);
    let (stored,): (Vec<u8>,) = sqlx::query_as("SELECT totp_secret FROM users WHERE pseudonym = 'Willow'")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(data_encoding::BASE32_NOPAD.encode(&stored), new_key.replace(' ', ""));
    app.stop().await;
}

async fn members_choose_two_factor_and_staff_keep_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let willow = app.member("Willow").await;
    let page = willow.get("/account/two-factor").await;
    assert!(page.body.contains("optional for members"));
    let wrong = willow.post("/account/two-factor", &[("secret", "AAAA"), ("code", "123456")]).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST, "a key that is not one");
    app.enrol_two_factor(&willow).await;
    assert!(willow.get("/account/two-factor").await.body.contains("Two-factor sign-in is on"));
    let refused = willow.post("/account/two-factor/off", &[("current", "not my password")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let off = willow.post("/account/two-factor/off", &[("current", PASSWORD)]).await;
    assert_eq!(off.status, StatusCode::SEE_OTHER);
    willow.sign_out().await;
    assert_eq!(willow.sign_in("Willow", PASSWORD).await.location(), Some("/"), "no code asked any more");

    let group = app.group("circle").await;
    let page = group.lead.get("/account/two-factor").await;
    assert!(!page.body.contains("/account/two-factor/off"), "no way to turn it off for staff");
    assert_eq!(
        group.lead.post("/account/two-factor/off", &[("current", PASSWORD)]).await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}
