//! The purge: posts past their group's retention (held ones too) with the
//! moderation records of the same age, records outside groups past the
//! instance's longest retention, ended groups' conversations, expired
//! sessions and challenges, spent invites and reset links, role changes
//! nobody confirmed — deleted by one idempotent run that the server repeats
//! and `hearth purge` starts.

use reqwest::StatusCode;

use crate::{
    cli::runner::{Instance, run},
    on_both_backends,
    support::{Backend, PASSWORD, TestApp, Visitor},
};

on_both_backends!(
    posts_past_retention_go_and_unread_counts_stay_right,
    moderation_records_follow_the_retention,
    an_ended_group_loses_its_conversations_after_the_set_days,
    spent_invites_and_expired_challenges_go_and_hearth_purge_runs_it,
);

const DAY: i64 = 86_400;

async fn purge(app: &TestApp) -> Vec<(&'static str, u64)> {
    hearth::safety::purge::run(&app.state).await.unwrap().0
}

fn deleted(purged: &[(&str, u64)], what: &str) -> u64 {
    purged.iter().find(|(name, _)| *name == what).map_or(0, |(_, n)| *n)
}

async fn publish(author: &Visitor, slug: &str, title: &str, body: &str) -> String {
    author.get(&format!("/groups/{slug}/topics/new")).await;
    let fields = [("title", title), ("body", body), ("action", "publish")];
    let page = author.post(&format!("/groups/{slug}/topics/new"), &fields).await;
    page.location().unwrap().split(['?', '#']).next().unwrap().to_owned()
}

async fn count(app: &TestApp, sql: &'static str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&app.state.db.read).await.unwrap();
    n
}

async fn posts_past_retention_go_and_unread_counts_stay_right(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = app.group("circle").await;
    let other = app.group("kept").await;
    group.lead.get("/groups/circle/privacy").await;
    group.lead.post("/groups/circle/privacy", &[("retention", "30")]).await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let kept_member = app.member_of(&other, "Ash").await;

    let old = publish(&willow, "circle", "Old topic", "Written long ago.").await;
    let gone = publish(&willow, "circle", "Gone topic", "Also long ago.").await;
    // Held for an e-mail address: a held post is a post, deleted by age like the others.
    willow.get(&old).await;
    willow.post(&format!("{old}/reply"), &[("body", "Long ago: old@example.org"), ("action", "publish")]).await;
    publish(&kept_member, "kept", "Kept elsewhere", "This group keeps a year.").await;
    rowan.get(&old).await; // Rowan has read it
    willow.get("/groups/circle/check-ins/new").await;
    willow.post("/groups/circle/check-ins/new", &[("subject", "Old question"), ("body", "Long ago.")]).await;

    app.clock.advance(20 * DAY);
    willow.sign_in("Willow", PASSWORD).await;
    rowan.sign_in("Rowan", PASSWORD).await;
    rowan.get(&old).await;
    rowan.post(&format!("{old}/reply"), &[("body", "A newer reply."), ("action", "publish")]).await;
    // Newer, and held: kept, and never counted.
    willow.get(&old).await;
    willow.post(&format!("{old}/reply"), &[("body", "Newer: new@example.org"), ("action", "publish")]).await;
    let fresh = publish(&rowan, "circle", "Fresh topic", "Written this month.").await;

    app.clock.advance(15 * DAY);
    let purged = purge(&app).await;
    assert_eq!(deleted(&purged, "posts past their group's retention"), 3, "{purged:?}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM posts WHERE state = 'held'").await, 1, "the newer held post stays");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM posts WHERE body_md LIKE '%long ago%'").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM posts WHERE body_md = 'This group keeps a year.'").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM check_in_messages").await, 0, "old check-in messages too");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM check_ins").await, 0);

    willow.sign_in("Willow", PASSWORD).await;
    rowan.sign_in("Rowan", PASSWORD).await;
    assert_eq!(willow.get(&gone).await.status, StatusCode::NOT_FOUND, "a topic left empty is gone");
    let page = willow.get(&old).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("A newer reply.") && !page.body.contains("Written long ago."));
    assert_eq!(willow.get(&fresh).await.status, StatusCode::OK);
    // Rowan read everything: nothing shows as unread after the purge.
    let home = rowan.get("/").await;
    assert!(!home.body.contains("new"), "no unread count from deleted posts: {}", home.body);
    let (posts, counted): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM posts WHERE topic_id = t.id AND state = 'published'), t.post_count \
         FROM topics t WHERE t.title = 'Old topic'",
    )
    .fetch_one(&app.state.db.read)
    .await
    .unwrap();
    assert_eq!((posts, counted), (1, 1), "the topic counts its published posts, not the held one");
    assert_eq!(purge(&app).await.iter().map(|(_, n)| n).sum::<u64>(), 0, "a second run finds nothing");
    app.stop().await;
}

/// Moderation's records go by the same rules: a group's notices, reports
/// and audit entries by its retention; staff notes and entries outside any
/// group by the instance's longest retention; reset links once spent; role
/// changes once they lapse.
async fn moderation_records_follow_the_retention(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| config.retention.max_days = Some(60)).await;
    let group = app.group("circle").await;
    let (lead, guide) = (&group.lead, &group.facilitator);
    lead.get("/groups/circle/privacy").await;
    lead.post("/groups/circle/privacy", &[("retention", "30")]).await;
    let willow = app.member_of(&group, "Willow").await;
    let rowan = app.member_of(&group, "Rowan").await;
    let topic = publish(&willow, "circle", "Evenings", "Hard ones.").await;
    let (post,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM posts").fetch_one(&app.state.db.read).await.unwrap();
    rowan.get(&format!("/posts/{post}/report")).await;
    rowan.post(&format!("/posts/{post}/report"), &[("reason", "spam")]).await;
    drop((willow, topic));
    let member = format!("/groups/circle/members/{}", app.user_id("Willow").await);
    guide.get(&member).await;
    guide.post(&format!("{member}/notes"), &[("body", "Prefers evenings.")]).await;
    guide.post(&format!("{member}/password-reset"), &[]).await;
    guide.post(&format!("{member}/suspend"), &[("days", "1")]).await;
    let organisation = format!("/organisations/{}", group.organisation_id);
    lead.get(&organisation).await;
    lead.post(&format!("{organisation}/moderation"), &[("crisis_words", "hopeless")]).await;
    let asked = lead.post(&format!("{organisation}/staff"), &[("pseudonym", "Rowan"), ("role", "lead")]).await;
    assert!(asked.body.contains("must confirm"), "a role change waits: {}", asked.body);
    let in_group = "SELECT COUNT(*) FROM audit_log WHERE group_id IS NOT NULL";
    let outside = "SELECT COUNT(*) FROM audit_log WHERE group_id IS NULL";
    assert!(count(&app, in_group).await >= 3 && count(&app, outside).await >= 2);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM member_notices").await, 1, "the suspension, told");

    app.clock.advance(31 * DAY);
    let purged = purge(&app).await;
    assert!(deleted(&purged, "moderation records past their group's retention") >= 5, "{purged:?}");
    assert_eq!(deleted(&purged, "spent password-reset links"), 1, "expired a day after it was made");
    assert_eq!(deleted(&purged, "role changes nobody confirmed"), 1, "lapsed after a week");
    assert_eq!(deleted(&purged, "records outside groups past the longest retention"), 0);
    for (what, sql) in [
        ("audit entries of the group", in_group),
        ("notices", "SELECT COUNT(*) FROM member_notices"),
        ("reports", "SELECT COUNT(*) FROM reports"),
        ("reset links", "SELECT COUNT(*) FROM password_resets"),
        ("role requests", "SELECT COUNT(*) FROM role_requests"),
    ] {
        assert_eq!(count(&app, sql).await, 0, "{what} past the group's retention");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_notes").await, 1, "notes are the organisation's: 60 days");

    app.clock.advance(30 * DAY);
    let purged = purge(&app).await;
    assert!(deleted(&purged, "records outside groups past the longest retention") >= 3, "{purged:?}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_notes").await + count(&app, outside).await, 0);
    assert_eq!(purge(&app).await.iter().map(|(_, n)| n).sum::<u64>(), 0, "a second run finds nothing");
    app.stop().await;
}

async fn an_ended_group_loses_its_conversations_after_the_set_days(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| config.retention.ended_group_days = 10).await;
    let group = app.group("weeks").await;
    let ends = app.state.clock.now() + 2 * DAY;
    sqlx::query("UPDATE support_groups SET ends_at = $1 WHERE id = $2")
        .bind(ends)
        .bind(group.id)
        .execute(&app.state.db.write)
        .await
        .unwrap();
    let willow = app.member_of(&group, "Willow").await;
    publish(&willow, "weeks", "Week one", "What we shared.").await;
    let page = willow.get("/groups/weeks/agreements").await;
    assert!(super::plain(&page.body).contains("all its conversations are deleted on"), "members are told when");

    app.clock.advance(11 * DAY);
    assert_eq!(deleted(&purge(&app).await, "conversations of ended groups"), 0, "not yet: 9 days after the end");
    app.clock.advance(DAY + 1);
    assert_eq!(deleted(&purge(&app).await, "conversations of ended groups"), 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM posts").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM support_groups WHERE slug = 'weeks'").await, 1, "the group stays");
    app.stop().await;
}

async fn spent_invites_and_expired_challenges_go_and_hearth_purge_runs_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let willow = app.visitor();
    willow.join(&app.invite().await, "Willow", PASSWORD).await;
    app.enrol_two_factor(&willow).await;
    let admin = app.admin("Keeper").await;
    admin.get("/invites").await;
    admin.post("/invites", &[("days", "1")]).await;
    app.visitor().sign_in("Willow", PASSWORD).await; // a password, and no code after it
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sign_in_challenges").await, 1);

    app.clock.advance(3 * DAY);
    let purged = purge(&app).await;
    assert_eq!(deleted(&purged, "expired sign-in challenges"), 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sign_in_challenges").await, 0);
    assert_eq!(deleted(&purged, "spent invites"), 0, "kept a week so staff see what became of them");
    app.clock.advance(7 * DAY);
    let waiting = app.invite().await;
    assert_eq!(deleted(&purge(&app).await, "spent invites"), 3, "used twice, expired once");
    // The real binary runs the same, as an admin's cron job or a deploy script would.
    let ran = run(Instance::of(&app).command(&["purge"]), None).await;
    assert_eq!(ran.code(), Some(0), "{ran:?}");
    for line in ["expired sessions: 0 deleted", "spent invites: 0 deleted", "posts past their group's retention"] {
        assert!(ran.stdout.contains(line), "{line}: {}", ran.stdout);
    }
    assert!(!ran.stdout.contains("converted"), "a new database needs no conversion: {}", ran.stdout);
    let ran = run(Instance::of(&app).command(&["purge", "--help"]), None).await;
    assert!(ran.stdout.contains("retention"), "{}", ran.stdout);
    assert_eq!(app.visitor().get(&waiting).await.status, StatusCode::OK, "an invite still waiting stays");
    if backend == Backend::Sqlite {
        let (mode,): (i64,) = sqlx::query_as("PRAGMA auto_vacuum").fetch_one(&app.state.db.read).await.unwrap();
        assert_eq!(mode, 2, "new databases return freed pages (incremental vacuum)");
    }
    app.stop().await;
}
