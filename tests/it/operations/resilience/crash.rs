//! Crash: 32 clients post replies as fast as they can while the server is
//! killed with SIGKILL at a random moment, three times over. After each
//! restart every acknowledged reply is stored exactly once and the database
//! passes its integrity check (`hearth check`).

use std::time::Duration;

use crate::{
    cli::runner::{Instance, Server, run},
    operations::{
        assert_each_stored_once, bodies_stored, figures,
        load::{self, Load},
        until_healthy,
    },
    support::{Backend, TestApp},
};

crate::on_both_backends!(sigkill_under_load_loses_no_acknowledged_reply);

const ROUNDS: usize = 3;
const WRITERS: usize = 32;

async fn sigkill_under_load_loses_no_acknowledged_reply(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (writers, _) = load::writers(&app, WRITERS).await;
    let instance = Instance::of(&app);
    let base = instance.base();
    let mut server = Server::start(base.clone(), instance.command(&["serve"])).await;
    let mut acknowledged = Vec::new();
    let mut stored_before = 0;
    for round in 1..=ROUNDS {
        let load = Load::start(&base, &writers, &format!("crash-r{round}"));
        load.until_acknowledged(WRITERS, Duration::from_secs(20)).await;
        // A random moment: somewhere in the next 50–800 ms of load.
        let at = Duration::from_millis(rand::random_range(50..800));
        tokio::time::sleep(at).await;
        server.child.0.kill().unwrap();
        server.child.0.wait().unwrap();
        let tally = load.stop().await;
        assert!(tally.answered_other_than(&[]).is_empty(), "answers besides 303 before the kill: {:?}", tally.statuses);
        let this_round = tally.acknowledged.len();
        acknowledged.extend(tally.acknowledged);

        server = Server::spawn(base.clone(), instance.command(&["serve"]));
        let recovery = until_healthy(&base, Duration::from_secs(15)).await;
        let stored = bodies_stored(&app.state.db.read, "crash-").await;
        let found = assert_each_stored_once(&acknowledged, &stored);
        let checked = run(instance.command(&["check"]), None).await;
        assert_eq!(checked.code(), Some(0), "{checked:?}");
        let integrity = checked.stdout.lines().find(|line| line.contains("integrity:")).unwrap_or_default();
        assert!(integrity.starts_with("ok "), "{}", checked.stdout);
        let stored_this_round = found - stored_before;
        figures(&format!(
            "crash ({backend:?}) round {round}: SIGKILL after {} ms more load; {this_round} replies acknowledged, \
             {stored_this_round} stored ({} written but not acknowledged when killed), each exactly once; \
             restarted and healthy in {} ms; {}",
            at.as_millis(),
            stored_this_round - this_round,
            recovery.as_millis(),
            integrity.trim_start_matches("ok").trim(),
        ));
        stored_before = found;
    }
    let stopped = server.stop().await;
    assert!(stopped.status.success(), "{}", stopped.stderr);
    app.stop().await;
}
