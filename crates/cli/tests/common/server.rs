//! `taawun serve` as a process the tests can flood, signal and watch exit.
// Each test file uses part of these helpers.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    pub child: Child,
    /// `127.0.0.1:port`
    pub host: String,
}

/// Starts `taawun serve --demo` on a free port in `dir`, with `extra` flags; under an
/// open-file limit of `nofile` when given (set by the shell, as an operator's unit would).
pub fn start(dir: &std::path::Path, extra: &[&str], nofile: Option<u32>) -> Server {
    let bin = env!("CARGO_BIN_EXE_taawun");
    let limit = nofile.map_or(String::new(), |n| format!("ulimit -n {n} && "));
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("{limit}exec \"$0\" \"$@\""))
        .arg(bin)
        .args(["serve", "--demo", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir)
        .args(extra);
    for var in [
        "TAAWUN_ADDR",
        "TAAWUN_DATA_DIR",
        "TAAWUN_DATABASE_URL",
        "TAAWUN_DEMO",
    ] {
        c.env_remove(var);
    }
    c.env("TAAWUN_LOG", "warn");
    ready(c)
}

/// Spawns the `taawun serve` command `c` and waits for its ready line, which names the
/// address it listens on.
pub fn ready(mut c: Command) -> Server {
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let host = host_in(&line);
    assert!(host.starts_with("127.0.0.1:"), "ready line: {line:?}");
    Server { child, host }
}

/// `127.0.0.1:port` from the line `serve` prints once it listens (`… http://HOST/`).
pub fn host_in(ready_line: &str) -> String {
    ready_line
        .trim()
        .rsplit(' ')
        .next()
        .unwrap()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string()
}

impl Server {
    /// `GET /healthz`: the status line and how long the answer took.
    pub fn health(&self, within: Duration) -> (String, Duration) {
        let started = Instant::now();
        let answer = (|| -> std::io::Result<String> {
            let mut s = TcpStream::connect_timeout(&self.host.parse().unwrap(), within)?;
            s.set_read_timeout(Some(within))?;
            write!(
                s,
                "GET /healthz HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                self.host
            )?;
            let mut out = String::new();
            s.read_to_string(&mut out)?;
            Ok(out.lines().next().unwrap_or("").to_string())
        })()
        .unwrap_or_else(|e| format!("no answer: {e}"));
        (answer, started.elapsed())
    }

    /// A connection that sends the start of a request and never its end.
    pub fn half_sent(&self) -> std::io::Result<TcpStream> {
        let mut s =
            TcpStream::connect_timeout(&self.host.parse().unwrap(), Duration::from_secs(10))?;
        write!(s, "GET / HTTP/1.1\r\nHost: {}\r\nAccept-La", self.host)?;
        Ok(s)
    }

    pub fn sigterm(&self) {
        let sent = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -TERM failed");
    }

    /// Waits for the exit; `None` if still running after `within` (it is then killed).
    pub fn exit_within(
        &mut self,
        within: Duration,
    ) -> Option<(std::process::ExitStatus, Duration)> {
        let started = Instant::now();
        while started.elapsed() < within {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some((status, started.elapsed()));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Lets this test process hold a flood of sockets: its soft open-file limit is raised to
/// `want` with util-linux's `prlimit` (the code forbids `unsafe`, so no `setrlimit` here).
/// Fails, saying why, when that is not possible.
pub fn allow_open_files(want: u64) {
    let me = std::process::id().to_string();
    let soft = |pid: &str| -> u64 {
        let out = Command::new("prlimit")
            .args([
                "--pid",
                pid,
                "--nofile",
                "--noheadings",
                "--raw",
                "--output=SOFT",
            ])
            .output()
            .expect("prlimit (util-linux) is needed to raise the test's open-file limit");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .unwrap_or(0)
    };
    if soft(&me) < want {
        let set = Command::new("prlimit")
            .args(["--pid", &me, &format!("--nofile={want}:")])
            .status()
            .unwrap();
        assert!(set.success(), "cannot raise the open-file limit to {want}");
    }
    let now = soft(&me);
    assert!(now >= want, "the test needs {want} open files, has {now}");
}
