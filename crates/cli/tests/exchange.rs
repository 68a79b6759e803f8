//! Issue 16: two real `taawun serve` processes, Morocco's (the demo) and Mali's (a new
//! instance), on their own data directories, exchanging bundles over HTTP (Mali's server
//! pulls on its own, and `taawun exchange sync` pulls at once) and by file (`exchange
//! export` / `exchange import`). A request not signed by a registered partner, or signed
//! and replayed, meets what a path that does not exist meets.

#[path = "common/adopt.rs"]
mod adopt;
mod common;
#[path = "common/faults.rs"]
mod faults;

use common::{in_dir, text};
use faults::server::{Server, ready};
use faults::{Reply, request};
use std::process::Command;
use std::time::{Duration, Instant};
use taawun_app::exchange::adoption::{self, Keys};
use taawun_app::exchange::{Identity, httpsig};
use taawun_store::Store;

fn ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn serve(dir: &tempfile::TempDir, every: &str) -> Server {
    let mut c = Command::new(env!("CARGO_BIN_EXE_taawun"));
    c.args([
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--exchange-every",
        every,
        "--data-dir",
    ])
    .arg(dir.path());
    for var in [
        "TAAWUN_ADDR",
        "TAAWUN_DATA_DIR",
        "TAAWUN_DATABASE_URL",
        "TAAWUN_DEMO",
    ] {
        c.env_remove(var);
    }
    c.env("TAAWUN_LOG", "warn");
    ready(c)
}

/// The instance's card file and its fingerprint, as `exchange card` gives them.
fn card(dir: &tempfile::TempDir) -> (String, String) {
    let path = dir.path().join("card.json");
    let out = in_dir(dir, &["exchange", "card", "--out", path.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let fp = err
        .lines()
        .find_map(|l| l.strip_prefix("fingerprint "))
        .unwrap()
        .to_string();
    (path.to_str().unwrap().to_string(), fp)
}

fn instance(dir: &tempfile::TempDir) -> String {
    Identity::load(&dir.path().join("exchange"))
        .unwrap()
        .instance
        .to_string()
}

/// The partners line of `exchange partners` for `partner`.
fn partner_line(dir: &tempfile::TempDir, partner: &str) -> String {
    ok(in_dir(dir, &["exchange", "partners"]))
        .lines()
        .find(|l| l.starts_with(partner))
        .unwrap_or_default()
        .to_string()
}

fn get_signed(host: &str, path_query: &str, headers: &httpsig::Signed) -> Reply {
    request(
        host,
        &format!(
            "GET {path_query} HTTP/1.1\r\nHost: {host}\r\nSignature-Input: {}\r\nSignature: {}\r\nConnection: close\r\n\r\n",
            headers.signature_input, headers.signature
        ),
    )
}

fn get_plain(host: &str, path: &str) -> Reply {
    request(
        host,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
}

fn location(r: &Reply) -> String {
    r.head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("location: ")
                .map(str::to_string)
        })
        .unwrap_or_default()
}

/// What a request answered, with the path it named (the login page's `next`) taken out:
/// an unknown path and a refused exchange request must look the same.
fn shape(r: &Reply, path: &str) -> (u16, String, String) {
    let to = location(r);
    let to = to.split("next=").next().unwrap_or_default().to_string();
    let body = r.body.replace(path, "PATH");
    (r.status, to, body)
}

#[test]
fn morocco_and_mali_exchange_over_http_and_by_file() {
    let morocco = tempfile::tempdir().unwrap();
    let mali = tempfile::tempdir().unwrap();
    ok(in_dir(&morocco, &["demo"]));
    ok(in_dir(
        &morocco,
        &["exchange", "init", "--party", "MA", "--name", "Rabat"],
    ));
    ok(in_dir(&mali, &["init"]));
    // A new instance names its own state.
    let refused = in_dir(
        &mali,
        &["exchange", "init", "--party", "ML", "--name", "Bamako"],
    );
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("--party-name"));
    ok(in_dir(
        &mali,
        &[
            "exchange",
            "init",
            "--party",
            "ML",
            "--party-name",
            "Mali",
            "--name",
            "Bamako",
        ],
    ));
    // The key file is the owner's alone.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(mali.path().join("exchange/instance.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    let commission = ok(in_dir(&morocco, &["commissions"]))
        .lines()
        .find(|l| l.contains("mali") || l.contains("Mali"))
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    let (m_id, l_id) = (instance(&morocco), instance(&mali));

    let m_server = serve(&morocco, "0s");
    let l_server = serve(&mali, "1s");
    let (m_card, m_fp) = card(&morocco);
    let (l_card, l_fp) = card(&mali);

    // A fingerprint that does not match what was read out is refused.
    let wrong = in_dir(
        &morocco,
        &[
            "exchange",
            "add",
            &l_card,
            "--fingerprint",
            "0000 1111",
            "--commission",
            &commission,
        ],
    );
    assert!(!wrong.status.success());
    assert!(text(&wrong.stderr).contains("does not match"));
    let m_url = format!("http://{}", m_server.host);
    let l_url = format!("http://{}", l_server.host);
    ok(in_dir(
        &morocco,
        &[
            "exchange",
            "add",
            &l_card,
            "--fingerprint",
            &l_fp.to_lowercase(),
            "--commission",
            &commission,
            "--clearance",
            "restricted",
            "--url",
            &l_url,
        ],
    ));
    ok(in_dir(
        &mali,
        &[
            "exchange",
            "add",
            &m_card,
            "--fingerprint",
            &m_fp,
            "--commission",
            &commission,
            "--clearance",
            "restricted",
            "--url",
            &m_url,
        ],
    ));

    // Mali's server pulls Morocco's first bundle on its own, and posts back the receipt.
    let until = Instant::now() + Duration::from_secs(30);
    while !partner_line(&mali, &m_id).contains("received 1") {
        assert!(Instant::now() < until, "{}", partner_line(&mali, &m_id));
        std::thread::sleep(Duration::from_millis(200));
    }
    let names = ok(in_dir(&mali, &["commissions"]));
    assert!(names.contains(&commission), "{names}");
    assert_eq!(
        names.lines().count(),
        1,
        "only the shared commission: {names}"
    );
    // At once, by hand: nothing more to pull.
    let again = ok(in_dir(&mali, &["exchange", "sync", "--partner", &m_id]));
    assert!(again.contains("up to date"), "{again}");

    // Mali to Morocco by file: its first bundle, and the signed receipt back.
    let file = mali.path().join("to-rabat-1.taawun");
    let receipt = morocco.path().join("receipt-1.taawun");
    ok(in_dir(
        &mali,
        &[
            "exchange",
            "export",
            "--partner",
            &m_id,
            "--out",
            file.to_str().unwrap(),
        ],
    ));
    let applied = ok(in_dir(
        &morocco,
        &[
            "exchange",
            "import",
            file.to_str().unwrap(),
            "--receipt",
            receipt.to_str().unwrap(),
        ],
    ));
    assert!(applied.contains("bundle 1 applied"), "{applied}");
    let twice = ok(in_dir(
        &morocco,
        &["exchange", "import", file.to_str().unwrap()],
    ));
    assert!(twice.contains("already applied"), "{twice}");
    let back = ok(in_dir(
        &mali,
        &["exchange", "import", receipt.to_str().unwrap()],
    ));
    assert!(back.contains("receipt for bundle 1: applied"), "{back}");
    // The file is ciphertext to anyone without Morocco's key.
    let bytes = std::fs::read_to_string(&file).unwrap();
    assert!(!bytes.contains("Mali") && !bytes.contains("\"iso_code\""));

    // Signed requests: one that verifies is answered; the same request again, one signed
    // by an unknown key, one whose query was changed, and one unsigned all meet what an
    // unknown path meets.
    let unknown = shape(
        &get_plain(&m_server.host, "/exchange/nothing"),
        "/exchange/nothing",
    );
    let as_mali = Identity::load(&mali.path().join("exchange")).unwrap();
    let now = chrono::Utc::now().timestamp();
    let signed = httpsig::sign(&as_mali, "GET", "/exchange/outbox", Some("after=1"), now);
    let first = get_signed(&m_server.host, "/exchange/outbox?after=1", &signed);
    assert_eq!(first.status, 204, "{}", first.head);
    let replayed = get_signed(&m_server.host, "/exchange/outbox?after=1", &signed);
    assert_eq!(shape(&replayed, "/exchange/outbox?after=1"), unknown);
    let stranger_dir = tempfile::tempdir().unwrap();
    let stranger = Identity::create(stranger_dir.path(), as_mali.party, "x", None).unwrap();
    let foreign = httpsig::sign(&stranger, "GET", "/exchange/outbox", Some("after=1"), now);
    let r = get_signed(&m_server.host, "/exchange/outbox?after=1", &foreign);
    assert_eq!(shape(&r, "/exchange/outbox?after=1"), unknown);
    let changed = httpsig::sign(&as_mali, "GET", "/exchange/outbox", Some("after=1"), now);
    let r = get_signed(&m_server.host, "/exchange/outbox?after=0", &changed);
    assert_eq!(shape(&r, "/exchange/outbox?after=0"), unknown);
    let stale = httpsig::sign(
        &as_mali,
        "GET",
        "/exchange/outbox",
        Some("after=1"),
        now - 3600,
    );
    let r = get_signed(&m_server.host, "/exchange/outbox?after=1", &stale);
    assert_eq!(shape(&r, "/exchange/outbox?after=1"), unknown);
    let r = get_plain(&m_server.host, "/exchange/outbox?after=1");
    assert_eq!(shape(&r, "/exchange/outbox?after=1"), unknown);
    let _ = l_id;

    // Both heads adopt the minutes, each on their own instance (their second factor is the
    // minutes page's to ask: tests/minutes_heads.rs in the web crate), and each instance
    // verifies both adoptions in the PDF the other prints.
    let (rt_m, store_m) = adopt::open(morocco.path());
    let me_m = Identity::load(&morocco.path().join("exchange")).unwrap();
    let session = rt_m.block_on(async {
        let s = adopt::secretariat_adopts(&store_m).await;
        adopt::head_adopts(&store_m, &me_m, s.id).await.id
    });
    ok(in_dir(&mali, &["exchange", "sync", "--partner", &m_id]));
    let (rt_l, store_l) = adopt::open(mali.path());
    let me_l = Identity::load(&mali.path().join("exchange")).unwrap();
    let held = |rt: &tokio::runtime::Runtime, store: &std::sync::Arc<dyn Store>| {
        rt.block_on(store.session(session)).unwrap()
    };
    let until = Instant::now() + Duration::from_secs(30);
    while held(&rt_l, &store_l).is_none_or(|s| s.delegations.iter().all(|d| d.adoptions.is_empty()))
    {
        assert!(
            Instant::now() < until,
            "Morocco's adoption never reached Mali"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    // The scan of the signed originals came with it, as a blob fetched over HTTPS; asked
    // for without a signature, that blob is an unknown path.
    let scans = rt_l
        .block_on(store_l.attachments_of(taawun_core::RecordKind::Session, &[session]))
        .unwrap();
    assert_eq!(scans.len(), 1, "{scans:?}");
    assert_eq!(
        rt_l.block_on(store_l.attachment_content(scans[0].id))
            .unwrap()
            .unwrap(),
        b"%PDF-1.7 scan".to_vec()
    );
    let blob_path = format!("/exchange/file?sha256={}", scans[0].sha256);
    let r = get_plain(&m_server.host, &blob_path);
    assert_eq!(shape(&r, &blob_path), unknown);
    rt_l.block_on(adopt::head_adopts(&store_l, &me_l, session));
    let file2 = mali.path().join("to-rabat-2.taawun");
    ok(in_dir(
        &mali,
        &[
            "exchange",
            "export",
            "--partner",
            &m_id,
            "--out",
            file2.to_str().unwrap(),
        ],
    ));
    let applied = ok(in_dir(
        &morocco,
        &["exchange", "import", file2.to_str().unwrap()],
    ));
    assert!(applied.contains("bundle 2 applied"), "{applied}");
    for (rt, store, me, other) in [
        (&rt_m, &store_m, &me_m, &mali),
        (&rt_l, &store_l, &me_l, &morocco),
    ] {
        let s = held(rt, store).unwrap();
        let partners = rt.block_on(store.exchange_partners()).unwrap();
        let printed = adoption::printed(&s, 1, &Keys::new(Some(me), &partners)).unwrap();
        assert_eq!(printed.adoptions.len(), 2, "both adoptions held and valid");
        let pdf = other.path().join("minutes-from-the-other-side.pdf");
        std::fs::write(&pdf, adopt::pdf_of(&s, &printed)).unwrap();
        let said = ok(in_dir(other, &["verify", pdf.to_str().unwrap()]));
        assert!(said.contains("adopted by both parties"), "{said}");
        assert_eq!(said.matches(": holds").count(), 2, "{said}");
    }

    // Revoked at Mali: Morocco's bundles are no longer pulled.
    ok(in_dir(&mali, &["exchange", "revoke", &m_id]));
    let after = in_dir(&mali, &["exchange", "sync", "--partner", &m_id]);
    assert!(!after.status.success());
    assert!(
        text(&after.stderr).contains("revoked"),
        "{}",
        text(&after.stderr)
    );
}
