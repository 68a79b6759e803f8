//! Runs a Python script on a downloaded file: the independent readers of our exports
//! (openpyxl for .xlsx, icalendar for .ics), installed by `scripts/test`. A missing module
//! fails the test with the command that installs it; it never skips.

use std::io::Write;
use std::process::Command;

/// Writes `bytes` to a temporary file, runs `script` with its path as `sys.argv[1]`, and
/// returns what the script printed.
pub fn run(script: &str, bytes: &[u8], suffix: &str) -> String {
    let mut file = tempfile::Builder::new()
        .suffix(suffix)
        .tempfile()
        .expect("temp file");
    file.write_all(bytes).expect("write download");
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(file.path())
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("ModuleNotFoundError"),
        "a Python reader is missing; run `bash scripts/test` (it installs openpyxl and icalendar): {stderr}"
    );
    assert!(out.status.success(), "python failed: {stderr}");
    String::from_utf8(out.stdout).expect("utf-8 output")
}
