//! Actions on members: a ban ends every session at once and keeps the
//! account out; a suspension closes one group for a while (others stay
//! open); removal; a staff-assisted reset link; staff notes for staff only.

use reqwest::StatusCode;

use super::{path_of, start_topic};
use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp},
};

on_both_backends!(a_banned_member_is_out_on_the_next_request, suspension_removal_reset_and_notes);

async fn a_banned_member_is_out_on_the_next_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let intruder = app.member_of(&group, "Lurker").await;
    let second_device = app.visitor();
    assert_eq!(second_device.sign_in("Lurker", PASSWORD).await.status, StatusCode::SEE_OTHER);
    assert_eq!(intruder.get("/groups/circle").await.status, StatusCode::OK);
    // Lurker uses two-factor; on a third device the password step is done and the code not yet.
    app.enrol_two_factor(&intruder).await;
    let half_signed_in = app.visitor();
    assert_eq!(half_signed_in.sign_in("Lurker", PASSWORD).await.location(), Some("/sign-in/code"));
    let id = app.user_id("Lurker").await;
    let member = format!("/groups/circle/members/{id}");

    let unconfirmed = group.facilitator.post(&format!("{member}/ban"), &[("reason", "Intruder")]).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(intruder.get("/groups/circle").await.status, StatusCode::OK);
    let banned = group.facilitator.post(&format!("{member}/ban"), &[("reason", "Intruder"), ("confirm", "yes")]).await;
    assert_eq!(banned.status, StatusCode::SEE_OTHER);

    // Both sessions end now: the next request is a stranger's.
    for visitor in [&intruder, &second_device] {
        let next = visitor.get("/groups/circle").await;
        assert_eq!(next.status, StatusCode::SEE_OTHER);
        assert_eq!(next.location(), Some("/sign-in"));
    }
    half_signed_in.get("/sign-in/code").await;
    let code = app.two_factor_code("Lurker").await;
    let late = half_signed_in.post("/sign-in/code", &[("code", &code)]).await;
    assert_eq!(late.location(), Some("/sign-in"), "a code step begun before the ban ends with it");
    assert_eq!(half_signed_in.get("/").await.location(), Some("/sign-in"));
    // Refused after the password, before any code is asked for.
    let again = app.visitor().sign_in("Lurker", PASSWORD).await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
    assert!(again.body.contains("closed by the facilitators"));
    let wrong = app.visitor().sign_in("Lurker", "not the password at all").await;
    assert!(
        wrong.body.contains("did not work") || wrong.status == StatusCode::UNPROCESSABLE_ENTITY,
        "no hint without the password"
    );

    // Staff are never banned by group staff; a facilitator cannot lift a ban, a lead can.
    let other = app.member_of(&group, "Helper").await;
    drop(other);
    let helper = app.user_id("Helper").await;
    hearth::groups::store::set_staff(&app.state.db.write, group.organisation_id, helper, "facilitator", 0)
        .await
        .unwrap();
    let refused = group
        .facilitator
        .post(&format!("/groups/circle/members/{helper}/ban"), &[("reason", "x"), ("confirm", "yes")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("This person is staff"));
    assert_eq!(group.facilitator.post(&format!("{member}/unban"), &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        group.lead.post(&format!("{member}/unban"), &[("reason", "A mistake")]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.visitor().sign_in("Lurker", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let audit = group.lead.get("/audit").await.body;
    assert!(audit.contains("Banned a member from the instance") && audit.contains("Lifted a ban"));
    app.stop().await;
}

async fn suspension_removal_reset_and_notes(backend: Backend) {
    // Sessions that outlive the day the test waits.
    let app = TestApp::spawn_with(backend, |config| {
        config.session_idle = std::time::Duration::from_secs(24 * 3600);
        config.session_lifetime = std::time::Duration::from_secs(72 * 3600);
    })
    .await;
    let group = app.group("circle").await;
    let other_group = app.group("garden").await;
    let willow = app.member_of(&group, "Willow").await;
    let willow_id = app.user_id("Willow").await;
    // Willow is in a second group too.
    hearth::groups::store::join(&app.state.db.write, other_group.id, willow_id, 0).await.unwrap();
    hearth::groups::store::accept_agreements(&app.state.db.write, other_group.id, willow_id, 1).await.unwrap();
    let topic = path_of(&start_topic(&group.facilitator, "circle", "Hello", "Welcome.").await);
    let member = format!("/groups/circle/members/{willow_id}");

    // Suspended for a day: the group is closed to her, with a calm notice; her other group is not.
    let page = group.facilitator.get(&member).await;
    assert_eq!(page.status, StatusCode::OK);
    let bad = group.facilitator.post(&format!("{member}/suspend"), &[("days", "2")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "only the offered lengths");
    let suspended = group
        .facilitator
        .post(&format!("{member}/suspend"), &[("days", "1"), ("reason", "Heated thread"), ("message", "Take a day.")])
        .await;
    assert_eq!(suspended.status, StatusCode::SEE_OTHER);
    let group_page = willow.get("/groups/circle").await.body;
    assert!(group_page.contains("paused your participation") && !group_page.contains("Hello"), "{group_page}");
    assert_eq!(willow.get(&topic).await.status, StatusCode::NOT_FOUND);
    assert_eq!(willow.get("/groups/circle/check-ins/new").await.status, StatusCode::OK, "she can still write to them");
    assert_eq!(willow.get("/groups/garden").await.status, StatusCode::OK);
    assert!(willow.get("/notifications").await.body.contains("Take a day."));
    // A day later (everyone signed in meanwhile, so their sessions stay alive).
    for _ in 0..2 {
        app.clock.advance(12 * 3600 + 1);
        for visitor in [&willow, &group.facilitator, &group.lead, &other_group.facilitator] {
            assert_eq!(visitor.get("/account").await.status, StatusCode::OK);
        }
    }
    assert_eq!(willow.get(&topic).await.status, StatusCode::OK, "the suspension ends by itself");
    group.facilitator.post(&format!("{member}/suspend"), &[("days", "7")]).await;
    assert_eq!(willow.get(&topic).await.status, StatusCode::NOT_FOUND);
    group.facilitator.post(&format!("{member}/unsuspend"), &[]).await;
    assert_eq!(willow.get(&topic).await.status, StatusCode::OK, "lifted early");

    // Staff notes: for the organisation's staff only.
    let noted = group.facilitator.post(&format!("{member}/notes"), &[("body", "Prefers French.")]).await;
    assert_eq!(noted.status, StatusCode::SEE_OTHER);
    assert!(group.lead.get(&member).await.body.contains("Prefers French."));
    assert_eq!(other_group.facilitator.get(&member).await.status, StatusCode::NOT_FOUND);
    assert_eq!(willow.get(&member).await.status, StatusCode::NOT_FOUND);
    let empty = group.facilitator.post(&format!("{member}/notes"), &[("body", "  ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A reset link, handed over in person: it works once, for a day, and signs her out everywhere.
    let made = group.facilitator.post(&format!("{member}/password-reset"), &[]).await;
    assert_eq!(made.status, StatusCode::OK);
    let start = made.body.find("/reset/").unwrap();
    let link = made.body[start..].split('<').next().unwrap().to_owned();
    let stranger = app.visitor();
    let form = stranger.get(&link).await;
    assert!(form.status == StatusCode::OK && form.body.contains("Willow"));
    let weak = stranger.post(&link, &[("password", "short")]).await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = stranger.post(&link, &[("password", "a brand new harbour at dawn")]).await;
    assert_eq!(done.status, StatusCode::OK);
    assert_eq!(done.recovery_codes().len(), 10, "new recovery codes");
    assert_eq!(willow.get("/").await.status, StatusCode::SEE_OTHER, "signed out everywhere");
    assert_eq!(app.visitor().sign_in("Willow", "a brand new harbour at dawn").await.status, StatusCode::SEE_OTHER);
    assert_eq!(stranger.get(&link).await.status, StatusCode::NOT_FOUND, "used once");
    let lead_id = app.user_id("Lead-circle").await;
    let no_staff = group.facilitator.post(&format!("/groups/circle/members/{lead_id}/password-reset"), &[]).await;
    assert_eq!(no_staff.status, StatusCode::NOT_FOUND, "the lead is not a member here, and staff are never reset");

    // Removed: out of the group, told, and the removal audited.
    let removed =
        group.facilitator.post(&format!("{member}/remove"), &[("message", "We think another group suits you.")]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let willow = app.visitor();
    willow.sign_in("Willow", "a brand new harbour at dawn").await;
    assert_eq!(willow.get("/groups/circle").await.status, StatusCode::NOT_FOUND);
    assert!(willow.get("/notifications").await.body.contains("another group suits you"));
    let audit = group.lead.get("/audit").await.body;
    for action in [
        "Suspended a member",
        "Lifted a suspension",
        "Added a staff note",
        "Made a password reset link",
        "Removed a member",
    ] {
        assert!(audit.contains(action), "{action}");
    }
    assert!(!audit.contains("Prefers French."), "notes are not copied into the log");
    app.stop().await;
}
