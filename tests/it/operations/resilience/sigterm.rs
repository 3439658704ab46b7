//! Graceful shutdown on SIGTERM, as a service manager stops Hearth: replies
//! whose bodies are still arriving when the signal comes finish and are
//! saved; new connections are refused from then on; the process exits within
//! a few seconds.

use std::{
    io::{Read, Write},
    net::TcpStream,
    process::Command,
    time::{Duration, Instant},
};

use crate::{
    cli::runner::{Instance, Server},
    operations::{bodies_stored, figures, load},
    support::{Backend, TestApp},
};

crate::on_both_backends!(sigterm_finishes_requests_in_flight_and_refuses_new_ones);

const IN_FLIGHT: usize = 4;

/// A reply whose request is sent in two halves, so it is in flight for as
/// long as the test likes.
struct HalfSent {
    stream: TcpStream,
    rest: Vec<u8>,
}

impl HalfSent {
    fn start(port: u16, session: &str, topic: &str, body: &str) -> Self {
        let csrf = hearth::web::csrf::token_for(session);
        let form = format!("csrf={csrf}&action=publish&body={}", body.replace(' ', "+"));
        let head = format!(
            "POST {topic}/reply HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: __Host-hearth={session}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
            form.len()
        );
        let (first, rest) = form.as_bytes().split_at(form.len() / 2);
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(first).unwrap();
        Self { stream, rest: rest.to_vec() }
    }

    /// Sends the rest and reads the whole answer.
    fn finish(mut self) -> String {
        self.stream.write_all(&self.rest).unwrap();
        let mut answer = Vec::new();
        self.stream.read_to_end(&mut answer).unwrap();
        String::from_utf8_lossy(&answer).into_owned()
    }
}

async fn sigterm_finishes_requests_in_flight_and_refuses_new_ones(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (writers, _) = load::writers(&app, IN_FLIGHT).await;
    let instance = Instance::of(&app);
    let mut server = Server::start(instance.base(), instance.command(&["serve"])).await;

    let in_flight: Vec<HalfSent> = writers
        .iter()
        .enumerate()
        .map(|(n, writer)| {
            HalfSent::start(instance.port, &writer.session, &writer.topic, &format!("sigterm {n} still here"))
        })
        .collect();
    // Let the server read the headers and start on each request.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let pid = server.child.0.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let signalled = Instant::now();

    // No new connection from now on, while the requests in flight are still open.
    let refused_after = loop {
        if TcpStream::connect(("127.0.0.1", instance.port)).is_err() {
            break signalled.elapsed();
        }
        assert!(signalled.elapsed() < Duration::from_secs(2), "still accepting connections after SIGTERM");
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    assert!(server.child.0.try_wait().unwrap().is_none(), "the requests in flight keep the server up");

    let answers = tokio::task::spawn_blocking(move || in_flight.into_iter().map(HalfSent::finish).collect::<Vec<_>>())
        .await
        .unwrap();
    for answer in &answers {
        assert!(answer.starts_with("HTTP/1.1 303"), "a request in flight finished: {answer}");
    }
    let exited = loop {
        if let Some(status) = server.child.0.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break signalled.elapsed();
        }
        assert!(signalled.elapsed() < Duration::from_secs(5), "hearth did not exit within 5 s of SIGTERM");
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    let stored = bodies_stored(&app.state.db.read, "sigterm ").await;
    assert_eq!(stored.len(), IN_FLIGHT, "{stored:?}");
    assert!(stored.values().all(|n| *n == 1));
    figures(&format!(
        "SIGTERM ({backend:?}): {IN_FLIGHT} replies in flight finished (303) and were stored; new connections \
         refused {} ms after the signal; exited {} ms after it",
        refused_after.as_millis(),
        exited.as_millis()
    ));
    app.stop().await;
}

/// A service manager may stop Hearth the moment it starts: the signal
/// handlers are in place before the port is even open, so that is a clean
/// stop, never a kill by the signal.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_the_moment_it_listens_is_a_clean_stop() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let instance = Instance::of(&app);
    let mut server = Server::spawn(instance.base(), instance.command(&["serve"]));
    let deadline = Instant::now() + Duration::from_secs(15);
    while TcpStream::connect(("127.0.0.1", instance.port)).is_err() {
        assert!(Instant::now() < deadline, "hearth did not listen");
        std::thread::sleep(Duration::from_millis(1));
    }
    let pid = server.child.0.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let status = loop {
        if let Some(status) = server.child.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "hearth did not stop");
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    let stderr = server.take_stderr().await;
    assert!(status.success(), "stopped by the signal instead of by itself ({status}): {stderr}");
    app.stop().await;
}
