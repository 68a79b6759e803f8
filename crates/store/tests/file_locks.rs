//! Opening a database the process already has open must not drop the locks its open
//! connections hold. Closing any descriptor of a file drops all of a process's POSIX locks
//! on it; the start-up check reads the file's header itself, so it would silently take away
//! the shared lock by which SQLite tells other processes the file is in use — and another
//! process, believing itself the last user, could delete the write-ahead log still in use
//! here. Another process (Python, through `fcntl`) asks for the lock that the last user
//! takes; it must be refused as long as a store is open here.

use std::path::Path;
use std::process::Command;
use taawun_store::{SqliteStore, Store};

/// Whether another process could take the write lock on SQLite's shared-lock bytes
/// (0x40000002, 510 bytes: where every reader holds a read lock), i.e. whether no
/// connection of this process holds its shared lock in the kernel's eyes.
fn free_for_another_process(path: &Path) -> bool {
    let script = "import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 510, 0x40000002, 0)
    print('free')
except OSError:
    print('held')
";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim() == "free"
}

#[tokio::test]
async fn opening_a_database_again_keeps_the_locks_of_its_open_connections() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taawun.db");
    let first = SqliteStore::open(&path).await.unwrap();
    first.parties().await.unwrap();
    assert!(
        !free_for_another_process(&path),
        "an open store holds SQLite's shared lock"
    );
    let second = SqliteStore::open(&path).await.unwrap();
    second.parties().await.unwrap();
    assert!(
        !free_for_another_process(&path),
        "a second open of the same file took the first store's lock away"
    );
    second.close().await;
    first.parties().await.unwrap();
    assert!(!free_for_another_process(&path));
    first.close().await;
}
