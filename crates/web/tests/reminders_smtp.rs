//! Reminder e-mails against a real SMTP server: Python's aiosmtpd, started by the test as
//! a sink that writes each message it receives to a directory (`smtp_sink.py`). One pass
//! with SMTP configured sends each user with an address one message in their language,
//! naming the records; a second pass sends nothing again. Never skipped: without
//! aiosmtpd the test fails and says how to install it.

mod common;
mod forms_support;
mod reminders_support;

use reminders_support::fixture;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use taawun_app::remind::{RemindConfig, Smtp, run_once};
use taawun_core::{Lang, Marking, Role};
use taawun_store::Actor;

/// The sink process, killed when the test ends however it ends.
struct Sink(Child);

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_sink(dir: &Path) -> (Sink, u16) {
    let check = Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .output()
        .expect("python3 is needed for the SMTP test");
    assert!(
        check.status.success(),
        "the SMTP test needs Python's aiosmtpd: run `python3 -m pip install aiosmtpd` ({})",
        String::from_utf8_lossy(&check.stderr).trim()
    );
    // A free port: bound by us, released, then taken by the sink at once.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_sink.py");
    let mut child = Command::new("python3")
        .arg(script)
        .arg(port.to_string())
        .arg(dir)
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the SMTP sink");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let sink = Sink(child);
    assert_eq!(line.trim(), "ready", "the SMTP sink did not start");
    (sink, port)
}

/// The messages the sink has written, in arrival order.
fn received(dir: &Path) -> Vec<Value> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

fn to(messages: &[Value], address: &str) -> Vec<Value> {
    messages
        .iter()
        .filter(|m| m["rcpt_to"][0] == address)
        .cloned()
        .collect()
}

#[tokio::test]
async fn reminders_are_mailed_once_in_each_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let (_sink, port) = start_sink(dir.path());
    let f = fixture().await;
    let sys = Actor::system();
    let mut fr = f
        .user("sec-fr", Role::Secretariat, "MA", Marking::Secret, true)
        .await;
    fr.email = Some("sec-fr@defense.example.ma".into());
    let fr = f.store().save_user(&sys, &fr).await.unwrap();
    let mut ar = f
        .user(
            "sec-ar",
            Role::Secretariat,
            "MA",
            Marking::Unclassified,
            true,
        )
        .await;
    ar.email = Some("sec-ar@defense.example.ma".into());
    ar.language = Some(Lang::Ar);
    let ar = f.store().save_user(&sys, &ar).await.unwrap();
    let mut en = f
        .user("editor-en", Role::PartyEditor, "ML", Marking::Secret, false)
        .await;
    en.email = Some("editor@fama.example.ml".into());
    en.language = Some(Lang::En);
    f.store().save_user(&sys, &en).await.unwrap();
    // Reminded in the application but without an address: no mail for them.
    f.user("no-mail", Role::Administrator, "MA", Marking::Secret, false)
        .await;
    // An address but nothing to be reminded of: no mail either.
    let mut reader = f
        .user("reader", Role::Reader, "ML", Marking::Secret, true)
        .await;
    reader.email = Some("reader@example.ml".into());
    f.store().save_user(&sys, &reader).await.unwrap();

    let cfg = RemindConfig {
        smtp: Some(
            Smtp::new(
                &format!("smtp://127.0.0.1:{port}"),
                "Taawun <taawun@example.org>",
            )
            .unwrap(),
        ),
        public_url: Some("https://taawun.example.org".into()),
        ..RemindConfig::default()
    };
    let pass = run_once(f.store(), f.today, &cfg).await.unwrap();
    assert_eq!((pass.mailed, pass.failed), (3, 0), "{pass:?}");
    let got = received(dir.path());
    assert_eq!(got.len(), 3, "{got:#?}");

    // French by default: four reminders, the Secret item among them for a cleared officer.
    let m = &to(&got, "sec-fr@defense.example.ma")[0];
    assert_eq!(m["subject"], "Taawun\u{202f}: 4 rappels");
    assert_eq!(m["from"], "Taawun <taawun@example.org>");
    let body = m["body"].as_str().unwrap();
    assert!(body.starts_with("Bonjour sec-fr display,"), "{body}");
    assert!(body.contains("L'action 2.1 Visites d'experts croisées entre les états-majors devait être réalisée le 31 mars 2026"), "{body}");
    assert!(body.contains("9.9 "), "{body}");
    assert!(
        body.contains("Mémorandum d'entente sur les principes de la coopération militaire"),
        "{body}"
    );
    assert!(body.contains("expire le 10 décembre 2026"), "{body}");
    assert!(body.contains(&format!(
        "https://taawun.example.org/agreements/{}",
        f.mou.id
    )));
    assert!(body.contains("https://taawun.example.org/notifications"));

    // Arabic, and never the Secret item for an unclassified officer.
    let m = &to(&got, "sec-ar@defense.example.ma")[0];
    assert_eq!(m["subject"], "تعاون: 3 تذكيرات");
    let body = m["body"].as_str().unwrap();
    assert!(
        body.contains("مرحبًا") && body.contains("زيارات متبادلة للخبراء"),
        "{body}"
    );
    assert!(!body.contains("9.9"), "{body}");
    assert!(!body.contains(&f.secret_item.to_string()), "{body}");

    // English for the Malian editor: the items Mali leads, no agreement.
    let m = &to(&got, "editor@fama.example.ml")[0];
    assert_eq!(m["subject"], "Taawun: 3 reminders");
    let body = m["body"].as_str().unwrap();
    assert!(
        body.contains("Action item 3.1 Set up a liaison mechanism"),
        "{body}"
    );
    assert!(!body.contains("Memorandum"), "{body}");

    // Nothing is sent twice: the same pass again, and the next day's, send nothing.
    let again = run_once(f.store(), f.today, &cfg).await.unwrap();
    let next = run_once(f.store(), f.today.succ_opt().unwrap(), &cfg)
        .await
        .unwrap();
    assert_eq!((again.mailed, next.mailed), (0, 0));
    assert_eq!(received(dir.path()).len(), 3);
    assert!(
        f.store()
            .unmailed_notifications(fr.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        f.store()
            .unmailed_notifications(ar.id)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_relay_that_cannot_be_reached_is_retried_next_pass() {
    let f = fixture().await;
    let mut u = f
        .user("sec", Role::Secretariat, "MA", Marking::Secret, true)
        .await;
    u.email = Some("sec@example.ma".into());
    let u = f.store().save_user(&Actor::system(), &u).await.unwrap();
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cfg = RemindConfig {
        smtp: Some(Smtp::new(&format!("smtp://127.0.0.1:{port}"), "taawun@example.org").unwrap()),
        ..RemindConfig::default()
    };
    let started = Instant::now();
    let pass = run_once(f.store(), f.today, &cfg).await.unwrap();
    assert_eq!((pass.mailed, pass.failed), (0, 1));
    assert!(started.elapsed() < Duration::from_secs(30));
    // Recorded in the application all the same, and still waiting to be mailed.
    assert_eq!(
        f.store().unmailed_notifications(u.id).await.unwrap().len(),
        4
    );
}

#[test]
fn smtp_settings_are_checked() {
    assert!(Smtp::new("smtp://127.0.0.1:2525", "a@b.org").is_ok());
    assert!(Smtp::new("smtp://relay.example.org", "Taawun <a@b.org>").is_ok());
    assert!(Smtp::new("smtps://relay:465", "a@b.org").is_err());
    assert!(Smtp::new("smtp://relay:port", "a@b.org").is_err());
    assert!(Smtp::new("smtp://:25", "a@b.org").is_err());
    assert!(Smtp::new("smtp://relay:25", "not an address").is_err());
}

/// The secretariat asks Mali's side for news of item 3.1: the scheduler, woken by the
/// request rather than at its next hourly tick, mails Mali's editor that line at once.
#[tokio::test]
async fn a_request_for_news_is_mailed_at_once_to_that_sides_editors() {
    let dir = tempfile::tempdir().unwrap();
    let (_sink, port) = start_sink(dir.path());
    let f = fixture().await;
    let sys = Actor::system();
    let sec = f
        .user("sec", Role::Secretariat, "MA", Marking::Secret, true)
        .await;
    let mut ml = f
        .user("editor-ml", Role::PartyEditor, "ML", Marking::Secret, false)
        .await;
    ml.email = Some("editor@fama.example.ml".into());
    ml.language = Some(Lang::En);
    let ml = f.store().save_user(&sys, &ml).await.unwrap();
    let cfg = RemindConfig {
        smtp: Some(
            Smtp::new(
                &format!("smtp://127.0.0.1:{port}"),
                "Taawun <taawun@example.org>",
            )
            .unwrap(),
        ),
        ..RemindConfig::default()
    };
    // The day's reminders are sent first: what follows is the request's mail alone.
    run_once(f.store(), f.today, &cfg).await.unwrap();
    let before = received(dir.path()).len();
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    let scheduler = tokio::spawn(taawun_app::remind::run_forever(
        f.store().clone(),
        cfg,
        Duration::from_secs(3600),
        Duration::ZERO,
        wake.clone(),
    ));
    // The scheduler's first pass (at once) finds nothing new.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(received(dir.path()).len(), before);

    let item = f
        .store()
        .items(f.w.d.ids.plan)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.code == "3.1")
        .unwrap();
    let v = taawun_store::Visible::new(f.store().clone(), sec.principal());
    let asked = taawun_app::ask::request_update(
        f.store(),
        &v,
        &Actor::user(&sec),
        item.id,
        ml.party_id,
        f.today,
    )
    .await
    .unwrap();
    assert_eq!(asked, taawun_app::ask::Asked::Notified(1));
    wake.notify_one();
    let deadline = Instant::now() + Duration::from_secs(20);
    while received(dir.path()).len() == before && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    scheduler.abort();
    let got = received(dir.path());
    assert_eq!(got.len(), before + 1, "{got:#?}");
    let m = got.last().unwrap();
    assert_eq!(m["rcpt_to"][0], "editor@fama.example.ml");
    let body = m["body"].as_str().unwrap();
    assert!(
        body.contains(
            "The secretariat asks for news of action item 3.1 Set up a liaison mechanism"
        ),
        "{body}"
    );
}

/// Five passes at once from five processes on one database (the servers of several nodes,
/// and `taawun remind` from cron): each e-mail goes out once, and the passes that found
/// another running say they did nothing. A later pass runs again, and finds nothing new.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn five_passes_at_once_send_each_email_once() {
    let dir = tempfile::tempdir().unwrap();
    let (_sink, port) = start_sink(dir.path());
    let f = fixture().await;
    let sys = Actor::system();
    for (name, party, address) in [
        ("sec-ma", "MA", "sec@defense.example.ma"),
        ("editor-ml", "ML", "editor@fama.example.ml"),
    ] {
        let role = if party == "MA" {
            Role::Secretariat
        } else {
            Role::PartyEditor
        };
        let mut u = f.user(name, role, party, Marking::Secret, true).await;
        u.email = Some(address.into());
        f.store().save_user(&sys, &u).await.unwrap();
    }
    let cfg = RemindConfig {
        smtp: Some(
            Smtp::new(
                &format!("smtp://127.0.0.1:{port}"),
                "Taawun <taawun@example.org>",
            )
            .unwrap(),
        ),
        ..RemindConfig::default()
    };
    let mut passes = Vec::new();
    for _ in 0..5 {
        // Its own store: its own connections, as another process would hold.
        let store = crate::common::open_again(f.w.d.dir.path()).await;
        let (cfg, today) = (cfg.clone(), f.today);
        passes.push(tokio::spawn(async move {
            run_once(&store, today, &cfg).await.unwrap()
        }));
    }
    let mut mailed = 0;
    for p in passes {
        let p = p.await.unwrap();
        mailed += p.mailed;
        assert!(p.skipped || p.failed == 0, "{p:?}");
    }
    assert_eq!(mailed, 2);
    let got = received(dir.path());
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(to(&got, "sec@defense.example.ma").len(), 1);
    assert_eq!(to(&got, "editor@fama.example.ml").len(), 1);

    let later = run_once(f.store(), f.today, &cfg).await.unwrap();
    assert!(!later.skipped, "the passes before it ended and let it run");
    assert_eq!(later.mailed, 0);
}
