//! Roles: a lead adds and removes facilitators at once; making a lead or an
//! admin, or removing one, waits for a second lead or admin (never the one
//! who asked); stepping down needs no one; the last lead and the last admin
//! stay; requests lapse after a week.

use reqwest::StatusCode;

use super::audit_count;
use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp},
};

on_both_backends!(granting_power_needs_a_second_person, the_last_admin_stays_and_requests_lapse);

async fn granting_power_needs_a_second_person(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("Keeper").await;
    let group = app.group("circle").await;
    let organisation = format!("/organisations/{}", group.organisation_id);
    let sky = app.member("Sky").await;
    let sky_id = app.user_id("Sky").await;
    let role = |name: &'static str| {
        let app = &app;
        let org = group.organisation_id;
        async move { hearth::groups::store::staff_role(&app.state.db.read, org, app.user_id(name).await).await.unwrap() }
    };

    // A facilitator manages no one.
    group.facilitator.get("/account").await;
    let denied =
        group.facilitator.post(&format!("{organisation}/staff"), &[("pseudonym", "Sky"), ("role", "lead")]).await;
    assert_eq!(denied.status, StatusCode::NOT_FOUND);

    // A lead adds a facilitator at once…
    group.lead.get(&organisation).await;
    let before = audit_count(&app).await;
    let added =
        group.lead.post(&format!("{organisation}/staff"), &[("pseudonym", "Sky"), ("role", "facilitator")]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(role("Sky").await.as_deref(), Some("facilitator"));
    // New staff can do nothing but set up two-factor, then they act.
    assert_eq!(sky.get("/moderation").await.location(), Some("/account/two-factor"));
    app.enrol_two_factor(&sky).await;
    // …but making a lead waits for a second person.
    let asked = group.lead.post(&format!("{organisation}/staff"), &[("pseudonym", "Sky"), ("role", "lead")]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("A second lead of the organisation (or an admin) must confirm it"));
    assert_eq!(role("Sky").await.as_deref(), Some("facilitator"), "nothing changes yet");
    group.lead.post(&format!("{organisation}/staff"), &[("pseudonym", "Sky"), ("role", "lead")]).await;
    let (request,): (i64,) =
        sqlx::query_as("SELECT id FROM role_requests").fetch_one(&app.state.db.read).await.unwrap();
    let (requests,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM role_requests").fetch_one(&app.state.db.read).await.unwrap();
    assert_eq!(requests, 1, "asking twice is one request");
    let confirm = format!("/role-requests/{request}/confirm");
    assert_eq!(group.lead.post(&confirm, &[]).await.status, StatusCode::NOT_FOUND, "not the one who asked");
    sky.get("/account").await;
    assert_eq!(
        sky.post(&confirm, &[]).await.status,
        StatusCode::NOT_FOUND,
        "not the person it is about, a facilitator"
    );
    assert_eq!(group.facilitator.post(&confirm, &[]).await.status, StatusCode::NOT_FOUND);
    let page = admin.get(&organisation).await.body;
    assert!(page.contains("Make \u{2068}Sky\u{2069} a lead") && page.contains(&confirm));
    assert_eq!(admin.post(&confirm, &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(role("Sky").await.as_deref(), Some("lead"));
    assert_eq!(audit_count(&app).await, before + 3, "added, asked, confirmed");

    // Removing a lead waits too; the lead it is about may cancel it.
    let lead_id = app.user_id("Lead-circle").await;
    let remove_lead = format!("{organisation}/staff/{lead_id}/remove");
    sky.get(&organisation).await;
    assert_eq!(sky.post(&remove_lead, &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(role("Lead-circle").await.as_deref(), Some("lead"));
    let (request,): (i64,) =
        sqlx::query_as("SELECT id FROM role_requests").fetch_one(&app.state.db.read).await.unwrap();
    assert_eq!(group.lead.post(&format!("/role-requests/{request}/cancel"), &[]).await.status, StatusCode::SEE_OTHER);
    assert!(!group.lead.get(&organisation).await.body.contains("/role-requests/"));

    // Stepping down needs no one — but an organisation keeps a lead.
    let step_down = group
        .lead
        .post(&format!("{organisation}/staff"), &[("pseudonym", "Lead-circle"), ("role", "facilitator")])
        .await;
    assert_eq!(step_down.status, StatusCode::SEE_OTHER);
    assert_eq!(role("Lead-circle").await.as_deref(), Some("facilitator"));
    let last = sky.post(&format!("{organisation}/staff/{sky_id}/remove"), &[]).await;
    assert_eq!(last.status, StatusCode::CONFLICT);
    assert!(last.body.contains("always keeps at least one lead"));
    // Nor does the last lead leave by erasing their account.
    sky.get("/account/erase").await;
    let erase = [("posts", "delete"), ("confirm", "yes"), ("current", PASSWORD)];
    let erased = sky.post("/account/erase", &erase).await;
    assert_eq!(erased.status, StatusCode::CONFLICT);
    assert!(erased.body.contains("always keeps at least one lead"), "{}", erased.body);

    // A facilitator is removed at once, and no longer facilitates the group.
    let guide_id = app.user_id("Guide-circle").await;
    assert_eq!(sky.post(&format!("{organisation}/staff/{guide_id}/remove"), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(role("Guide-circle").await, None);
    assert_eq!(group.facilitator.get("/groups/circle/settings").await.status, StatusCode::NOT_FOUND);
    let audit = sky.get("/audit").await.body;
    for action in [
        "Added a staff member",
        "Asked for a role change",
        "Confirmed a role change",
        "Cancelled a role change",
        "Changed their own role",
        "Removed a staff member",
    ] {
        assert!(audit.contains(action), "{action}");
    }
    app.stop().await;
}

async fn the_last_admin_stays_and_requests_lapse(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = app.admin("Keeper").await;
    let second = app.admin("Warden").await;
    app.member("Rowan").await;
    assert_eq!(app.member("Nobody").await.get("/admin/admins").await.status, StatusCode::NOT_FOUND);

    // Making an admin waits for a second admin.
    first.get("/admin/admins").await;
    let asked = first.post("/admin/admins", &[("pseudonym", "Rowan")]).await;
    assert!(asked.status == StatusCode::OK && asked.body.contains("must confirm it"));
    let unknown = first.post("/admin/admins", &[("pseudonym", "Nobody at all")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let (request,): (i64,) =
        sqlx::query_as("SELECT id FROM role_requests").fetch_one(&app.state.db.read).await.unwrap();
    let confirm = format!("/role-requests/{request}/confirm");
    assert_eq!(first.post(&confirm, &[]).await.status, StatusCode::NOT_FOUND);
    second.get("/admin/admins").await;
    assert_eq!(second.post(&confirm, &[]).await.status, StatusCode::SEE_OTHER);
    let rowan = app.visitor();
    rowan.sign_in("Rowan", PASSWORD).await;
    assert_eq!(
        rowan.get("/admin/admins").await.location(),
        Some("/account/two-factor"),
        "a new admin sets it up first"
    );
    app.enrol_two_factor(&rowan).await;
    assert_eq!(rowan.get("/admin/admins").await.status, StatusCode::OK, "Rowan is an admin now");

    // Stepping down is alone; the last admin cannot go.
    let first_id = app.user_id("Keeper").await;
    assert_eq!(first.post(&format!("/admin/admins/{first_id}/remove"), &[]).await.status, StatusCode::SEE_OTHER);
    let rowan_id = app.user_id("Rowan").await;
    assert_eq!(rowan.post(&format!("/admin/admins/{rowan_id}/remove"), &[]).await.status, StatusCode::SEE_OTHER);
    let warden_id = app.user_id("Warden").await;
    let last = second.post(&format!("/admin/admins/{warden_id}/remove"), &[]).await;
    assert_eq!(last.status, StatusCode::CONFLICT);
    assert!(last.body.contains("always keeps at least one admin"));
    second.get("/account/erase").await;
    let erase = [("posts", "delete"), ("confirm", "yes"), ("current", PASSWORD)];
    let erased = second.post("/account/erase", &erase).await;
    assert_eq!(erased.status, StatusCode::CONFLICT, "nor by erasing the account");
    assert!(erased.body.contains("always keeps at least one admin"), "{}", erased.body);

    // A request nobody confirms lapses after a week.
    second.post("/admin/admins", &[("pseudonym", "Rowan")]).await;
    let (request,): (i64,) =
        sqlx::query_as("SELECT MAX(id) FROM role_requests").fetch_one(&app.state.db.read).await.unwrap();
    let pending = |at| hearth::moderation::roles::store::request(&app.state.db.read, request, at);
    let now = app.state.clock.now();
    assert!(pending(now + 6 * 86_400).await.unwrap().is_some());
    assert!(pending(now + 7 * 86_400).await.unwrap().is_none());
    assert!(second.get("/admin/admins").await.body.contains("Make \u{2068}Rowan\u{2069} an admin"));
    app.clock.advance(8 * 86_400);
    let second = app.visitor();
    app.sign_in_with_code(&second, "Warden").await;
    assert!(!second.get("/admin/admins").await.body.contains("Make \u{2068}Rowan\u{2069} an admin"), "lapsed");
    app.stop().await;
}
