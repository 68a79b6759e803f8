//! Issue 11, part 1: the disk under a running server turns read-only, as ext4 mounted
//! `errors=remount-ro` does after an I/O error. The real binary serves from a loop-mounted
//! ext4 image in a private mount namespace; the test forces the kernel's emergency
//! read-only remount (`mount -o remount,abort`, which aborts the journal exactly as a failed
//! write would — a plain `remount,ro` is refused while files are open for writing). Then:
//! every write is refused with the storage page in the reader's language, nothing answers
//! 500, a login is told the same rather than "form expired", pages that only read are still
//! served, and SIGTERM still stops the server within its deadline.

#[path = "common/faults.rs"]
mod faults;

use faults::{Disk, assert_storage_page, get, healthz, login, login_form, wrong_login};
use std::time::Duration;

#[test]
fn a_disk_gone_read_only_refuses_writes_clearly_and_still_serves_reading() {
    let dir = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut server = faults::start(dir.path(), scratch.path(), log.path(), Disk::Ext4(64));
    let host = server.host.clone();

    let (_, session) = login_form(&host);
    let session = session.expect("a login form with its session and token");
    let (r, cookie) = login(&host, &session, faults::OFFICER, faults::PASSWORD);
    assert_eq!(r.status, 303, "the officer logs in: {}", r.body);
    let cookie = cookie.expect("a session after login");
    let (_, visitor) = login_form(&host);
    let visitor = visitor.expect("a second visitor's form");

    let dir_arg = server.dir.to_str().unwrap().to_string();
    let out = server.mount(&["-o", "remount,abort", &dir_arg]);
    assert!(
        out.status.success(),
        "the machine refused to abort the ext4 journal: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mounts = std::fs::read_to_string(format!("/proc/{}/mounts", server.child.id())).unwrap();
    let line = mounts
        .lines()
        .find(|l| l.split(' ').nth(1) == Some(dir_arg.as_str()))
        .expect("the data directory's mount");
    assert!(
        line.contains("emergency_ro") || line.split(' ').nth(3).unwrap().starts_with("ro"),
        "the filesystem is read-only now: {line}"
    );

    // Writes: a counted login attempt, a few times (every pooled connection meets the fault).
    for i in 0..6 {
        let r = wrong_login(&host, &visitor, &format!("ro{i}"));
        assert_storage_page(&r, "a counted login attempt on a read-only disk");
    }
    // The right password: never "form expired", never a 500.
    let (r, _) = login(&host, &visitor, faults::OFFICER, faults::PASSWORD);
    assert_storage_page(&r, "the right password on a read-only disk");
    // A new visitor cannot be given a session, and is told why.
    let (fresh, _) = login_form(&host);
    assert_storage_page(&fresh, "a login form on a read-only disk");

    // Reading goes on: the logged-in officer's pages, the public ones, the health check.
    assert_eq!(healthz(&host), 200);
    for path in ["/", "/commissions", "/agreements", "/items"] {
        let page = get(&host, path, &cookie);
        assert_eq!(
            page.status, 200,
            "{path} on a read-only disk: {}",
            page.body
        );
    }
    let home = get(&host, "/", &cookie);
    assert!(
        home.body.contains("Officer"),
        "still logged in as the officer"
    );

    server.sigterm();
    let status = server
        .exit_within(Duration::from_secs(10))
        .expect("the server stops after SIGTERM though it cannot checkpoint");
    // It could not merge its write-ahead log: it says so, and by its status, not by hanging.
    let log = std::fs::read_to_string(log.path()).unwrap();
    assert!(!log.contains("panicked"), "{log}");
    assert!(
        !status.success(),
        "an unclean close is not reported as a clean one"
    );
    assert!(
        log.contains("taawun: closing the database failed"),
        "the operator is told: {log}"
    );
}
