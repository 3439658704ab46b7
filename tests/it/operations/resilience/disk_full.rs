//! Disk full: SQLite on a small filesystem of its own (a size-limited tmpfs)
//! that fills up. A reply that cannot be written gets the "not saved yet,
//! your text is kept below" page with every character of it in the form; the
//! server keeps serving reads; once space is freed, sending the same form
//! again saves it, once. Nothing of the text reaches the log.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

use reqwest::StatusCode;

use crate::{
    cli::runner::{Instance, Scratch, Server, strip_ansi},
    operations::{KeptForm, available_or_skip, bodies_stored, figures, load},
    support::{TestApp, Visitor},
};

/// A tmpfs of a few megabytes, unmounted and removed however the test ends.
struct SmallDisk {
    scratch: Scratch,
}

impl SmallDisk {
    fn mount() -> Result<Self, String> {
        let scratch = Scratch::new();
        std::fs::create_dir_all(&scratch.0).map_err(|err| err.to_string())?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs"])
            .arg(&scratch.0)
            .output()
            .map_err(|err| format!("mount: {err}"))?;
        if !mounted.status.success() {
            return Err(format!(
                "cannot mount a tmpfs (needs root): {}",
                String::from_utf8_lossy(&mounted.stderr).trim()
            ));
        }
        Ok(Self { scratch })
    }

    fn path(&self) -> &Path {
        &self.scratch.0
    }

    /// Writes zeros until the filesystem is full; returns the filler file.
    fn fill(&self) -> (PathBuf, u64) {
        let filler = self.path().join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 4096];
        let mut written = 0u64;
        loop {
            match file.write_all(&block) {
                Ok(()) => written += 4096,
                Err(err) => {
                    assert_eq!(err.kind(), std::io::ErrorKind::StorageFull, "{err}");
                    break;
                }
            }
        }
        (filler, written)
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let unmounted = Command::new("umount").arg(&self.scratch.0).status();
        if !unmounted.is_ok_and(|status| status.success()) {
            let _ = Command::new("umount").arg("-l").arg(&self.scratch.0).status();
        }
    }
}

/// A reply worth keeping: quotes, markup-like text, accents, several paragraphs.
fn long_reply() -> String {
    let paragraph = "Today was \"hard\" — I said <no> & meant it. Élodie's café helped; ça va mieux.";
    (0..120).map(|n| format!("{n}. {paragraph}")).collect::<Vec<_>>().join("\n\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_keeps_the_text_and_keeps_serving_reads() {
    let disk = match SmallDisk::mount() {
        Ok(disk) => disk,
        Err(why) => {
            available_or_skip(Err(why), "the disk-full test (a small tmpfs)");
            return;
        }
    };
    let app = TestApp::spawn_at(&format!("sqlite://{}/hearth.db", disk.path().display())).await;
    let (writers, _) = load::writers(&app, 2).await;
    let (willow, rowan) = (&writers[0], &writers[1]);
    let instance = Instance::of(&app);
    let base = instance.base();
    let server = Server::start(base.clone(), instance.command(&["serve"])).await;
    let visitor = |session: &str| {
        let visitor = Visitor::new(&base);
        visitor.set_cookie("__Host-hearth", session);
        visitor
    };
    let (willow_visits, rowan_visits) = (visitor(&willow.session), visitor(&rowan.session));
    let topic = willow.topic.clone();
    let reply_path = format!("{topic}/reply");
    willow_visits.get(&topic).await;
    rowan_visits.get(&topic).await;
    let before = rowan_visits.post(&reply_path, &[("body", "Before the disk filled up."), ("action", "publish")]).await;
    assert_eq!(before.status, StatusCode::SEE_OTHER, "{}", before.body);

    // Empty the write-ahead log so that the next write needs new space, then fill the disk.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&app.state.db.write).await.unwrap();
    let (filler, filled) = disk.fill();

    let text = long_reply();
    let refused =
        willow_visits.post(&reply_path, &[("warning", "a hard day"), ("body", &text), ("action", "publish")]).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE, "{}", refused.body);
    assert!(refused.body.contains("Your text is kept below"), "{}", refused.body);
    let kept = KeptForm::parse(&refused.body);
    assert_eq!(kept.action, reply_path);
    assert_eq!(kept.value("body"), Some(text.as_str()), "every character of the text is in the form");
    assert_eq!(kept.value("warning"), Some("a hard day"));
    assert_eq!(kept.value("action"), Some("publish"));
    assert_eq!(kept.value("csrf"), Some(hearth::web::csrf::token_for(&willow.session).as_str()));

    // Reads go on: the topic (whose unread marker cannot move now), the group,
    // home; several at once, so that the server must open new readers on the full disk.
    let paths = [topic.as_str(), "/groups/resilience", "/", "/healthz"];
    let mut reads = tokio::task::JoinSet::new();
    for path in paths.iter().cycle().take(12).map(|path| path.to_string()) {
        let visitor = willow_visits.clone();
        reads.spawn(async move { (visitor.get(&path).await, path) });
    }
    while let Some(read) = reads.join_next().await {
        let (page, path) = read.unwrap();
        assert_eq!(page.status, StatusCode::OK, "GET {path} while the disk is full: {}", page.body);
    }
    assert!(willow_visits.get(&topic).await.body.contains("Before the disk filled up."));

    std::fs::remove_file(&filler).unwrap();
    let freed = Instant::now();
    let again = willow_visits.post_raw(&kept.action, &kept.as_pairs()).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    let saved_after = freed.elapsed();
    assert_eq!(bodies_stored(&app.state.db.read, &text).await.get(&text), Some(&1), "saved once");
    assert!(willow_visits.get(&topic).await.body.contains("ça va mieux"));

    let stopped = server.stop().await;
    assert!(stopped.status.success(), "{}", stopped.stderr);
    let log = strip_ansi(&stopped.stderr);
    assert!(log.contains("status=503") && !log.contains("status=500"), "{log}");
    assert!(!log.contains("ça va mieux") && !log.contains("hard day"), "no post text in the log:\n{log}");
    figures(&format!(
        "disk full: filled the last {} KiB of an 8 MiB filesystem; a {} KiB reply was refused (503) with all of \
         it given back in its form; topic, group and home pages kept serving (200); after freeing the space the \
         same form saved it in {} ms, exactly once",
        filled / 1024,
        text.len() / 1024,
        saved_after.as_millis()
    ));
    app.stop().await;
    drop(disk);
}
