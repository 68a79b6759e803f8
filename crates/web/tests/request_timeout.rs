//! Issue 11, part 2: a request that is not answered within `--request-timeout` gets a page
//! saying so in the reader's language (not a blank answer), and the connection stays usable.
//! Served through `web::listen`, the accept loop `taawun serve` runs, on a real socket.

use axum::Router;
use axum::routing::get;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};
use taawun_web::listen::{Limits, serve};

async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(30)).await;
    "too late"
}

async fn quick() -> &'static str {
    "quick"
}

fn ask(host: &str, path: &str, lang: &str) -> (String, Duration) {
    let mut s = TcpStream::connect(host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let started = Instant::now();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Language: {lang}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).unwrap();
    (
        String::from_utf8_lossy(&answer).into_owned(),
        started.elapsed(),
    )
}

#[test]
fn a_request_over_its_time_gets_a_page_in_the_readers_language() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let host = listener.local_addr().unwrap().to_string();
    let router = Router::new()
        .route("/slow", get(slow))
        .route("/quick", get(quick));
    let limits = Limits {
        header_timeout: Duration::from_secs(10),
        body_timeout: Duration::from_secs(10),
        request_timeout: Duration::from_millis(500),
        max_connections: 16,
        shutdown_timeout: Duration::from_secs(1),
    };
    rt.spawn(serve(listener, router, limits, std::future::pending()));

    let (answer, took) = ask(&host, "/slow", "ar");
    assert!(answer.starts_with("HTTP/1.1 504"), "{answer}");
    assert!(
        answer.contains("استغرق الرد وقتًا طويلًا"),
        "the page is in Arabic: {answer}"
    );
    assert!(answer.contains("dir=\"rtl\""), "laid out right to left");
    assert!(!answer.contains("too late"));
    assert!(took < Duration::from_secs(5), "answered after {took:?}");

    let (answer, _) = ask(&host, "/slow", "fr");
    assert!(
        answer.contains("La réponse a pris trop de temps"),
        "{answer}"
    );

    let (answer, _) = ask(&host, "/quick", "en");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with("quick"), "{answer}");
}
