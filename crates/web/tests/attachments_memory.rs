//! A file upload is never held in memory past the 50 MB limit (issue 13, part 3): a body of
//! 200 MiB streamed without a declared length is refused with a 413, and while the request
//! ran the process's peak resident memory rose by the limit and some working memory, far
//! from the body's size. Its own test binary, so that no other test's memory is counted.

mod common;

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode};
use common::browser::{BOUNDARY, Browser, add_user};
use common::instance;
use taawun_core::attachment::MAX_FILE_BYTES;
use taawun_core::*;

/// The process's peak resident memory (`VmHWM`), in bytes.
fn peak_resident() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

/// The current resident memory (`VmRSS`), in bytes.
fn resident() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    let kib: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

static MIB: [u8; 1024 * 1024] = [b'0'; 1024 * 1024];

#[tokio::test]
async fn a_200_mib_upload_is_refused_without_holding_more_than_the_limit() {
    let d = instance(false, taawun_web::auth::AuthConfig::default()).await;
    add_user(
        &d.store,
        "admin",
        Role::Administrator,
        "correct horse battery",
    )
    .await;
    let mut b = Browser::new(&d.app);
    b.login("admin", "correct horse battery").await;
    b.get("/lang/fr?back=/").await;
    b.get("/account").await;
    let token = b.csrf.clone().unwrap();
    let head = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nsigned_minutes\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n%PDF-1.4\n"
    );
    // 200 MiB made as they are read: the test itself holds none of it.
    let body = futures_util::stream::iter(
        std::iter::once(Ok::<_, std::io::Error>(Bytes::from(head)))
            .chain((0..200).map(|_| Ok(Bytes::from_static(&MIB)))),
    );
    let req = Request::builder()
        .method("POST")
        .uri(format!("/sessions/{}/files", d.ids.session))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from_stream(body))
        .unwrap();
    // Linux resets the peak to the current size when "5" is written here.
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
    let before = resident();
    let r = b.send(req).await;
    let peak = peak_resident().saturating_sub(before);
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    // The file's buffer (at most the limit) and the server's working memory; buffering
    // the body whole would be 200 MiB.
    assert!(
        peak < MAX_FILE_BYTES as usize + 32 * 1024 * 1024,
        "the upload held {} MiB",
        peak / (1024 * 1024)
    );
    assert!(
        d.store
            .attachments(RecordKind::Session, d.ids.session)
            .await
            .unwrap()
            .is_empty()
    );
}
