//! Operating Hearth as an organisation's admin does, with the real binary:
//! backups and restores while it serves, the health report and endpoint,
//! several processes on one PostgreSQL, the deploy files, and proof that
//! crashes, database restarts, full disks and shutdowns lose no acknowledged
//! post (`resilience`). Tests that need root, a mount, PostgreSQL's server
//! binaries or a deploy tool skip loudly where those are missing;
//! `HEARTH_REQUIRE_OPERATIONS=1` (set by `.ci/run`) makes a skip a failure.

mod backups;
mod deploy;
mod health;
pub mod load;
mod resilience;
mod scale_out;

use std::{
    collections::HashMap,
    time::{Duration, Instant},
};

use hearth::accounts::{pseudonym::lookup_key, security::device::Device, session, store};

use crate::support::{TestApp, skip_loudly};

/// Whether a test that needs `what` may run: `false` (after a loud skip)
/// where it is missing, a failure under `HEARTH_REQUIRE_OPERATIONS=1`.
pub fn available_or_skip(available: Result<(), String>, what: &str) -> bool {
    match available {
        Ok(()) => true,
        Err(why) => {
            assert!(
                std::env::var("HEARTH_REQUIRE_OPERATIONS").as_deref() != Ok("1"),
                "HEARTH_REQUIRE_OPERATIONS=1 but {what} cannot run: {why}"
            );
            skip_loudly(&format!("{what} skipped: {why}"));
            false
        }
    }
}

/// The figures this suite reports (posts acknowledged and found, recovery
/// times), printed past the test harness's capture so CI logs show them.
pub fn figures(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "operations: {line}");
}

/// New sessions for a member, made directly (no password hashing), as
/// session tokens for the `__Host-hearth` cookie.
pub async fn sessions(app: &TestApp, pseudonym: &str, count: usize) -> Vec<String> {
    let user = store::user_by_key(&app.state.db.read, &lookup_key(pseudonym)).await.unwrap().unwrap();
    let device = Device::from_user_agent("");
    let mut tokens = Vec::with_capacity(count);
    for _ in 0..count {
        let mut conn = app.state.db.write.acquire().await.unwrap();
        let keeping = session::Keeping { device: &device, remember: false };
        tokens.push(session::start(&app.state, &mut conn, &user, app.state.clock.now(), keeping).await.unwrap().token);
    }
    tokens
}

/// How many times each post body starting with `prefix` is stored.
pub async fn bodies_stored(pool: &hearth::db::Pool, prefix: &str) -> HashMap<String, i64> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT body_md FROM posts WHERE body_md LIKE $1")
        .bind(format!("{prefix}%"))
        .fetch_all(pool)
        .await
        .unwrap();
    let mut counts = HashMap::new();
    for (body,) in rows {
        *counts.entry(body).or_insert(0) += 1;
    }
    counts
}

/// Every acknowledged post is stored exactly once (posts the server wrote
/// but could not acknowledge before it died may be there too, once).
/// Returns how many were stored in all.
pub fn assert_each_stored_once(acknowledged: &[String], stored: &HashMap<String, i64>) -> usize {
    let missing: Vec<&String> = acknowledged.iter().filter(|body| !stored.contains_key(*body)).collect();
    assert!(missing.is_empty(), "{} acknowledged posts are missing, e.g. {:?}", missing.len(), missing.first());
    let doubled: Vec<(&String, &i64)> = stored.iter().filter(|(_, n)| **n != 1).collect();
    assert!(doubled.is_empty(), "posts stored more than once: {doubled:?}");
    stored.len()
}

/// Waits until the server's `/healthz` says ok; returns how long that took.
pub async fn until_healthy(base: &str, within: Duration) -> Duration {
    let started = Instant::now();
    let probe = reqwest::Client::builder().timeout(Duration::from_secs(2)).build().unwrap();
    loop {
        if let Ok(response) = probe.get(format!("{base}/healthz")).send().await
            && response.status() == reqwest::StatusCode::OK
        {
            return started.elapsed();
        }
        assert!(started.elapsed() < within, "{base} was not healthy within {within:?}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// The form of a "not saved yet" page, as a browser would send it again.
#[derive(Debug)]
pub struct KeptForm {
    pub action: String,
    pub fields: Vec<(String, String)>,
}

/// Text as a browser reads it from HTML: named and numeric character references resolved.
fn unescape(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        plain.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find(';') else { break };
        let entity = &after[..end];
        let decoded = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                plain.push(c);
                rest = &after[end + 1..];
            }
            None => {
                plain.push('&');
                rest = after;
            }
        }
    }
    plain.push_str(rest);
    plain
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].split('"').next()
}

impl KeptForm {
    /// The one form inside `<main>`, with its inputs and textareas in order.
    pub fn parse(page: &str) -> Self {
        let main = page.split("<main").nth(1).and_then(|rest| rest.split("</main>").next()).unwrap();
        let form = main.split("<form method=\"post\"").nth(1).unwrap();
        let action = unescape(attribute(form, "action").unwrap());
        let mut fields = Vec::new();
        for piece in form.split('<').skip(1) {
            if let Some(tag) = piece.strip_prefix("input ") {
                if let Some(name) = attribute(tag, "name") {
                    fields.push((unescape(name), unescape(attribute(tag, "value").unwrap_or_default())));
                }
            } else if let Some(tag) = piece.strip_prefix("textarea ") {
                let name = attribute(tag, "name").unwrap();
                let text = tag.split_once('>').unwrap().1;
                fields.push((unescape(name), unescape(text)));
            }
        }
        Self { action, fields }
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    pub fn as_pairs(&self) -> Vec<(&str, &str)> {
        self.fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
    }
}
