//! Issue 10, finding 6 (no error may confirm that a hidden record exists), for references: a
//! form that posts the id of a record hidden from the writer gets the very answer a made-up
//! id gets, and saves nothing; the same form with a record the writer may see saves. Tried
//! with a Malian secretariat officer cleared Restricted, who links an item to clauses.

mod common;
mod forms_support;

use axum::http::StatusCode;
use forms_support::{OPEN, error_at, world};
use taawun_core::*;
use taawun_store::{Actor, Store};

/// A copy of the demo agreement's first clause, numbered `number`, saved by the system at `m`.
async fn clause(s: &dyn Store, agreement: Id, number: u32, m: Marking) -> Clause {
    let mut c = s.clauses(agreement).await.unwrap()[0].clone();
    c.id = new_id();
    c.version = 0;
    c.number = number;
    c.protection = Protection {
        marking: m,
        ..Protection::default()
    };
    s.save_clause(&Actor::system(), &c).await.unwrap()
}

#[tokio::test]
async fn linking_a_hidden_clause_answers_as_linking_none() {
    let w = world().await;
    let s: &dyn Store = &*w.d.store;
    let hidden = clause(s, w.d.ids.agreement, 91, Marking::Confidential).await;
    let open = clause(s, w.d.ids.agreement, 92, Marking::Unclassified).await;
    let (mut b, _) = w
        .login_cleared("sec.ml", w.mali, Role::Secretariat, Marking::Restricted)
        .await;
    b.get("/lang/en?back=/").await;

    let plan = w.d.ids.plan;
    let item = s.item(w.d.ids.item).await.unwrap().unwrap();
    let area = item.area_id.to_string();
    let leads: Vec<String> = item
        .leads
        .iter()
        .map(|l| l.organisation_id.to_string())
        .collect();
    let before = s.items(plan).await.unwrap().len();
    let uri = format!("/plans/{plan}/items/new");
    let mut answers = Vec::new();
    for (code, linked) in [
        ("8.1", hidden.id.to_string()),
        ("8.2", new_id().to_string()),
        ("8.3", open.id.to_string()),
    ] {
        let mut fields = vec![
            ("version", "0"),
            ("code", code),
            ("title.fr", "Échange d'instructeurs"),
            ("area_id", area.as_str()),
            ("clause_ids", linked.as_str()),
            ("_rows.leads", "2"),
            ("leads.0.organisation_id", leads[0].as_str()),
            ("leads.1.organisation_id", leads[1].as_str()),
            ("status", "planned"),
        ];
        fields.extend(OPEN);
        b.get(&uri).await;
        let r = b.post(&uri, &fields).await;
        answers.push((r.status, error_at(&r.body, "clause_ids"), r.body));
    }
    let [
        (hidden_status, hidden_error, hidden_page),
        (none_status, none_error, _),
        (open_status, ..),
    ] = &answers[..]
    else {
        unreachable!()
    };
    assert_eq!(
        *hidden_status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{hidden_page}"
    );
    assert_eq!(hidden_status, none_status);
    assert!(
        hidden_error.is_some(),
        "the hidden clause is refused on its field"
    );
    assert_eq!(
        hidden_error, none_error,
        "a hidden clause reads as no clause"
    );
    assert!(
        !hidden_page.contains(">91") && !hidden_page.contains(" 91"),
        "nothing of the hidden clause shows"
    );
    assert_eq!(
        *open_status,
        StatusCode::SEE_OTHER,
        "a visible clause links"
    );
    assert_eq!(
        s.items(plan).await.unwrap().len(),
        before + 1,
        "only 8.3 saved"
    );
}
