//! Joining by invite, pseudonyms, passwords, recovery codes, account settings
//! and the admin's invite page.

use std::time::Duration;

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp},
};

on_both_backends!(
    joining_asks_consent_then_creates_a_signed_in_account,
    an_invite_works_once,
    expired_and_revoked_invites_cannot_be_used,
    look_alike_and_reserved_pseudonyms_are_refused,
    weak_passwords_are_refused_without_spending_the_invite,
    a_recovery_code_resets_the_password_and_ends_every_session,
    changing_the_password_needs_the_current_one_and_ends_other_sessions,
    new_recovery_codes_replace_the_old_ones,
    only_admins_reach_the_invite_page,
    the_previous_sign_in_is_shown_after_signing_in,
);

async fn joining_asks_consent_then_creates_a_signed_in_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let visitor = app.visitor();
    let invite = app.invite().await;

    let consent = visitor.get(&invite).await;
    assert_eq!(consent.status, StatusCode::OK);
    for promise in ["What we keep", "never", "Who can see what", "Quick exit"] {
        assert!(consent.body.contains(promise), "consent page lacks {promise:?}");
    }
    // Without ticking the box, no account form.
    let refused = visitor.post(&format!("{invite}/agree"), &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("tick the box"));
    assert!(!refused.body.contains("name=\"password\""));
    // Skipping the consent step by posting the account form directly is refused too.
    let skipped = visitor.post(&format!("{invite}/account"), &[("pseudonym", "Willow"), ("password", PASSWORD)]).await;
    assert_eq!(skipped.status, StatusCode::UNPROCESSABLE_ENTITY);

    let form = visitor.post(&format!("{invite}/agree"), &[("consent", "yes")]).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("name=\"pseudonym\"") && form.body.contains("name=\"password\""));

    let codes = visitor.join(&invite, "Willow", PASSWORD).await;
    assert_eq!(codes.status, StatusCode::OK, "{}", codes.body);
    let shown = codes.recovery_codes();
    assert_eq!(shown.len(), 10);
    assert!(shown.iter().all(|code| code.len() == 19));
    assert!(visitor.cookie("__Host-hearth").is_some());

    let home = visitor.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("You are signed in as \u{2068}Willow\u{2069}"), "{}", home.body);
    assert!(home.body.contains("first time your account has signed in"));

    // Only hashes are stored: neither the codes nor the password appear in the database.
    let stored: Vec<(Vec<u8>,)> =
        sqlx::query_as("SELECT code_hash FROM recovery_codes").fetch_all(&app.state.db.read).await.unwrap();
    assert_eq!(stored.len(), 10);
    assert!(stored.iter().all(|(hash,)| hash.len() == 32));
    let (hash,): (String,) =
        sqlx::query_as("SELECT password_hash FROM users").fetch_one(&app.state.db.read).await.unwrap();
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    app.stop().await;
}

async fn an_invite_works_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let invite = app.invite().await;
    let first = app.visitor();
    let second = app.visitor();
    // Both open the invite before either finishes.
    assert_eq!(second.get(&invite).await.status, StatusCode::OK);
    assert_eq!(first.join(&invite, "Willow", PASSWORD).await.status, StatusCode::OK);

    let again = second
        .post(&format!("{invite}/account"), &[("consent", "yes"), ("pseudonym", "Rowan"), ("password", PASSWORD)])
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert!(again.body.contains("can’t be used"));
    let reopened = app.visitor().get(&invite).await;
    assert_eq!(reopened.status, StatusCode::NOT_FOUND);
    let (users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&app.state.db.read).await.unwrap();
    assert_eq!(users, 1);
    // A made-up code looks exactly like a used one.
    let unknown = app.visitor().get("/join/not-a-real-code").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("can’t be used"));
    app.stop().await;
}

async fn expired_and_revoked_invites_cannot_be_used(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let expiring = app.invite_for(Duration::from_secs(600)).await;
    assert_eq!(app.visitor().get(&expiring).await.status, StatusCode::OK);
    app.clock.advance(601);
    let expired = app.visitor().join(&expiring, "Willow", PASSWORD).await;
    assert_eq!(expired.status, StatusCode::NOT_FOUND);

    let admin = app.admin("Keeper").await;
    let created = admin.post("/invites", &[("days", "7"), ("note", "for the Tuesday group")]).await;
    assert_eq!(created.status, StatusCode::OK);
    let link =
        created.body.split("<code id=\"new-invite\" class=\"link-box\">").nth(1).unwrap().split('<').next().unwrap();
    let path = link.strip_prefix(&app.base).unwrap().to_owned();
    assert_eq!(app.visitor().get(&path).await.status, StatusCode::OK);

    let listing = admin.get("/invites").await;
    assert!(listing.body.contains("for the Tuesday group"));
    let revoke = listing.body.split("action=\"/invites/").nth(1).unwrap().split('"').next().unwrap();
    let revoked = admin.post(&format!("/invites/{revoke}"), &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(app.visitor().get(&path).await.status, StatusCode::NOT_FOUND);
    assert!(admin.get("/invites").await.body.contains("Withdrawn"));
    // Revoking twice, or an invite that does not exist, is a 404, not a 500.
    assert_eq!(admin.post(&format!("/invites/{revoke}"), &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(admin.post("/invites/99999/revoke", &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(admin.post("/invites/abc/revoke", &[]).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn look_alike_and_reserved_pseudonyms_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.member("Willow").await;
    for (name, message) in [
        ("WILLOW", "already taken"),
        ("W\u{456}llow", "already taken"),
        ("  willow ", "already taken"),
        ("ｗｉｌｌｏｗ", "already taken"),
        ("admin", "mistaken for staff"),
        ("\u{410}dmin", "mistaken for staff"),
        ("Modératrice", "mistaken for staff"),
        ("ab", "at least 3"),
        ("<b>bold</b>", "only have letters"),
    ] {
        let visitor = app.visitor();
        let page = visitor.join(&app.invite().await, name, PASSWORD).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(page.body.contains(message), "{name}: expected {message:?}");
        assert!(visitor.cookie("__Host-hearth").is_none());
    }
    let (users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&app.state.db.read).await.unwrap();
    assert_eq!(users, 1);
    app.stop().await;
}

async fn weak_passwords_are_refused_without_spending_the_invite(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let invite = app.invite().await;
    let visitor = app.visitor();
    for (password, message) in [
        ("short", "at least 12"),
        ("password1234", "Try a few unrelated words"),
        ("abcdefghijklmn", "pattern"),
        ("WillowWillow1", "Try a few unrelated words"),
        (&"x".repeat(129), "at most 128"),
    ] {
        let page = visitor.join(&invite, "Willow", password).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{password}");
        assert!(page.body.contains(message), "{password}: expected {message:?}");
        // The pseudonym typed is kept; the password is never echoed.
        assert!(page.body.contains("value=\"Willow\""));
        assert!(!page.body.contains(password));
    }
    // Any characters, pasted, are fine when long and unguessable.
    let page = visitor.join(&invite, "Willow", "ñandú 🌲 丸い月 over the fjord").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(app.visitor().sign_in("Willow", "ñandú 🌲 丸い月 over the fjord").await.status, StatusCode::SEE_OTHER);
    app.stop().await;
}

async fn a_recovery_code_resets_the_password_and_ends_every_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let visitor = app.visitor();
    let codes = visitor.join(&app.invite().await, "Willow", PASSWORD).await.recovery_codes();
    let elsewhere = app.visitor();
    assert_eq!(elsewhere.sign_in("Willow", PASSWORD).await.status, StatusCode::SEE_OTHER);

    let stranger = app.visitor();
    stranger.get("/recover").await;
    let wrong = stranger
        .post(
            "/recover",
            &[("pseudonym", "Willow"), ("code", "AAAA-BBBB-CCCC-DDDD"), ("password", "new harbour lights tonight")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("don’t match"));

    // Sloppy typing of a real code still works.
    let typed = codes[0].to_lowercase().replace('-', " ");
    let done = stranger
        .post("/recover", &[("pseudonym", "willow"), ("code", &typed), ("password", "new harbour lights tonight")])
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("every session has been signed out"));

    for session in [&visitor, &elsewhere] {
        assert_eq!(session.get("/").await.status, StatusCode::SEE_OTHER);
    }
    assert_eq!(app.visitor().sign_in("Willow", PASSWORD).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.visitor().sign_in("Willow", "new harbour lights tonight").await.status, StatusCode::SEE_OTHER);
    // The code is spent.
    let reused = stranger
        .post("/recover", &[("pseudonym", "Willow"), ("code", &codes[0]), ("password", "another quiet evening walk")])
        .await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

async fn changing_the_password_needs_the_current_one_and_ends_other_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.member("Willow").await;
    let other = app.visitor();
    other.sign_in("Willow", PASSWORD).await;
    member.get("/account").await;

    let wrong = member
        .post("/account/password", &[("current", "not my password at all"), ("new", "new harbour lights tonight")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("current password isn’t right"));
    let weak = member.post("/account/password", &[("current", PASSWORD), ("new", "password1234")]).await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);

    let changed =
        member.post("/account/password", &[("current", PASSWORD), ("new", "new harbour lights tonight")]).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert!(changed.body.contains("Your password has been changed"));
    assert_eq!(member.get("/").await.status, StatusCode::OK, "this session stays");
    assert_eq!(other.get("/").await.status, StatusCode::SEE_OTHER, "other sessions end");
    assert_eq!(app.visitor().sign_in("Willow", "new harbour lights tonight").await.status, StatusCode::SEE_OTHER);
    app.stop().await;
}

async fn new_recovery_codes_replace_the_old_ones(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.visitor();
    let old = member.join(&app.invite().await, "Willow", PASSWORD).await.recovery_codes();
    assert!(member.get("/account").await.body.contains("You have \u{2068}10\u{2069} unused recovery codes"));
    assert_eq!(
        member.post("/account/recovery-codes", &[("current", "wrong password here")]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let page = member.post("/account/recovery-codes", &[("current", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::OK);
    let new = page.recovery_codes();
    assert_eq!(new.len(), 10);
    assert!(new.iter().all(|code| !old.contains(code)));

    let stranger = app.visitor();
    stranger.get("/recover").await;
    let stale = stranger
        .post("/recover", &[("pseudonym", "Willow"), ("code", &old[1]), ("password", "new harbour lights tonight")])
        .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fresh = stranger
        .post("/recover", &[("pseudonym", "Willow"), ("code", &new[1]), ("password", "new harbour lights tonight")])
        .await;
    assert_eq!(fresh.status, StatusCode::OK);
    app.stop().await;
}

async fn only_admins_reach_the_invite_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let anonymous = app.visitor().get("/invites").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert_eq!(anonymous.location(), Some("/sign-in"));
    let member = app.member("Willow").await;
    assert_eq!(member.get("/invites").await.status, StatusCode::NOT_FOUND);
    assert_eq!(member.post("/invites", &[("days", "7")]).await.status, StatusCode::NOT_FOUND);
    assert!(!member.get("/").await.body.contains("/invites"));

    let admin = app.admin("Keeper").await;
    let page = admin.get("/invites").await;
    assert_eq!(page.status, StatusCode::OK);
    let bad = admin.post("/invites", &[("days", "9999"), ("note", "x")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let long_note = "n".repeat(201);
    assert_eq!(
        admin.post("/invites", &[("days", "7"), ("note", &long_note)]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    app.stop().await;
}

async fn the_previous_sign_in_is_shown_after_signing_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let member = app.member("Willow").await;
    member.sign_out().await;
    app.clock.advance(3600);
    let later = app.visitor();
    assert_eq!(later.sign_in("Willow", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let home = later.get("/").await;
    assert!(home.body.contains("last signed in on"), "{}", home.body);
    assert!(home.body.contains(" UTC"));
    app.stop().await;
}
