//! Lockdown: one action stops members' posts and new members, revokes the
//! group's unused invites and shows a calm banner; a lead lifts it.

use reqwest::StatusCode;

use super::{audit_count, moderation_settings, path_of, reply, start_topic};
use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp},
};

on_both_backends!(lockdown_blocks_posts_and_joins_and_revokes_invites);

async fn lockdown_blocks_posts_and_joins_and_revokes_invites(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let topic = path_of(&start_topic(&willow, "circle", "Tonight", "Anyone around?").await);
    let post: (i64,) = sqlx::query_as("SELECT MIN(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();

    // Two unused invites into the group, and someone waiting to be let in.
    group.facilitator.get("/invites").await;
    let id = group.id.to_string();
    let made = group.facilitator.post("/invites", &[("days", "7"), ("group", &id)]).await.body;
    let unused = made[made.find("/join/").unwrap()..].split('<').next().unwrap().to_owned();
    group.facilitator.post("/invites", &[("days", "7"), ("group", &id)]).await;
    moderation_settings(&group.facilitator, &group, &[("members_need_approval", "on")]).await;
    let waiting = app.member_of(&group, "Waiting").await;
    drop(waiting);
    let waiting_id = app.user_id("Waiting").await;

    let before = audit_count(&app).await;
    let page = group.facilitator.get("/groups/circle/lockdown").await;
    assert!(page.status == StatusCode::OK && page.body.contains("every unused invite into the group is withdrawn"));
    let locked =
        group.facilitator.post("/groups/circle/lockdown", &[("action", "lock"), ("reason", "Intruder posting")]).await;
    assert_eq!(locked.status, StatusCode::SEE_OTHER);
    assert_eq!(audit_count(&app).await, before + 1);
    let (revoked,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM invites WHERE revoked_at IS NOT NULL")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(revoked, 2, "both unused invites into the group; the used ones stay as they were");

    // Members: a calm banner, nothing new; the facilitators stay reachable.
    let group_page = willow.get("/groups/circle").await.body;
    assert!(group_page.contains("paused this group") && !group_page.contains("/topics/new"), "{group_page}");
    assert!(willow.get(&topic).await.body.contains("replies are closed"));
    assert_eq!(willow.get("/groups/circle/topics/new").await.status, StatusCode::NOT_FOUND);
    assert_eq!(reply(&willow, &topic, "Still here").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        willow.post(&format!("{topic}/react"), &[("react", &format!("{}-support", post.0))]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(willow.get("/groups/circle/check-ins/new").await.status, StatusCode::OK);
    assert_eq!(
        reply(&group.facilitator, &topic, "We are here. The group is paused for now.").await.status,
        StatusCode::SEE_OTHER
    );

    // No one joins: the old invite is dead, new ones cannot name the group, approvals wait.
    assert_eq!(app.visitor().get(&unused).await.status, StatusCode::NOT_FOUND);
    let form = group.facilitator.get("/invites").await.body;
    assert!(!form.contains(&format!("id=\"group-{id}\"")), "the group is not offered");
    let refused = group.facilitator.post("/invites", &[("days", "7"), ("group", &id)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let late = app.visitor();
    let harness_invite = hearth::accounts::invites::InviteSpec {
        expires_in: std::time::Duration::from_secs(3600),
        note: None,
        created_by: None,
        grants_admin: false,
        groups: &[group.id],
    };
    let created = hearth::accounts::invites::create(&app.state, harness_invite).await.unwrap();
    late.join(created.url.strip_prefix(&app.base).unwrap(), "Latecomer", PASSWORD).await;
    assert_eq!(late.get("/groups/circle").await.status, StatusCode::NOT_FOUND, "an invite made anyway joins nothing");
    let approve = group.facilitator.post(&format!("/groups/circle/members/{waiting_id}/approve"), &[]).await;
    assert_eq!(approve.status, StatusCode::CONFLICT);
    assert!(approve.body.contains("locked down"));

    // Only a lead lifts it.
    assert_eq!(
        group.facilitator.post("/groups/circle/lockdown", &[("action", "lift")]).await.status,
        StatusCode::NOT_FOUND
    );
    let lifted = group.lead.post("/groups/circle/lockdown", &[("action", "lift"), ("reason", "Intruder banned")]).await;
    assert_eq!(lifted.status, StatusCode::SEE_OTHER);
    assert_eq!(reply(&willow, &topic, "Glad it is open again").await.status, StatusCode::SEE_OTHER);
    let audit = group.lead.get("/audit").await.body;
    assert!(
        audit.contains("Locked the group down")
            && audit.contains("Lifted the lockdown")
            && audit.contains("Intruder posting")
    );
    app.stop().await;
}
