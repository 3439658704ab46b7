//! Backups as an operator takes them: `hearth backup` while clients post
//! replies as fast as they can, then `hearth restore` into a fresh directory
//! (a fresh database on PostgreSQL), and the restored forum serves every
//! reply acknowledged before the backup started. Restore refuses a live or
//! populated database without `--force`; with it, a SQLite server stops for
//! the restore and PostgreSQL nodes carry on with the restored data.

use std::{collections::HashSet, time::Duration};

use reqwest::StatusCode;

use super::{
    figures,
    load::{self, Load, Writer},
    until_healthy,
};
use crate::{
    cli::runner::{Instance, Scratch, Server, free_port, run},
    on_both_backends,
    support::{Backend, TestApp, Visitor, postgres_admin, replace_database},
};

on_both_backends!(a_backup_under_load_restores_every_acknowledged_reply);

/// Every reply body on a topic, following its pages.
async fn replies_served(visitor: &Visitor, topic: &str) -> Vec<String> {
    let mut bodies = Vec::new();
    let mut after = 0;
    loop {
        let page = visitor.get(&format!("{topic}?after={after}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let ids: Vec<i64> =
            page.body.split("id=\"post-").skip(1).filter_map(|rest| rest.split('"').next()?.parse().ok()).collect();
        bodies.extend(page.body.split("<p>").skip(1).filter_map(|rest| rest.split("</p>").next()).map(str::to_owned));
        match ids.last() {
            Some(last) if ids.len() >= 50 => after = *last,
            _ => return bodies,
        }
    }
}

async fn served_on_every_topic(reader: &Visitor, writers: &[Writer]) -> HashSet<String> {
    let mut served = HashSet::new();
    for topic in writers.iter().map(|writer| writer.topic.clone()).collect::<HashSet<_>>() {
        served.extend(replies_served(reader, &topic).await);
    }
    served
}

async fn a_backup_under_load_restores_every_acknowledged_reply(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (writers, _) = load::writers(&app, 8).await;
    let instance = Instance::of(&app);
    let base = instance.base();
    let server = Server::start(base.clone(), instance.command(&["serve"])).await;
    let scratch = Scratch::new();
    std::fs::create_dir_all(&scratch.0).unwrap();
    let backup = scratch.0.join("hearth-backup");

    let load = Load::start(&base, &writers, "backup");
    load.until_acknowledged(100, Duration::from_secs(20)).await;
    let before_backup = load.acknowledged();
    let ran = run(instance.command(&["backup", backup.to_str().unwrap()]), None).await;
    assert_eq!(ran.code(), Some(0), "{ran:?}");
    assert!(ran.stdout.contains("store it encrypted") && ran.stdout.contains("retention schedule"), "{}", ran.stdout);
    let during_backup = load.acknowledged().len() - before_backup.len();
    let tally = load.stop().await;
    assert!(tally.answered_other_than(&[]).is_empty(), "{:?}", tally.statuses);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a backup is readable by its owner only");
    }
    let again = run(instance.command(&["backup", backup.to_str().unwrap()]), None).await;
    assert_ne!(again.code(), Some(0), "a backup never replaces a file");
    assert!(again.stderr.contains("already exists"), "{again:?}");

    // The live database is refused without --force.
    let refused = run(instance.command(&["restore", backup.to_str().unwrap()]), None).await;
    assert_ne!(refused.code(), Some(0));
    assert!(refused.stderr.contains("is using"), "{refused:?}");

    // Restore into a fresh place and serve it.
    let fresh_url = match backend {
        Backend::Sqlite => format!("sqlite://{}/fresh/hearth.db", scratch.0.display()),
        Backend::Postgres => {
            let server_url = Backend::postgres_url().unwrap();
            let name = format!("hearth_restored_{}", std::process::id());
            postgres_admin(&server_url, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
            postgres_admin(&server_url, &format!("CREATE DATABASE {name}")).await;
            replace_database(&server_url, &name)
        }
    };
    let fresh = Instance { database_url: fresh_url.clone(), port: free_port() };
    let restored = run(fresh.command(&["restore", backup.to_str().unwrap()]), None).await;
    assert_eq!(restored.code(), Some(0), "{restored:?}");
    let checked = run(fresh.command(&["check"]), None).await;
    assert_eq!(checked.code(), Some(0), "{checked:?}");
    let restored_server = Server::start(fresh.base(), fresh.command(&["serve"])).await;
    // The members' sessions came back with the forum.
    let reader = Visitor::new(&fresh.base());
    reader.set_cookie("__Host-hearth", &writers[0].session);
    let served = served_on_every_topic(&reader, &writers).await;
    let missing: Vec<&String> = before_backup.iter().filter(|body| !served.contains(*body)).collect();
    assert!(missing.is_empty(), "{} replies acknowledged before the backup are not served", missing.len());
    let after_backup = tally.acknowledged.len() - before_backup.len();
    let in_backup = tally.acknowledged.iter().filter(|body| served.contains(*body)).count();
    figures(&format!(
        "backup ({backend:?}) under load: {} replies acknowledged before `hearth backup` started, all {} served by \
         the restored forum; {during_backup} acknowledged while it ran; {in_backup} of {} acknowledged in all are \
         in the backup ({after_backup} came after it started)",
        before_backup.len(),
        before_backup.len(),
        tally.acknowledged.len(),
    ));

    // A restored database holds a forum now: refused without --force. With
    // it, under a running server: SQLite's stops for the restore, PostgreSQL's
    // carries on with the restored data.
    let populated = run(fresh.command(&["restore", backup.to_str().unwrap()]), None).await;
    assert!(populated.stderr.contains("is using"), "{populated:?}");
    let forced = run(fresh.command(&["restore", "--force", backup.to_str().unwrap()]), None).await;
    assert_eq!(forced.code(), Some(0), "{forced:?}");
    let mut restored_server = restored_server;
    match backend {
        Backend::Sqlite => {
            let stopped = restored_server.child.0.wait().unwrap();
            assert!(!stopped.success(), "a failure exit, so a service manager starts it again");
            assert!(forced.stdout.contains("The server stopped for the restore"), "{}", forced.stdout);
            let stderr = restored_server.take_stderr().await;
            assert!(stderr.contains("stopped so that `hearth restore` can replace the database"), "{stderr}");
            let not_live = run(fresh.command(&["restore", backup.to_str().unwrap()]), None).await;
            assert!(not_live.stderr.contains("already holds a forum"), "{not_live:?}");
            let restarted = Server::spawn(fresh.base(), fresh.command(&["serve"]));
            until_healthy(&fresh.base(), Duration::from_secs(15)).await;
            restored_server = restarted;
        }
        Backend::Postgres => {
            assert!(restored_server.child.0.try_wait().unwrap().is_none(), "nodes keep running");
            assert!(forced.stdout.contains("carry on with the restored data"), "{}", forced.stdout);
        }
    }
    let served_again = served_on_every_topic(&reader, &writers).await;
    assert!(before_backup.iter().all(|body| served_again.contains(body)), "the forced restore serves the backup");
    let stopped = restored_server.stop().await;
    assert!(stopped.status.success(), "{}", stopped.stderr);
    let stopped = server.stop().await;
    assert!(stopped.status.success(), "{}", stopped.stderr);
    if backend == Backend::Postgres {
        let server_url = Backend::postgres_url().unwrap();
        let name = fresh_url.rsplit('/').next().unwrap().to_owned();
        postgres_admin(&server_url, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
    }
    app.stop().await;
}
