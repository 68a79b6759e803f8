//! Issue 11, part 1: a storage fault must not disable writes until a restart. The real
//! binary serves from a small tmpfs mounted in a private mount namespace (`unshare -m`);
//! the test fills that filesystem through `/proc/PID/root`, sees each write refused with the
//! storage page (503, in the reader's language, never a 500), frees the space, and sees the
//! same server write again. Where the machine refuses the mount, the test fails saying so.

use std::fs::File;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server, in its own mount namespace with `dir` a tmpfs of `size`.
struct Server {
    child: Child,
    host: String,
    /// `dir` as this process reaches it: through the server's root.
    seen_dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &Path, log: &Path, size: &str) -> Server {
    let script = "mount -t tmpfs -o size=\"$1\" tmpfs \"$2\" || { echo 'cannot mount a tmpfs: '\"$?\" >&2; exit 97; }; \
                  exec \"$3\" serve --demo --addr 127.0.0.1:0 --trusted-proxy 127.0.0.1 --data-dir \"$2\"";
    let mut child = Command::new("unshare")
        .args(["-m", "sh", "-c", script, "sh", size])
        .arg(dir)
        .arg(env!("CARGO_BIN_EXE_taawun"))
        .env("TAAWUN_LOG", "warn")
        .env_remove("TAAWUN_DATA_DIR")
        .env_remove("TAAWUN_DATABASE_URL")
        .stdout(Stdio::piped())
        // A file, not a pipe nobody reads: the server's error lines must never block it.
        .stderr(File::create(log).unwrap())
        .spawn()
        .expect("unshare (util-linux) must be installed to run this test");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    if line.is_empty() {
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        panic!(
            "the server did not start in a private tmpfs (this test needs root and a machine that \
             allows `unshare -m` and mounting tmpfs): {err}"
        );
    }
    let host = line
        .trim()
        .rsplit(' ')
        .next()
        .unwrap()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let seen_dir =
        PathBuf::from(format!("/proc/{}/root", child.id())).join(dir.strip_prefix("/").unwrap());
    Server {
        child,
        host,
        seen_dir,
    }
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

fn request(host: &str, raw: &str) -> Reply {
    let mut s = TcpStream::connect(host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// A login form in French: its session cookie and its CSRF token.
fn login_form(host: &str) -> (Reply, Option<(String, String)>) {
    let r = request(
        host,
        &format!(
            "GET /login HTTP/1.1\r\nHost: {host}\r\nCookie: lang=fr\r\nConnection: close\r\n\r\n"
        ),
    );
    let cookie = r
        .head
        .lines()
        .find_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .map(|c| c.split(';').next().unwrap().to_string());
    let token = r
        .body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string());
    let pair = cookie.zip(token);
    (r, pair)
}

/// A wrong password for `user`: counting the attempt is a write. Each comes from its own
/// client address (through the trusted proxy the test plays), so that no throttling limit
/// stops the writes the test needs.
fn wrong_login(host: &str, (cookie, token): &(String, String), user: &str) -> Reply {
    let n = user
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    let client = format!("10.{}.{}.{}", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    let body = format!("username={user}&password=wrong-password&csrf={token}");
    request(
        host,
        &format!(
            "POST /login HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}; lang=fr\r\n\
             X-Forwarded-For: {client}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

fn healthz(host: &str) -> u16 {
    request(
        host,
        &format!("GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
    .status
}

/// Fills the filesystem holding `dir` until it refuses another byte.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut f = File::create(&path).expect("create the filler through /proc/PID/root");
    let block = vec![0u8; 64 * 1024];
    loop {
        match f.write(&block) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::StorageFull || e.raw_os_error() == Some(28) => break,
            Err(e) => panic!("filling the tmpfs: {e}"),
        }
    }
    let _ = f.sync_all();
    path
}

#[test]
fn a_full_disk_refuses_writes_clearly_and_they_work_again_once_it_has_room() {
    let dir = tempfile::tempdir().unwrap();
    let log = tempfile::NamedTempFile::new().unwrap();
    let server = start(dir.path(), log.path(), "48m");
    let host = server.host.clone();
    let deadline = Instant::now() + Duration::from_secs(30);
    while healthz(&host) != 200 {
        assert!(
            Instant::now() < deadline,
            "the server never answered /healthz"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
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
    assert!(
        refused.body.contains("Rien n’a été enregistré"),
        "{}",
        refused.body
    );
    assert!(refused.head.to_ascii_lowercase().contains("retry-after"));
    assert_eq!(healthz(&host), 200, "the server still answers");
    let (fresh, _) = login_form(&host);
    assert_ne!(
        fresh.status, 500,
        "a login form on a full disk: {}",
        fresh.body
    );

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
    assert!(pair.is_some(), "a new visitor gets a working login form");
}
