//! The audit log is append-only: no route changes an entry, the database
//! itself refuses to (but for erasure taking an erased account out of one),
//! and no statement in the code tries.

use super::{path_of, start_topic};
use crate::{
    on_both_backends,
    support::{Backend, TestApp},
};

on_both_backends!(no_route_and_no_statement_changes_an_entry);

#[derive(Debug, PartialEq, Eq, sqlx::FromRow)]
struct Row {
    id: i64,
    created_at: i64,
    actor_id: Option<i64>,
    action: String,
    target_kind: String,
    target_id: Option<i64>,
    detail: String,
    reason: String,
}

async fn rows(app: &TestApp) -> Vec<Row> {
    sqlx::query_as(
        "SELECT id, created_at, actor_id, action, target_kind, target_id, detail, reason FROM audit_log ORDER BY id",
    )
    .fetch_all(&app.state.db.read)
    .await
    .unwrap()
}

async fn no_route_and_no_statement_changes_an_entry(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.admin("Keeper").await;
    let group = app.group("circle").await;
    let topic = path_of(&start_topic(&group.facilitator, "circle", "Hello", "Welcome.").await);
    group.facilitator.post(&format!("{topic}/pin"), &[("reason", "Welcome post")]).await;
    admin.get("/account").await;
    group.lead.get("/account").await;
    let before = rows(&app).await;
    assert!(!before.is_empty());
    let entry = before.last().unwrap().id;

    // The log has one route, and it only reads.
    for path in [
        "/audit".to_owned(),
        format!("/audit/{entry}"),
        format!("/audit/{entry}/edit"),
        format!("/audit/{entry}/delete"),
    ] {
        for visitor in [&admin, &group.lead] {
            let page = visitor.post(&path, &[("reason", "rewritten"), ("action", "none")]).await;
            assert!(matches!(page.status.as_u16(), 404 | 405), "POST {path}: {}", page.status);
        }
    }
    // Every form in Hearth, fed an entry's id and fields that look like an entry's.
    let forms = [
        "/admin/organisations",
        "/admin/resources",
        "/admin/admins",
        "/invites",
        "/groups/circle/settings",
        "/groups/circle/moderation/settings",
        "/groups/circle/lockdown",
        "/groups/circle/agreements/edit",
        "/groups/circle/resources/edit",
    ];
    let with_ids = [
        "/posts/{id}/hide",
        "/posts/{id}/approve",
        "/posts/{id}/decline",
        "/posts/{id}/redact",
        "/reports/{id}/resolve",
        "/role-requests/{id}/confirm",
        "/role-requests/{id}/cancel",
        "/invites/{id}/revoke",
        "/topics/{id}/pin",
        "/topics/{id}/move",
        "/groups/circle/members/{id}/ban",
        "/groups/circle/members/{id}/notes",
    ];
    let fields = [("reason", "rewritten"), ("detail", "x"), ("action", "lock"), ("id", "1"), ("created_at", "0")];
    for path in
        forms.iter().map(|p| (*p).to_owned()).chain(with_ids.iter().map(|p| p.replace("{id}", &entry.to_string())))
    {
        for visitor in [&admin, &group.lead] {
            let page = visitor.post(&path, &fields).await;
            assert!(page.status.as_u16() < 500, "POST {path}: {}", page.body);
        }
    }
    let after = rows(&app).await;
    assert_eq!(&after[..before.len()], &before[..], "no earlier entry changed or went away");

    // The database itself refuses to change an entry; it lets one lose an
    // erased account (its id becomes 0, a reason naming them goes), nothing else.
    for rewrite in [
        "UPDATE audit_log SET reason = 'rewritten' WHERE id = $1",
        "UPDATE audit_log SET actor_id = actor_id + 1 WHERE id = $1",
        "UPDATE audit_log SET target_id = 0, action = 'topic_locked' WHERE id = $1",
        "UPDATE audit_log SET created_at = created_at - 1 WHERE id = $1",
        "UPDATE audit_log SET detail = 'x' WHERE id = $1",
    ] {
        let changed = sqlx::query(rewrite).bind(entry).execute(&app.state.db.write).await;
        assert!(changed.is_err(), "{rewrite} must fail");
    }
    assert_eq!(rows(&app).await[..before.len()], before[..]);
    let forgotten = sqlx::query("UPDATE audit_log SET actor_id = 0, reason = '' WHERE id = $1")
        .bind(entry)
        .execute(&app.state.db.write)
        .await;
    assert!(forgotten.is_ok(), "erasure may take the account out of an entry: {forgotten:?}");

    // And nothing in the code tries, but the INSERT, the erasure's steps
    // (safety::store::ERASE_STEPS) and the retention purge.
    let sources = std::process::Command::new("grep")
        .args(["-rli", "audit_log", "src"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let files = String::from_utf8(sources.stdout).unwrap();
    for file in files.lines().filter(|file| *file != "src/safety/store.rs") {
        let text = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap().to_lowercase();
        for forbidden in ["update audit_log", "delete from audit_log", "drop table audit_log"] {
            assert!(!text.contains(forbidden), "{file} has {forbidden:?}");
        }
    }
    let safety = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/safety/store.rs")).unwrap();
    let changed: Vec<&str> = safety
        .split("UPDATE audit_log SET ")
        .skip(1)
        .map(|rest| rest.split_whitespace().next().unwrap_or_default())
        .collect();
    assert_eq!(changed, ["reason", "actor_id", "target_id"], "only the erasure's three steps change entries");
    app.stop().await;
}
