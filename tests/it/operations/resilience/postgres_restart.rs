//! PostgreSQL restart during load: a private cluster is stopped as a crash
//! would stop it while clients post replies. Meanwhile Hearth answers calmly
//! (503 pages, a reply given back in its form, never a 500, a password never
//! shown back) and `/healthz` says "not ok"; once the database is back Hearth
//! recovers by itself, without a restart, and no acknowledged reply is lost.

use std::time::{Duration, Instant};

use reqwest::StatusCode;

use super::cluster::Cluster;
use crate::{
    cli::runner::{Instance, Server},
    operations::{
        KeptForm, assert_each_stored_once, available_or_skip, bodies_stored, figures,
        load::{self, Load},
        until_healthy,
    },
    support::{PASSWORD, TestApp, Visitor, postgres_admin},
};

const WRITERS: usize = 8;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hearth_rides_out_a_postgres_restart() {
    let cluster = Cluster::start();
    let cluster = match cluster {
        Ok(cluster) => cluster,
        Err(why) => {
            available_or_skip(Err(why), "the PostgreSQL restart test (a private cluster)");
            return;
        }
    };
    postgres_admin(&cluster.url("postgres"), "CREATE DATABASE hearth").await;
    let app = TestApp::spawn_at(&cluster.url("hearth")).await;
    let (writers, _) = load::writers(&app, WRITERS).await;
    let instance = Instance::of(&app);
    let base = instance.base();
    let mut server = Server::start(base.clone(), instance.command(&["serve"])).await;
    let reader = Visitor::new(&base);
    reader.set_cookie("__Host-hearth", &writers[0].session);
    reader.get(&writers[0].topic).await;

    let load = Load::start(&base, &writers, "pg-restart");
    load.until_acknowledged(100, Duration::from_secs(20)).await;
    cluster.crash();
    let stopped = Instant::now();

    // While it is down, each of these waits for the database (a few seconds)
    // and then answers calmly.
    let topic = writers[0].topic.clone();
    let reply_path = format!("{topic}/reply");
    let words = "Still here tonight, thinking of you all";
    let stranger = Visitor::new(&base);
    let reply_fields = [("body", words), ("action", "publish")];
    let (page, reply, sign_in, health) = tokio::join!(
        reader.get(&topic),
        reader.post(&reply_path, &reply_fields),
        stranger.sign_in("Willow", PASSWORD),
        reqwest::get(format!("{base}/healthz")),
    );
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE, "{}", page.body);
    assert!(page.body.contains("can’t reach its storage"), "{}", page.body);
    assert_eq!(page.header("retry-after"), Some("30"));
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE, "{}", reply.body);
    let kept = KeptForm::parse(&reply.body);
    assert_eq!((kept.action.as_str(), kept.value("body")), (reply_path.as_str(), Some(words)), "{}", reply.body);
    assert_eq!(sign_in.status, StatusCode::SERVICE_UNAVAILABLE, "{}", sign_in.body);
    assert!(!sign_in.body.contains(PASSWORD), "a password is never shown back");
    let health = health.unwrap();
    assert_eq!(health.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(health.text().await.unwrap(), "not ok\n");
    assert!(server.child.0.try_wait().unwrap().is_none(), "Hearth kept running");

    let acknowledged_while_down = load.acknowledged().len();
    cluster.start_again().unwrap();
    let down_for = stopped.elapsed();
    let back = Instant::now();
    let healthy_after = until_healthy(&base, Duration::from_secs(20)).await;
    load.until_acknowledged(acknowledged_while_down + 1, Duration::from_secs(20)).await;
    let first_reply_after = back.elapsed();
    // The reply given back while it was down, sent again as a member would.
    let again = reader.post_raw(&kept.action, &kept.as_pairs()).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let tally = load.stop().await;

    assert!(server.child.0.try_wait().unwrap().is_none(), "Hearth recovered without a restart");
    let unexpected = tally.answered_other_than(&[503]);
    assert!(unexpected.is_empty(), "only 303 and calm 503 answers: {:?}", tally.statuses);
    assert_eq!(tally.unanswered, 0, "Hearth answered every request while the database was down");
    let stored = bodies_stored(&app.state.db.read, "pg-restart-").await;
    let found = assert_each_stored_once(&tally.acknowledged, &stored);
    assert_eq!(bodies_stored(&app.state.db.read, words).await.get(words), Some(&1));
    figures(&format!(
        "PostgreSQL restart: {WRITERS} clients; {} replies acknowledged, {found} stored, each exactly once; \
         database down {} ms, during which {} posts got a 503 with their text given back and none went \
         unanswered or got a 500; after it came back: healthy in {} ms, first acknowledged reply in {} ms, without restarting \
         Hearth",
        tally.acknowledged.len(),
        down_for.as_millis(),
        tally.given_back,
        healthy_after.as_millis(),
        first_reply_after.as_millis(),
    ));
    let stopped = server.stop().await;
    assert!(stopped.status.success(), "{}", stopped.stderr);
    app.stop().await;
    drop(cluster);
}
