//! The web crate's shape, read from its source: the request's `Visible` is built in one
//! place (`lookup::reader`), reads made as another principal are few and said so, the raw
//! store is named only behind `doors.rs` (pages get a `Visible`, login code a
//! credentials-only door), and every route is listed in the one route table (`routes.rs`).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("read source");
            out.push((path, text));
        }
    }
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Where a `Visible` is made for another principal than the request's, each with a
/// comment saying whose view it reads: the header (the user the gate just recognised,
/// before the page context exists), a calendar feed's owner, the demo's example officer.
const OTHER_PRINCIPALS: [&str; 4] = [
    "lookup.rs",
    "auth/who.rs",
    "calendar/mod.rs",
    "pages/notifications.rs",
];

#[test]
fn the_requests_visible_is_built_in_lookup_alone() {
    let root = src();
    for (path, text) in sources(&root) {
        let rel = path.strip_prefix(&root).expect("under src");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let calls = text.matches("Visible::new(").count();
        match rel.as_str() {
            "doors.rs" => assert_eq!(calls, 1, "the doors build a Visible in one place"),
            r => assert_eq!(
                calls, 0,
                "{r} builds a Visible: take it from `lookup::reader`"
            ),
        }
        if text.contains("reader_of(") {
            assert!(
                OTHER_PRINCIPALS.contains(&rel.as_str()),
                "{rel} reads as another principal: take the request's `lookup::reader`, or \
                 add the file to OTHER_PRINCIPALS with a comment saying whose view it reads"
            );
        }
    }
}

/// Every route is listed in `routes.rs`, so a reader finds any page in one hop.
#[test]
fn routes_are_listed_in_the_route_table_alone() {
    let root = src();
    for (path, text) in sources(&root) {
        let rel = path.strip_prefix(&root).expect("under src");
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel != "routes.rs" {
            assert!(
                !text.contains(".route(") && !text.contains("fn router("),
                "{rel} declares routes: list them in routes.rs instead"
            );
        }
    }
}

/// Lines of code (comments left out) of a source text.
fn code_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect()
}

/// Whether `word` occurs in `line` as a whole identifier.
fn names(line: &str, word: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

/// Where the raw `Store` trait may be named (issue 10, finding 4): `doors.rs` keeps it
/// behind its three doors; `lib.rs` hands the store `AppState::new` is given straight to
/// them; `auth/sessions.rs`'s `purge_forever` is the binary's, beside the router; the route
/// table's own test opens a database.
const RAW_STORE: [&str; 4] = ["doors.rs", "lib.rs", "auth/sessions.rs", "routes/tests.rs"];

/// No page, form or document can reach the raw store: it reads without any filter.
#[test]
fn only_the_doors_name_the_raw_store() {
    let root = src();
    for (path, text) in sources(&root) {
        let rel = path.strip_prefix(&root).expect("under src");
        let rel = rel.to_string_lossy().replace('\\', "/");
        if RAW_STORE.contains(&rel.as_str()) {
            continue;
        }
        let code = code_lines(&text).join("\n");
        // `use taawun_store::{…}` lists, joined onto one line.
        let uses: Vec<&str> = code
            .split("use taawun_store::")
            .skip(1)
            .map(|rest| rest.split(';').next().unwrap_or(""))
            .collect();
        for line in code.lines().chain(uses) {
            let bad = line.contains("dyn Store")
                && names(line.split("dyn ").nth(1).unwrap_or(""), "Store")
                || line.contains("SqliteStore")
                || names(line, "taawun_store::Store")
                || line.trim_start().starts_with("use taawun_store::") && names(line, "Store");
            assert!(
                !bad,
                "{rel} names the raw Store ({line:?}): read through `lookup::reader`'s \
                 Visible, write through `AppState::acting`, log in through `AppState::logins`"
            );
        }
    }
}

/// The credentials door is for logging in (`auth/`, the second step's page, a calendar
/// feed opened by its token); the store's field for the doors themselves and the reader.
#[test]
fn only_login_code_opens_the_credentials_door() {
    let root = src();
    for (path, text) in sources(&root) {
        let rel = path.strip_prefix(&root).expect("under src");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let code = code_lines(&text).join("\n");
        let login_code =
            rel.starts_with("auth/") || rel == "pages/login.rs" || rel == "calendar/mod.rs";
        if !login_code && rel != "lib.rs" {
            assert!(
                !code.contains(".logins()"),
                "{rel} opens the credentials door: only login code may"
            );
        }
        if rel != "lib.rs" && rel != "lookup.rs" {
            assert!(
                !code.contains(".doors"),
                "{rel} reaches the store's doors: take a Visible from `lookup`"
            );
        }
    }
}
