//! Running the real `taawun` binary on a data directory, as an operator would.

use std::process::{Command, Output, Stdio};

/// `taawun ARGS --data-dir DIR`, with the caller's environment kept out and a password
/// ready for `user add`.
pub fn in_dir(dir: &tempfile::TempDir, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_taawun"));
    for var in ["TAAWUN_DATA_DIR", "TAAWUN_DATABASE_URL", "TAAWUN_PASSWORD"] {
        c.env_remove(var);
    }
    c.env("TAAWUN_LOG", "warn");
    c.args(args);
    c.args(["--data-dir", dir.path().to_str().unwrap()]);
    c.env("TAAWUN_PASSWORD", "correct horse battery");
    c.stdin(Stdio::null()).output().unwrap()
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `taawun ARGS` with no data directory added (for commands that take their own).
// Each test file compiles this module anew, and not every one runs these commands.
#[allow(dead_code)]
pub fn run(args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_taawun"));
    for var in ["TAAWUN_DATA_DIR", "TAAWUN_DATABASE_URL", "TAAWUN_PASSWORD"] {
        c.env_remove(var);
    }
    c.env("TAAWUN_LOG", "warn");
    c.args(args);
    c.stdin(Stdio::null()).output().unwrap()
}

/// The arguments of `taawun user add` for a first administrator, `admin`, of Morocco.
#[allow(dead_code)]
pub const ADD_ADMIN: [&str; 10] = [
    "user",
    "add",
    "--username",
    "admin",
    "--display-name",
    "First Admin",
    "--party",
    "MA",
    "--role",
    "administrator",
];

/// `taawun user add` of a first administrator (`admin`, of Morocco) in `dir`, which must work.
#[allow(dead_code)]
pub fn add_admin(dir: &tempfile::TempDir) {
    let out = in_dir(dir, &ADD_ADMIN);
    assert!(out.status.success(), "{}", text(&out.stderr));
}
