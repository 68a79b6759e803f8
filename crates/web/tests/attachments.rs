//! Files attached to records through the real router (issue 13, part 3): the signed
//! minutes' scan uploaded to a session, listed with its SHA-256, downloaded byte for byte
//! as an attachment with its type, `nosniff` and an Arabic name; versions kept; hostile
//! files refused with a sentence in the reader's language and nothing stored (HTML renamed
//! .pdf, SVG renamed .png, a zip bomb renamed .xlsx); the 50 MB limit held while reading;
//! a hidden record's files a 404 for the reader; purge for administrators only; the
//! installation's scanner hook refusing the EICAR test file.

mod common;
#[path = "../../docs/tests/hostile/mod.rs"]
mod hostile;

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode};
use common::browser::{Browser, add_user, multipart};
use common::{Demo, Reply, commission_with, instance, instance_with};
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};
use taawun_core::attachment::MAX_FILE_BYTES;
use taawun_core::*;
use taawun_store::Actor;

const PASSWORD: &str = "correct horse battery";
const ARABIC_NAME: &str = "محضر الدورة الأولى موقع.pdf";

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn scan(tag: &str) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    pdf.extend_from_slice(format!("1 0 obj << /Title ({tag}) >> endobj\n%%EOF\n").as_bytes());
    pdf
}

async fn plain() -> Demo {
    instance(false, taawun_web::auth::AuthConfig::default()).await
}

/// A signed-in user of `party` (the demo's first party when `None`), in French, holding a
/// page's CSRF token.
async fn user(
    d: &Demo,
    name: &str,
    role: Role,
    party: Option<Id>,
    clearance: Marking,
    commissions: &[Id],
) -> Browser {
    let mut u = add_user(&d.store, name, role, PASSWORD).await;
    u.party_id = party.unwrap_or(u.party_id);
    u.clearance = clearance;
    u.commission_ids = commissions.to_vec();
    d.store.save_user(&Actor::system(), &u).await.unwrap();
    let mut b = Browser::new(&d.app);
    let login = b.login(name, PASSWORD).await;
    assert_eq!(login.status, StatusCode::SEE_OTHER, "{}", login.body);
    b.get("/lang/fr?back=/").await;
    b.get("/account").await;
    b
}

async fn admin(d: &Demo) -> Browser {
    user(d, "admin", Role::Administrator, None, Marking::Secret, &[]).await
}

async fn upload(
    b: &mut Browser,
    uri: &str,
    fields: &[(&str, &str)],
    name: &str,
    bytes: &[u8],
) -> Reply {
    let token = b.csrf.clone().unwrap_or_default();
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![("csrf", None, token.as_bytes())];
    for (k, v) in fields {
        parts.push((k, None, v.as_bytes()));
    }
    parts.push(("file", Some(name), bytes));
    b.send_multipart(uri, multipart(&parts)).await
}

async fn minutes(b: &mut Browser, session: Id, name: &str, bytes: &[u8]) -> Reply {
    let uri = format!("/sessions/{session}/files");
    upload(b, &uri, &[("purpose", "signed_minutes")], name, bytes).await
}

/// The download links of a page, in order.
fn file_links(page: &str) -> Vec<String> {
    let mut out: Vec<String> = page
        .split("href=\"/files/")
        .skip(1)
        .map(|rest| format!("/files/{}", &rest[..36]))
        .collect();
    out.dedup();
    out
}

async fn stored_files(d: &Demo, kind: RecordKind, id: Id) -> usize {
    d.store.attachments(kind, id).await.unwrap().len()
}

#[tokio::test]
async fn the_signed_minutes_round_trip_with_their_hash_and_safe_download_headers() {
    let d = plain().await;
    let mut b = admin(&d).await;
    let bytes = scan("signed");
    let sent = minutes(&mut b, d.ids.session, ARABIC_NAME, &bytes).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(
        common::browser::location(&sent),
        format!("/sessions/{}#files", d.ids.session)
    );
    let page = b.get(&format!("/sessions/{}", d.ids.session)).await;
    assert!(page.body.contains("Fichiers"), "the section in French");
    assert!(page.body.contains("Procès-verbal signé"));
    assert!(page.body.contains(ARABIC_NAME));
    let shown = hex(&bytes);
    assert!(page.body.contains(&shown), "the SHA-256 is shown");
    let links = file_links(&page.body);
    assert_eq!(links.len(), 1, "{links:?}");
    let got = b.get(&links[0]).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.bytes, bytes);
    assert_eq!(
        hex(&got.bytes),
        shown,
        "the shown hash is the downloaded bytes' hash"
    );
    let header = |n: &str| got.headers.get(n).map(|v| v.to_str().unwrap().to_string());
    assert_eq!(header("content-type").as_deref(), Some("application/pdf"));
    assert_eq!(header("x-content-type-options").as_deref(), Some("nosniff"));
    let disposition = header("content-disposition").unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(
        disposition.contains("filename*=UTF-8''%D9%85%D8%AD%D8%B6%D8%B1%20"),
        "{disposition}"
    );
    assert!(
        header("content-security-policy")
            .unwrap()
            .contains("sandbox")
    );
    // In Arabic, the section is there, right to left.
    b.get("/lang/ar?back=/").await;
    let page = b.get(&format!("/sessions/{}", d.ids.session)).await;
    assert!(page.body.contains("الملفات") && page.body.contains("dir=\"rtl\""));
    assert!(page.body.contains("<code class=\"hash\" dir=\"ltr\">"));
}

#[tokio::test]
async fn a_new_version_keeps_the_old_one_listed_and_downloadable() {
    let d = plain().await;
    let mut b = admin(&d).await;
    let (v1, v2) = (scan("draft scan"), scan("final scan"));
    minutes(&mut b, d.ids.session, "pv.pdf", &v1).await;
    let file_id = d
        .store
        .attachments(RecordKind::Session, d.ids.session)
        .await
        .unwrap()[0]
        .file_id;
    let uri = format!("/sessions/{}/files", d.ids.session);
    let replaced = upload(
        &mut b,
        &uri,
        &[("replaces", &file_id.to_string())],
        "pv-final.pdf",
        &v2,
    )
    .await;
    assert_eq!(replaced.status, StatusCode::SEE_OTHER, "{}", replaced.body);
    let page = b.get(&format!("/sessions/{}", d.ids.session)).await;
    assert!(page.body.contains(&hex(&v1)) && page.body.contains(&hex(&v2)));
    assert!(page.body.contains("Versions antérieures"));
    let links = file_links(&page.body);
    assert_eq!(links.len(), 2, "{links:?}");
    // Newest first: the version in force, then the older one.
    assert_eq!(b.get(&links[0]).await.bytes, v2);
    assert_eq!(b.get(&links[1]).await.bytes, v1);
}

#[tokio::test]
async fn hostile_files_are_refused_in_the_readers_language_and_nothing_is_stored() {
    let d = plain().await;
    let mut b = admin(&d).await;
    let html = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".to_vec();
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#.to_vec();
    for (name, bytes) in [("scan.pdf", html), ("emblem.png", svg)] {
        let r = minutes(&mut b, d.ids.session, name, &bytes).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(
            r.body.contains("Ce type de fichier n’est pas accepté"),
            "{}",
            r.body
        );
    }
    // A workbook whose sheet inflates to 200 MiB of one row (declared honestly: refused by
    // its ratio), and one inflating to 2 GiB whose entry lies that it holds 1 KB (refused
    // where the entry says it ends, its checksum failing): never inflated into memory.
    let bomb = |units: u64, lie: Option<u32>| {
        hostile::xlsx(
            hostile::Entry::bomb(
                "xl/worksheets/sheet1.xml",
                "<worksheet><sheetData>",
                "<row><c><v>0</v></c></row>",
                units,
                "</sheetData></worksheet>",
                lie,
            ),
            None,
        )
    };
    let uri = format!("/items/{}/files", d.ids.item);
    for (bytes, says) in [
        (
            bomb(200 * 1024 * 1024 / 26, None),
            "se décompresse en bien plus",
        ),
        (bomb(2 * 1024 * 1024 * 1024 / 26, Some(1_000)), "endommagé"),
    ] {
        let started = Instant::now();
        let r = upload(
            &mut b,
            &uri,
            &[("purpose", "supporting")],
            "plan d'action.xlsx",
            &bytes,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains(says), "{}", r.body);
        assert!(started.elapsed() < Duration::from_secs(20));
    }
    assert_eq!(
        stored_files(&d, RecordKind::Session, d.ids.session).await,
        0
    );
    assert_eq!(
        stored_files(&d, RecordKind::ActionItem, d.ids.item).await,
        0
    );
}

/// A form whose first part is the token and whose file holds "%PDF-1.4\n" and `total`
/// bytes more, sent in 1 MiB chunks with no declared length.
fn streamed(token: &str, total: usize) -> Body {
    let head = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--{b}\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nsigned_minutes\r\n--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n%PDF-1.4\n",
        b = common::browser::BOUNDARY
    );
    let mut chunks: Vec<Result<Bytes, std::io::Error>> = vec![Ok(Bytes::from(head))];
    let mut left = total;
    while left > 0 {
        let n = left.min(1024 * 1024);
        chunks.push(Ok(Bytes::from(vec![b'0'; n])));
        left -= n;
    }
    // The form ends properly: only the file's size is wrong.
    chunks.push(Ok(Bytes::from(format!(
        "\r\n--{}--\r\n",
        common::browser::BOUNDARY
    ))));
    Body::from_stream(futures_util::stream::iter(chunks))
}

#[tokio::test]
async fn the_50_mb_limit_holds_while_reading_and_for_a_declared_length() {
    let d = plain().await;
    let mut b = admin(&d).await;
    let token = b.csrf.clone().unwrap();
    let uri = format!("/sessions/{}/files", d.ids.session);
    let ctype = format!(
        "multipart/form-data; boundary={}",
        common::browser::BOUNDARY
    );
    // 51 MiB streamed, no Content-Length.
    let req = Request::builder()
        .method("POST")
        .uri(&uri)
        .header("content-type", &ctype)
        .body(streamed(&token, 51 * 1024 * 1024))
        .unwrap();
    let r = b.send(req).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    // A declared length over the limit: refused before the body is read (there is none).
    let req = Request::builder()
        .method("POST")
        .uri(&uri)
        .header("content-type", &ctype)
        .header("content-length", (MAX_FILE_BYTES + 1024 * 1024).to_string())
        .body(Body::empty())
        .unwrap();
    let r = b.send(req).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        stored_files(&d, RecordKind::Session, d.ids.session).await,
        0
    );
    // Other forms keep their 1 MiB limit: the raised limit is the upload route's only.
    let r = b
        .post_raw(
            &format!("/sessions/{}/edit", d.ids.session),
            "x".repeat(2 * 1024 * 1024),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_hidden_records_files_are_a_404_for_the_reader() {
    let d = plain().await;
    let mut a = admin(&d).await;
    minutes(&mut a, d.ids.session, "pv.pdf", &scan("restricted")).await;
    let page = a.get(&format!("/sessions/{}", d.ids.session)).await;
    let link = file_links(&page.body).remove(0);
    let version = &link["/files/".len()..];
    // A reader of Senegal, a party of the other commission only.
    let senegal = {
        let c = commission_with(&*d.store, "SN").await;
        let c = d.store.commission(c).await.unwrap().unwrap();
        let ml = commission_with(&*d.store, "ML").await;
        let ml = d.store.commission(ml).await.unwrap().unwrap();
        *c.party_ids
            .iter()
            .find(|p| !ml.party_ids.contains(p))
            .unwrap()
    };
    let mut outsider = user(
        &d,
        "outsider",
        Role::Administrator,
        Some(senegal),
        Marking::Secret,
        &[],
    )
    .await;
    // The session marked confidential: a reader cleared restricted no longer sees it.
    let mut s = d.store.session(d.ids.session).await.unwrap().unwrap();
    s.protection.marking = Marking::Confidential;
    d.store.save_session(&Actor::system(), &s).await.unwrap();
    let mut below = user(
        &d,
        "below",
        Role::Administrator,
        None,
        Marking::Restricted,
        &[],
    )
    .await;
    for b in [&mut outsider, &mut below] {
        assert_eq!(b.get(&link).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            b.get(&format!("/sessions/{}", d.ids.session)).await.status,
            StatusCode::NOT_FOUND
        );
        let purge = b
            .post(&format!("/files/{version}/purge"), &[("reason", "x")])
            .await;
        assert_eq!(purge.status, StatusCode::NOT_FOUND);
        let r = minutes(b, d.ids.session, "x.pdf", &scan("x")).await;
        assert_eq!(
            r.status,
            StatusCode::NOT_FOUND,
            "never a 403 that confirms it exists"
        );
    }
    // An unknown version is the same 404.
    assert_eq!(
        below.get(&format!("/files/{}", new_id())).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        stored_files(&d, RecordKind::Session, d.ids.session).await,
        1
    );
    // The administrator, cleared secret, still downloads it.
    assert_eq!(a.get(&link).await.status, StatusCode::OK);
}

#[tokio::test]
async fn only_an_administrator_purges_with_a_reason_and_the_history_says_so() {
    let d = plain().await;
    let mut a = admin(&d).await;
    let bytes = scan("misfiled annex");
    minutes(&mut a, d.ids.session, "annexe.pdf", &bytes).await;
    let page = a.get(&format!("/sessions/{}", d.ids.session)).await;
    assert!(page.body.contains("Purger définitivement"));
    let link = file_links(&page.body).remove(0);
    let purge = format!("{link}/purge");
    let mut officer = user(
        &d,
        "officer",
        Role::Secretariat,
        None,
        Marking::Secret,
        &[d.ids.commission],
    )
    .await;
    let page = officer.get(&format!("/sessions/{}", d.ids.session)).await;
    assert!(page.body.contains(&hex(&bytes)) && !page.body.contains("Purger définitivement"));
    assert_eq!(
        officer.post(&purge, &[("reason", "wrong")]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(officer.get(&link).await.bytes, bytes);
    let r = a.post(&purge, &[("reason", "  ")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Indiquez le motif"));
    let r = a
        .post(
            &purge,
            &[("reason", "Annexe classifiée versée à la mauvaise session")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(a.get(&link).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        stored_files(&d, RecordKind::Session, d.ids.session).await,
        0
    );
    let history = a.get(&format!("/history/session/{}", d.ids.session)).await;
    assert_eq!(history.status, StatusCode::OK);
    assert!(history.body.contains("Fichier joint") && history.body.contains("Fichier purgé"));
    let row = d
        .store
        .audit_of(d.ids.session)
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(
        (row.action.as_str(), row.actor.as_str()),
        ("purge_file", "admin")
    );
    let purged = &row.after.as_ref().unwrap()["purged"];
    assert_eq!(purged["sha256"], hex(&bytes));
    assert_eq!(
        purged["reason"],
        "Annexe classifiée versée à la mauvaise session"
    );
}

#[tokio::test]
async fn the_installations_scanner_refuses_the_eicar_test_file() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("scan.sh");
    // Reads the file on standard input; refuses it when it holds the EICAR signature.
    std::fs::write(
        &script,
        "#!/bin/sh\nif grep -q 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE'; then exit 1; fi\nexit 0\n",
    )
    .unwrap();
    let scanner = taawun_app::files::Scanner::new("/bin/sh", vec![script.display().to_string()]);
    let d = instance_with(false, |s| s.with_scanner(Some(scanner))).await;
    let mut b = admin(&d).await;
    let mut infected = scan("infected");
    infected.extend_from_slice(
        br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*",
    );
    let r = minutes(&mut b, d.ids.session, "pv.pdf", &infected).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("refusé par l’antivirus"), "{}", r.body);
    assert_eq!(
        stored_files(&d, RecordKind::Session, d.ids.session).await,
        0
    );
    let r = minutes(&mut b, d.ids.session, "pv.pdf", &scan("clean")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        stored_files(&d, RecordKind::Session, d.ids.session).await,
        1
    );
    // A scanner that cannot run refuses rather than lets files through unscanned.
    let broken = taawun_app::files::Scanner::new("/nonexistent/scanner", vec![]);
    let d = instance_with(false, |s| s.with_scanner(Some(broken))).await;
    let mut b = admin(&d).await;
    let r = minutes(&mut b, d.ids.session, "pv.pdf", &scan("clean")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        stored_files(&d, RecordKind::Session, d.ids.session).await,
        0
    );
}

/// A progress report of the demo, its item, and the other party of the commission.
async fn a_report(d: &Demo) -> (ProgressUpdate, Id) {
    let commission = d.store.commission(d.ids.commission).await.unwrap().unwrap();
    for item in d.store.items(d.ids.plan).await.unwrap() {
        if let Some(p) = d.store.progress(item.id).await.unwrap().into_iter().next() {
            let other = *commission
                .party_ids
                .iter()
                .find(|x| **x != p.party_id)
                .unwrap();
            return (p, other);
        }
    }
    panic!("the demo has progress reports");
}

#[tokio::test]
async fn a_party_editor_files_their_report_and_the_other_partys_editor_is_refused() {
    let d = plain().await;
    let (report, other) = a_report(&d).await;
    let uri = format!("/progress/{}/files", report.id);
    let evidence = scan("attendance sheet");
    let mut theirs = user(
        &d,
        "editor.other",
        Role::PartyEditor,
        Some(other),
        Marking::Secret,
        &[d.ids.commission],
    )
    .await;
    let r = upload(
        &mut theirs,
        &uri,
        &[("purpose", "supporting")],
        "feuille.pdf",
        &evidence,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(
        stored_files(&d, RecordKind::ProgressUpdate, report.id).await,
        0
    );
    // The form is not offered to them either.
    let page = theirs.get(&format!("/items/{}", report.item_id)).await;
    assert!(!page.body.contains(&uri));

    let mut own = user(
        &d,
        "editor.own",
        Role::PartyEditor,
        Some(report.party_id),
        Marking::Secret,
        &[d.ids.commission],
    )
    .await;
    let page = own.get(&format!("/items/{}", report.item_id)).await;
    assert!(page.body.contains(&uri), "the report's upload form");
    let r = upload(
        &mut own,
        &uri,
        &[("purpose", "supporting")],
        "feuille.pdf",
        &evidence,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        common::browser::location(&r),
        format!("/items/{}#files-{}", report.item_id, report.id)
    );
    let page = own.get(&format!("/items/{}", report.item_id)).await;
    assert!(page.body.contains(&format!("id=\"files-{}\"", report.id)));
    assert!(page.body.contains(&hex(&evidence)));
    // The other party's editor sees the file (they see the report) but may not add to it.
    let page = theirs.get(&format!("/items/{}", report.item_id)).await;
    assert!(page.body.contains(&hex(&evidence)));
    assert!(!page.body.contains(&uri));
}

#[tokio::test]
async fn an_activitys_files_are_listed_on_its_items_page() {
    let d = plain().await;
    let mut b = admin(&d).await;
    let activity = d
        .store
        .activities(None)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.item_id.is_some())
        .expect("an activity of an item in the demo");
    let photo = b"\x89PNG\r\n\x1a\n the course's group photo".to_vec();
    let r = upload(
        &mut b,
        &format!("/activities/{}/files", activity.id),
        &[("purpose", "communique")],
        "photo.png",
        &photo,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = b
        .get(&format!("/items/{}", activity.item_id.unwrap()))
        .await;
    assert!(page.body.contains(&hex(&photo)));
    let link = file_links(&page.body).remove(0);
    let got = b.get(&link).await;
    assert_eq!(got.bytes, photo);
    assert_eq!(
        got.headers.get("content-type").unwrap().to_str().unwrap(),
        "image/png"
    );
}

#[tokio::test]
async fn an_empty_file_is_refused_and_nothing_is_stored() {
    let d = plain().await;
    let mut b = admin(&d).await;
    let r = minutes(&mut b, d.ids.session, "vide.pdf", b"").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Choisissez un fichier"), "{}", r.body);
    assert_eq!(
        stored_files(&d, RecordKind::Session, d.ids.session).await,
        0
    );
}

#[tokio::test]
async fn a_file_one_byte_over_50_mb_is_refused_while_streaming_and_nothing_is_stored() {
    let d = plain().await;
    let mut b = admin(&d).await;
    let token = b.csrf.clone().unwrap();
    let ctype = format!(
        "multipart/form-data; boundary={}",
        common::browser::BOUNDARY
    );
    // The file part is "%PDF-1.4\n" and then this many bytes: 50 MiB + 1 in all.
    let body = MAX_FILE_BYTES as usize + 1 - "%PDF-1.4\n".len();
    let req = Request::builder()
        .method("POST")
        .uri(format!("/sessions/{}/files", d.ids.session))
        .header("content-type", &ctype)
        .body(streamed(&token, body))
        .unwrap();
    let r = b.send(req).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    assert!(
        r.body.contains("Ce fichier dépasse 50\u{202f}Mo"),
        "{}",
        r.body
    );
    assert_eq!(
        stored_files(&d, RecordKind::Session, d.ids.session).await,
        0
    );
}

/// The scanner hook with the plainest commands: `false` refuses every file, `true` and a
/// scanner that reads the whole file (`cat >/dev/null`) accept it, and one that does not
/// answer in time refuses it.
#[tokio::test]
async fn the_scanner_hook_refuses_on_failure_and_timeout_and_accepts_on_success() {
    let cases: [(&str, Vec<&str>, u64, bool); 4] = [
        ("false", vec![], 30, false),
        ("true", vec![], 30, true),
        ("/bin/sh", vec!["-c", "cat >/dev/null"], 30, true),
        ("/bin/sh", vec!["-c", "sleep 10"], 1, false),
    ];
    for (program, args, secs, accepted) in cases {
        let mut scanner =
            taawun_app::files::Scanner::new(program, args.iter().map(|a| a.to_string()).collect());
        scanner.timeout = Duration::from_secs(secs);
        let d = instance_with(false, |s| s.with_scanner(Some(scanner))).await;
        let mut b = admin(&d).await;
        let started = Instant::now();
        let r = minutes(&mut b, d.ids.session, "pv.pdf", &scan("scanned")).await;
        let stored = stored_files(&d, RecordKind::Session, d.ids.session).await;
        if accepted {
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{program}: {}", r.body);
            assert_eq!(stored, 1, "{program}");
        } else {
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{program}");
            assert_eq!(stored, 0, "{program}");
        }
        assert!(started.elapsed() < Duration::from_secs(8), "{program}");
    }
}
