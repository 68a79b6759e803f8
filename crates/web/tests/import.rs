//! Importing items from a spreadsheet through the real router: an exported list imports
//! back into a new plan; every planted error is reported on its row in the reader's
//! language and nothing is written while any row fails; broken, empty and oversized files
//! are refused with a page, never a crash; a chosen column mapping is remembered.

mod common;

use axum::http::StatusCode;
use common::browser::{Browser, add_user};
use common::{Demo, demo, python};
use taawun_core::{ActionPlan, Id, LocalizedText, Role, new_id};
use taawun_store::Actor;

const PASSWORD: &str = "correct horse battery";

/// A new, empty plan of the demo commission to import into.
async fn empty_plan(d: &Demo) -> ActionPlan {
    let mut plan = d.store.plan(d.ids.plan).await.unwrap().unwrap();
    plan.id = new_id();
    plan.version = 0;
    plan.title = LocalizedText::new(
        "خطة مستوردة (مثال)",
        "Plan importé (exemple)",
        "Imported plan (example)",
    );
    d.store.save_plan(&Actor::system(), &plan).await.unwrap()
}

async fn admin(d: &Demo) -> Browser {
    add_user(&d.store, "secretariat", Role::Administrator, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.login("secretariat", PASSWORD).await;
    b.get("/lang/fr?back=/").await;
    // A page with a form: the browser now holds this login's CSRF token.
    b.get("/account").await;
    b
}

async fn count(d: &Demo, plan: Id) -> usize {
    d.store.items(plan).await.unwrap().len()
}

/// The mapping form as the page shows it: each column's selected field.
fn selected_mapping(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, part) in page.split("<select id=\"col").skip(1).enumerate() {
        let select = &part[..part.find("</select>").unwrap()];
        let value = select
            .split("<option value=\"")
            .skip(1)
            .find(|o| o.contains("\" selected>"))
            .map(|o| o[..o.find('"').unwrap()].to_string())
            .unwrap_or_default();
        out.push((format!("col{i}"), value));
    }
    out
}

fn review_action(page: &str) -> String {
    let at = page.find("/import/").expect("a review form");
    let start = page[..at].rfind('"').unwrap() + 1;
    let end = at + page[at..].find('"').unwrap();
    page[start..end].to_string()
}

#[tokio::test]
async fn an_exported_items_sheet_imports_back_into_a_new_plan() {
    let d = demo().await;
    let mut b = admin(&d).await;
    let plan = empty_plan(&d).await;
    // The Morocco–Mali commission's items: the demo's Morocco–Senegal items have lead bodies
    // of another party than this plan's.
    let exported = b
        .get(&format!(
            "/export/items.xlsx?commission={}",
            d.ids.commission
        ))
        .await;
    assert_eq!(exported.status, StatusCode::OK);
    let expected = d.store.items(d.ids.plan).await.unwrap().len();

    let page = b.get(&format!("/plans/{}/import", plan.id)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("enctype=\"multipart/form-data\""));
    let preview = b
        .upload(
            &format!("/plans/{}/import", plan.id),
            "actions.xlsx",
            &exported.bytes,
        )
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("aucun problème"), "{}", preview.body);
    assert_eq!(count(&d, plan.id).await, 0, "a preview writes nothing");

    let mut fields = selected_mapping(&preview.body);
    assert!(
        fields.iter().any(|(_, v)| v == "title_fr") && fields.iter().any(|(_, v)| v == "lead_ml")
    );
    fields.push(("action".into(), "commit".into()));
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let done = b.post(&review_action(&preview.body), &refs).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let to = done.headers["location"].to_str().unwrap().to_string();
    assert_eq!(
        to,
        format!("/plans/{}?imported={expected}&updated=0", plan.id)
    );
    assert_eq!(count(&d, plan.id).await, expected);
    let landing = b.get(&to).await;
    assert!(
        landing.body.contains("actions importées"),
        "{}",
        landing.body
    );
    // Each row was written through the one write path: one audit row per item.
    let first = &d.store.items(plan.id).await.unwrap()[0];
    assert_eq!(d.store.audit_of(first.id).await.unwrap().len(), 1);
}

/// The exported French CSV with errors planted on rows 3 to 7 (row 1 is the header).
const PLANT: &str = r#"
import sys, csv
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
head = rows[0]
col = {h: i for i, h in enumerate(head)}
lead_ml = [h for h in head if h.startswith('Chef de file') and 'Mali' in h][0]
out = [head]
base = rows[1]
def row(code, **changes):
    r = list(base)
    r[col['Code']] = code
    # New rows: the exported row's id and version would make each an update of its item.
    for h in ('Identifiant', 'Version'):
        if h in col:
            r[col[h]] = ''
    for k, v in changes.items():
        r[col[k]] = v
    out.append(r)
row('IMP-1')
row('IMP-2', **{lead_ml: 'Brigade inconnue'})
row('IMP-3', **{'Échéance': '31/02/2026'})
row('IMP-4', **{'Titre (arabe)': '', 'Titre (français)': '', 'Titre (anglais)': ''})
row('DUP-1')
row('DUP-1')
w = csv.writer(sys.stdout)
for r in out:
    w.writerow(r)
"#;

#[tokio::test]
async fn every_planted_error_is_reported_on_its_row_and_nothing_is_written() {
    let d = demo().await;
    let mut b = admin(&d).await;
    let plan = empty_plan(&d).await;
    let exported = b.get("/export/items.csv").await;
    let fixture = python::run(PLANT, &exported.bytes, ".csv");
    let preview = b
        .upload(
            &format!("/plans/{}/import", plan.id),
            "plan.csv",
            fixture.as_bytes(),
        )
        .await;
    assert_eq!(
        preview.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        preview.body
    );
    let problems = &preview.body[preview
        .body
        .find("class=\"problems\"")
        .expect("problems table")..];
    let row_of = |needle: &str| {
        let at = problems
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not reported:\n{problems}"));
        let tr = problems[..at].rfind("<tr><td").unwrap();
        // The row number, past the cell's tag (which carries its column's name for phones).
        let cell = &problems[tr + 7..];
        cell[cell.find('>').unwrap() + 1..]
            .split('<')
            .next()
            .unwrap()
            .to_string()
    };
    let listed = |n: &str| {
        problems.split("<tr><td").skip(1).any(|r| {
            r.split_once('>')
                .is_some_and(|(_, rest)| rest.starts_with(&format!("{n}</td>")))
        })
    };
    assert_eq!(row_of("Brigade inconnue"), "3");
    assert_eq!(row_of("31/02/2026"), "4");
    assert!(listed("5"), "missing title not on row 5");
    assert_eq!(row_of("DUP-1"), "6");
    assert!(listed("7"), "second duplicate not on row 7");
    assert!(!listed("2"), "the clean row 2 has a problem");
    assert!(
        !preview.body.contains("value=\"commit\""),
        "commit offered on a failing file"
    );

    // Forcing the commit anyway writes nothing.
    let mut fields = selected_mapping(&preview.body);
    fields.push(("action".into(), "commit".into()));
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let forced = b.post(&review_action(&preview.body), &refs).await;
    assert_eq!(forced.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&d, plan.id).await, 0);
}

#[tokio::test]
async fn broken_empty_and_oversized_files_are_refused_cleanly() {
    let d = demo().await;
    let mut b = admin(&d).await;
    let plan = empty_plan(&d).await;
    let uri = format!("/plans/{}/import", plan.id);
    let exported = b.get("/export/items.xlsx").await.bytes;
    let truncated = exported[..exported.len() / 2].to_vec();
    let garbage: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    for (name, bytes) in [
        ("coupé.xlsx", truncated),
        ("bruit.xlsx", garbage.clone()),
        ("bruit.csv", garbage),
        ("vide.csv", Vec::new()),
        ("entete.csv", b"Code;Titre (fran\xc3\xa7ais)\n".to_vec()),
    ] {
        let r = b.upload(&uri, name, &bytes).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}: {}",
            r.body
        );
        assert!(r.body.contains("role=\"alert\""), "{name}: no message");
        assert!(r.body.contains("<html"), "{name}: not a page");
    }
    let huge = vec![b'a'; 11 * 1024 * 1024];
    let r = b.upload(&uri, "enorme.csv", &huge).await;
    assert_eq!(
        r.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        &r.body[r.body.find("role=\"alert\"").unwrap_or(0)..]
    );
    assert!(r.body.contains("10\u{202f}Mo"), "{}", r.body);
    assert_eq!(count(&d, plan.id).await, 0);
}

#[tokio::test]
async fn a_file_just_under_the_documented_limit_is_read() {
    // The upload page promises 10 MB: a 9.9 MB sheet must reach the preview, not a 413.
    let d = demo().await;
    let mut b = admin(&d).await;
    let plan = empty_plan(&d).await;
    let uri = format!("/plans/{}/import", plan.id);
    let mut csv = String::from("Code;Titre (français);Notes\n");
    let note = "x".repeat(480);
    let mut n = 0;
    while csv.len() < 9_900_000 {
        n += 1;
        csv.push_str(&format!("G{n};Activité {n};{note}\n"));
    }
    assert!(csv.len() > 9_800_000 && csv.len() < 10 * 1024 * 1024);
    let r = b.upload(&uri, "grand.csv", csv.as_bytes()).await;
    assert_ne!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    assert!(
        r.status == StatusCode::OK || r.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{}: {}",
        r.status,
        r.body
    );
    // The preview of the file itself: its name and a review form for its columns.
    assert!(r.body.contains("grand.csv"), "{}", r.body);
    assert!(
        r.body.contains("<select id=\"col2\""),
        "no mapping of the third column"
    );
    assert_eq!(count(&d, plan.id).await, 0);
}

#[tokio::test]
async fn a_chosen_mapping_is_remembered_for_the_next_file() {
    let d = demo().await;
    let mut b = admin(&d).await;
    let plan = empty_plan(&d).await;
    let area = d.store.areas().await.unwrap()[0].name.fr.clone().unwrap();
    let parties = d.store.parties().await.unwrap();
    let mut names = Vec::new();
    for iso in ["MA", "ML"] {
        let party = parties
            .iter()
            .find(|p| p.iso_code.as_deref() == Some(iso))
            .unwrap()
            .id;
        names.push(
            d.store.organisations(Some(party)).await.unwrap()[0]
                .name
                .fr
                .clone()
                .unwrap(),
        );
    }
    let (ma, ml) = (names[0].clone(), names[1].clone());
    let csv = |title: &str| {
        format!("Intitulé;Thème;Pilote MA;Pilote ML;Pour le\n{title};{area};{ma};{ml};30/06/2027\n")
    };
    let uri = format!("/plans/{}/import", plan.id);
    let first = b
        .upload(&uri, "a.csv", csv("Stage de tir (exemple)").as_bytes())
        .await;
    assert_eq!(
        first.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown headers cannot be guessed"
    );
    let chosen = [
        ("col0", "title_fr"),
        ("col1", "area"),
        ("col2", "lead_ma"),
        ("col3", "lead_ml"),
        ("col4", "due_on"),
        ("action", "commit"),
    ];
    let done = b.post(&review_action(&first.body), &chosen).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(count(&d, plan.id).await, 1);

    let second = b
        .upload(
            &uri,
            "b.csv",
            csv("Stage de transmissions (exemple)").as_bytes(),
        )
        .await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.body);
    let mapping = selected_mapping(&second.body);
    let values: Vec<&str> = mapping.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(values, ["title_fr", "area", "lead_ma", "lead_ml", "due_on"]);
}

#[tokio::test]
async fn only_those_who_may_add_items_may_import() {
    let d = demo().await;
    add_user(&d.store, "lecteur", Role::Reader, PASSWORD).await;
    let mut b = Browser::new(&d.app);
    b.login("lecteur", PASSWORD).await;
    let r = b.get(&format!("/plans/{}/import", d.ids.plan)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = b
        .upload(
            &format!("/plans/{}/import", d.ids.plan),
            "a.csv",
            b"Code\nX\n",
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}
