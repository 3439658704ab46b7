//! Running the `hearth` binary from tests: one-shot commands with a timeout,
//! servers that are stopped (or killed) however a test ends.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::TcpListener,
    path::PathBuf,
    process::{Child, Command, ExitStatus, Stdio},
    thread::JoinHandle,
    time::{Duration, Instant},
};

use reqwest::StatusCode;
use tokio::sync::mpsc;

use crate::support::TestApp;

/// The longest a one-shot command may take.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(15);
/// The longest a server may take to start answering, or to stop.
pub const SERVER_TIMEOUT: Duration = Duration::from_secs(15);
pub const SETUP_HEADLINE: &str = "No admin account yet. Open this one-time link within 24 hours to create it:";

// ---------------------------------------------------------------------------
// Running the binary.

/// `hearth ARGS` with nothing inherited but `PATH` and `HOME`.
pub fn hearth(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hearth"));
    command.args(args).env_clear();
    for name in ["PATH", "HOME"] {
        if let Some(value) = std::env::var_os(name) {
            command.env(name, value);
        }
    }
    command
}

pub fn with_env(mut command: Command, pairs: &[(&str, &str)]) -> Command {
    command.envs(pairs.iter().copied());
    command
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// One database and one address for the binary to use.
pub struct Instance {
    pub database_url: String,
    pub port: u16,
}

impl Instance {
    pub fn of(app: &TestApp) -> Self {
        Self { database_url: app.state.config.database_url.clone(), port: free_port() }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = hearth(args);
        command.env("HEARTH_DATABASE_URL", &self.database_url).env("HEARTH_LISTEN", format!("127.0.0.1:{}", self.port));
        command
    }
}

/// A child process that is killed (and reaped) however the test ends.
pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn read_all(pipe: impl Read + Send + 'static) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = BufReader::new(pipe).read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// What a finished command left behind.
#[derive(Debug)]
pub struct Ran {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }

    pub fn last_line(&self) -> &str {
        self.stdout.lines().rev().find(|line| !line.trim().is_empty()).unwrap_or_default()
    }
}

/// Runs a command to completion (killing it after `COMMAND_TIMEOUT`), with
/// `stdin` as its standard input.
pub async fn run(mut command: Command, stdin: Option<&str>) -> Ran {
    let stdin = stdin.map(str::to_owned);
    tokio::task::spawn_blocking(move || {
        command.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        let described = format!("{command:?}");
        let mut child = Killed(command.spawn().unwrap());
        if let (Some(text), Some(mut pipe)) = (stdin, child.0.stdin.take()) {
            // A command that exits before reading closes the pipe; that is its answer.
            let _ = pipe.write_all(text.as_bytes());
        }
        let stdout = read_all(child.0.stdout.take().unwrap());
        let stderr = read_all(child.0.stderr.take().unwrap());
        let deadline = Instant::now() + COMMAND_TIMEOUT;
        let status = loop {
            if let Some(status) = child.0.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "{described} did not finish within {COMMAND_TIMEOUT:?}");
            std::thread::sleep(Duration::from_millis(20));
        };
        Ran { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
    })
    .await
    .unwrap()
}

/// A running `hearth serve`: its stdout line by line, its stderr collected.
pub struct Server {
    pub child: Killed,
    pub base: String,
    pub stdout: mpsc::UnboundedReceiver<String>,
    pub stderr: Option<JoinHandle<String>>,
}

/// What a stopped server printed.
pub struct Stopped {
    pub status: ExitStatus,
    pub stdout: Vec<String>,
    pub stderr: String,
}

impl Server {
    /// Starts the binary and waits until it answers `GET /sign-in`.
    pub async fn start(base: String, command: Command) -> Self {
        let mut server = Self::spawn(base, command);
        server.wait_until_serving().await;
        server
    }

    /// Starts the binary without waiting for it.
    pub fn spawn(base: String, mut command: Command) -> Self {
        command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = Killed(command.spawn().unwrap());
        let (lines, stdout) = mpsc::unbounded_channel();
        let pipe = child.0.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr = Some(read_all(child.0.stderr.take().unwrap()));
        Self { child, base, stdout, stderr }
    }

    pub async fn wait_until_serving(&mut self) {
        let probe = reqwest::Client::builder().timeout(Duration::from_secs(2)).build().unwrap();
        let deadline = Instant::now() + SERVER_TIMEOUT;
        loop {
            if let Some(status) = self.child.0.try_wait().unwrap() {
                let stderr = self.take_stderr().await;
                panic!("hearth exited early ({status}):\n{stderr}");
            }
            if let Ok(response) = probe.get(format!("{}/sign-in", self.base)).send().await {
                assert_eq!(response.status(), StatusCode::OK, "GET /sign-in while starting");
                return;
            }
            assert!(Instant::now() < deadline, "hearth did not start serving within {SERVER_TIMEOUT:?}");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// The next line on stdout, or `None` if none came in time.
    pub async fn next_line(&mut self, within: Duration) -> Option<String> {
        tokio::time::timeout(within, self.stdout.recv()).await.ok().flatten()
    }

    pub async fn take_stderr(&mut self) -> String {
        let Some(reader) = self.stderr.take() else { return String::new() };
        tokio::time::timeout(SERVER_TIMEOUT, tokio::task::spawn_blocking(move || reader.join().unwrap()))
            .await
            .expect("stderr did not close")
            .unwrap()
    }

    /// SIGTERM, as a service manager stops it, then everything it printed.
    pub async fn stop(mut self) -> Stopped {
        let pid = self.child.0.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(sent.success(), "kill -TERM {pid}");
        let deadline = Instant::now() + SERVER_TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.0.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "hearth did not stop within {SERVER_TIMEOUT:?} of SIGTERM");
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        let mut stdout = Vec::new();
        while let Some(line) = self.next_line(SERVER_TIMEOUT).await {
            stdout.push(line);
        }
        let stderr = self.take_stderr().await;
        Stopped { status, stdout, stderr }
    }
}

/// A folder under the system's temp dir, removed at the end.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new() -> Self {
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let salt = rand::random::<u32>();
        Self(std::env::temp_dir().join(format!("hearth-cli-{}-{n}-{salt:08x}", std::process::id())))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The path of an invite link printed for `base` (`/join/…`).
pub fn invite_path<'a>(link: &'a str, base: &str) -> &'a str {
    let path = link.strip_prefix(base).unwrap_or_else(|| panic!("{link:?} does not start with {base}"));
    assert!(path.starts_with("/join/") && path.len() > "/join/".len(), "{link:?} is not an invite link");
    path
}

pub fn title(body: &str) -> &str {
    let start = body.find("<title>").map_or(0, |i| i + "<title>".len());
    let end = body[start..].find("</title>").map_or(start, |i| start + i);
    &body[start..end]
}

/// Log lines as a terminal would show them, without colour codes.
pub fn strip_ansi(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            plain.push(c);
        } else if chars.next() == Some('[') {
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
    }
    plain
}
