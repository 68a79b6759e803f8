//! Recording a delegation without detours (issue 14, part 4), through the real router: the
//! form names the session it edits and shows where it is; each delegation is named with its
//! article ("Délégation du Maroc"); someone not yet recorded is added from the form itself
//! (names in both scripts, rank, function, organisation) and comes back in a new row of
//! their party's delegation, to be saved with it; the return address cannot be pointed
//! elsewhere.

mod common;
mod forms_support;

use common::browser::location;
use forms_support::{OPEN, world};
use taawun_core::Role;

#[tokio::test]
async fn a_person_added_from_the_delegation_form_comes_back_in_a_new_row() {
    let w = world().await;
    let sid = w.d.ids.session;
    let (mut sec, _) = w.login("nadia", w.morocco, Role::Secretariat).await;
    let form = format!("/sessions/{sid}/delegations");
    let page = sec.get(&form).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let body = &page.body;
    assert!(
        body.contains("<h1>Modifier les délégations — 1re session</h1>"),
        "{body}"
    );
    let crumbs = &body[body.find("<nav class=\"crumbs\"").unwrap_or(0)..];
    let crumbs = &crumbs[..crumbs.find("</nav>").unwrap()];
    assert!(crumbs.contains(&format!("href=\"/commissions/{}\"", w.d.ids.commission)));
    assert!(
        crumbs.contains(&format!("href=\"/sessions/{sid}\"")) && crumbs.contains("1re session")
    );
    assert!(body.contains("Délégation du Maroc") && body.contains("Délégation du Mali"));
    let new_person = format!(
        "/people/new?back=/sessions/{sid}/delegations&amp;party={}",
        w.mali
    );
    assert!(body.contains(&new_person), "{body}");

    // The person form opens on Mali, and its way back is the delegation form.
    let page = sec.get(&new_person.replace("&amp;", "&")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(
        forms_support::selected(&page.body, "party_id").as_deref(),
        Some(w.mali.to_string().as_str())
    );
    let action = format!("/people/new?back=/sessions/{sid}/delegations");
    assert!(page.body.contains(&format!("action=\"{action}\"")));
    let ml = w.mali.to_string();
    let mut fields = vec![
        ("version", "0"),
        ("party_id", ml.as_str()),
        ("name_ar", "عيساتا كوني"),
        ("name_latin", "Aïssata Koné"),
        ("function.fr", "Conseillère juridique"),
    ];
    fields.extend(OPEN);
    let r = sec.post(&action, &fields).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let people = w.d.store.people(None).await.unwrap();
    let added = people
        .iter()
        .find(|p| p.name_latin == "Aïssata Koné")
        .unwrap();
    assert_eq!(added.party_id, w.mali);
    assert_eq!(
        location(&r),
        format!("/sessions/{sid}/delegations?added={}#delegations", added.id)
    );

    // Back on the form, she is in a new row, selected; nothing is saved until the form is.
    let before = w.d.store.session(sid).await.unwrap().unwrap();
    let page = sec.get(location(&r)).await.body;
    assert!(
        page.contains(&format!(
            "<option value=\"{}\" dir=\"auto\" selected>",
            added.id
        )),
        "{page}"
    );
    assert_eq!(w.d.store.session(sid).await.unwrap().unwrap(), before);
}

#[tokio::test]
async fn the_way_back_cannot_be_pointed_elsewhere() {
    let w = world().await;
    let (mut sec, _) = w.login("nadia", w.morocco, Role::Secretariat).await;
    for back in [
        "https://evil.example/sessions/x/delegations",
        "//evil.example",
        "/sessions/not-an-id/delegations",
        "/admin/users",
    ] {
        let page = sec.get(&format!("/people/new?back={back}")).await;
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("href=\"https://evil"), "{back}");
        assert!(page.body.contains("action=\"/people/new\""), "{back}");
        let ma = w.morocco.to_string();
        let name = format!("Personne {}", back.len());
        let mut fields = vec![
            ("version", "0"),
            ("party_id", ma.as_str()),
            ("name_latin", name.as_str()),
        ];
        fields.extend(OPEN);
        let r = sec.post(&format!("/people/new?back={back}"), &fields).await;
        assert_eq!(r.status, 303, "{}", r.body);
        assert!(
            location(&r).starts_with("/people/"),
            "{back}: {}",
            location(&r)
        );
    }
    // A reader may not add anyone, whatever the query says.
    let (mut reader, _) = w.login("lecteur", w.mali, Role::Reader).await;
    let sid = w.d.ids.session;
    let r = reader
        .get(&format!("/people/new?back=/sessions/{sid}/delegations"))
        .await;
    assert_eq!(r.status, 403);
}

/// Every record form names what it edits, or what a new record goes under, in its title
/// and its breadcrumb: an officer with several tabs open knows which is which.
#[tokio::test]
async fn forms_name_the_record_they_edit_and_where_it_stands() {
    let w = world().await;
    let items = w.d.store.items(w.d.ids.plan).await.unwrap();
    let item = items.iter().find(|i| i.code == "3.1").unwrap();
    let (mut sec, _) = w.login("nadia", w.morocco, Role::Secretariat).await;
    let page = sec.get(&format!("/items/{}/edit", item.id)).await.body;
    let h1 = &page[page.find("<h1>").unwrap()..page.find("</h1>").unwrap()];
    assert!(h1.starts_with("<h1>Modifier l&#39;action — <bdi>"), "{h1}");
    assert!(
        h1.contains("3.1 ") && h1.contains("mécanisme de liaison"),
        "{h1}"
    );
    let crumbs = &page[page.find("<nav class=\"crumbs\"").unwrap()..];
    let crumbs = &crumbs[..crumbs.find("</nav>").unwrap()];
    // The full way down: commission › plan › item › the form.
    let at = |href: String| {
        crumbs
            .find(&href)
            .unwrap_or_else(|| panic!("{href} not in {crumbs}"))
    };
    let commission = at(format!("href=\"/commissions/{}\"", w.d.ids.commission));
    let plan = at(format!("href=\"/plans/{}\"", w.d.ids.plan));
    let item_at = at(format!("href=\"/items/{}\"", item.id));
    assert!(commission < plan && plan < item_at, "{crumbs}");
    // A new report under the item: the breadcrumb goes through the item.
    let (mut ed, _) = w.login("aminata", w.mali, Role::PartyEditor).await;
    let page = ed
        .get(&format!("/items/{}/progress/new", item.id))
        .await
        .body;
    let crumbs = &page[page.find("<nav class=\"crumbs\"").unwrap()..];
    let crumbs = &crumbs[..crumbs.find("</nav>").unwrap()];
    assert!(
        crumbs.contains(&format!("href=\"/items/{}\"", item.id)),
        "{crumbs}"
    );
}
