//! The real `taawun serve` on a filesystem of its own, in a private mount namespace
//! (`unshare -m`), so that a test can break that filesystem (fill it, force it read-only)
//! without touching the machine's. Where the machine refuses the namespace or the mount, the
//! test fails saying so; it never skips.
// Each test file uses part of these helpers.
#![allow(dead_code)]

#[path = "server.rs"]
pub mod server;

use std::fs::File;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The account the prepared database holds, for logins that must succeed.
pub const OFFICER: &str = "officer";
pub const PASSWORD: &str = "correct horse battery";

pub struct Server {
    pub child: Child,
    pub host: String,
    /// The data directory as this process reaches it: through the server's root.
    pub seen_dir: PathBuf,
    /// The data directory's path inside the server's namespace.
    pub dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How the data directory is mounted in the server's namespace: a shell command that gets
/// the directory as `$2` and a scratch directory outside it as `$4`.
pub enum Disk {
    /// A tmpfs of this size (`48m`).
    Tmpfs(&'static str),
    /// A loop-mounted ext4 image of this many MiB, `errors=remount-ro` as servers mount.
    Ext4(u32),
}

impl Disk {
    fn mount(&self) -> String {
        match self {
            Disk::Tmpfs(size) => format!(
                "mount -t tmpfs -o size={size} tmpfs \"$2\" || {{ echo \"cannot mount a tmpfs (status $?)\" >&2; exit 97; }}"
            ),
            Disk::Ext4(mib) => format!(
                "truncate -s {mib}M \"$4/disk.img\" && mkfs.ext4 -q \"$4/disk.img\" \
                 || {{ echo 'cannot make an ext4 image (mkfs.ext4 from e2fsprogs is needed)' >&2; exit 97; }}; \
                 mount -o loop,errors=remount-ro \"$4/disk.img\" \"$2\" \
                 || {{ echo \"cannot loop-mount an ext4 image (status $?): this test needs loop devices\" >&2; exit 97; }}"
            ),
        }
    }
}

/// Starts the server with the demo and the `officer` account (secretariat, Morocco) in `dir`,
/// mounted as `disk` says; its error lines go to `log` (a file: a full pipe would block it).
pub fn start(dir: &Path, scratch: &Path, log: &Path, disk: Disk) -> Server {
    let script = format!(
        "{mount}; \
         \"$3\" demo --data-dir \"$2\" >/dev/null || exit 98; \
         \"$3\" user add --username {OFFICER} --display-name Officer --party MA --role secretariat \
            --data-dir \"$2\" >/dev/null || exit 98; \
         exec \"$3\" serve --demo --addr 127.0.0.1:0 --trusted-proxy 127.0.0.1 --shutdown-timeout 3s --data-dir \"$2\"",
        mount = disk.mount()
    );
    let mut child = Command::new("unshare")
        .args(["-m", "sh", "-c", &script, "sh"])
        .arg("unused")
        .arg(dir)
        .arg(env!("CARGO_BIN_EXE_taawun"))
        .arg(scratch)
        .env("TAAWUN_LOG", "warn")
        .env("TAAWUN_PASSWORD", PASSWORD)
        .env_remove("TAAWUN_DATA_DIR")
        .env_remove("TAAWUN_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(File::create(log).unwrap())
        .spawn()
        .expect("unshare (util-linux) must be installed to run this test");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    if line.is_empty() {
        let _ = child.wait();
        panic!(
            "the server did not start on its own filesystem (this test needs root and a machine \
             that allows `unshare -m` and the mount): {}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
    }
    let host = server::host_in(&line);
    let seen_dir =
        PathBuf::from(format!("/proc/{}/root", child.id())).join(dir.strip_prefix("/").unwrap());
    let server = Server {
        child,
        host,
        seen_dir,
        dir: dir.to_path_buf(),
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while healthz(&server.host) != 200 {
        assert!(
            Instant::now() < deadline,
            "the server never answered /healthz"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    server
}

impl Server {
    /// Runs `mount ARGS` inside the server's mount namespace.
    pub fn mount(&self, args: &[&str]) -> std::process::Output {
        Command::new("nsenter")
            .arg("-t")
            .arg(self.child.id().to_string())
            .arg("-m")
            .arg("mount")
            .args(args)
            .output()
            .expect("nsenter (util-linux) must be installed to run this test")
    }

    pub fn sigterm(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -TERM");
    }

    pub fn exit_within(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: String,
}

pub fn request(host: &str, raw: &str) -> Reply {
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

pub fn get(host: &str, path: &str, cookie: &str) -> Reply {
    request(
        host,
        &format!(
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}; lang=fr\r\nConnection: close\r\n\r\n"
        ),
    )
}

fn set_cookie(r: &Reply) -> Option<String> {
    r.head
        .lines()
        .find_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .map(|c| c.split(';').next().unwrap().to_string())
}

/// A login form in French: the reply, and its session cookie and CSRF token when it is one.
pub fn login_form(host: &str) -> (Reply, Option<(String, String)>) {
    let r = get(host, "/login", "x=y");
    let token = r
        .body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string());
    let pair = set_cookie(&r).zip(token);
    (r, pair)
}

/// Posts a login for `user`. Counting the attempt is a write. Each user name comes from its
/// own client address (through the trusted proxy the test plays), so that no throttling
/// limit stops the writes the test needs. Returns the reply and the new session cookie.
pub fn login(
    host: &str,
    (cookie, token): &(String, String),
    user: &str,
    password: &str,
) -> (Reply, Option<String>) {
    let n = user
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    let client = format!("10.{}.{}.{}", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    let body = format!(
        "username={user}&password={}&csrf={token}",
        password.replace(' ', "+")
    );
    let r = request(
        host,
        &format!(
            "POST /login HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}; lang=fr\r\n\
             X-Forwarded-For: {client}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    let cookie = set_cookie(&r);
    (r, cookie)
}

pub fn wrong_login(host: &str, session: &(String, String), user: &str) -> Reply {
    login(host, session, user, "wrong-password").0
}

pub fn healthz(host: &str) -> u16 {
    request(
        host,
        &format!("GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
    .status
}

/// The storage page, in French, with its `Retry-After`: what a refused write must get.
pub fn assert_storage_page(r: &Reply, what: &str) {
    assert_eq!(r.status, 503, "{what}: {}", r.body);
    assert!(
        r.body.contains("Rien n’a été enregistré"),
        "{what}: the storage page in French: {}",
        r.body
    );
    assert!(
        r.head.to_ascii_lowercase().contains("retry-after"),
        "{what}: {}",
        r.head
    );
}

/// Fills the filesystem holding `dir` until it refuses another byte.
pub fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut f = File::create(&path).expect("create the filler through /proc/PID/root");
    let block = vec![0u8; 64 * 1024];
    loop {
        match f.write(&block) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::StorageFull || e.raw_os_error() == Some(28) => break,
            Err(e) => panic!("filling the filesystem: {e}"),
        }
    }
    let _ = f.sync_all();
    path
}
