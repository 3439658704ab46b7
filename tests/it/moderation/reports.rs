//! Reports: any member reports a post or a topic with a reason; "someone may
//! be at risk" is urgent and first; staff see who reported, the author never
//! does; facilitators resolve with "action taken" or "no action" and a note.

use reqwest::StatusCode;

use super::{audit_count, last_post, path_of, reply, start_topic};
use crate::{
    on_both_backends,
    support::{Backend, TestApp},
};

on_both_backends!(reports_reach_the_facilitators_and_never_the_author);

async fn reports_reach_the_facilitators_and_never_the_author(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let topic = path_of(&start_topic(&rowan, "circle", "Nights", "Nights are long.").await);
    let topic_id = topic.rsplit('/').next().unwrap().to_owned();
    reply(&rowan, &topic, "Nobody would notice if I was gone.").await;
    let worrying = last_post(&app).await;
    reply(&rowan, &topic, "Also, a rude remark.").await;
    let rude = last_post(&app).await;

    // The form and its refusals.
    let form = willow.get(&format!("/posts/{rude}/report")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Someone may be at risk") && form.body.contains("will not be told who"));
    let none = willow.post(&format!("/posts/{rude}/report"), &[("details", "kept")]).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.body.contains("Please choose what is wrong") && none.body.contains(">kept</textarea>"));
    let vague = willow.post(&format!("/posts/{rude}/report"), &[("reason", "other")]).await;
    assert_eq!(vague.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(rowan.get(&format!("/posts/{rude}/report")).await.status, StatusCode::NOT_FOUND, "not one's own");
    assert_eq!(group.facilitator.get(&format!("/posts/{rude}/report")).await.status, StatusCode::NOT_FOUND);

    // An ordinary report, then an urgent one, then a topic report; reporting twice adds nothing.
    let sent = willow.post(&format!("/posts/{rude}/report"), &[("reason", "unkind"), ("details", "It hurt.")]).await;
    assert_eq!(sent.status, StatusCode::OK);
    assert!(sent.body.contains("The facilitators will look at it soon"));
    willow.post(&format!("/posts/{rude}/report"), &[("reason", "unkind")]).await;
    let urgent = willow.post(&format!("/posts/{worrying}/report"), &[("reason", "at-risk")]).await;
    assert!(urgent.body.contains("call 911"));
    willow.get(&format!("/topics/{topic_id}/report")).await;
    let about_topic = willow.post(&format!("/topics/{topic_id}/report"), &[("reason", "intruder")]).await;
    assert_eq!(about_topic.status, StatusCode::OK, "{}", about_topic.body);
    let (reports,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM reports").fetch_one(&app.state.db.read).await.unwrap();
    assert_eq!(reports, 3);

    // Staff see them all, the urgent one first, and who reported.
    let queue = group.lead.get("/moderation").await.body;
    assert!(
        queue.contains("<span class=\"count\">1</span> urgent")
            && queue.contains("<span class=\"count\">2</span> other reports and flags")
    );
    let at_risk = queue.find("Someone may be at risk").unwrap();
    assert!(at_risk < queue.find("Unkind or harmful").unwrap() && at_risk < queue.find("intruder").unwrap());
    assert!(queue.contains("Reported by \u{2068}Willow\u{2069}") && queue.contains("It hurt."));
    assert!(queue.contains("<details class=\"blurred\">"), "post text is folded until opened");

    // The author sees nothing of it anywhere.
    for page in [topic.clone(), "/notifications".into(), "/".into(), format!("/posts/{rude}/edit")] {
        let body = rowan.get(&page).await.body;
        assert!(!body.contains("Willow") && !body.contains("reported") && !body.contains("It hurt"), "{page}: {body}");
    }

    // Resolving: one audit entry, and the report leaves the queue.
    let (report,): (i64,) =
        sqlx::query_as("SELECT id FROM reports WHERE reason = 'unkind'").fetch_one(&app.state.db.read).await.unwrap();
    let before = audit_count(&app).await;
    let bad = group.facilitator.post(&format!("/reports/{report}/resolve"), &[("outcome", "maybe")]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let resolved = group
        .facilitator
        .post(&format!("/reports/{report}/resolve"), &[("outcome", "no-action"), ("note", "Talked it through.")])
        .await;
    assert_eq!(resolved.status, StatusCode::SEE_OTHER);
    assert_eq!(audit_count(&app).await, before + 1);
    let again = group.facilitator.post(&format!("/reports/{report}/resolve"), &[("outcome", "no-action")]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "already resolved");
    let queue = group.lead.get("/moderation").await.body;
    assert!(
        !queue.contains("Unkind or harmful") && queue.contains("<span class=\"count\">1</span> other report or flag")
    );
    let audit = group.lead.get("/audit").await.body;
    assert!(audit.contains("Resolved a report") && audit.contains("no action") && audit.contains("Talked it through."));
    app.stop().await;
}
