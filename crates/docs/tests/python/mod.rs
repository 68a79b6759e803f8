//! Runs a Python snippet that reads back what this crate wrote, with the libraries people's
//! tools are built on (openpyxl, icalendar, csv). Never skips: a missing module fails the test.
#![allow(dead_code)] // each test binary uses part of it

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `script` with `input` on its standard input and returns its standard output parsed
/// as JSON. `module` is imported first so that its absence fails with a clear message.
pub fn python(module: &str, script: &str, input: &[u8]) -> serde_json::Value {
    let out = python_bytes(module, script, input);
    serde_json::from_slice(&out).unwrap_or_else(|e| {
        panic!(
            "python3 printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out)
        )
    })
}

/// As [`python`], returning the raw standard output (a file the script wrote there).
pub fn python_bytes(module: &str, script: &str, input: &[u8]) -> Vec<u8> {
    let prelude = format!(
        "import sys, json\n\
         try:\n    import {module}\n\
         except ImportError:\n    \
         sys.exit(\"Python module '{module}' is missing: python3 -m pip install {module} (scripts/test does)\")\n"
    );
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(format!("{prelude}{script}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be installed to read the outputs back (scripts/test)");
    // Python may exit before reading everything (a missing module): its message matters, not ours.
    let _ = child.stdin.take().unwrap().write_all(input);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}
