//! Starting and stopping a throwaway cluster with the machine's `initdb` and `pg_ctl`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What a cluster that requires TLS hands its clients: the certificate authority that
/// signed the server's certificate (for `sslrootcert`).
#[derive(Debug, Clone)]
pub struct Tls {
    pub ca: PathBuf,
}

/// A running cluster, stopped and removed when dropped.
#[derive(Debug)]
pub struct Cluster {
    dir: Option<tempfile::TempDir>,
    port: u16,
    tls: Option<Tls>,
}

/// The directory of the newest installed PostgreSQL's programs, 15 or newer: Debian puts
/// them in /usr/lib/postgresql/N/bin, off the PATH. `TAAWUN_PG_BIN` names another.
pub fn bin_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("TAAWUN_PG_BIN") {
        return PathBuf::from(dir);
    }
    let newest = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            (v >= 15 && bin.join("initdb").exists()).then_some((v, bin))
        })
        .max();
    match newest {
        Some((_, bin)) => bin,
        None => panic!(
            "no PostgreSQL 15 or newer in /usr/lib/postgresql: install Debian's `postgresql` \
             package (scripts/test does) or set TAAWUN_PG_BIN"
        ),
    }
}

/// Runs a server program as the unprivileged `postgres` user when we are root (PostgreSQL
/// refuses to run as root), as ourselves otherwise.
fn as_server_user(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.trim_ascii() == b"0")
        .unwrap_or(false)
}

/// Runs a command to its end; panics with its output when it fails.
pub(crate) fn run(mut c: Command, what: &str) {
    let out = c
        .output()
        .unwrap_or_else(|e| panic!("cannot run {what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A TCP port nobody listens on now (the kernel's pick).
fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    l.local_addr().unwrap().port()
}

impl Cluster {
    /// A cluster that accepts plain connections from this machine.
    pub fn start() -> Cluster {
        Cluster::start_with(false)
    }

    /// A cluster that refuses every TCP connection without TLS, with a certificate for
    /// `localhost` signed by an authority made here.
    pub fn start_tls() -> Cluster {
        Cluster::start_with(true)
    }

    fn start_with(tls: bool) -> Cluster {
        let bin = bin_dir();
        let dir = tempfile::Builder::new()
            .prefix("taawun-pg-")
            .tempdir()
            .expect("a temporary directory");
        let root = dir.path();
        let data = root.join("data");
        let tls = tls.then(|| crate::tls::make(root));
        if is_root() {
            let mut c = Command::new("chown");
            c.args(["-R", "postgres:"]).arg(root);
            run(
                c,
                "chown (the `postgres` user comes with Debian's postgresql package)",
            );
        }
        let mut initdb = as_server_user(&bin.join("initdb"));
        initdb
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "-A", "trust", "-E", "UTF8"])
            .args(["--locale=C.UTF-8", "--no-sync"]);
        run(initdb, "initdb");

        let port = free_port();
        // Durability settings off: the tests check results, not crash safety, and a
        // synced commit per test write would make the suites several times slower.
        let mut conf = format!(
            "port = {port}\nlisten_addresses = 'localhost'\nunix_socket_directories = '{}'\n\
             max_connections = 300\nfsync = off\nsynchronous_commit = off\n\
             full_page_writes = off\n",
            root.display()
        );
        let hba = match &tls {
            Some(_) => {
                conf.push_str(&format!(
                    "ssl = on\nssl_cert_file = '{0}/server.crt'\nssl_key_file = '{0}/server.key'\n",
                    root.display()
                ));
                // Only `hostssl` lines: a TCP client without TLS finds no line and is refused.
                "local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostssl all all ::1/128 trust\n"
            }
            None => {
                "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n"
            }
        };
        append(&data.join("postgresql.conf"), &conf);
        std::fs::write(data.join("pg_hba.conf"), hba).expect("pg_hba.conf");

        let log = root.join("server.log");
        let mut start = as_server_user(&bin.join("pg_ctl"));
        start
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(&log)
            .args(["-w", "-t", "60", "start"]);
        let out = start.output().expect("pg_ctl");
        if !out.status.success() {
            panic!(
                "PostgreSQL did not start: {}\n{}",
                String::from_utf8_lossy(&out.stderr),
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        Cluster {
            dir: Some(dir),
            port,
            tls,
        }
    }

    /// The directory holding the data, the socket and the log.
    pub fn dir(&self) -> &Path {
        self.dir.as_ref().expect("a running cluster").path()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The URL of the administrative database: over TLS verifying the server's name and
    /// certificate when the cluster requires TLS.
    pub fn url(&self) -> String {
        match &self.tls {
            Some(t) => format!(
                "postgres://postgres@localhost:{}/postgres?sslmode=verify-full&sslrootcert={}",
                self.port,
                t.ca.display()
            ),
            None => format!("postgres://postgres@127.0.0.1:{}/postgres", self.port),
        }
    }

    /// The same server without TLS: what a cluster that requires TLS must refuse.
    pub fn plain_url(&self) -> String {
        format!(
            "postgres://postgres@localhost:{}/postgres?sslmode=disable",
            self.port
        )
    }

    pub fn tls(&self) -> Option<&Tls> {
        self.tls.as_ref()
    }

    /// Leaves the cluster running after this value is gone and returns its directory: for
    /// the test command, which stops it with `stop` when the suites are done.
    pub fn keep(mut self) -> PathBuf {
        self.dir.take().expect("a running cluster").keep()
    }

    /// Stops the cluster in `dir` (one `keep` returned) and removes the directory.
    pub fn stop(dir: &Path) {
        let mut c = as_server_user(&bin_dir().join("pg_ctl"));
        c.arg("-D")
            .arg(dir.join("data"))
            .args(["-m", "immediate", "-w", "stop"]);
        // A server that is already gone leaves nothing to stop; the directory still goes.
        let _ = c.output();
        let _ = std::fs::remove_dir_all(dir);
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            Cluster::stop(&dir.keep());
        }
    }
}

fn append(path: &Path, text: &str) {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .expect("postgresql.conf");
    f.write_all(text.as_bytes()).expect("postgresql.conf");
}
