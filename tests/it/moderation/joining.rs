//! Who gets in: where a group wants it, someone who redeems an invite waits
//! on a calm page until a facilitator lets them in or declines, with a note
//! they read.

use reqwest::StatusCode;

use super::{audit_count, moderation_settings, path_of, start_topic};
use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp},
};

on_both_backends!(people_wait_for_the_facilitators_where_the_group_wants_it);

async fn people_wait_for_the_facilitators_where_the_group_wants_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let topic = path_of(&start_topic(&rowan, "circle", "Welcome", "Hello all.").await);
    moderation_settings(&group.facilitator, &group, &[("members_need_approval", "on")]).await;

    // The facilitator makes an invite; two people redeem theirs.
    let invite = |note: &'static str| {
        let facilitator = group.facilitator.clone();
        let id = group.id.to_string();
        async move {
            facilitator.get("/invites").await;
            let page = facilitator.post("/invites", &[("days", "7"), ("group", &id), ("note", note)]).await;
            let start = page.body.find("/join/").unwrap();
            page.body[start..].split('<').next().unwrap().to_owned()
        }
    };
    let (sage_invite, ash_invite) = (invite("Met at the drop-in").await, invite("Referred by the shelter").await);
    let sage = app.visitor();
    assert_eq!(sage.join(&sage_invite, "Sage", PASSWORD).await.status, StatusCode::OK);
    let ash = app.visitor();
    assert_eq!(ash.join(&ash_invite, "Ash", PASSWORD).await.status, StatusCode::OK);

    // Waiting: a calm page, nothing of the group's content.
    let home = sage.get("/").await.body;
    assert!(home.contains("Waiting for the facilitators") && !home.contains("Please read the agreements"), "{home}");
    let waiting = sage.get("/groups/circle").await;
    assert_eq!(waiting.status, StatusCode::OK);
    assert!(waiting.body.contains("You are waiting for the facilitators") && !waiting.body.contains("Welcome"));
    for path in
        [topic.as_str(), "/groups/circle/resources", "/groups/circle/check-ins/new", "/groups/circle/topics/new"]
    {
        assert_eq!(sage.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert!(!sage.get("/search?q=hello").await.body.contains("Welcome"));
    assert_eq!(sage.get("/groups/circle/agreements").await.status, StatusCode::OK, "they may read the agreements");

    // The queue shows both, with how they were invited.
    let queue = group.facilitator.get("/moderation").await.body;
    assert!(queue.contains("<span class=\"count\">2</span> people waiting to join"), "{queue}");
    assert!(queue.contains("Met at the drop-in") && queue.contains("Invited by \u{2068}Guide-circle\u{2069}"));
    assert!(!rowan.get("/moderation").await.status.is_success(), "members have no queue");

    // Declined, with a note the person reads; let in, with a welcome.
    let before = audit_count(&app).await;
    let sage_id = app.user_id("Sage").await;
    let declined = group
        .facilitator
        .post(&format!("/groups/circle/members/{sage_id}/decline"), &[("note", "This group is for another area.")])
        .await;
    assert_eq!(declined.status, StatusCode::SEE_OTHER);
    assert_eq!(sage.get("/groups/circle").await.status, StatusCode::NOT_FOUND);
    let told = sage.get("/notifications").await.body;
    assert!(told.contains("did not accept your request") && told.contains("This group is for another area."));
    let ash_id = app.user_id("Ash").await;
    let approved =
        group.lead.post(&format!("/groups/circle/members/{ash_id}/approve"), &[("note", "Welcome, Ash.")]).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    assert!(ash.get("/notifications").await.body.contains("You are now a member of"));
    assert!(ash.get("/groups/circle").await.body.contains("please read the group’s agreements"));
    assert_eq!(audit_count(&app).await, before + 2);
    let again = group.lead.post(&format!("/groups/circle/members/{ash_id}/approve"), &[]).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(audit_count(&app).await, before + 2, "nothing left to approve, nothing audited");
    app.stop().await;
}
