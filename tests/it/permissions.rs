//! The permission table: every route, every kind of actor, the exact status
//! each gets. A changed cell fails the test. POSTs carry only the CSRF token
//! (so a permitted actor gets the form's own 4xx, or the harmless effect noted).
//! 303 for an anonymous visitor is the redirect to sign in; 404 is "not for
//! you", the same as a page that does not exist.

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, TestApp, Visitor},
};

on_both_backends!(every_route_answers_every_actor_as_the_table_says);

const ACTORS: [&str; 7] =
    ["anonymous", "non-member", "member", "facilitator", "facilitator of another group", "lead", "admin"];

async fn every_route_answers_every_actor_as_the_table_says(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("Keeper").await;
    let group = app.group("a").await;
    let member = app.member_of(&group, "Member").await;
    let outsider = app.member("Outsider").await;
    let spare = app.member_of(&group, "Spare").await;
    drop(spare);

    // Another group of the same organisation, facilitated by someone else.
    let other_guide = app.member("Guide Two").await;
    let other_id = app.user_id("Guide Two").await;
    let organisation = format!("/organisations/{}", group.organisation_id);
    group.lead.get(&organisation).await;
    group.lead.post(&format!("{organisation}/staff"), &[("pseudonym", "Guide Two"), ("role", "facilitator")]).await;
    app.enrol_two_factor(&other_guide).await; // new staff set up two-factor before acting
    let created = group
        .lead
        .post(
            &format!("{organisation}/groups"),
            &[
                ("slug", "a-two"),
                ("name", "A two"),
                ("purpose", "p"),
                ("facilitation", "f"),
                ("facilitator", &other_id.to_string()),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);

    // Content: a topic with a reply, a check-in, an invite made by the admin.
    member.get("/groups/a/topics/new").await;
    let topic = member
        .post("/groups/a/topics/new", &[("title", "Hello"), ("body", "First words."), ("action", "publish")])
        .await
        .location()
        .unwrap()
        .split(['?', '#'])
        .next()
        .unwrap()
        .to_owned();
    let (post,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    member.get("/groups/a/check-ins/new").await;
    let check_in = member
        .post("/groups/a/check-ins/new", &[("subject", "Hi"), ("body", "A question.")])
        .await
        .location()
        .unwrap()
        .to_owned();
    admin.get("/invites").await;
    admin.post("/invites", &[("days", "7")]).await;
    let (invite,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM invites").fetch_one(&app.state.db.read).await.unwrap();
    let spare_id = app.user_id("Spare").await;
    let member_id = app.user_id("Member").await;
    let moderation = moderation_setup(&app, &group, &member).await;

    let actors: [Visitor; 7] =
        [app.visitor(), outsider, member, group.facilitator.clone(), other_guide, group.lead.clone(), admin];
    for actor in &actors {
        actor.get("/account").await; // so each knows a CSRF token
    }

    let post = format!("/posts/{post}");
    #[rustfmt::skip]
    let mut table: Vec<(&str, String, [u16; 7])> = vec![
        //                                               anon nonm memb faci othr lead admn
        ("GET", "/".into(),                             [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/account".into(),                      [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/resources".into(),                    [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/search?q=hello".into(),               [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/notifications".into(),               [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/check-ins".into(),                    [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/groups/a".into(),                     [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/agreements".into(),          [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/resources".into(),           [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/leave".into(),               [303, 404, 200, 404, 404, 404, 404]),
        ("GET", "/groups/a/topics/new".into(),          [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/check-ins/new".into(),       [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/messages/new".into(),       [303, 404, 404, 404, 404, 404, 404]),
        ("GET", topic.clone(),                          [303, 404, 200, 200, 404, 200, 404]),
        // Staff change a member's post by redacting it (issue 4): the edit form sends them there.
        ("GET", format!("{post}/edit"),                 [303, 404, 200, 303, 404, 303, 404]),
        ("GET", format!("{post}/reactions"),            [303, 404, 404, 200, 404, 200, 404]),
        ("GET", check_in.clone(),                       [303, 404, 200, 200, 404, 200, 404]),
        ("GET", "/groups/a/settings".into(),            [303, 404, 404, 200, 404, 200, 404]),
        ("GET", "/groups/a/members".into(),             [303, 404, 404, 200, 404, 200, 404]),
        ("GET", "/groups/a/agreements/edit".into(),     [303, 404, 404, 200, 404, 200, 404]),
        ("GET", "/groups/a/resources/edit".into(),      [303, 404, 404, 200, 404, 200, 404]),
        ("GET", "/invites".into(),                      [303, 404, 404, 200, 200, 200, 200]),
        ("GET", organisation.clone(),                   [303, 404, 404, 404, 404, 200, 200]),
        ("GET", "/admin/organisations".into(),          [303, 404, 404, 404, 404, 404, 200]),
        ("GET", "/admin/resources".into(),              [303, 404, 404, 404, 404, 404, 200]),
        ("POST", "/groups/a/agreements".into(),         [303, 404, 400, 400, 404, 400, 404]),
        ("POST", "/groups/a/leave".into(),              [303, 404, 422, 422, 404, 422, 404]),
        ("POST", "/groups/a/topics/new".into(),         [303, 404, 422, 422, 404, 422, 404]),
        ("POST", format!("{topic}/reply"),              [303, 404, 422, 422, 404, 422, 404]),
        ("POST", format!("{post}/edit"),                [303, 404, 422, 404, 404, 404, 404]),
        ("POST", format!("{post}/delete"),              [303, 404, 422, 404, 404, 404, 404]),
        ("POST", format!("{topic}/react"),              [303, 404, 400, 400, 404, 400, 404]),
        ("POST", "/groups/a/check-ins/new".into(),      [303, 404, 422, 422, 404, 422, 404]),
        ("POST", "/groups/a/messages/new".into(),      [303, 404, 404, 404, 404, 404, 404]),
        ("POST", format!("{check_in}/reply"),           [303, 404, 422, 422, 404, 422, 404]),
        ("POST", "/groups/a/settings".into(),           [303, 404, 404, 422, 404, 422, 404]),
        ("POST", "/groups/a/agreements/edit".into(),    [303, 404, 404, 422, 404, 422, 404]),
        ("POST", "/groups/a/resources/edit".into(),     [303, 404, 404, 303, 404, 303, 404]),
        ("POST", "/invites".into(),                     [303, 404, 404, 422, 422, 422, 422]),
        ("POST", format!("/invites/{invite}/revoke"),   [303, 404, 404, 404, 404, 404, 303]),
        ("POST", format!("{organisation}/staff"),       [303, 404, 404, 404, 404, 422, 422]),
        ("POST", format!("{organisation}/groups"),      [303, 404, 404, 404, 404, 422, 422]),
        ("POST", "/admin/organisations".into(),         [303, 404, 404, 404, 404, 404, 422]),
        ("POST", "/admin/resources".into(),             [303, 404, 404, 404, 404, 404, 303]),
        ("POST", "/join/no-such-code/groups".into(),    [303, 404, 404, 404, 404, 404, 404]),
        ("POST", "/notifications/read".into(),          [303, 303, 303, 303, 303, 303, 303]),
        ("POST", "/account/reading".into(),             [303, 303, 303, 303, 303, 303, 303]),
        // Toggles: the facilitator's and the lead's cancel out.
        ("POST", format!("{topic}/pin"),                [303, 404, 404, 303, 404, 303, 404]),
        ("POST", format!("{topic}/lock"),               [303, 404, 404, 303, 404, 303, 404]),
        // The facilitator removes Spare; by the lead's turn there is no one to remove.
        ("POST", format!("/groups/a/members/{spare_id}/remove"), [303, 404, 404, 303, 404, 404, 404]),
        // Safety and privacy: the safety page is for everyone; a group's privacy
        // options and erasing a member's account (on request) are for its staff.
        ("GET", "/safety".into(),                        [200, 200, 200, 200, 200, 200, 200]),
        ("GET", "/account/sessions".into(),              [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/account/two-factor".into(),            [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/account/erase".into(),                 [303, 200, 200, 200, 200, 200, 200]),
        ("GET", "/groups/a/privacy".into(),              [303, 404, 404, 200, 404, 200, 404]),
        ("GET", format!("/groups/a/members/{member_id}/erase"), [303, 404, 404, 200, 404, 200, 404]),
        ("POST", "/account/discreet".into(),             [303, 400, 400, 400, 400, 400, 400]),
        ("POST", "/account/erase".into(),                [303, 422, 422, 422, 422, 422, 422]),
        ("POST", "/account/two-factor".into(),           [303, 400, 400, 400, 400, 400, 400]),
        ("POST", "/account/two-factor/off".into(),       [303, 404, 404, 404, 404, 404, 404]),
        ("POST", "/account/sessions/end-others".into(),  [303, 303, 303, 303, 303, 303, 303]),
        ("POST", "/groups/a/privacy".into(),             [303, 404, 404, 303, 404, 303, 404]),
        ("POST", format!("/groups/a/members/{member_id}/erase"), [303, 404, 404, 422, 404, 422, 404]),
        // operations: the load balancers' health check says only "ok", to anyone.
        ("GET", "/healthz".into(),                      [200, 200, 200, 200, 200, 200, 200]),
    ];
    table.extend(moderation_rows(&moderation));

    let mut wrong = Vec::new();
    for (method, path, expected) in &table {
        for ((actor, name), want) in actors.iter().zip(ACTORS).zip(expected) {
            let page = if *method == "GET" { actor.get(path).await } else { actor.post(path, &[]).await };
            if page.status.as_u16() != *want {
                wrong.push(format!("{method} {path} as {name}: {} (table says {want})", page.status.as_u16()));
            }
            assert!(page.status.as_u16() < 500, "{method} {path} as {name}: {}", page.body);
        }
    }
    assert!(wrong.is_empty(), "cells that differ from the table:\n{}", wrong.join("\n"));
    partner_staff_see_nothing_of_the_host(&app, &moderation).await;
    app.stop().await;
}

// ----- moderation (issue 4) -----

/// What the moderation rows need: a post and a topic by staff (members
/// report them), a report, a partnership, role changes waiting.
struct Moderation {
    member_id: i64,
    staff_post: i64,
    staff_topic: i64,
    report: i64,
    partnership: i64,
    organisation: i64,
    requests: (i64, i64),
    admin_id: i64,
    other_guide_id: i64,
    partner: crate::support::GroupSetup,
}

async fn id(app: &TestApp, sql: &str) -> i64 {
    let (id,): (i64,) =
        sqlx::query_as(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(&app.state.db.read).await.unwrap();
    id
}

async fn moderation_setup(app: &TestApp, group: &crate::support::GroupSetup, member: &Visitor) -> Moderation {
    let (lead, guide) = (&group.lead, &group.facilitator);
    let topic = id(app, "SELECT MIN(id) FROM topics").await;
    lead.get(&format!("/topics/{topic}")).await;
    lead.post(&format!("/topics/{topic}/reply"), &[("body", "Welcome."), ("action", "publish")]).await;
    let staff_post = id(app, "SELECT MAX(id) FROM posts").await;
    guide.get("/groups/a/topics/new").await;
    guide.post("/groups/a/topics/new", &[("title", "From us"), ("body", "Hello."), ("action", "publish")]).await;
    let staff_topic = id(app, "SELECT MAX(id) FROM topics").await;
    member.get(&format!("/posts/{staff_post}/report")).await;
    member.post(&format!("/posts/{staff_post}/report"), &[("reason", "spam")]).await;
    let report = id(app, "SELECT MAX(id) FROM reports").await;
    // A partner organisation with invites into group a, and two role changes waiting.
    let partner = app.group("b").await;
    let organisation = format!("/organisations/{}", group.organisation_id);
    lead.get(&organisation).await;
    let (b, a) = (partner.organisation_id.to_string(), group.id.to_string());
    lead.post(&format!("{organisation}/partners"), &[("partner", &b), ("quota", "5"), ("group", &a)]).await;
    let partnership = id(app, "SELECT MAX(id) FROM partnerships").await;
    app.member("Extra One").await;
    app.member("Extra Two").await;
    lead.post(&format!("{organisation}/staff"), &[("pseudonym", "Extra One"), ("role", "lead")]).await;
    lead.post(&format!("{organisation}/staff"), &[("pseudonym", "Extra Two"), ("role", "lead")]).await;
    let requests =
        (id(app, "SELECT MIN(id) FROM role_requests").await, id(app, "SELECT MAX(id) FROM role_requests").await);
    Moderation {
        member_id: app.user_id("Member").await,
        staff_post,
        staff_topic,
        report,
        partnership,
        organisation: group.organisation_id,
        requests,
        admin_id: app.user_id("Keeper").await,
        other_guide_id: app.user_id("Guide Two").await,
        partner,
    }
}

/// A row per moderation route. POSTs carry only the token, so a permitted
/// actor gets the form's own 4xx or a harmless effect (noted).
fn moderation_rows(m: &Moderation) -> Vec<(&'static str, String, [u16; 7])> {
    let member = format!("/groups/a/members/{}", m.member_id);
    let (post, topic) = (format!("/posts/{}", m.staff_post), format!("/topics/{}", m.staff_topic));
    let organisation = format!("/organisations/{}", m.organisation);
    #[rustfmt::skip]
    let rows = vec![
        //                                                   anon nonm memb faci othr lead admn
        ("GET", "/moderation".into(),                       [303, 404, 404, 200, 200, 200, 404]),
        ("GET", "/moderation?group=a".into(),               [303, 404, 404, 200, 404, 200, 404]),
        ("GET", "/audit".into(),                            [303, 404, 404, 404, 404, 200, 200]),
        ("GET", "/groups/a/moderation/settings".into(),     [303, 404, 404, 200, 404, 200, 404]),
        ("POST", "/groups/a/moderation/settings".into(),    [303, 404, 404, 422, 404, 422, 404]),
        ("GET", "/groups/a/lockdown".into(),                [303, 404, 404, 200, 404, 200, 404]),
        ("POST", "/groups/a/lockdown".into(),               [303, 404, 404, 400, 404, 400, 404]),
        ("GET", member.clone(),                             [303, 404, 404, 200, 404, 200, 404]),
        // Someone already in: nothing to approve or decline.
        ("POST", format!("{member}/approve"),               [303, 404, 404, 303, 404, 303, 404]),
        ("POST", format!("{member}/decline"),               [303, 404, 404, 303, 404, 303, 404]),
        ("POST", format!("{member}/suspend"),               [303, 404, 404, 422, 404, 422, 404]),
        ("POST", format!("{member}/unsuspend"),             [303, 404, 404, 303, 404, 303, 404]),
        ("POST", format!("{member}/ban"),                   [303, 404, 404, 422, 404, 422, 404]),
        // Lifting a ban is a lead's (no ban here: nothing happens).
        ("POST", format!("{member}/unban"),                 [303, 404, 404, 404, 404, 303, 404]),
        // Makes a reset link, shown once; it changes nothing until used.
        ("POST", format!("{member}/password-reset"),        [303, 404, 404, 200, 404, 200, 404]),
        ("POST", format!("{member}/notes"),                 [303, 404, 404, 422, 404, 422, 404]),
        // A published post: nothing to approve or decline.
        ("POST", format!("{post}/approve"),                 [303, 404, 404, 303, 404, 303, 404]),
        ("POST", format!("{post}/decline"),                 [303, 404, 404, 303, 404, 303, 404]),
        ("GET", format!("{post}/redact"),                   [303, 404, 404, 200, 404, 200, 404]),
        ("POST", format!("{post}/redact"),                  [303, 404, 404, 422, 404, 422, 404]),
        ("GET", format!("{post}/originals"),                [303, 404, 404, 200, 404, 200, 404]),
        ("GET", format!("{post}/report"),                   [303, 404, 200, 404, 404, 404, 404]),
        ("POST", format!("{post}/report"),                  [303, 404, 422, 404, 404, 404, 404]),
        ("GET", format!("{topic}/report"),                  [303, 404, 200, 404, 404, 404, 404]),
        ("POST", format!("{topic}/report"),                 [303, 404, 422, 404, 404, 404, 404]),
        ("GET", format!("{topic}/move"),                    [303, 404, 404, 200, 404, 200, 404]),
        ("POST", format!("{topic}/move"),                   [303, 404, 404, 400, 404, 400, 404]),
        ("POST", format!("/reports/{}/resolve", m.report),  [303, 404, 404, 400, 404, 400, 404]),
        ("GET", format!("{organisation}/moderation"),       [303, 404, 404, 404, 404, 200, 200]),
        // Saves the organisation's settings as sent (empty lists, no approval).
        ("POST", format!("{organisation}/moderation"),      [303, 404, 404, 404, 404, 303, 303]),
        ("GET", format!("{organisation}/partners"),         [303, 404, 404, 404, 404, 200, 200]),
        ("POST", format!("{organisation}/partners"),        [303, 404, 404, 404, 404, 422, 422]),
        // The lead ends it; by the admin's turn it has ended.
        ("POST", format!("{organisation}/partners/{}/end", m.partnership), [303, 404, 404, 404, 404, 303, 404]),
        ("GET", "/admin/admins".into(),                     [303, 404, 404, 404, 404, 404, 200]),
        ("POST", "/admin/admins".into(),                    [303, 404, 404, 404, 404, 404, 422]),
        // The only admin stays.
        ("POST", format!("/admin/admins/{}/remove", m.admin_id), [303, 404, 404, 404, 404, 404, 409]),
        ("GET", "/reset/no-such-code".into(),               [404, 404, 404, 404, 404, 404, 404]),
        ("POST", "/reset/no-such-code".into(),              [404, 404, 404, 404, 404, 404, 404]),
        // The lead asked for both: a second person (the admin) confirms; the lead may cancel.
        ("POST", format!("/role-requests/{}/confirm", m.requests.0), [303, 404, 404, 404, 404, 404, 303]),
        ("POST", format!("/role-requests/{}/cancel", m.requests.1),  [303, 404, 404, 404, 404, 303, 404]),
        // Hidden by the facilitator, shown again by the lead.
        ("POST", format!("{post}/hide"),                    [303, 404, 404, 303, 404, 303, 404]),
        // Last, as it changes an actor: the lead removes the other group's facilitator.
        ("POST", format!("{organisation}/staff/{}/remove", m.other_guide_id), [303, 404, 404, 404, 404, 303, 404]),
    ];
    rows
}

/// A partner organisation's staff, who may invite into group a, see nothing
/// of it: not its pages, its queue, its members or its log.
async fn partner_staff_see_nothing_of_the_host(app: &TestApp, m: &Moderation) {
    let _ = app;
    let member = format!("/groups/a/members/{}", m.member_id);
    let post = format!("/posts/{}", m.staff_post);
    for staff in [&m.partner.lead, &m.partner.facilitator] {
        for path in
            ["/groups/a", "/groups/a/members", "/moderation?group=a", "/groups/a/moderation/settings", &member, &post]
        {
            assert_eq!(staff.get(path).await.status, StatusCode::NOT_FOUND, "partner staff, {path}");
        }
        let queue = staff.get("/moderation").await.body;
        assert!(!queue.contains("Group a"), "the partner's own queue holds nothing of the host's");
        assert!(!staff.get("/audit").await.body.contains("Group a"));
    }
}
