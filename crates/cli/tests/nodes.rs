//! Issue 15, part 3: two `taawun serve` processes (nodes) on one PostgreSQL database, as a
//! deployment behind a reverse proxy runs them. A login made on one node works on the
//! other (its session and CSRF token included); login throttling counts the attempts made on
//! both; an edit made through one shows at once in the other's pages; writes made through
//! both at once are all kept, and the audit chain they leave verifies (`taawun check`).

mod common;
#[path = "common/faults.rs"]
mod faults;

use common::{ADD_ADMIN, run, text};
use faults::server::Server as Node;
use faults::{Reply, get, login, login_form, request, wrong_login};
use std::process::{Command, Stdio};
use taawun_testpg::fresh_database;

const PASSWORD: &str = "correct horse battery";

/// A `taawun serve` process on the database `url`, killed when dropped.
fn node(url: &str) -> Node {
    let mut c = Command::new(env!("CARGO_BIN_EXE_taawun"));
    c.args(["serve", "--addr", "127.0.0.1:0", "--no-reminders"])
        // The test plays the reverse proxy: it names each client's address.
        .args(["--trusted-proxy", "127.0.0.1", "--database-url", url])
        .env_remove("TAAWUN_DATA_DIR")
        .env_remove("TAAWUN_DATABASE_URL")
        .env("TAAWUN_LOG", "warn");
    faults::server::ready(c)
}

/// A database with the demo and an administrator, `admin`.
fn deployment() -> String {
    let url = fresh_database();
    let out = run(&["demo", "--database-url", &url]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut c = Command::new(env!("CARGO_BIN_EXE_taawun"));
    c.env_remove("TAAWUN_DATA_DIR")
        .env_remove("TAAWUN_DATABASE_URL")
        .env("TAAWUN_PASSWORD", PASSWORD)
        .env("TAAWUN_LOG", "warn")
        .args(ADD_ADMIN)
        .args(["--database-url", &url]);
    let out = c.stdin(Stdio::null()).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    url
}

/// The CSRF token of the form at `path`, as the session `cookie` reads it on `host`.
fn token(host: &str, path: &str, cookie: &str) -> String {
    let r = get(host, path, cookie);
    assert_eq!(r.status, 200, "{path} on {host}: {}", r.body);
    let rest = r
        .body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .unwrap_or_else(|| panic!("{path} holds a form: {}", r.body));
    rest[..rest.find('"').unwrap()].to_string()
}

/// Posts a new area of cooperation through `host`.
fn add_area(host: &str, cookie: &str, csrf: &str, code: &str, name: &str) -> Reply {
    let body = format!("csrf={csrf}&version=0&code={code}&name.fr={name}");
    request(
        host,
        &format!(
            "POST /areas/new HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}; lang=fr\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

#[test]
fn two_nodes_serve_the_same_people_and_records() {
    let url = deployment();
    let (a, b) = (node(&url), node(&url));

    // Signed in on A, recognised on B: the session lives in the database.
    let (form, pair) = login_form(&a.host);
    let pair = pair.unwrap_or_else(|| panic!("a login form: {}", form.body));
    let (r, cookie) = login(&a.host, &pair, "admin", PASSWORD);
    assert_eq!(r.status, 303, "{}", r.body);
    let cookie = cookie.expect("a new session cookie");
    let account = get(&b.host, "/account", &cookie);
    assert_eq!(account.status, 200, "{}", account.head);
    assert!(account.body.contains("First Admin"), "{}", account.body);

    // An edit through A (with the CSRF token B's form page gives): in B's list at once.
    let csrf = token(&b.host, "/areas/new", &cookie);
    let r = add_area(
        &a.host,
        &cookie,
        &csrf,
        "cyber-defence",
        "Cyberd%C3%A9fense",
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let areas = get(&b.host, "/areas", &cookie);
    assert!(areas.body.contains("Cyberdéfense"), "{}", areas.body);

    // Writes through both nodes at once: every one kept.
    let writers: Vec<_> = (0..12)
        .map(|n| {
            let host = [&a.host, &b.host][n % 2].clone();
            let (cookie, csrf) = (cookie.clone(), csrf.clone());
            std::thread::spawn(move || {
                add_area(
                    &host,
                    &cookie,
                    &csrf,
                    &format!("area-{n}"),
                    &format!("Domaine+{n}"),
                )
                .status
            })
        })
        .collect();
    for w in writers {
        assert_eq!(w.join().unwrap(), 303);
    }
    let areas = get(&a.host, "/areas", &cookie);
    for n in 0..12 {
        assert!(
            areas.body.contains(&format!("Domaine {n}")),
            "area {n} kept"
        );
    }

    // Wrong passwords for one account, alternately on A and B: the limit (5) counts both.
    let (pair_a, pair_b) = (
        login_form(&a.host).1.unwrap(),
        login_form(&b.host).1.unwrap(),
    );
    for n in 0..5 {
        let (host, pair) = if n % 2 == 0 {
            (&a.host, &pair_a)
        } else {
            (&b.host, &pair_b)
        };
        let r = wrong_login(host, pair, "karim.missing");
        assert_eq!(r.status, 401, "attempt {n} is judged: {}", r.head);
    }
    for host in [&a.host, &b.host] {
        let r = wrong_login(host, &pair_b, "karim.missing");
        assert_eq!(r.status, 429, "the sixth is refused on {host}: {}", r.head);
    }

    // The chain the two nodes wrote verifies.
    drop((a, b));
    let out = run(&["check", "--database-url", &url]);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}
