//! A clean stop closes the store (issue 11, finding 5): the write-ahead log used to be left
//! unmerged (24.6 MB) because `serve` never closed the database.

#[path = "common/server.rs"]
mod server;

use std::time::Duration;

fn wal_len(dir: &std::path::Path) -> Option<u64> {
    std::fs::metadata(dir.join("taawun.db-wal"))
        .ok()
        .map(|m| m.len())
}

#[test]
fn sigterm_merges_the_write_ahead_log_into_the_database() {
    for durability in ["full", "normal"] {
        let dir = tempfile::tempdir().unwrap();
        let mut srv = server::start(dir.path(), &["--durability", durability], None);
        let (ok, _) = srv.health(Duration::from_secs(20));
        assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
        // Loading the demo wrote through the log: it is there while the server runs.
        let running = wal_len(dir.path()).unwrap_or(0);
        assert!(
            running > 0,
            "no write-ahead log while serving ({durability})"
        );

        srv.sigterm();
        let (status, _) = srv
            .exit_within(Duration::from_secs(20))
            .expect("still running 20 s after SIGTERM");
        assert!(status.success(), "exit status {status}");
        let left = wal_len(dir.path()).unwrap_or(0);
        assert_eq!(
            left, 0,
            "{left} bytes of log left after a clean stop ({durability})"
        );

        // The merged file alone holds the data: a copy of it, without the log, has the demo.
        let copy = tempfile::tempdir().unwrap();
        std::fs::copy(dir.path().join("taawun.db"), copy.path().join("taawun.db")).unwrap();
        let mut again = server::start(copy.path(), &[], None);
        let (ok, _) = again.health(Duration::from_secs(20));
        assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
        again.sigterm();
        assert!(again.exit_within(Duration::from_secs(20)).is_some());
    }
}

#[test]
fn an_unknown_durability_is_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_taawun"))
        .args(["init", "--durability", "maybe", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("use full or normal"), "{err}");
}
