//! Partner organisations: a host's lead gives a partner a quota of invites
//! into chosen groups; the partner's staff invite within it; people who come
//! through them wait for approval where the host wants it; the partner's
//! staff never see the host's groups or queues; the host's leads see and
//! revoke every invite into their groups.

use reqwest::StatusCode;

use crate::{
    on_both_backends,
    support::{Backend, PASSWORD, TestApp, Visitor},
};

on_both_backends!(partners_invite_within_their_quota_and_see_nothing_else);

/// Makes an invite from the invites page; the link, or the refusal's page.
async fn invite(staff: &Visitor, groups: &[i64]) -> Result<String, String> {
    staff.get("/invites").await;
    let ids: Vec<String> = groups.iter().map(i64::to_string).collect();
    let mut fields = vec![("days", "7")];
    fields.extend(ids.iter().map(|id| ("group", id.as_str())));
    let page = staff.post("/invites", &fields).await;
    match page.body.find("/join/") {
        Some(start) if page.status == StatusCode::OK => Ok(page.body[start..].split('<').next().unwrap().to_owned()),
        _ => Err(page.body),
    }
}

async fn partners_invite_within_their_quota_and_see_nothing_else(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let host = app.group("host").await;
    let shelter = app.group("shelter").await;
    let partners = format!("/organisations/{}/partners", host.organisation_id);

    // The host's lead gives the shelter two invites into the host group.
    let page = host.lead.get(&partners).await;
    assert!(page.status == StatusCode::OK && page.body.contains("Organisation shelter"));
    assert_eq!(shelter.lead.get(&partners).await.status, StatusCode::NOT_FOUND);
    let fields =
        [("partner", shelter.organisation_id.to_string()), ("quota", "2".into()), ("group", host.id.to_string())];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(host.lead.post(&partners, &fields).await.status, StatusCode::SEE_OTHER);

    // The shelter's facilitator sees the host group on their invites page, and invites someone.
    let form = shelter.facilitator.get("/invites").await.body;
    assert!(form.contains("Group host") && form.contains("through \u{2068}Organisation host\u{2069}"), "{form}");
    assert!(form.contains("\u{2068}2\u{2069} invites left"));
    let mixed = invite(&shelter.facilitator, &[shelter.id, host.id]).await;
    assert!(mixed.unwrap_err().contains("either into your own groups or into one partner"));
    let link = invite(&shelter.facilitator, &[host.id]).await.unwrap();
    let ash = app.visitor();
    assert_eq!(ash.join(&link, "Ash", PASSWORD).await.status, StatusCode::OK);

    // Through a partner, the host wants a facilitator's approval (its default).
    assert!(ash.get("/groups/host").await.body.contains("waiting for the facilitators"));
    let queue = host.facilitator.get("/moderation").await.body;
    assert!(queue.contains("Ash") && queue.contains("through \u{2068}Organisation shelter\u{2069}"), "{queue}");

    // The partner's staff never see the host's group or its queue.
    for path in ["/groups/host", "/groups/host/members", "/moderation?group=host"] {
        assert_eq!(shelter.facilitator.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(shelter.lead.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert!(!shelter.lead.get("/moderation").await.body.contains("Ash"));
    assert!(!shelter.lead.get("/audit").await.body.contains("Group host"));

    // The quota holds; a withdrawn unused invite goes back to it.
    let second = invite(&shelter.lead, &[host.id]).await.unwrap();
    let refused = invite(&shelter.facilitator, &[host.id]).await.unwrap_err();
    assert!(refused.contains("used every invite"), "{refused}");
    let listing = host.lead.get("/invites").await.body;
    assert!(
        listing.contains("made by \u{2068}Lead-shelter\u{2069}")
            && listing.contains("through \u{2068}Organisation shelter\u{2069}")
    );
    assert!(!host.facilitator.get("/invites").await.body.contains("Lead-shelter"), "a facilitator sees their own");
    let (unused,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM invites WHERE partnership_id IS NOT NULL")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(host.lead.post(&format!("/invites/{unused}/revoke"), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.visitor().get(&second).await.status, StatusCode::NOT_FOUND);
    let third = invite(&shelter.facilitator, &[host.id]).await.unwrap();

    // Without the approval setting, people come straight in.
    let settings = format!("/organisations/{}/moderation", host.organisation_id);
    host.lead.get(&settings).await;
    let saved = host.lead.post(&settings, &[("crisis_words", "hopeless")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let bo = app.visitor();
    let joined = bo.join(&third, "Bolt", PASSWORD).await;
    assert_eq!(joined.status, StatusCode::OK, "{}", joined.body);
    let joined = bo.get("/groups/host").await.body;
    assert!(joined.contains("please read the group’s agreements"), "{joined}");

    // Ending the partnership: the shelter can no longer invite there.
    host.lead.get(&partners).await;
    let (partnership,): (i64,) =
        sqlx::query_as("SELECT id FROM partnerships").fetch_one(&app.state.db.read).await.unwrap();
    let ended = host.lead.post(&format!("{partners}/{partnership}/end"), &[]).await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    assert!(!shelter.facilitator.get("/invites").await.body.contains("Group host"));
    let audit = host.lead.get("/audit").await.body;
    assert!(audit.contains("Set a partner organisation’s invites") && audit.contains("Ended a partnership"));
    app.stop().await;
}
