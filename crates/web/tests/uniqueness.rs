//! Issue 10, finding 6: uniqueness never tells a writer that a record hidden from them
//! exists. Item codes within a plan, session ordinals within a commission and clause numbers
//! within an agreement are unique among the records the writer may see: a clash with a
//! hidden record answers exactly as no clash at all (the form saves, the import preview is
//! clean and its commit succeeds), a clash with a visible one is refused clearly, in the
//! writer's language, on the field. Tried with a Malian secretariat officer cleared
//! Restricted, next to Confidential records they cannot see.

mod common;
mod forms_support;

use axum::http::StatusCode;
use common::browser::{Browser, location};
use forms_support::{OPEN, error_at, world};
use taawun_core::*;
use taawun_store::{Actor, Store};

fn marked(m: Marking) -> Protection {
    Protection {
        marking: m,
        ..Protection::default()
    }
}

/// A copy of a demo item of the plan with `code`, saved as the system at `m`.
async fn item_with_code(s: &dyn Store, plan: Id, code: &str, m: Marking) -> ActionItem {
    let mut x = s.items(plan).await.unwrap()[0].clone();
    x.id = new_id();
    x.version = 0;
    x.code = code.into();
    x.title = LocalizedText::new("", &format!("Action {code}"), &format!("Item {code}"));
    x.clause_ids.clear();
    x.protection = marked(m);
    s.save_item(&Actor::system(), &x).await.unwrap()
}

/// The writer: a Malian secretariat officer of the demo commission, cleared Restricted,
/// reading English.
async fn writer(w: &forms_support::World) -> Browser {
    let (mut b, _) = w
        .login_cleared("sec.ml", w.mali, Role::Secretariat, Marking::Restricted)
        .await;
    b.get("/lang/en?back=/").await;
    b
}

async fn post_item(w: &forms_support::World, b: &mut Browser, code: &str) -> common::Reply {
    let plan = w.d.ids.plan;
    let item = w.d.store.item(w.d.ids.item).await.unwrap().unwrap();
    let area = item.area_id.to_string();
    let leads: Vec<String> = item
        .leads
        .iter()
        .map(|l| l.organisation_id.to_string())
        .collect();
    let mut fields = vec![
        ("version", "0"),
        ("code", code),
        ("title.fr", "Échange d'instructeurs"),
        ("area_id", area.as_str()),
        ("_rows.leads", "2"),
        ("leads.0.organisation_id", leads[0].as_str()),
        ("leads.1.organisation_id", leads[1].as_str()),
        ("status", "planned"),
    ];
    fields.extend(OPEN);
    b.get(&format!("/plans/{plan}/items/new")).await;
    b.post(&format!("/plans/{plan}/items/new"), &fields).await
}

#[tokio::test]
async fn an_item_code_held_by_a_hidden_item_is_free_in_the_form() {
    let w = world().await;
    let s: &dyn Store = &*w.d.store;
    let plan = w.d.ids.plan;
    item_with_code(s, plan, "7.7", Marking::Confidential).await;
    item_with_code(s, plan, "7.8", Marking::Unclassified).await;
    let mut b = writer(&w).await;

    // No clash and a hidden clash: the same answer, a saved item.
    let free = post_item(&w, &mut b, "7.9").await;
    assert_eq!(free.status, StatusCode::SEE_OTHER, "{}", free.body);
    let hidden = post_item(&w, &mut b, "7.7").await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER, "{}", hidden.body);
    assert!(!hidden.body.contains("Action 7.7"));
    let holders = s
        .items(plan)
        .await
        .unwrap()
        .into_iter()
        .filter(|i| i.code == "7.7")
        .count();
    assert_eq!(holders, 2, "both items hold the code");

    // The two items are told apart by those who may see both — and only by them: the
    // writer's plan shows one 7.7 and no mark; a reader cleared Confidential sees the mark
    // next to both, and each item's page links to the other.
    let plan_page = b.get(&format!("/plans/{plan}")).await;
    assert!(!plan_page.body.contains("same number as another record"));
    let (mut cleared, _) = w
        .login_cleared("reader.ma", w.morocco, Role::Reader, Marking::Confidential)
        .await;
    cleared.get("/lang/en?back=/").await;
    let plan_page = cleared.get(&format!("/plans/{plan}")).await;
    assert_eq!(
        plan_page
            .body
            .matches("same number as another record")
            .count(),
        2,
        "{}",
        plan_page.body
    );
    let mine = location(&hidden).to_string();
    let page = cleared.get(&mine).await;
    assert!(
        page.body
            .contains("Another item of this plan carries the same code")
    );
    let other = s
        .items(plan)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.code == "7.7" && !mine.ends_with(&i.id.to_string()))
        .unwrap();
    assert!(page.body.contains(&format!("href=\"/items/{}\"", other.id)));
    let own = b.get(&mine).await;
    assert!(
        !own.body
            .contains("Another item of this plan carries the same code")
    );

    // A visible clash: refused on the code field, in the writer's language.
    let visible = post_item(&w, &mut b, "7.8").await;
    assert_eq!(
        visible.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        visible.body
    );
    let msg = error_at(&visible.body, "code").expect("an error on the code");
    assert!(msg.contains("appears twice"), "{msg}");
    // Two writers racing to the same free code: one of them is told, never both saved.
    let mut other = writer2(&w).await;
    let (a, c) = tokio::join!(
        post_item(&w, &mut b, "7.10"),
        post_item(&w, &mut other, "7.10")
    );
    let mut statuses = [a.status, c.status];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::SEE_OTHER, StatusCode::UNPROCESSABLE_ENTITY],
        "exactly one of two racing writers saves the code"
    );
}

async fn writer2(w: &forms_support::World) -> Browser {
    let (mut b, _) = w
        .login_cleared("sec2.ml", w.mali, Role::Secretariat, Marking::Restricted)
        .await;
    b.get("/lang/en?back=/").await;
    b
}

#[tokio::test]
async fn a_session_ordinal_held_by_a_hidden_session_is_free() {
    let w = world().await;
    let s: &dyn Store = &*w.d.store;
    let c = w.d.ids.commission;
    let base = s.session(w.d.ids.session).await.unwrap().unwrap();
    for (ordinal, m) in [(5, Marking::Confidential), (6, Marking::Unclassified)] {
        let mut x = base.clone();
        x.id = new_id();
        x.version = 0;
        x.ordinal = ordinal;
        x.decisions.clear();
        x.statements.clear();
        x.side_events.clear();
        x.agenda.clear();
        x.protection = marked(m);
        s.save_session(&Actor::system(), &x).await.unwrap();
    }
    let mut b = writer(&w).await;
    let ma = w.morocco.to_string();
    let post = |ordinal: &'static str| {
        let mut fields = vec![
            ("version", "0"),
            ("ordinal", ordinal),
            ("start_on", "2028-03-10"),
            ("end_on", "2028-03-12"),
            ("host_party_id", ma.as_str()),
            ("place.fr", "Rabat"),
        ];
        fields.extend(OPEN);
        fields
    };
    let uri = format!("/commissions/{c}/sessions/new");
    b.get(&uri).await;
    let free = b.post(&uri, &post("7")).await;
    assert_eq!(free.status, StatusCode::SEE_OTHER, "{}", free.body);
    let hidden = b.post(&uri, &post("5")).await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER, "{}", hidden.body);
    let visible = b.post(&uri, &post("6")).await;
    assert_eq!(visible.status, StatusCode::UNPROCESSABLE_ENTITY);
    let msg = error_at(&visible.body, "ordinal").expect("an error on the ordinal");
    assert!(
        msg.contains("already has a session with this number"),
        "{msg}"
    );
}

#[tokio::test]
async fn a_clause_number_held_by_a_hidden_clause_is_free() {
    let w = world().await;
    let s: &dyn Store = &*w.d.store;
    let a = w.d.ids.agreement;
    let base = s.clauses(a).await.unwrap()[0].clone();
    for (number, m) in [(50, Marking::Confidential), (51, Marking::Unclassified)] {
        let mut x = base.clone();
        x.id = new_id();
        x.version = 0;
        x.number = number;
        x.protection = marked(m);
        s.save_clause(&Actor::system(), &x).await.unwrap();
    }
    let mut b = writer(&w).await;
    let post = |number: &'static str| {
        let mut fields = vec![
            ("version", "0"),
            ("number", number),
            ("text.fr", "Les parties coopèrent."),
        ];
        fields.extend(OPEN);
        fields
    };
    let uri = format!("/agreements/{a}/clauses/new");
    let page = b.get(&uri).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let free = b.post(&uri, &post("52")).await;
    assert_eq!(free.status, StatusCode::SEE_OTHER, "{}", free.body);
    let hidden = b.post(&uri, &post("50")).await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER, "{}", hidden.body);
    let visible = b.post(&uri, &post("51")).await;
    assert_eq!(visible.status, StatusCode::UNPROCESSABLE_ENTITY);
    let msg = error_at(&visible.body, "number").expect("an error on the number");
    assert!(msg.contains("appears twice"), "{msg}");
}

/// The import review's form action.
fn review_action(page: &str) -> String {
    let at = page.find("/import/").expect("a review form");
    let start = page[..at].rfind('"').unwrap() + 1;
    let end = at + page[at..].find('"').unwrap();
    page[start..end].to_string()
}

#[tokio::test]
async fn an_imported_code_held_by_a_hidden_item_previews_clean_and_commits() {
    let w = world().await;
    let s: &dyn Store = &*w.d.store;
    let plan = w.d.ids.plan;
    item_with_code(s, plan, "7.7", Marking::Confidential).await;
    item_with_code(s, plan, "7.8", Marking::Unclassified).await;
    let mut b = writer(&w).await;
    let item = s.item(w.d.ids.item).await.unwrap().unwrap();
    let area = s
        .area(item.area_id)
        .await
        .unwrap()
        .unwrap()
        .name
        .fr
        .unwrap();
    let mut leads = Vec::new();
    for l in &item.leads {
        let o = s.organisation(l.organisation_id).await.unwrap().unwrap();
        leads.push(o.name.fr.unwrap());
    }
    let csv = |code: &str| {
        format!(
            "C;T;A;L1;L2\n{code};Stage importé {code};{area};{};{}\n",
            leads[0], leads[1]
        )
    };
    let chosen = |action: &'static str| {
        [
            ("col0", "code"),
            ("col1", "title_fr"),
            ("col2", "area"),
            ("col3", "lead_ma"),
            ("col4", "lead_ml"),
            ("action", action),
        ]
    };
    let uri = format!("/plans/{plan}/import");
    let count = || async {
        s.items(plan)
            .await
            .unwrap()
            .into_iter()
            .filter(|i| i.code.starts_with("7."))
            .count()
    };
    let before = count().await;
    let mut previews = Vec::new();
    let page = b.get(&uri).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for code in ["7.9", "7.7", "7.8"] {
        let first = b.upload(&uri, "plan.csv", csv(code).as_bytes()).await;
        assert!(
            first.body.contains("/import/"),
            "{}: {}",
            first.status,
            first.body
        );
        let preview = b
            .post(&review_action(&first.body), &chosen("preview"))
            .await;
        previews.push((code, preview));
    }
    // A free code and a hidden item's code: the same clean preview, offering the commit.
    for (code, p) in &previews[..2] {
        assert_eq!(p.status, StatusCode::OK, "{code}: {}", p.body);
        assert!(p.body.contains("value=\"commit\""), "{code}: {}", p.body);
        assert!(!p.body.contains("class=\"problems\""), "{code}: {}", p.body);
    }
    // A visible item's code: a problem on its row.
    let (_, p) = &previews[2];
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", p.body);
    assert!(p.body.contains("class=\"problems\""), "{}", p.body);

    for code in ["7.9", "7.7"] {
        let first = b.upload(&uri, "plan.csv", csv(code).as_bytes()).await;
        let done = b.post(&review_action(&first.body), &chosen("commit")).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{code}: {}", done.body);
    }
    assert_eq!(count().await, before + 2, "both rows imported");
    // Forcing the commit of the visible clash writes nothing.
    let first = b.upload(&uri, "plan.csv", csv("7.8").as_bytes()).await;
    let forced = b.post(&review_action(&first.body), &chosen("commit")).await;
    assert_ne!(forced.status, StatusCode::SEE_OTHER, "{}", forced.body);
    assert_eq!(count().await, before + 2);
}
