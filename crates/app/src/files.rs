//! Accepting an uploaded file before it is attached (`Store::attach_file`): what it is, by
//! its content (`taawun_docs::detect_file_type`), and, when the installation has one, its
//! scanner's verdict. Both run on the blocking pool: a 50 MB scan or an office container's
//! inflation must not stall the async workers.
//!
//! The scanner is a command the installation names (`taawun serve --scanner`): the file is
//! written to its standard input, and exit status 0 accepts it; any other status refuses
//! it. A scanner that cannot be started or does not answer in time refuses it too — an
//! installation that asked for scanning never takes a file unscanned. ClamAV's `clamdscan -`
//! reads standard input this way.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use taawun_core::attachment::{FileRefusal, FileType};

/// The installation's scanner command.
#[derive(Debug, Clone)]
pub struct Scanner {
    pub program: PathBuf,
    pub args: Vec<String>,
    /// How long a scan may take before the file is refused.
    pub timeout: Duration,
}

impl Scanner {
    pub fn new(program: impl Into<PathBuf>, args: Vec<String>) -> Self {
        Scanner {
            program: program.into(),
            args,
            timeout: Duration::from_secs(120),
        }
    }

    /// Runs the scanner over `content`, on the calling thread.
    fn scan(&self, content: &[u8]) -> Result<(), FileRefusal> {
        let failed = |what: &str, e: &dyn std::fmt::Display| {
            tracing::warn!(program = %self.program.display(), "file scanner {what}: {e}");
            FileRefusal::ScannerFailed
        };
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| failed("could not start", &e))?;
        let mut stdin = child.stdin.take().ok_or(FileRefusal::ScannerFailed)?;
        // Written from its own thread: a scanner that stops reading (it has seen enough)
        // must not leave this one blocked on a full pipe. Its broken pipe is no error.
        let content = content.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&content);
        });
        let deadline = Instant::now() + self.timeout;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Ok(None) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(failed("took too long", &format!("{:?}", self.timeout)));
                }
                Err(e) => return Err(failed("could not be waited for", &e)),
            }
        };
        let _ = writer.join();
        if status.success() {
            Ok(())
        } else {
            tracing::info!(program = %self.program.display(), %status, "file scanner refused a file");
            Err(FileRefusal::Scanner)
        }
    }
}

/// The type of `content` by its signature, then the scanner's verdict when there is one.
/// The content comes back with the answer, for the caller to store.
pub async fn check(
    content: Vec<u8>,
    scanner: Option<Scanner>,
) -> (Vec<u8>, Result<FileType, FileRefusal>) {
    let joined = tokio::task::spawn_blocking(move || {
        let verdict = taawun_docs::detect_file_type(&content).and_then(|found| match &scanner {
            Some(s) => s.scan(&content).map(|()| found),
            None => Ok(found),
        });
        (content, verdict)
    })
    .await;
    match joined {
        Ok(answer) => answer,
        // The check panicked: nothing is taken.
        Err(_) => (Vec::new(), Err(FileRefusal::ScannerFailed)),
    }
}
