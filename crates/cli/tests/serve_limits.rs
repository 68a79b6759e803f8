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
