//! A plan exported, edited in a spreadsheet and imported back through the real router: the
//! unchanged sheet changes nothing; one date changed updates exactly that item (no
//! duplicates, one audit row); an item saved by someone else since the export is a
//! conflict on its row and nothing is written; the plan page offers its own export and
//! status report.

mod common;

use axum::http::StatusCode;
use common::browser::{Browser, add_user};
use common::{Demo, demo, python};
use taawun_core::{ActionItem, Role};
use taawun_store::Actor;

const PASSWORD: &str = "correct horse battery";

/// A secretariat officer of the demo commission, signed in, reading French.
async fn secretariat(d: &Demo) -> Browser {
    let mut u = add_user(&d.store, "secretariat", Role::Secretariat, PASSWORD).await;
    u.commission_ids = vec![d.ids.commission];
    d.store.save_user(&Actor::system(), &u).await.unwrap();
    let mut b = Browser::new(&d.app);
    b.login("secretariat", PASSWORD).await;
    b.get("/lang/fr?back=/").await;
    b.get("/account").await;
    b
}

/// The French CSV with the due date of the row coded `code` set to `due`.
fn with_due(csv: &[u8], code: &str, due: &str) -> String {
    let script = r#"
import sys, csv
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
col = {h: i for i, h in enumerate(rows[0])}
hit = 0
for r in rows[1:]:
    if r[col['Code']] == 'CODE':
        r[col['Échéance']] = 'DUE'
        hit += 1
assert hit == 1, hit
w = csv.writer(sys.stdout)
for r in rows:
    w.writerow(r)
"#
    .replace("CODE", code)
    .replace("DUE", due);
    python::run(&script, csv, ".csv")
}

fn review_action(page: &str) -> String {
    let at = page.find("/import/").expect("a review form");
    let start = page[..at].rfind('"').unwrap() + 1;
    let end = at + page[at..].find('"').unwrap();
    page[start..end].to_string()
}

/// The mapping the page selected, and the commit button pressed.
fn commit_fields(page: &str) -> Vec<(String, String)> {
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
    out.push(("action".into(), "commit".into()));
    out
}

async fn items(d: &Demo) -> Vec<ActionItem> {
    d.store.items(d.ids.plan).await.unwrap()
}

/// An item of the plan with a due date, to move.
async fn dated(d: &Demo) -> ActionItem {
    items(d)
        .await
        .into_iter()
        .find(|i| i.due_on.is_some())
        .expect("a dated item")
}

#[tokio::test]
async fn an_exported_plan_imports_back_unchanged_then_with_one_date_moved() {
    let d = demo().await;
    let mut b = secretariat(&d).await;
    let before = items(&d).await;
    let csv = b
        .get(&format!("/export/items.csv?plan={}", d.ids.plan))
        .await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    // The plan's items only, each once.
    assert_eq!(csv.body.lines().count(), before.len() + 1, "{}", csv.body);
    let import = format!("/plans/{}/import", d.ids.plan);

    // As exported: nothing to change, nothing offered.
    let same = b.upload(&import, "plan.csv", &csv.bytes).await;
    assert_eq!(same.status, StatusCode::OK, "{}", same.body);
    let unchanged = format!("{} lignes inchangées", before.len());
    assert!(same.body.contains(&unchanged), "{}", same.body);
    assert!(same.body.contains("Le fichier ne change rien"));
    assert!(!same.body.contains("value=\"commit\""));
    let forced = b
        .post(
            &review_action(&same.body),
            &to_refs(&commit_fields(&same.body)),
        )
        .await;
    assert_ne!(forced.status, StatusCode::SEE_OTHER, "nothing to commit");
    assert_eq!(versions(&items(&d).await), versions(&before));

    // One date moved.
    let moved = dated(&d).await;
    let audit_before = d.store.audit_of(moved.id).await.unwrap().len();
    let edited = with_due(&csv.bytes, &moved.code, "2027-01-31");
    let preview = b.upload(&import, "plan.csv", edited.as_bytes()).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(
        preview.body.contains("1 action modifiée"),
        "{}",
        preview.body
    );
    assert!(preview.body.contains("Modifiée\u{202f}: Échéance"));
    let rest = format!("{} lignes inchangées", before.len() - 1);
    assert!(preview.body.contains(&rest), "{}", preview.body);
    assert!(preview.body.contains("Enregistrer ces changements"));
    let done = b
        .post(
            &review_action(&preview.body),
            &to_refs(&commit_fields(&preview.body)),
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let to = done.headers["location"].to_str().unwrap().to_string();
    assert_eq!(to, format!("/plans/{}?imported=0&updated=1", d.ids.plan));
    let landing = b.get(&to).await;
    assert!(
        landing.body.contains("1 action mise à jour."),
        "{}",
        landing.body
    );
    assert!(!landing.body.contains("importée"));

    let after = items(&d).await;
    assert_eq!(after.len(), before.len(), "no duplicates");
    for i in &after {
        let was = before.iter().find(|b| b.id == i.id).expect("same items");
        if i.id == moved.id {
            assert_eq!(i.due_on.unwrap().to_string(), "2027-01-31");
            assert_eq!(i.version, was.version + 1);
            assert_eq!(
                (&i.title, &i.leads, i.start_on),
                (&was.title, &was.leads, was.start_on)
            );
        } else {
            assert_eq!(i.version, was.version, "{} untouched", i.code);
        }
    }
    // Written through the one write path: one audit record for the one change.
    let audit = d.store.audit_of(moved.id).await.unwrap();
    assert_eq!(audit.len(), audit_before + 1);
}

#[tokio::test]
async fn an_item_saved_since_the_export_is_a_conflict_on_its_row_and_nothing_is_written() {
    let d = demo().await;
    let mut b = secretariat(&d).await;
    let csv = b
        .get(&format!("/export/items.csv?plan={}", d.ids.plan))
        .await;
    let moved = dated(&d).await;
    // Someone else edits the item after the export.
    let mut theirs = moved.clone();
    theirs
        .title
        .set(taawun_core::Lang::Fr, Some("Titre revu entre-temps".into()));
    d.store.save_item(&Actor::system(), &theirs).await.unwrap();
    let before = items(&d).await;

    let edited = with_due(&csv.bytes, &moved.code, "2027-01-31");
    let import = format!("/plans/{}/import", d.ids.plan);
    let preview = b.upload(&import, "plan.csv", edited.as_bytes()).await;
    assert_eq!(preview.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems = &preview.body[preview.body.find("class=\"problems\"").unwrap()..];
    assert!(
        problems.contains(&format!(
            "L&#39;action {} a été modifiée depuis l&#39;export",
            moved.code
        )),
        "{problems}"
    );
    assert!(problems.contains("exportez à nouveau"));
    assert!(!preview.body.contains("value=\"commit\""));
    let forced = b
        .post(
            &review_action(&preview.body),
            &to_refs(&commit_fields(&preview.body)),
        )
        .await;
    assert_ne!(forced.status, StatusCode::SEE_OTHER);
    assert_eq!(versions(&items(&d).await), versions(&before));
}

#[tokio::test]
async fn the_plan_page_offers_its_own_export_and_status_report() {
    let d = demo().await;
    let mut b = secretariat(&d).await;
    let page = b.get(&format!("/plans/{}", d.ids.plan)).await;
    let export = format!("/export/items.xlsx?plan={}", d.ids.plan);
    let report = format!("/plans/{}/report.pdf", d.ids.plan);
    assert!(page.body.contains(&export), "{}", page.body);
    assert!(page.body.contains(&report));
    let pdf = b.get(&format!("{report}?layout=fr")).await;
    assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.body);
    assert!(pdf.bytes.starts_with(b"%PDF"));
    // A malformed plan id is the reader's mistake, not the server's.
    let bad = b.get("/export/items.csv?plan=nope").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

fn versions(items: &[ActionItem]) -> Vec<(String, i64)> {
    let mut v: Vec<(String, i64)> = items
        .iter()
        .map(|i| (i.id.to_string(), i.version))
        .collect();
    v.sort();
    v
}

fn to_refs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}
