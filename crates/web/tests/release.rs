//! "Releasable to all parties" reaches the parties of the record's own commission, through
//! every read door of the real router (issue 10, finding 11). The demo holds the Morocco–Mali
//! commission and an invented Morocco–Senegal one: a Senegalese reader meets nothing of the
//! first — pages, lists, counts, search, exports, PDFs, calendars, history — and does meet
//! their own commission's records, and a Malian reader meets nothing of the second.

mod common;
mod forms_support;

use common::browser::{Browser, encode};
use common::{commission_with, pdftotext, python};
use forms_support::{World, world};
use taawun_core::{Id, Marking, Role};

/// The records of one commission that must not leak, and words only they carry (English).
struct Commission {
    id: Id,
    session: Id,
    plan: Id,
    item: Id,
    words: Vec<&'static str>,
}

async fn mali_commission(w: &World) -> Commission {
    Commission {
        id: w.d.ids.commission,
        session: w.d.ids.session,
        plan: w.d.ids.plan,
        item: w.d.ids.item,
        words: vec![
            "Bamako",
            "Morocco–Mali",
            "Malian officers",
            "train-the-trainers",
            "liaison mechanism",
        ],
    }
}

async fn senegal_commission(w: &World) -> Commission {
    let s = &*w.d.store;
    let id = commission_with(s, "SN").await;
    let session = s.sessions(Some(id)).await.unwrap()[0].id;
    let plan = s.plans(Some(id)).await.unwrap()[0].id;
    let item = s.items(plan).await.unwrap()[0].id;
    Commission {
        id,
        session,
        plan,
        item,
        words: vec!["Dakar", "Morocco–Senegal", "Thiès", "Ziguinchor"],
    }
}

async fn senegal(w: &World) -> Id {
    let parties = w.d.store.parties().await.unwrap();
    parties
        .iter()
        .find(|p| p.iso_code.as_deref() == Some("SN"))
        .unwrap()
        .id
}

/// The openpyxl reading of an .xlsx: every cell's value, one row a line.
const XLSX_TEXT: &str = r#"
import sys, openpyxl
for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:
    for row in ws.iter_rows(values_only=True):
        print("\t".join("" if v is None else str(v) for v in row))
"#;

/// What a reader reads of a response: a page's or CSV's text, a PDF's or workbook's text.
fn text_of(uri: &str, r: &common::Reply) -> String {
    if uri.contains(".pdf") {
        pdftotext(&r.bytes)
    } else if uri.ends_with(".xlsx") || uri.contains(".xlsx?") {
        python::run(XLSX_TEXT, &r.bytes, ".xlsx")
    } else {
        r.body.clone()
    }
}

/// The search page echoes its query: judge its results only.
fn judged<'a>(uri: &str, body: &'a str) -> &'a str {
    match body.find("id=\"results\"") {
        Some(at) if uri.starts_with("/search") => &body[at..],
        _ => body,
    }
}

fn assert_hides(uri: &str, text: &str, other: &Commission) {
    let text = judged(uri, text);
    for word in &other.words {
        assert!(!text.contains(word), "{uri} shows {word}");
    }
    for id in [other.id, other.session, other.plan, other.item] {
        assert!(!text.contains(&id.to_string()), "{uri} names hidden {id}");
    }
}

/// A 404 page repeats the path it was asked for: judge the rest.
fn assert_hides_words(uri: &str, text: &str, other: &Commission) {
    for word in &other.words {
        assert!(!text.contains(word), "{uri} shows {word}");
    }
}

/// Every door that lists, counts, finds or exports records, for a reader who may open them.
fn list_doors(own: &Commission, morocco: Id) -> Vec<String> {
    let mut doors: Vec<String> = [
        "/",
        "/commissions",
        "/agreements",
        "/dashboard",
        "/exports",
        "/search?q=Bamako",
        "/search?q=Dakar",
        "/search?q=joint",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    doors.push(format!("/parties/{morocco}"));
    doors.push(format!("/dashboard/parties/{morocco}"));
    doors.push(format!("/items?party={morocco}&show=all"));
    doors.push(format!("/commissions/{}", own.id));
    doors.push(format!("/sessions/{}", own.session));
    doors.push(format!("/plans/{}", own.plan));
    doors.push(format!("/items/{}", own.item));
    doors.push(format!("/dashboard/commissions/{}", own.id));
    doors.push(format!("/commissions/{}/report.pdf", own.id));
    doors.push(format!("/sessions/{}/minutes.pdf", own.session));
    doors.push(format!("/calendar/commissions/{}/taawun.ics", own.id));
    for list in ["agreements", "sessions", "items", "progress", "activities"] {
        doors.push(format!("/export/{list}.csv"));
        doors.push(format!("/export/{list}.xlsx"));
    }
    doors
}

/// The other commission's own pages, documents and feeds: 404, as for an unknown id.
fn record_doors(other: &Commission) -> Vec<String> {
    vec![
        format!("/commissions/{}", other.id),
        format!("/sessions/{}", other.session),
        format!("/plans/{}", other.plan),
        format!("/plans/{}/timeline", other.plan),
        format!("/items/{}", other.item),
        format!("/dashboard/commissions/{}", other.id),
        format!("/commissions/{}/report.pdf", other.id),
        format!("/sessions/{}/minutes.pdf", other.session),
        format!("/calendar/commissions/{}/taawun.ics", other.id),
        format!("/commissions/{}/next-session", other.id),
        format!("/history/commission/{}", other.id),
        format!("/history/action_item/{}", other.item),
    ]
}

async fn walk(b: &mut Browser, own: &Commission, other: &Commission, morocco: Id) {
    b.cookies.insert("lang".into(), "en".into());
    for uri in record_doors(other) {
        let r = b.get(&uri).await;
        assert_eq!(r.status, 404, "{uri}");
        assert_hides_words(&uri, &r.body, other);
    }
    for uri in list_doors(own, morocco) {
        let r = b.get(&uri).await;
        assert_eq!(r.status, 200, "{uri}: {}", r.body);
        assert_hides(&uri, &text_of(&uri, &r), other);
    }
}

/// The reader meets their own commission's records on the same doors: the test can fail.
async fn assert_meets_own(b: &mut Browser, own: &Commission) {
    let place = own.words[0];
    let item_word = own.words[2];
    let cases = [
        ("/commissions".to_string(), own.words[1]),
        (format!("/commissions/{}", own.id), place),
        (format!("/plans/{}", own.plan), item_word),
        (format!("/search?q={}", encode(item_word)), item_word),
        ("/export/items.csv".to_string(), item_word),
        ("/export/items.xlsx".to_string(), item_word),
        (format!("/commissions/{}/report.pdf", own.id), item_word),
        (
            format!("/calendar/commissions/{}/taawun.ics", own.id),
            place,
        ),
    ];
    for (uri, word) in cases {
        let r = b.get(&uri).await;
        assert_eq!(r.status, 200, "{uri}");
        assert!(
            judged(&uri, &text_of(&uri, &r)).contains(word),
            "{uri} lacks {word}"
        );
    }
}

#[tokio::test]
async fn a_senegalese_reader_meets_nothing_of_the_mali_commission() {
    let w = world().await;
    let (mali, own) = (mali_commission(&w).await, senegal_commission(&w).await);
    let (mut b, _) = w
        .login_cleared(
            "lecteur.sn",
            senegal(&w).await,
            Role::Reader,
            Marking::Secret,
        )
        .await;
    walk(&mut b, &own, &mali, w.morocco).await;
    assert_meets_own(&mut b, &own).await;
    // People are the registry, shared by all: the Moroccan head of delegation is shown, but
    // not the Bamako session he attended.
    let head = format!("/people/{}", w.d.ids.person);
    let r = b.get(&head).await;
    assert_eq!(r.status, 200);
    assert_hides(&head, &r.body, &mali);
    // The Mali commission's agreement too.
    let mou = format!("/agreements/{}", w.d.ids.agreement);
    assert_eq!(b.get(&mou).await.status, 404);
    assert_eq!(b.get(&format!("{mou}/text.pdf")).await.status, 404);
}

#[tokio::test]
async fn a_malian_reader_meets_nothing_of_the_senegal_commission() {
    let w = world().await;
    let (own, senegal) = (mali_commission(&w).await, senegal_commission(&w).await);
    let (mut b, _) = w
        .login_cleared("lecteur.ml", w.mali, Role::Reader, Marking::Secret)
        .await;
    walk(&mut b, &own, &senegal, w.morocco).await;
    assert_meets_own(&mut b, &own).await;
}

#[tokio::test]
async fn a_third_party_auditor_reads_no_history_of_the_other_commission() {
    let w = world().await;
    let (mali, own) = (mali_commission(&w).await, senegal_commission(&w).await);
    let (mut b, _) = w
        .login_cleared(
            "auditeur.sn",
            senegal(&w).await,
            Role::Auditor,
            Marking::Secret,
        )
        .await;
    b.cookies.insert("lang".into(), "en".into());
    for (kind, id) in [
        ("commission", mali.id),
        ("session", mali.session),
        ("action_plan", mali.plan),
        ("action_item", mali.item),
        ("agreement", w.d.ids.agreement),
    ] {
        let uri = format!("/history/{kind}/{id}");
        assert_eq!(b.get(&uri).await.status, 404, "{uri}");
    }
    let uri = format!("/history/action_item/{}", own.item);
    let r = b.get(&uri).await;
    assert_eq!(r.status, 200, "{uri}");
    // A Moroccan auditor, party to both, reads both.
    let (mut ma, _) = w
        .login_cleared("auditeur.ma", w.morocco, Role::Auditor, Marking::Secret)
        .await;
    for id in [mali.item, own.item] {
        let uri = format!("/history/action_item/{id}");
        assert_eq!(ma.get(&uri).await.status, 200, "{uri}");
    }
}

#[tokio::test]
async fn a_third_party_administrators_own_calendar_holds_no_other_commission() {
    // Administrators are reminded of everything they may see: their feed is the widest one.
    let w = world().await;
    let mali = mali_commission(&w).await;
    let (mut b, _) = w
        .login_cleared(
            "admin.sn",
            senegal(&w).await,
            Role::Administrator,
            Marking::Secret,
        )
        .await;
    b.get("/account/calendar").await;
    let made = b.post("/account/calendar", &[("commission", "")]).await;
    assert_eq!(made.status, 200, "{}", made.body);
    let at = made
        .body
        .find("/calendar/feeds/")
        .expect("the feed's address");
    let path = made.body[at..].split('"').next().unwrap().to_string();
    // Opened as a calendar application does: no cookie.
    let feed = common::send(&w.d.app, &format!("{path}?lang=en"), &[]).await;
    assert_eq!(feed.status, 200, "{path}");
    assert_hides(&path, &feed.body, &mali);
    assert!(feed.body.contains("Thiès"), "{}", feed.body);
    // Nor may they subscribe to the other commission's calendar.
    let refused = b
        .post("/account/calendar", &[("commission", &mali.id.to_string())])
        .await;
    assert!(
        refused.status.is_client_error(),
        "{}: {}",
        refused.status,
        refused.body
    );
    assert!(!refused.body.contains("/calendar/feeds/"));
}
