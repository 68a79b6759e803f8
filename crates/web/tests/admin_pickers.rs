//! Issue 10, finding 4: the user-administration forms fill their pickers through the
//! administrator's `Visible`. An administrator cleared Unclassified, who gets 404 on a
//! Secret commission, does not meet its name (nor a hidden party's or organisation's) in
//! the new-user or edit-user form, which still works; a user's assignment to that hidden
//! commission survives the administrator's save.

mod classified;
mod common;

use axum::http::StatusCode;
use classified::world;
use taawun_core::*;
use taawun_store::{Actor, Store};

fn secret() -> Protection {
    Protection {
        marking: Marking::Secret,
        ..Protection::default()
    }
}

#[tokio::test]
async fn user_form_pickers_hide_what_the_administrator_may_not_see() {
    let w = world().await;
    let s: &dyn Store = &*w.d.store;
    let a = Actor::system();
    let mut commission = s.commission(w.d.ids.commission).await.unwrap().unwrap();
    let visible_name = commission.name.en.clone().unwrap();
    commission.id = new_id();
    commission.version = 0;
    commission.name = LocalizedText::new("", "Commission Basalte", "Basalt commission");
    commission.co_chair_ids.clear();
    commission.protection = secret();
    let hidden = s.save_commission(&a, &commission).await.unwrap();
    let mut org = s.organisation(w.officer_org).await.unwrap().unwrap();
    org.id = new_id();
    org.version = 0;
    org.name = LocalizedText::new("", "Brigade Onyx", "Onyx brigade");
    org.acronym = None;
    org.parent_id = None;
    org.protection = secret();
    s.save_organisation(&a, &org).await.unwrap();
    let mut party = s.party(w.mali).await.unwrap().unwrap();
    party.id = new_id();
    party.version = 0;
    party.name = LocalizedText::new("", "République de Jaspe", "Republic of Jasper");
    party.short_name = LocalizedText::new("", "Jaspe", "Jasper");
    party.iso_code = Some("JX".into());
    party.protection = secret();
    s.save_party(&a, &party).await.unwrap();

    // A user assigned to both commissions, for the edit form.
    let cookie = w
        .login_as("assigned", w.morocco, Role::Secretariat, Marking::Secret)
        .await;
    drop(cookie);
    let mut assigned = s.user_by_name("assigned").await.unwrap().unwrap();
    assigned.commission_ids = vec![w.d.ids.commission, hidden.id];
    let assigned = s.save_user(&a, &assigned).await.unwrap();

    let admin = w
        .login_as(
            "admin.u",
            w.morocco,
            Role::Administrator,
            Marking::Unclassified,
        )
        .await;
    let r = w.get(&admin, &format!("/commissions/{}", hidden.id)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "the commission is hidden");
    for uri in [
        String::from("/admin/users/new"),
        format!("/admin/users/{}", assigned.id),
        String::from("/admin/users"),
    ] {
        let r = w.get(&admin, &uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.body);
        for name in ["Basalt", "Basalte", "Onyx", "Jasper", "Jaspe"] {
            assert!(!r.body.contains(name), "{uri} names {name}");
        }
        assert!(!r.body.contains(&hidden.id.to_string()), "{uri}: hidden id");
    }
    let form = w.get(&admin, "/admin/users/new").await.body;
    assert!(
        form.contains(&visible_name),
        "the visible commission is offered"
    );
    assert!(form.contains("Mali"), "the visible parties are offered");

    // The account page of a user whose organisation is hidden from them names none.
    let mut me = s.user_by_name("admin.u").await.unwrap().unwrap();
    me.organisation_id = Some(org.id);
    let saved = s.save_user(&a, &me).await;
    if saved.is_ok() {
        let r = w.get(&admin, "/account").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(!r.body.contains("Onyx"), "{}", r.body);
    }
}
