//! The files in `deploy/` are checked by the tools that will read them: the
//! systemd unit by `systemd-analyze verify` (and its exposure score), the
//! nginx and Caddy examples by `nginx -t` and `caddy validate`; and by what
//! Hearth promises: no client address in any log, the proxy header Hearth
//! trusts, the same body limit as Hearth's. The container recipe cannot be
//! built here (no container engine): its shape is checked.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use super::{available_or_skip, figures};
use crate::cli::runner::Scratch;

fn deploy_file(name: &str) -> String {
    std::fs::read_to_string(format!("{}/deploy/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A tool on `PATH`, or unpacked by `.ci/run` into `target/deploy-tools`.
fn tool(name: &str) -> Result<PathBuf, String> {
    let unpacked = ["usr/bin", "usr/sbin"]
        .iter()
        .map(|dir| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/deploy-tools/root").join(dir).join(name));
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .chain(unpacked)
        .find(|path| path.is_file())
        .ok_or_else(|| format!("{name} is not installed (`.ci/run` unpacks it into target/deploy-tools)"))
}

fn ran_ok(command: &mut Command) -> (bool, String) {
    let out = command.output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn the_systemd_unit_is_hardened_and_passes_systemd_analyze() {
    let unit = deploy_file("systemd/hearth.service");
    for directive in [
        "User=hearth",
        "ProtectSystem=strict",
        "StateDirectory=hearth",
        "NoNewPrivileges=yes",
        "PrivateTmp=yes",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
        "MemoryMax=",
        "Restart=on-failure",
        "ExecStart=/usr/local/bin/hearth serve",
    ] {
        assert!(unit.lines().any(|line| line.starts_with(directive)), "the unit lacks {directive}");
    }
    let Ok(analyze) = tool("systemd-analyze") else {
        available_or_skip(Err("systemd-analyze is not installed".into()), "checking the systemd units");
        return;
    };
    // The units as installed, with this build's binary and this checkout's
    // backup script where the README installs them.
    let scratch = Scratch::new();
    std::fs::create_dir_all(&scratch.0).unwrap();
    let script = format!("{}/deploy/backup/hearth-backup", env!("CARGO_MANIFEST_DIR"));
    let mut scores = Vec::new();
    for units in [&["hearth.service"][..], &["hearth-backup.service", "hearth-backup.timer"]] {
        let files: Vec<PathBuf> = units
            .iter()
            .map(|name| {
                let text = deploy_file(&format!("systemd/{name}"))
                    .replace("/usr/local/lib/hearth/hearth-backup", &script)
                    .replace("/usr/local/bin/hearth", env!("CARGO_BIN_EXE_hearth"));
                let file = scratch.0.join(name);
                std::fs::write(&file, text).unwrap();
                file
            })
            .collect();
        let (ok, said) = ran_ok(Command::new(&analyze).arg("verify").args(&files));
        assert!(ok && said.trim().is_empty(), "systemd-analyze verify {units:?}: {said}");
        let service = units[0];
        let (_, said) = ran_ok(Command::new(&analyze).args(["security", "--offline=yes", "--no-pager"]).arg(&files[0]));
        let score: f64 = said
            .lines()
            .find_map(|line| line.split(&format!("Overall exposure level for {service}:")).nth(1))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|score| score.parse().ok())
            .unwrap_or_else(|| panic!("no exposure score in: {said}"));
        assert!(score <= 2.0, "systemd rates {service}'s exposure {score} (0 safest, 10 worst)");
        scores.push(format!("{service} {score}"));
    }
    figures(&format!(
        "systemd units: `systemd-analyze verify` passes; exposure levels (0 safest, 10 worst): {}",
        scores.join(", ")
    ));
}

/// The daily backup as the timer runs it: encrypted to the recipients'
/// keys, the plain copy gone from memory, old backups deleted; and what it
/// wrote decrypts and restores into a working forum.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_backup_script_keeps_only_encrypted_recent_backups() {
    let tools = tool("age").and_then(|age| tool("age-keygen").map(|keygen| (age, keygen)));
    let Ok((age, keygen)) = tools else {
        available_or_skip(tools.map(drop), "the encrypted backup script (age)");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await;
    app.member("Willow").await;
    let scratch = Scratch::new();
    let (memory, kept, fresh) = (scratch.0.join("run"), scratch.0.join("backups"), scratch.0.join("fresh"));
    for dir in [&memory, &kept] {
        std::fs::create_dir_all(dir).unwrap();
    }
    let key = scratch.0.join("key.txt");
    assert!(Command::new(&keygen).arg("-o").arg(&key).output().unwrap().status.success());
    let public = Command::new(&keygen).arg("-y").arg(&key).output().unwrap();
    let recipients = scratch.0.join("recipients");
    std::fs::write(&recipients, &public.stdout).unwrap();
    let old = kept.join("hearth-20000101T000000Z.age");
    std::fs::write(&old, "an old backup").unwrap();
    assert!(Command::new("touch").args(["-d", "2000-01-01"]).arg(&old).status().unwrap().success());

    // `hearth` and `age` found on PATH, as in the service.
    let bin_dirs = [Path::new(env!("CARGO_BIN_EXE_hearth")).parent().unwrap(), age.parent().unwrap()];
    let path = std::env::join_paths(
        bin_dirs
            .iter()
            .map(|dir| dir.to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let script = format!("{}/deploy/backup/hearth-backup", env!("CARGO_MANIFEST_DIR"));
    let ran = Command::new(&script)
        .env_clear()
        .env("PATH", &path)
        .env("HEARTH_DATABASE_URL", &app.state.config.database_url)
        .env("RUNTIME_DIRECTORY", &memory)
        .env("BACKUP_DIR", &kept)
        .env("BACKUP_RECIPIENTS", &recipients)
        .output()
        .unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&ran.stdout), String::from_utf8_lossy(&ran.stderr));
    assert!(ran.status.success(), "hearth-backup: {said}");
    assert!(!old.exists(), "a backup past the retention period is deleted");
    assert_eq!(std::fs::read_dir(&memory).unwrap().count(), 0, "no plain copy left in memory");
    let written: Vec<PathBuf> = std::fs::read_dir(&kept).unwrap().map(|entry| entry.unwrap().path()).collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let encrypted = std::fs::read(&written[0]).unwrap();
    assert!(encrypted.starts_with(b"age-encryption.org/v1"), "the kept backup is encrypted");
    assert!(!encrypted.windows(6).any(|w| w == b"Willow"), "no pseudonym readable in it");

    let plain = scratch.0.join("decrypted");
    let decrypted =
        Command::new(&age).arg("--decrypt").arg("-i").arg(&key).arg("-o").arg(&plain).arg(&written[0]).output();
    assert!(decrypted.unwrap().status.success());
    let fresh_url = format!("sqlite://{}/hearth.db", fresh.display());
    let restore = crate::cli::runner::with_env(
        crate::cli::runner::hearth(&["restore", plain.to_str().unwrap()]),
        &[("HEARTH_DATABASE_URL", &fresh_url)],
    );
    let restored = crate::cli::runner::run(restore, None).await;
    assert_eq!(restored.code(), Some(0), "{restored:?}");
    let db = hearth::db::Db::connect(&fresh_url).await.unwrap();
    let (users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&db.read).await.unwrap();
    assert_eq!(users, 1, "Willow came back");
    db.close().await;
    app.stop().await;
}

#[test]
fn the_proxy_examples_log_no_address_and_match_hearth() {
    let limit = hearth::web::BODY_LIMIT_BYTES;
    assert_eq!(limit, 1024 * 1024, "the examples say 1m / 1MiB: change them with the limit");
    let nginx = deploy_file("nginx/hearth.conf");
    let caddy = deploy_file("caddy/Caddyfile");
    let servers = nginx.matches("server {").count();
    assert_eq!(nginx.matches("access_log off;").count(), servers, "every nginx server has its access log off");
    assert!(!nginx.contains("log_format") && !nginx.contains("$remote_addr;\n    access_log"));
    assert!(nginx.contains("error_log /var/log/nginx/hearth.error.log crit;"), "lesser errors name the client");
    assert!(nginx.contains("client_max_body_size 1m;") && nginx.contains("client_body_buffer_size 1m;"));
    assert!(nginx.contains("proxy_set_header X-Forwarded-For $remote_addr;"));
    assert!(nginx.contains("return 301 https://"), "HTTP goes to HTTPS");
    assert!(caddy.contains("max_size 1MiB"));
    assert!(caddy.contains("exclude http.log.error"));
    assert!(!caddy.lines().any(|line| line.trim() == "log" || line.trim().starts_with("log {")), "no access log");
    for example in [&nginx, &caddy] {
        assert!(example.contains("HEARTH_TRUSTED_PROXY_HEADER=X-Forwarded-For"));
        assert!(example.contains("HEARTH_LISTEN=127.0.0.1:8080"));
    }

    let tools = tool("nginx").and_then(|nginx| tool("caddy").map(|caddy| (nginx, caddy)));
    let Ok((nginx_bin, caddy_bin)) = tools else {
        available_or_skip(tools.map(drop), "validating the proxy examples with nginx and caddy");
        return;
    };
    let scratch = Scratch::new();
    let dir = &scratch.0;
    std::fs::create_dir_all(dir).unwrap();
    let made = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=forum.example.org"])
        .arg("-keyout")
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(dir.join("cert.pem"))
        .output()
        .unwrap();
    assert!(made.status.success(), "openssl: {}", String::from_utf8_lossy(&made.stderr));
    let d = dir.display();
    let site = nginx
        .replace("/etc/letsencrypt/live/forum.example.org/fullchain.pem", &format!("{d}/cert.pem"))
        .replace("/etc/letsencrypt/live/forum.example.org/privkey.pem", &format!("{d}/key.pem"))
        .replace("/var/log/nginx/hearth.error.log", &format!("{d}/hearth.error.log"));
    std::fs::write(dir.join("hearth.conf"), site).unwrap();
    let temp: String = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
        .iter()
        .map(|kind| format!("{kind}_temp_path {d}/{kind};\n"))
        .collect();
    let main = format!(
        "pid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{}}\nhttp {{\n{temp}include {d}/hearth.conf;\n}}\n"
    );
    std::fs::write(dir.join("nginx.conf"), main).unwrap();
    let (ok, said) = ran_ok(
        Command::new(nginx_bin)
            .arg("-t")
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(dir.join("nginx.conf"))
            .arg("-e")
            .arg(dir.join("error.log")),
    );
    assert!(ok && said.contains("test is successful"), "nginx -t: {said}");
    let caddyfile = format!("{}/deploy/caddy/Caddyfile", env!("CARGO_MANIFEST_DIR"));
    let (ok, said) = ran_ok(
        Command::new(caddy_bin)
            .args(["validate", "--adapter", "caddyfile", "--config", &caddyfile])
            .env("HOME", dir)
            .env("XDG_DATA_HOME", dir)
            .env("XDG_CONFIG_HOME", dir),
    );
    assert!(ok && said.contains("Valid configuration") && !said.contains("not formatted"), "caddy validate: {said}");
}

#[test]
fn the_container_recipe_is_multi_stage_non_root_with_data_in_a_volume() {
    let recipe = deploy_file("Containerfile");
    assert_eq!(recipe.lines().filter(|line| line.starts_with("FROM ")).count(), 2, "a build stage and a runtime");
    assert!(recipe.contains("FROM gcr.io/distroless/cc-debian12:nonroot"));
    let user = recipe.lines().find_map(|line| line.strip_prefix("USER ")).expect("a USER line");
    assert!(!user.starts_with('0') && !user.starts_with("root"), "runs as {user}");
    assert!(recipe.contains("VOLUME [\"/var/lib/hearth\"]"));
    assert!(recipe.contains("HEARTH_DATABASE_URL=sqlite:///var/lib/hearth/hearth.db"));
    assert!(recipe.contains("--read-only"), "the run example keeps the root filesystem read-only");
    let readme = deploy_file("README.md");
    assert!(readme.contains("cannot be built in Hearth's CI"), "the README says it is untested here");
}
