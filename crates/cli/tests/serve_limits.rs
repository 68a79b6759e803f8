//! Slow clients against the real server (issue 11, finding 2): half-sent requests used to
//! be held forever, so that 1,100 of them under the usual limit of 1,024 open files took
//! `/healthz` down, and one client stuck in its headers kept the process alive after
//! SIGTERM.

#[path = "common/server.rs"]
mod server;

use std::time::{Duration, Instant};

#[test]
fn a_flood_of_half_sent_requests_leaves_health_answering() {
    server::allow_open_files(4096);
    let dir = tempfile::tempdir().unwrap();
    // The default limits: an operator who sets nothing is protected.
    let srv = server::start(dir.path(), &[], Some(1024));
    let (first, _) = srv.health(Duration::from_secs(20));
    assert!(
        first.starts_with("HTTP/1.1 200"),
        "before the flood: {first}"
    );

    let mut held = Vec::new();
    let mut slowest = Duration::ZERO;
    for i in 0..1100 {
        match srv.half_sent() {
            Ok(s) => held.push(s),
            Err(e) => panic!("connection {i} of the flood failed: {e}"),
        }
        if i % 100 == 99 {
            let (status, took) = srv.health(Duration::from_secs(10));
            assert!(
                status.starts_with("HTTP/1.1 200"),
                "with {} half-sent requests open: {status}",
                held.len()
            );
            slowest = slowest.max(took);
        }
    }
    // All 1,100 are still open on our side; the server must keep answering for a while.
    let until = Instant::now() + Duration::from_secs(3);
    while Instant::now() < until {
        let (status, took) = srv.health(Duration::from_secs(10));
        assert!(
            status.starts_with("HTTP/1.1 200"),
            "after the flood: {status}"
        );
        slowest = slowest.max(took);
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        slowest < Duration::from_secs(2),
        "/healthz took {slowest:?} during the flood"
    );
    drop(held);
}

#[test]
fn sigterm_with_a_client_stuck_in_its_headers_exits_within_the_deadline() {
    let dir = tempfile::tempdir().unwrap();
    // A header timeout far longer than the shutdown deadline: the deadline must end it.
    let mut srv = server::start(
        dir.path(),
        &["--header-timeout", "600s", "--shutdown-timeout", "2s"],
        None,
    );
    let (ok, _) = srv.health(Duration::from_secs(20));
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    let stuck = srv.half_sent().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    srv.sigterm();
    let exited = srv.exit_within(Duration::from_secs(10));
    drop(stuck);
    let (status, took) = exited.expect("still running 10 s after SIGTERM");
    assert!(status.success(), "exit status {status}");
    assert!(
        took < Duration::from_secs(4),
        "exited {took:?} after SIGTERM, deadline 2 s"
    );
}

#[test]
fn a_client_that_never_finishes_its_headers_is_disconnected() {
    let dir = tempfile::tempdir().unwrap();
    let srv = server::start(dir.path(), &["--header-timeout", "1s"], None);
    let mut stuck = srv.half_sent().unwrap();
    stuck
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    let mut buf = Vec::new();
    // The server closes (possibly after a 408): reading reaches the end.
    let _ = std::io::Read::read_to_end(&mut stuck, &mut buf);
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(5),
        "still connected {took:?} later; header timeout 1 s"
    );
}

#[test]
fn a_body_that_stops_arriving_is_cut_off_without_a_server_error() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let srv = server::start(dir.path(), &["--body-timeout", "1s"], None);
    let mut s = std::net::TcpStream::connect(&srv.host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // A login form announced at 100 bytes, of which 10 are sent.
    write!(
        s,
        "POST /login HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nusername=a",
        srv.host
    )
    .unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    let took = started.elapsed();
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        took < Duration::from_secs(5),
        "still waiting {took:?} later; body timeout 1 s"
    );
    assert!(
        !answer.starts_with("HTTP/1.1 5"),
        "a slow body is the client's fault: {answer}"
    );
}
