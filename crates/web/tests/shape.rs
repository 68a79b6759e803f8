//! The web crate's shape, read from its source: the request's `Visible` is built in one
//! place (`lookup::reader`), reads made as another principal are few and said so, and every
//! route is listed in the one route table (`routes.rs`).

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

/// Where `Visible::new` may appear: `lookup.rs` builds the request's reader; the others
/// read as someone else on purpose (a calendar feed's owner, the demo's example officer,
/// each user in turn for reminders, the user an export runs for), each with a comment.
const OTHER_PRINCIPALS: [&str; 4] = [
    "calendar/mod.rs",
    "pages/notifications.rs",
    "remind/mod.rs",
    "exports/mod.rs",
];

#[test]
fn the_requests_visible_is_built_in_lookup_alone() {
    let root = src();
    for (path, text) in sources(&root) {
        let rel = path.strip_prefix(&root).expect("under src");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let calls = text.matches("Visible::new(").count();
        if calls == 0 {
            continue;
        }
        match rel.as_str() {
            "lookup.rs" => assert_eq!(calls, 1, "lookup.rs builds the reader once"),
            r if OTHER_PRINCIPALS.contains(&r) => {}
            r => panic!(
                "{r} builds a Visible itself: take the request's from `lookup::reader`, or \
                 add the file to OTHER_PRINCIPALS with a comment saying whose view it reads"
            ),
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
