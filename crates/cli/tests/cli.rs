//! The `taawun` binary as a person runs it: help, init, demo, serve, and the failures that
//! must come out as one clear line and a non-zero exit, never a panic.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn taawun() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_taawun"));
    // Keep the tests independent of the caller's environment.
    for var in [
        "TAAWUN_ADDR",
        "TAAWUN_DATA_DIR",
        "TAAWUN_DATABASE_URL",
        "TAAWUN_DEMO",
    ] {
        c.env_remove(var);
    }
    c.env("TAAWUN_LOG", "warn");
    c
}

fn run(args: &[&str]) -> Output {
    taawun().args(args).output().expect("run taawun")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A failure is one line on stderr, names the problem, and is not a panic.
fn assert_clean_failure(out: &Output, needle: &str) {
    let err = text(&out.stderr);
    assert!(!out.status.success(), "should fail: {err}");
    assert!(
        err.contains(needle),
        "stderr should mention {needle:?}: {err}"
    );
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "panic: {err}"
    );
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
}

#[test]
fn help_explains_every_option_and_its_variable() {
    let out = run(&["serve", "--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for needle in [
        "--addr",
        "TAAWUN_ADDR",
        "--data-dir",
        "TAAWUN_DATA_DIR",
        "--database-url",
        "TAAWUN_DATABASE_URL",
        "--demo",
        "TAAWUN_DEMO",
        "127.0.0.1:8080",
    ] {
        assert!(help.contains(needle), "serve --help lacks {needle}: {help}");
    }
    let top = text(&run(&["--help"]).stdout);
    for cmd in ["serve", "init", "demo"] {
        assert!(top.contains(cmd), "--help lacks {cmd}");
    }
}

#[test]
fn init_creates_the_database_and_demo_loads_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    let out = run(&["init", "--data-dir", data]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.path().join("data/taawun.db").exists());

    let first = run(&["demo", "--data-dir", data]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(text(&first.stdout).contains("demo data loaded"));
    let again = run(&["demo", "--data-dir", data]);
    assert!(again.status.success());
    assert!(
        text(&again.stdout).contains("already holds data"),
        "{}",
        text(&again.stdout)
    );
}

#[test]
fn a_taken_port_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let busy = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = busy.local_addr().unwrap().to_string();
    let out = run(&[
        "serve",
        "--addr",
        &addr,
        "--data-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_clean_failure(&out, "cannot listen");
}

#[test]
fn an_unusable_data_dir_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    // A regular file where the directory should be: fails even for root, unlike permissions.
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, b"x").unwrap();
    let inside = file.join("data");
    let out = run(&["init", "--data-dir", inside.to_str().unwrap()]);
    assert_clean_failure(&out, "data directory");
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    assert!(run(&["init", "--data-dir", data]).status.success());
    let db = dir.path().join("taawun.db");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        use sqlx::ConnectOptions;
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&db)
            .connect()
            .await
            .unwrap();
        sqlx::query("insert into schema_version (version, applied_at) values (9999, '2099-01-01T00:00:00Z')")
            .execute(&mut conn)
            .await
            .unwrap();
    });
    let out = run(&["init", "--data-dir", data]);
    assert_clean_failure(&out, "newer");
}

#[test]
fn an_unsupported_database_url_is_one_clear_line() {
    let out = run(&["init", "--database-url", "mysql://localhost/x"]);
    assert_clean_failure(&out, "unsupported database URL");
}

#[test]
fn serve_with_demo_answers_health_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = taawun()
        .args(["serve", "--demo", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_string();
    assert!(
        url.starts_with("http://127.0.0.1:"),
        "printed address: {line}"
    );
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();

    let health = get(&host, "/healthz");
    let home = get(&host, "/");
    let _ = child.kill();
    let _ = child.wait();
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(
        home.starts_with("HTTP/1.1 200"),
        "{}",
        &home[..home.len().min(300)]
    );
    assert!(
        home.contains("Bamako") || home.contains("باماكو"),
        "home shows the demo session"
    );
}

/// A bare HTTP/1.1 GET, to check the real listening socket without a client crate.
fn get(host: &str, path: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match TcpStream::connect(host) {
            Ok(mut s) => {
                s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
                write!(s, "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Language: fr\r\nConnection: close\r\n\r\n").unwrap();
                let mut buf = Vec::new();
                s.read_to_end(&mut buf).unwrap();
                return text(&buf);
            }
            Err(e) if Instant::now() > deadline => panic!("cannot connect to {host}: {e}"),
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}
