//! The audit log: a walk through every staff action, each of which must
//! leave exactly one entry (and a refused one none); the walk fails if an
//! action exists that it did not take. That no route changes an entry is in
//! `append_only`.

use std::collections::BTreeSet;

use hearth::moderation::audit::Action;
use reqwest::StatusCode;

use super::{last_post, moderation_settings, path_of, reply, start_topic};
use crate::{
    on_both_backends,
    support::{Backend, Page, TestApp, Visitor},
};

on_both_backends!(every_staff_action_leaves_exactly_one_entry);

/// Counts entries between steps.
struct Walk<'a> {
    app: &'a TestApp,
    count: i64,
    seen: BTreeSet<&'static str>,
}

impl<'a> Walk<'a> {
    async fn new(app: &'a TestApp) -> Self {
        let mut walk = Self { app, count: 0, seen: BTreeSet::new() };
        walk.sync().await;
        walk
    }

    async fn entries(&self) -> i64 {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM audit_log").fetch_one(&self.app.state.db.read).await.unwrap();
        n
    }

    /// Forgets entries written by set-up (the harness makes invites).
    async fn sync(&mut self) {
        self.count = self.entries().await;
    }

    /// The step succeeded and wrote exactly one entry, of this action.
    async fn expect(&mut self, page: Page, action: Action) {
        assert!(
            page.status.is_redirection() || page.status == StatusCode::OK,
            "{action:?}: {} {}",
            page.status,
            page.body
        );
        let now = self.entries().await;
        assert_eq!(now, self.count + 1, "{action:?} must write exactly one entry");
        let (code,): (String,) = sqlx::query_as("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_one(&self.app.state.db.read)
            .await
            .unwrap();
        assert_eq!(code, action.code());
        self.seen.insert(action.code());
        self.count = now;
    }

    /// A refused step writes nothing.
    async fn refused(&mut self, page: Page, what: &str) {
        assert!(page.status.is_client_error(), "{what}: {}", page.status);
        assert_eq!(self.entries().await, self.count, "{what} was refused: no entry");
    }
}

async fn id(app: &TestApp, sql: &str) -> i64 {
    let (id,): (i64,) =
        sqlx::query_as(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(&app.state.db.read).await.unwrap();
    id
}

async fn every_staff_action_leaves_exactly_one_entry(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("Keeper").await;
    let group = app.group("circle").await;
    let shelter = app.group("shelter").await;
    let (lead, guide) = (&group.lead, &group.facilitator);
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    app.member("Xen").await;
    let org = format!("/organisations/{}", group.organisation_id);
    for visitor in [&admin, lead, guide, &willow, &rowan] {
        visitor.get("/account").await;
    }
    let mut walk = Walk::new(&app).await;

    // Organisations, settings, staff and roles.
    walk.expect(
        admin.post("/admin/organisations", &[("name", "Third"), ("lead", "Lead-circle")]).await,
        Action::OrganisationCreated,
    )
    .await;
    walk.refused(admin.post("/admin/organisations", &[("name", ""), ("lead", "Xen")]).await, "a nameless organisation")
        .await;
    walk.expect(
        lead.post(&format!("{org}/moderation"), &[("crisis_words", "hopeless")]).await,
        Action::OrganisationSettingsChanged,
    )
    .await;
    walk.expect(
        lead.post(&format!("{org}/staff"), &[("pseudonym", "Xen"), ("role", "facilitator")]).await,
        Action::StaffAdded,
    )
    .await;
    walk.expect(
        lead.post(&format!("{org}/staff"), &[("pseudonym", "Xen"), ("role", "lead")]).await,
        Action::RoleChangeRequested,
    )
    .await;
    let request = id(&app, "SELECT MAX(id) FROM role_requests").await;
    walk.expect(lead.post(&format!("/role-requests/{request}/cancel"), &[]).await, Action::RoleChangeCancelled).await;
    lead.post(&format!("{org}/staff"), &[("pseudonym", "Xen"), ("role", "lead")]).await;
    walk.sync().await;
    let request = id(&app, "SELECT MAX(id) FROM role_requests").await;
    walk.expect(admin.post(&format!("/role-requests/{request}/confirm"), &[]).await, Action::RoleChangeConfirmed).await;
    let xen = Visitor::new(&app.base);
    xen.sign_in("Xen", crate::support::PASSWORD).await;
    app.enrol_two_factor(&xen).await; // a new lead sets up two-factor before acting
    walk.expect(
        xen.post(&format!("{org}/staff"), &[("pseudonym", "Xen"), ("role", "facilitator")]).await,
        Action::RoleChanged,
    )
    .await;
    let xen_id = app.user_id("Xen").await;
    walk.expect(lead.post(&format!("{org}/staff/{xen_id}/remove"), &[]).await, Action::StaffRemoved).await;
    let partners = format!("{org}/partners");
    let shelter_org = shelter.organisation_id.to_string();
    let group_id = group.id.to_string();
    let grant = [("partner", shelter_org.as_str()), ("quota", "3"), ("group", group_id.as_str())];
    walk.expect(lead.post(&partners, &grant).await, Action::PartnershipSet).await;
    walk.refused(lead.post(&partners, &[("partner", shelter_org.as_str()), ("quota", "-1")]).await, "a negative quota")
        .await;
    let partnership = id(&app, "SELECT MAX(id) FROM partnerships").await;
    walk.expect(lead.post(&format!("{partners}/{partnership}/end"), &[]).await, Action::PartnershipEnded).await;
    walk.expect(
        admin.post("/admin/resources", &[("body", "- 911"), ("action", "save")]).await,
        Action::InstanceResourcesChanged,
    )
    .await;
    let lead_id = app.user_id("Lead-circle").await.to_string();
    let new_group = [
        ("slug", "annex"),
        ("name", "Annex"),
        ("purpose", "p"),
        ("facilitation", "f"),
        ("facilitator", lead_id.as_str()),
    ];
    walk.expect(lead.post(&format!("{org}/groups"), &new_group).await, Action::GroupCreated).await;

    // A group's settings and pages.
    let settings =
        [("name", "Circle"), ("purpose", "Peer support."), ("facilitation", "Daily."), ("edit_window", "60")];
    walk.expect(guide.post("/groups/circle/settings", &settings).await, Action::GroupSettingsChanged).await;
    walk.refused(guide.post("/groups/circle/settings", &[("name", "")]).await, "settings without a name").await;
    walk.expect(
        guide.post("/groups/circle/agreements/edit", &[("body", "- Be kind."), ("action", "save")]).await,
        Action::AgreementsChanged,
    )
    .await;
    walk.expect(
        guide.post("/groups/circle/resources/edit", &[("body", "- A line"), ("action", "save")]).await,
        Action::ResourcesChanged,
    )
    .await;
    let privacy = [("retention", "90"), ("discourage_copying", "on"), ("watermark", "on")];
    walk.expect(guide.post("/groups/circle/privacy", &privacy).await, Action::GroupPrivacyChanged).await;
    walk.refused(guide.post("/groups/circle/privacy", &[("retention", "3")]).await, "a retention under the limit")
        .await;
    // Members accept the new agreements (not staff actions).
    for (visitor, name) in [(&willow, "Willow"), (&rowan, "Rowan")] {
        let user = app.user_id(name).await;
        hearth::groups::store::accept_agreements(&app.state.db.write, group.id, user, 2).await.unwrap();
        visitor.get("/account").await;
    }
    moderation_settings(guide, &group, &[("premoderation", "all"), ("members_need_approval", "on")]).await;
    walk.expect(guide.get("/account").await, Action::ModerationSettingsChanged).await;

    // Invites.
    let invites = guide.post("/invites", &[("days", "7"), ("group", group_id.as_str())]).await;
    walk.expect(invites, Action::InviteCreated).await;
    let invite = id(&app, "SELECT MAX(id) FROM invites").await;
    walk.expect(guide.post(&format!("/invites/{invite}/revoke"), &[]).await, Action::InviteRevoked).await;

    // People waiting to join.
    app.member_of(&group, "Sage").await;
    app.member_of(&group, "Ash").await;
    walk.sync().await;
    let (sage, ash) = (app.user_id("Sage").await, app.user_id("Ash").await);
    walk.expect(guide.post(&format!("/groups/circle/members/{sage}/approve"), &[]).await, Action::MemberApproved).await;
    walk.expect(
        guide.post(&format!("/groups/circle/members/{ash}/decline"), &[("note", "Not this group")]).await,
        Action::MemberDeclined,
    )
    .await;

    // Posts: held ones approved or declined; published ones hidden, shown, redacted.
    let topic = path_of(&start_topic(guide, "circle", "Evenings", "How are evenings?").await);
    reply(&willow, &topic, "Hard, some days.").await;
    let held = last_post(&app).await;
    walk.sync().await;
    walk.expect(guide.post(&format!("/posts/{held}/approve"), &[]).await, Action::PostApproved).await;
    let published = last_post(&app).await;
    reply(&willow, &topic, "Another one.").await;
    let held = last_post(&app).await;
    walk.sync().await;
    walk.expect(
        guide.post(&format!("/posts/{held}/decline"), &[("note", "Please shorten it")]).await,
        Action::PostDeclined,
    )
    .await;
    walk.expect(guide.post(&format!("/posts/{published}/hide"), &[]).await, Action::PostHidden).await;
    walk.expect(guide.post(&format!("/posts/{published}/hide"), &[]).await, Action::PostUnhidden).await;
    walk.refused(
        guide.post(&format!("/posts/{published}/redact"), &[("body", "x")]).await,
        "a redaction without a reason",
    )
    .await;
    let redaction = [("body", "Hard."), ("reason", "Shortened for safety")];
    walk.expect(guide.post(&format!("/posts/{published}/redact"), &redaction).await, Action::PostRedacted).await;

    // Topics.
    walk.expect(guide.post(&format!("{topic}/pin"), &[]).await, Action::TopicPinned).await;
    walk.expect(guide.post(&format!("{topic}/pin"), &[]).await, Action::TopicUnpinned).await;
    walk.expect(guide.post(&format!("{topic}/lock"), &[]).await, Action::TopicLocked).await;
    walk.expect(guide.post(&format!("{topic}/lock"), &[]).await, Action::TopicUnlocked).await;

    // Reports.
    rowan.post(&format!("/posts/{published}/report"), &[("reason", "unkind")]).await;
    let report = id(&app, "SELECT MAX(id) FROM reports").await;
    walk.sync().await;
    walk.expect(
        guide.post(&format!("/reports/{report}/resolve"), &[("outcome", "no-action")]).await,
        Action::ReportResolved,
    )
    .await;

    // Members.
    let member = format!("/groups/circle/members/{}", app.user_id("Rowan").await);
    walk.expect(
        guide.post(&format!("{member}/notes"), &[("body", "Asked for French resources.")]).await,
        Action::StaffNoteAdded,
    )
    .await;
    walk.expect(guide.post(&format!("{member}/suspend"), &[("days", "1")]).await, Action::MemberSuspended).await;
    walk.expect(guide.post(&format!("{member}/unsuspend"), &[]).await, Action::SuspensionLifted).await;
    walk.expect(guide.post(&format!("{member}/password-reset"), &[]).await, Action::PasswordResetIssued).await;
    walk.refused(guide.post(&format!("{member}/ban"), &[]).await, "an unconfirmed ban").await;
    walk.expect(guide.post(&format!("{member}/ban"), &[("confirm", "yes")]).await, Action::MemberBanned).await;
    walk.expect(lead.post(&format!("{member}/unban"), &[]).await, Action::BanLifted).await;
    walk.expect(guide.post(&format!("{member}/remove"), &[]).await, Action::MemberRemoved).await;
    // Erasing Sage's account on their request: the entry names no one.
    let erase = format!("/groups/circle/members/{sage}/erase");
    walk.refused(guide.post(&erase, &[("posts", "keep")]).await, "an unconfirmed erasure").await;
    walk.expect(guide.post(&erase, &[("posts", "keep"), ("confirm", "yes")]).await, Action::AccountErasedOnRequest)
        .await;
    let (target,): (Option<i64>,) = sqlx::query_as("SELECT target_id FROM audit_log ORDER BY id DESC LIMIT 1")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(target, Some(hearth::moderation::audit::ERASED_ACCOUNT));

    // Lockdown, and moving a topic.
    walk.expect(guide.post("/groups/circle/lockdown", &[("action", "lock")]).await, Action::GroupLockedDown).await;
    walk.refused(guide.post("/groups/circle/lockdown", &[("action", "lift")]).await, "a facilitator lifting it").await;
    walk.expect(lead.post("/groups/circle/lockdown", &[("action", "lift")]).await, Action::LockdownLifted).await;
    let annex = id(&app, "SELECT id FROM support_groups WHERE slug = 'annex'").await.to_string();
    walk.expect(lead.post(&format!("{topic}/move"), &[("group", annex.as_str())]).await, Action::TopicMoved).await;

    let missing: Vec<&str> = Action::ALL.iter().map(|a| a.code()).filter(|code| !walk.seen.contains(code)).collect();
    assert!(missing.is_empty(), "actions the walk did not take: {missing:?}");

    // Leads read their organisation's entries; the other organisation's lead does not.
    let log = lead.get("/audit").await.body;
    assert!(log.contains("Redacted a post") && log.contains("Shortened for safety"));
    assert!(!shelter.lead.get("/audit").await.body.contains("Shortened for safety"), "another organisation's log");
    let filtered = lead.get(&format!("/audit?action=post_redacted&group={}", group.id)).await.body;
    assert!(filtered.contains("Shortened for safety") && !filtered.contains("Please shorten it"));
    assert_eq!(guide.get("/audit").await.status, StatusCode::NOT_FOUND, "facilitators do not read the log");
    assert_eq!(willow.get("/audit").await.status, StatusCode::NOT_FOUND);
    assert_eq!(lead.get("/audit?action=bogus").await.status, StatusCode::BAD_REQUEST);
    app.stop().await;
}
