//! Issue 11, part 1: a storage fault must not disable writes until a restart. The real
//! binary serves from a small tmpfs mounted in a private mount namespace (`unshare -m`);
//! the test fills that filesystem through `/proc/PID/root`, sees each write refused with the
//! storage page (503, in the reader's language, never a 500), sees that a login then is told
//! the same rather than "form expired", frees the space, and sees the same server write
//! again. Where the machine refuses the mount, the test fails saying so.

#[path = "common/faults.rs"]
mod faults;

use faults::{Disk, Reply, assert_storage_page, fill, healthz, login, login_form, wrong_login};

#[test]
fn a_full_disk_refuses_writes_clearly_and_they_work_again_once_it_has_room() {
    let dir = tempfile::tempdir().unwrap();
    let log = tempfile::NamedTempFile::new().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let server = faults::start(dir.path(), scratch.path(), log.path(), Disk::Tmpfs("48m"));
    let host = server.host.clone();
    let (_, session) = login_form(&host);
    let session = session.expect("a login form with its session and token");
    let before = wrong_login(&host, &session, "nobody0");
    assert_eq!(before.status, 401, "{}", before.body);

    let filler = fill(&server.seen_dir);
    // Writes go on until SQLite needs a page it cannot get; from then on each is refused
    // with the storage page, and nothing answers 500.
    let mut refused = None;
    for i in 1..=200 {
        let r = wrong_login(&host, &session, &format!("full{i}"));
        assert_ne!(
            r.status, 500,
            "a storage fault is not an internal error: {}",
            r.body
        );
        if r.status == 503 {
            refused = Some(r);
            break;
        }
    }
    let refused = refused.expect("a write on a full disk is refused");
    assert_storage_page(&refused, "a counted login attempt on a full disk");
    assert_eq!(healthz(&host), 200, "the server still answers");
    // A visitor arriving now gets a form whose session was stored, or the storage page:
    // never a form whose token nobody kept.
    let (fresh, fresh_session) = login_form(&host);
    match fresh.status {
        200 => {
            let pair = fresh_session.expect("a login form carries its session and token");
            let (r, _) = login(&host, &pair, faults::OFFICER, faults::PASSWORD);
            assert_ne!(
                r.status, 403,
                "a login on a full disk is never \"form expired\""
            );
            if r.status != 303 {
                assert_storage_page(&r, "the right password on a full disk");
            }
        }
        _ => assert_storage_page(&fresh, "a login form on a full disk"),
    }
    // The right password, from a session made before the disk filled: logged in, or told
    // that nothing could be saved; never "form expired".
    let (r, _) = login(&host, &session, faults::OFFICER, faults::PASSWORD);
    assert_ne!(
        r.status, 403,
        "a login on a full disk is never \"form expired\": {}",
        r.body
    );
    assert_ne!(r.status, 500, "{}", r.body);
    if r.status != 303 {
        assert_storage_page(&r, "the right password on a full disk");
    }

    std::fs::remove_file(&filler).unwrap();
    // Rounds of writes at once, so that every pooled connection serves some: none is left
    // stuck in the transaction that failed.
    for round in 0..10 {
        let replies: Vec<Reply> = std::thread::scope(|s| {
            let jobs: Vec<_> = (0..4)
                .map(|k| {
                    let (host, session) = (&host, &session);
                    s.spawn(move || wrong_login(host, session, &format!("after{round}x{k}")))
                })
                .collect();
            jobs.into_iter().map(|j| j.join().unwrap()).collect()
        });
        for r in replies {
            assert_eq!(
                r.status, 401,
                "a write after the disk has room again: {}",
                r.body
            );
        }
    }
    let (again, pair) = login_form(&host);
    assert_eq!(again.status, 200);
    let pair = pair.expect("a new visitor gets a working login form");
    let (r, cookie) = login(&host, &pair, faults::OFFICER, faults::PASSWORD);
    assert_eq!(
        r.status, 303,
        "the officer logs in once the disk has room: {}",
        r.body
    );
    let home = faults::get(&host, "/", &cookie.expect("a session after login"));
    assert!(home.body.contains("Officer"), "logged in as the officer");
}
