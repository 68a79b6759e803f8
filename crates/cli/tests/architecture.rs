//! The architecture invariants ARCHITECTURE.md states, checked on the workspace as it is:
//! the dependency graph from `cargo metadata` (normal dependencies only: tests may reach
//! further) and the sources as text. Each test names the invariant it keeps.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Each workspace crate's normal (non-dev, non-build) dependencies, with the features
/// it turns on in each.
fn graph() -> BTreeMap<String, Vec<(String, Vec<String>)>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(workspace())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let mut graph = BTreeMap::new();
    for p in meta["packages"].as_array().expect("packages") {
        let deps = p["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .filter(|d| d["kind"].is_null())
            .map(|d| {
                let features = d["features"].as_array().map_or_else(Vec::new, |f| {
                    f.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                });
                (d["name"].as_str().unwrap_or_default().to_string(), features)
            })
            .collect();
        graph.insert(p["name"].as_str().unwrap_or_default().to_string(), deps);
    }
    assert!(graph.contains_key("taawun-core"), "the workspace was found");
    graph
}

fn depends(graph: &BTreeMap<String, Vec<(String, Vec<String>)>>, krate: &str, dep: &str) -> bool {
    graph[krate].iter().any(|(d, _)| d == dep)
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("dir readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source readable");
                out.push((path, text));
            }
        }
    }
    assert!(!out.is_empty(), "no sources under {}", dir.display());
    out
}

/// Lines of `text` that are code, not comments (a `//` line, `//!` and `///` included).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim_start().starts_with("//"))
}

#[test]
fn core_does_no_io() {
    // Architecture invariant: `core` is pure domain; no runtime, database, network or web crate.
    let graph = graph();
    let io = [
        "tokio",
        "sqlx",
        "axum",
        "hyper",
        "tower",
        "tower-http",
        "reqwest",
        "lettre",
        "async-trait",
        "tracing",
    ];
    for (dep, _) in &graph["taawun-core"] {
        assert!(!io.contains(&dep.as_str()), "taawun-core depends on {dep}");
        assert!(!dep.starts_with("taawun-"), "taawun-core depends on {dep}");
    }
    for (path, text) in sources(&workspace().join("crates/core/src")) {
        for needle in ["std::fs", "std::net", "std::process", "std::env", "tokio::"] {
            assert!(
                !code_lines(&text).any(|l| l.contains(needle)),
                "{} uses {needle}",
                path.display()
            );
        }
    }
}

#[test]
fn only_the_store_names_sqlx() {
    // Architecture invariant: SQL and the database driver live in `store` only.
    let graph = graph();
    for (krate, deps) in &graph {
        if krate != "taawun-store" {
            assert!(
                !deps.iter().any(|(d, _)| d == "sqlx"),
                "{krate} depends on sqlx"
            );
        }
    }
    for krate in ["core", "i18n", "docs", "app", "web", "cli"] {
        for (path, text) in sources(&workspace().join("crates").join(krate).join("src")) {
            // `sqlx::` in code; a log filter naming the target (`sqlx=warn`) is no use of it.
            assert!(
                !code_lines(&text).any(|l| l.contains("sqlx::") || l.contains("use sqlx")),
                "{} names sqlx",
                path.display()
            );
        }
    }
}

#[test]
fn the_arrows_point_one_way() {
    // Architecture invariant: core ← i18n ← docs ← app ← web ← cli, with store beside
    // (core ← store ← app). A crate never depends on one to its right.
    let graph = graph();
    let order = [
        "taawun-core",
        "taawun-i18n",
        "taawun-store",
        "taawun-docs",
        "taawun-app",
        "taawun-web",
        "taawun",
    ];
    for (i, krate) in order.iter().enumerate() {
        for later in &order[i + 1..] {
            assert!(!depends(&graph, krate, later), "{krate} depends on {later}");
        }
    }
    assert!(depends(&graph, "taawun-web", "taawun-app"));
    assert!(depends(&graph, "taawun", "taawun-app"));
    // Only the web crate speaks HTTP and HTML.
    for krate in [
        "taawun-core",
        "taawun-i18n",
        "taawun-store",
        "taawun-docs",
        "taawun-app",
    ] {
        for web in ["axum", "askama", "tower-http", "tower-sessions"] {
            assert!(!depends(&graph, krate, web), "{krate} depends on {web}");
        }
    }
}

#[test]
fn the_command_line_uses_web_only_to_serve() {
    // Architecture invariant: every command calls `app`; `web` is only the server `serve` runs.
    for (path, text) in sources(&workspace().join("crates/cli/src")) {
        if path.file_name().is_some_and(|n| n == "serve.rs") {
            continue;
        }
        assert!(
            !code_lines(&text).any(|l| l.contains("taawun_web")),
            "{} names taawun_web",
            path.display()
        );
    }
}

#[test]
fn the_benchmark_generator_is_not_in_the_release_binary() {
    // Architecture invariant: `store::bench` writes without rules, permission or audit, so it
    // exists only with the store's `bench` feature, which no normal dependency turns on.
    let graph = graph();
    for (krate, deps) in &graph {
        for (dep, features) in deps {
            assert!(
                !(dep == "taawun-store" && features.iter().any(|f| f == "bench")),
                "{krate} turns on taawun-store/bench"
            );
        }
    }
    let lib = std::fs::read_to_string(workspace().join("crates/store/src/lib.rs")).unwrap();
    let gated =
        lib.lines().collect::<Vec<_>>().windows(2).any(|w| {
            w[0].trim() == "#[cfg(feature = \"bench\")]" && w[1].trim() == "pub mod bench;"
        });
    assert!(
        gated,
        "store's lib.rs must gate `pub mod bench;` on the bench feature"
    );
}

#[test]
fn the_store_pool_is_not_public() {
    // Architecture invariant: nothing outside `store` reaches the database but through the
    // `Store` trait; the pool is visible to the store's own tests only (feature `testing`).
    for (path, text) in sources(&workspace().join("crates/store/src")) {
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let t = l.trim_start();
            let exposes = (t.starts_with("pub fn") || t.starts_with("pub async fn"))
                && (t.contains("Pool") || t.contains("pool("))
                || t.starts_with("pub pool");
            if exposes {
                let gated = lines[..i]
                    .iter()
                    .rev()
                    .take(4)
                    .any(|p| p.trim() == "#[cfg(feature = \"testing\")]");
                assert!(gated, "{}:{} exposes the pool", path.display(), i + 1);
            }
        }
    }
    let graph = graph();
    for (krate, deps) in &graph {
        for (dep, features) in deps {
            assert!(
                !(dep == "taawun-store" && features.iter().any(|f| f == "testing")),
                "{krate} turns on taawun-store/testing"
            );
        }
    }
}
