//! Groups: staff create organisations and groups, invites join groups,
//! agreements gate the content (and again when they change), schedules,
//! leaving, check-ins with facilitators, and resources.

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp, Visitor},
};

on_both_backends!(
    a_group_from_creation_to_its_end,
    staff_pages_refuse_bad_input_with_a_message,
    check_ins_are_private_to_the_member_and_the_facilitators,
    members_leave_and_staff_remove,
    resources_pages_are_edited_by_staff_and_read_by_members,
    a_signed_in_member_joins_another_group_by_invite,
    member_messages_are_off_until_the_lead_turns_them_on,
);

/// The settings form as it is, with `extra` fields added.
async fn save_settings(staff: &Visitor, slug: &str, extra: &[(&str, &str)]) -> StatusCode {
    let mut fields =
        vec![("name", "Group circle"), ("purpose", "Peer support."), ("facilitation", "Daily."), ("edit_window", "60")];
    fields.extend_from_slice(extra);
    staff.get(&format!("/groups/{slug}/settings")).await;
    staff.post(&format!("/groups/{slug}/settings"), &fields).await.status
}

async fn member_messages_are_off_until_the_lead_turns_them_on(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let sage = app.member_of(&group, "Sage").await;
    let rowan_id = app.user_id("Rowan").await.to_string();

    assert_eq!(willow.get("/groups/circle/messages/new").await.status, StatusCode::NOT_FOUND);
    assert!(!willow.get("/groups/circle").await.body.contains("/messages/new"));
    // A facilitator cannot turn them on; only the organisation's lead can.
    assert!(!group.facilitator.get("/groups/circle/settings").await.body.contains("member_messages"));
    assert_eq!(save_settings(&group.facilitator, "circle", &[("member_messages", "on")]).await, StatusCode::SEE_OTHER);
    assert_eq!(willow.get("/groups/circle/messages/new").await.status, StatusCode::NOT_FOUND);
    let guide_id = app.user_id("Guide-circle").await.to_string();
    let on = [("member_messages", "on"), ("facilitator", guide_id.as_str())];
    assert_eq!(save_settings(&group.lead, "circle", &on).await, StatusCode::SEE_OTHER);

    assert!(willow.get("/groups/circle").await.body.contains("/groups/circle/messages/new"));
    let form = willow.get("/groups/circle/messages/new").await;
    assert!(form.body.contains("Rowan") && !form.body.contains(">Willow<"), "others only: {}", form.body);
    let fields = [("member", rowan_id.as_str()), ("subject", "Coffee"), ("body", "Same time next week?")];
    let opened = willow.post("/groups/circle/messages/new", &fields).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let conversation = opened.location().unwrap().to_owned();

    let inbox = rowan.get("/check-ins").await;
    assert!(inbox.body.contains("Coffee") && inbox.body.contains("with \u{2068}Willow\u{2069}"), "{}", inbox.body);
    assert!(rowan.get("/notifications").await.body.contains(&conversation));
    assert_eq!(rowan.post(&format!("{conversation}/reply"), &[("body", "Yes!")]).await.status, StatusCode::SEE_OTHER);
    // Private to the two of them: not the facilitators, not the lead, not another member.
    for other in [&group.facilitator, &group.lead, &sage] {
        assert_eq!(other.get(&conversation).await.status, StatusCode::NOT_FOUND);
        assert!(!other.get("/check-ins").await.body.contains("Coffee"));
    }

    // Turned off again: what was said stays readable, nothing new can be added.
    assert_eq!(
        save_settings(&group.lead, "circle", &[("facilitator", guide_id.as_str())]).await,
        StatusCode::SEE_OTHER
    );
    let page = willow.get(&conversation).await;
    assert!(page.body.contains("Yes!") && !page.body.contains("name=\"body\""));
    assert_eq!(
        willow.post(&format!("{conversation}/reply"), &[("body", "Hello?")]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(willow.get("/groups/circle/messages/new").await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn a_signed_in_member_joins_another_group_by_invite(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = app.group("first").await;
    let second = app.group("second").await;
    let willow = app.member_of(&first, "Willow").await;
    second.facilitator.get("/invites").await;
    let made = second.facilitator.post("/invites", &[("days", "7"), ("group", &second.id.to_string())]).await;
    let invite = invite_path(&made.body, &app.base);

    let offer = willow.get(&invite).await;
    assert_eq!(offer.status, StatusCode::OK);
    assert!(offer.body.contains("Join with this account") && offer.body.contains("Group second"), "{}", offer.body);
    let joined = willow.post(&format!("{invite}/groups"), &[]).await;
    assert_eq!(joined.status, StatusCode::SEE_OTHER);
    let home = willow.get("/").await;
    assert!(home.body.contains("Group first") && home.body.contains("Group second"));
    // The invite is spent.
    assert_eq!(willow.post(&format!("{invite}/groups"), &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.visitor().get(&invite).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

/// The invite link a staff page shows once.
fn invite_path(page: &str, base: &str) -> String {
    let link = page.split("id=\"new-invite\" class=\"link-box\">").nth(1).unwrap().split('<').next().unwrap();
    link.strip_prefix(base).unwrap().to_owned()
}

fn first_topic_id(page: &str) -> String {
    page.split("href=\"/topics/").nth(1).unwrap().split(['"', '?']).next().unwrap().to_owned()
}

async fn a_group_from_creation_to_its_end(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("Keeper").await;
    let lead = app.member("Lead Ana").await;
    let guide = app.member("Guide Bea").await;

    // The admin creates an organisation with its lead; the lead adds a facilitator and a group.
    admin.get("/admin/organisations").await;
    let created = admin.post("/admin/organisations", &[("name", "Shelter North"), ("lead", "lead ana")]).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let organisation = created.location().unwrap().to_owned();
    app.enrol_two_factor(&lead).await; // staff set up two-factor before acting
    let page = lead.get(&organisation).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Shelter North"));
    let added =
        lead.post(&format!("{organisation}/staff"), &[("pseudonym", "Guide Bea"), ("role", "facilitator")]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    app.enrol_two_factor(&guide).await;
    let guide_id = app.user_id("Guide Bea").await.to_string();
    let made = lead
        .post(
            &format!("{organisation}/groups"),
            &[
                ("name", "Tuesday circle"),
                ("slug", "tuesday"),
                ("purpose", "Peer support after leaving."),
                ("facilitation", "Bea reads every day."),
                ("starts", ""),
                ("ends", ""),
                ("facilitator", &guide_id),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert_eq!(made.location(), Some("/groups/tuesday"));

    // The facilitator invites two people into the group.
    let invites = guide.get("/invites").await;
    assert!(invites.body.contains("Tuesday circle"));
    let group_id = invites.body.split("name=\"group\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let first =
        guide.post("/invites", &[("days", "7"), ("note", "from the Tuesday intake"), ("group", &group_id)]).await;
    let second = guide.post("/invites", &[("days", "7"), ("group", &group_id)]).await;
    let (first, second) = (invite_path(&first.body, &app.base), invite_path(&second.body, &app.base));

    let willow = Visitor::new(&app.base);
    assert_eq!(willow.join(&first, "Willow", PASSWORD).await.status, StatusCode::OK);
    let rowan = Visitor::new(&app.base);
    assert_eq!(rowan.join(&second, "Rowan", PASSWORD).await.status, StatusCode::OK);

    // Home lists the group; its content waits for the agreements.
    let home = willow.get("/").await;
    assert!(home.body.contains("Tuesday circle") && home.body.contains("Please read the agreements"));
    let group = willow.get("/groups/tuesday").await;
    assert!(group.body.contains("Before you can read and post here"));
    assert!(!group.body.contains("topics/new"));
    assert_eq!(willow.get("/groups/tuesday/topics/new").await.status, StatusCode::NOT_FOUND);
    let agreements = willow.get("/groups/tuesday/agreements").await;
    assert!(agreements.body.contains("Keep what others share here"));
    let refused = willow.post("/groups/tuesday/agreements", &[("version", "1")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for member in [&willow, &rowan] {
        let accepted = member.post("/groups/tuesday/agreements", &[("version", "1"), ("accept", "yes")]).await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    }

    // Willow starts a topic with a content warning; Rowan replies.
    willow.get("/groups/tuesday/topics/new").await;
    let posted = willow
        .post(
            "/groups/tuesday/topics/new",
            &[
                ("title", "First week"),
                ("warning", "mentions of violence"),
                ("body", "It was **hard**."),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(posted.status, StatusCode::SEE_OTHER, "{}", posted.body);
    let topic = posted.location().unwrap().split(['?', '#']).next().unwrap().to_owned();
    let rowan_group = rowan.get("/groups/tuesday").await;
    assert!(rowan_group.body.contains("First week"));
    assert!(rowan.get("/").await.body.contains("1 new post"), "unread count on home");
    let read = rowan.get(&topic).await;
    assert!(read.body.contains("<details") && read.body.contains("mentions of violence"));
    assert!(read.body.contains("<strong>hard</strong>"));
    assert!(!rowan.get("/").await.body.contains("new post"), "read after opening");
    let replied = rowan
        .post(&format!("{topic}/reply"), &[("body", "Thank you for sharing, @Willow."), ("action", "publish")])
        .await;
    assert_eq!(replied.status, StatusCode::SEE_OTHER, "{}", replied.body);

    // Willow sees one unread post and notifications, and the title never counts them.
    let home = willow.get("/").await;
    assert!(home.body.contains("1 new post"), "{}", home.body);
    assert!(home.body.contains("<title>Home · Hearth</title>"));
    let notifications = willow.get("/notifications").await;
    assert!(notifications.body.contains("Rowan"), "{}", notifications.body);
    assert_eq!(first_topic_id(&willow.get("/groups/tuesday").await.body), topic.trim_start_matches("/topics/"));

    // The facilitators change the agreements: members must accept again, seeing what changed.
    let edited = guide
        .post(
            "/groups/tuesday/agreements/edit",
            &[("body", "- Keep what others share here.\n- No photos, ever."), ("action", "save")],
        )
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
    assert_eq!(willow.get(&topic).await.status, StatusCode::NOT_FOUND);
    let again = willow.get("/groups/tuesday/agreements").await;
    assert!(again.body.contains("changed the agreements") && again.body.contains("No photos, ever."));
    let stale = willow.post("/groups/tuesday/agreements", &[("version", "1"), ("accept", "yes")]).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    willow.post("/groups/tuesday/agreements", &[("version", "2"), ("accept", "yes")]).await;
    assert_eq!(willow.get(&topic).await.status, StatusCode::OK);

    // The group ends: everything is readable, nothing can be added.
    let today = hearth::clock::format_date(app.state.clock.now());
    let settings = [
        ("name", "Tuesday circle"),
        ("purpose", "Peer support after leaving."),
        ("facilitation", "Bea reads every day."),
        ("starts", ""),
        ("ends", today.as_str()),
        ("edit_window", "60"),
    ];
    guide.get("/groups/tuesday/settings").await;
    assert_eq!(guide.post("/groups/tuesday/settings", &settings).await.status, StatusCode::SEE_OTHER);
    app.clock.advance(2 * 86_400);
    willow.get("/sign-in").await; // two days idle: the session ended
    assert_eq!(willow.sign_in("Willow", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let ended = willow.get("/groups/tuesday").await;
    assert!(ended.body.contains("This group has ended"), "{}", ended.body);
    assert!(!ended.body.contains("topics/new"));
    let page = willow.get(&topic).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("name=\"body\""));
    let late = willow.post(&format!("{topic}/reply"), &[("body", "one more"), ("action", "publish")]).await;
    assert!(late.status.is_client_error(), "{}", late.status);
    app.stop().await;
}

async fn staff_pages_refuse_bad_input_with_a_message(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("Keeper").await;
    admin.get("/admin/organisations").await;
    let nobody = admin.post("/admin/organisations", &[("name", "Shelter"), ("lead", "Nobody Here")]).await;
    assert_eq!(nobody.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(nobody.body.contains("No account has this pseudonym"));
    let group = app.group("circle").await;
    let organisation = format!("/organisations/{}", group.organisation_id);
    group.lead.get(&organisation).await;
    let guide = app.user_id("Guide-circle").await.to_string();
    for (fields, message) in [
        (vec![("slug", "Bad Slug!"), ("name", "x"), ("purpose", "p"), ("facilitation", "f")], "short name of 3 to 40"),
        (
            vec![("slug", "circle"), ("name", "x"), ("purpose", "p"), ("facilitation", "f"), ("facilitator", &guide)],
            "already uses this short name",
        ),
        (vec![("slug", "other"), ("name", ""), ("purpose", "p"), ("facilitation", "f")], "Please fill in the name"),
        (
            vec![("slug", "other"), ("name", "x"), ("purpose", "p"), ("facilitation", "f"), ("starts", "soon")],
            "2026-01-31",
        ),
        (vec![("slug", "other"), ("name", "x"), ("purpose", "p"), ("facilitation", "f")], "at least one facilitator"),
    ] {
        let page = group.lead.post(&format!("{organisation}/groups"), &fields).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        assert!(page.body.contains(message), "{message}: {}", page.body);
    }
    // A facilitator is not the organisation's lead: its page does not exist for them.
    assert_eq!(group.facilitator.get(&organisation).await.status, StatusCode::NOT_FOUND);
    group.facilitator.get("/groups/circle/settings").await;
    let bad = group.facilitator.post("/groups/circle/settings", &[("name", "x"), ("edit_window", "lots")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Staff must choose a group for an invite.
    group.facilitator.get("/invites").await;
    let no_group = group.facilitator.post("/invites", &[("days", "7")]).await;
    assert_eq!(no_group.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

async fn check_ins_are_private_to_the_member_and_the_facilitators(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let other = app.group("other").await;

    willow.get("/groups/circle/check-ins/new").await;
    let empty = willow.post("/groups/circle/check-ins/new", &[("subject", "A question"), ("body", " ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("A question"), "the subject is kept");
    let opened = willow
        .post("/groups/circle/check-ins/new", &[("subject", "A question"), ("body", "Can I bring a friend?")])
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let check_in = opened.location().unwrap().to_owned();

    // The facilitator and the lead see it; another member, another group's staff do not.
    let inbox = group.facilitator.get("/check-ins").await;
    assert!(inbox.body.contains("A question") && inbox.body.contains("Willow"));
    assert!(group.lead.get(&check_in).await.body.contains("Can I bring a friend?"));
    for outsider in [&rowan, &other.facilitator, &other.lead] {
        assert_eq!(outsider.get(&check_in).await.status, StatusCode::NOT_FOUND);
        outsider.get("/check-ins").await;
        assert_eq!(outsider.post(&format!("{check_in}/reply"), &[("body", "hi")]).await.status, StatusCode::NOT_FOUND);
    }
    assert!(!rowan.get("/check-ins").await.body.contains("A question"));

    let answered =
        group.facilitator.post(&format!("{check_in}/reply"), &[("body", "Of course, ask them to write to us.")]).await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER);
    assert!(willow.get("/check-ins").await.body.contains("new"));
    assert!(willow.get(&check_in).await.body.contains("ask them to write to us"));

    // A facilitator checks in on a member.
    group.facilitator.get("/groups/circle/check-ins/new").await;
    let rowan_id = app.user_id("Rowan").await.to_string();
    let checking = group
        .facilitator
        .post(
            "/groups/circle/check-ins/new",
            &[("member", &rowan_id), ("subject", "How are you?"), ("body", "Thinking of you.")],
        )
        .await;
    assert_eq!(checking.status, StatusCode::SEE_OTHER);
    assert!(rowan.get("/check-ins").await.body.contains("How are you?"));
    assert!(!willow.get("/check-ins").await.body.contains("How are you?"));
    app.stop().await;
}

async fn members_leave_and_staff_remove(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;

    willow.get("/groups/circle/leave").await;
    assert_eq!(willow.post("/groups/circle/leave", &[]).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(willow.post("/groups/circle/leave", &[("confirm", "yes")]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(willow.get("/groups/circle").await.status, StatusCode::NOT_FOUND);
    assert!(!willow.get("/").await.body.contains("Group circle"));

    let members = group.facilitator.get("/groups/circle/members").await;
    assert!(members.body.contains("Rowan") && !members.body.contains("Willow"));
    let rowan_id = app.user_id("Rowan").await;
    let removed = group.facilitator.post(&format!("/groups/circle/members/{rowan_id}/remove"), &[]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(rowan.get("/groups/circle").await.status, StatusCode::NOT_FOUND);
    // Members cannot reach the staff pages.
    let stays = app.member_of(&group, "Sage").await;
    for path in ["/groups/circle/members", "/groups/circle/settings", "/groups/circle/agreements/edit"] {
        assert_eq!(stays.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    app.stop().await;
}

async fn resources_pages_are_edited_by_staff_and_read_by_members(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("Keeper").await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;

    group.facilitator.get("/groups/circle/resources/edit").await;
    let preview = group
        .facilitator
        .post("/groups/circle/resources/edit", &[("body", "Crisis line: **1-800-000-0000**"), ("action", "preview")])
        .await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.body.contains("<strong>1-800-000-0000</strong>"));
    assert!(!willow.get("/groups/circle/resources").await.body.contains("1-800"), "a preview saves nothing");
    group
        .facilitator
        .post("/groups/circle/resources/edit", &[("body", "Crisis line: **1-800-000-0000**"), ("action", "save")])
        .await;
    let page = willow.get("/groups/circle/resources").await;
    assert!(page.body.contains("<strong>1-800-000-0000</strong>"));
    assert!(!page.body.contains("/resources/edit"));

    admin.get("/admin/resources").await;
    admin.post("/admin/resources", &[("body", "[Shelter line](https://example.org/help)"), ("action", "save")]).await;
    let instance = willow.get("/resources").await;
    assert!(instance.body.contains(r#"rel="nofollow noopener noreferrer""#), "{}", instance.body);
    assert!(willow.get("/").await.body.contains("href=\"/resources\""), "linked from every footer");
    assert_eq!(willow.get("/admin/resources").await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}
