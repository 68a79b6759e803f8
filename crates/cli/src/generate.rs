//! `taawun generate`: the arguments, then `app::generate`, which does the work. Progress
//! goes to stderr; the summary (records per kind, audit rows, seconds) is one line on
//! stdout, so a script can keep it.

use crate::args::GenerateArgs;
use crate::db;
use taawun_app::generate::{self, Options, Profile};

pub async fn run(a: GenerateArgs) -> Result<(), String> {
    let profile = Profile::parse(&a.profile)
        .ok_or_else(|| format!("unknown profile {:?}: use national or small", a.profile))?;
    let store = db::open(&a.db).await?;
    let options = Options {
        profile,
        seed: a.seed,
        password: a.password,
        one_by_one: a.one_by_one,
    };
    let say = |line: &str| eprintln!("{line}");
    let result = generate::run(&*store, &options, &say).await;
    // Closed in any case, so the write-ahead log is merged into the file.
    store.shut_down().await.map_err(|e| e.to_string())?;
    let summary = result.map_err(|e| format!("{}: {e}", a.db.describe()))?;
    let counts: Vec<String> = summary
        .counts
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    println!(
        "generated {} (seed {}) into {} in {:.1} s: {}; {} audit rows",
        profile.key(),
        a.seed,
        a.db.describe(),
        summary.seconds,
        counts.join(", "),
        summary.audit_rows
    );
    Ok(())
}
