//! A write load: clients that post replies as fast as they can, each on its
//! own connection and session, remembering which replies the server
//! acknowledged (303) and what else it answered. A client whose server is
//! gone (killed, stopping) counts the attempt and tries again shortly.

use std::{
    collections::BTreeMap,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use hearth::web::csrf;
use reqwest::{StatusCode, redirect::Policy};
use tokio::task::JoinHandle;

use crate::support::{TestApp, Visitor};

/// A group with two members and four topics, and `count` writers (sessions
/// of either member) spread over the topics. Returns one member, signed in.
pub async fn writers(app: &TestApp, count: usize) -> (Vec<Writer>, Visitor) {
    let group = app.group("resilience").await;
    let willow = app.member_of(&group, "Willow").await;
    app.member_of(&group, "Rowan").await;
    willow.get("/groups/resilience/topics/new").await;
    let mut topics = Vec::new();
    for n in 0..4 {
        let fields = [("title", format!("Evening check {n}")), ("body", "How is everyone?".to_owned())];
        let fields: Vec<(&str, &str)> =
            fields.iter().map(|(k, v)| (*k, v.as_str())).chain([("action", "publish")]).collect();
        let made = willow.post("/groups/resilience/topics/new", &fields).await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        topics.push(made.location().unwrap().to_owned());
    }
    let mut sessions = super::sessions(app, "Willow", count.div_ceil(2)).await;
    sessions.extend(super::sessions(app, "Rowan", count / 2).await);
    let writers = sessions
        .into_iter()
        .take(count)
        .enumerate()
        .map(|(n, session)| Writer { session, topic: topics[n % topics.len()].clone() })
        .collect();
    (writers, willow)
}

/// One posting client: a session and the topic it replies to.
#[derive(Debug, Clone)]
pub struct Writer {
    pub session: String,
    pub topic: String,
}

/// What the clients saw.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Bodies of the replies the server acknowledged, in order.
    pub acknowledged: Vec<String>,
    /// Every other answer, by status.
    pub statuses: BTreeMap<u16, usize>,
    /// 503 answers that gave the reply's text back in a form.
    pub given_back: usize,
    /// Attempts that got no answer at all (server down, stopping, killed).
    pub unanswered: usize,
}

impl Tally {
    pub fn answered_other_than(&self, allowed: &[u16]) -> Vec<(u16, usize)> {
        self.statuses.iter().filter(|(status, _)| !allowed.contains(status)).map(|(s, n)| (*s, *n)).collect()
    }
}

pub struct Load {
    stop: Arc<AtomicBool>,
    tally: Arc<Mutex<Tally>>,
    tasks: Vec<JoinHandle<()>>,
}

impl Load {
    /// Starts one task per writer against `base`; bodies are `{label}-w{n}-{i} …`.
    pub fn start(base: &str, writers: &[Writer], label: &str) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let tally = Arc::new(Mutex::new(Tally::default()));
        let tasks = writers
            .iter()
            .enumerate()
            .map(|(n, writer)| {
                let (stop, tally) = (Arc::clone(&stop), Arc::clone(&tally));
                let (base, writer, label) = (base.to_owned(), writer.clone(), label.to_owned());
                tokio::spawn(async move {
                    write_until_stopped(&base, &writer, &format!("{label}-w{n}"), &stop, &tally).await
                })
            })
            .collect();
        Self { stop, tally, tasks }
    }

    /// The replies acknowledged so far.
    pub fn acknowledged(&self) -> Vec<String> {
        self.tally.lock().unwrap().acknowledged.clone()
    }

    /// Waits until at least `count` replies are acknowledged in all.
    pub async fn until_acknowledged(&self, count: usize, within: Duration) {
        let deadline = tokio::time::Instant::now() + within;
        while self.tally.lock().unwrap().acknowledged.len() < count {
            assert!(tokio::time::Instant::now() < deadline, "fewer than {count} replies acknowledged in {within:?}");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Stops the clients (each finishes the request it is in) and returns the tally.
    pub async fn stop(self) -> Tally {
        self.stop.store(true, Ordering::SeqCst);
        for task in self.tasks {
            task.await.unwrap();
        }
        Arc::try_unwrap(self.tally).unwrap().into_inner().unwrap()
    }
}

async fn write_until_stopped(base: &str, writer: &Writer, label: &str, stop: &AtomicBool, tally: &Mutex<Tally>) {
    let client = reqwest::Client::builder().redirect(Policy::none()).timeout(Duration::from_secs(20)).build().unwrap();
    let cookie = format!("__Host-hearth={}", writer.session);
    let token = csrf::token_for(&writer.session);
    let url = format!("{base}{}/reply", writer.topic);
    let mut n = 0u64;
    while !stop.load(Ordering::SeqCst) {
        n += 1;
        let body = format!("{label}-{n} still here, one step at a time");
        let form = [("csrf", token.as_str()), ("body", body.as_str()), ("action", "publish")];
        let sent = client.post(&url).header("cookie", &cookie).form(&form).send().await;
        let answer = match sent {
            Ok(response) => {
                let status = response.status();
                let page = response.text().await;
                Some((status, page))
            }
            Err(_) => None,
        };
        // Flat out while the server acknowledges; a short pause after a
        // refusal or no answer, so a server that is down is not spun on.
        let acknowledged = matches!(answer, Some((StatusCode::SEE_OTHER, _)));
        {
            let mut tally = tally.lock().unwrap();
            match answer {
                Some((StatusCode::SEE_OTHER, _)) => tally.acknowledged.push(body),
                Some((status, page)) => {
                    let given_back = page.as_deref().is_ok_and(|page| page.contains(&body));
                    if status == StatusCode::SERVICE_UNAVAILABLE && given_back {
                        tally.given_back += 1;
                    }
                    *tally.statuses.entry(status.as_u16()).or_default() += 1;
                }
                None => tally.unanswered += 1,
            }
        }
        if !acknowledged {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}
