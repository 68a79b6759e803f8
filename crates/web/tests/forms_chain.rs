//! The chain through its forms, as people use it: a secretariat officer records a session
//! with both delegations, two decisions and two actions led on both sides; a party editor
//! reports progress for their own side only and cannot touch the session.

mod common;
mod forms_support;

use forms_support::{OPEN, id_from, value_of, world};
use taawun_core::{DelegationRole, Id, ItemStatus, Role};

/// A progress report for `side`.
fn report(side: &str) -> Vec<(&str, &str)> {
    vec![
        ("version", "0"),
        ("reported_on", "2026-04-01"),
        ("party_id", side),
        ("percent", "40"),
        ("status", "in_progress"),
        ("narrative.fr", "Premier stage tenu"),
    ]
}

fn with_open<'a>(mut fields: Vec<(&'a str, &'a str)>) -> Vec<(&'a str, &'a str)> {
    fields.extend(OPEN);
    fields
}

#[tokio::test]
async fn secretariat_records_a_session_then_a_party_editor_reports_progress() {
    let w = world().await;
    let (mut sec, _) = w.login("sec", w.morocco, Role::Secretariat).await;
    let c = w.d.ids.commission;
    let (ma, ml) = (w.morocco.to_string(), w.mali.to_string());

    // The session's basics.
    let page = sec.get(&format!("/commissions/{c}/sessions/new")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let r = sec
        .post(
            &format!("/commissions/{c}/sessions/new"),
            &with_open(vec![
                ("version", "0"),
                ("ordinal", "2"),
                ("start_on", "2026-03-10"),
                ("end_on", "2026-03-12"),
                ("host_party_id", &ma),
                ("place.ar", "الرباط"),
                ("place.fr", "Rabat"),
            ]),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let sid = id_from(&r);

    // Both delegations; Mali's members typed out of order, precedence decides.
    let mouhib = w.person("Abdelghani Mouhib").await.to_string();
    let m_samake = w.person("Mahamadou Massaoulé Samaké").await.to_string();
    let s_samake = w.person("Sadiq Samaké").await.to_string();
    let form = sec.get(&format!("/sessions/{sid}/delegations")).await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(
        form.body
            .contains("name=\"delegations.1.members.0.person_id\"")
    );
    let v = value_of(&form.body, "version").unwrap();
    let r = sec
        .post(
            &format!("/sessions/{sid}/delegations"),
            &[
                ("version", v.as_str()),
                ("_rows.delegations.0.members", "2"),
                ("delegations.0.members.0.person_id", &mouhib),
                ("delegations.0.members.0.role", "head"),
                ("delegations.0.members.0.precedence", "1"),
                ("delegations.0.members.1.person_id", ""),
                ("delegations.0.members.1.role", "head"),
                ("delegations.0.members.1.precedence", ""),
                ("_rows.delegations.1.members", "2"),
                ("delegations.1.members.0.person_id", &s_samake),
                ("delegations.1.members.0.role", "member"),
                ("delegations.1.members.0.precedence", "2"),
                ("delegations.1.members.1.person_id", &m_samake),
                ("delegations.1.members.1.role", "member"),
                ("delegations.1.members.1.precedence", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let s = w.d.store.session(sid).await.unwrap().unwrap();
    assert_eq!(s.delegations.len(), 2);
    assert_eq!(
        s.delegations[0].members.len(),
        1,
        "the blank row is ignored"
    );
    let again = sec.get(&format!("/sessions/{sid}/delegations")).await;
    assert_eq!(
        forms_support::selected(&again.body, "delegations.1.members.0.person_id").as_deref(),
        Some(m_samake.as_str()),
        "rows are shown by precedence"
    );
    assert_eq!(
        s.delegations[1].in_protocol_order()[0].role,
        DelegationRole::Member
    );

    // Two decisions.
    let form = sec.get(&format!("/sessions/{sid}/decisions")).await;
    let v = value_of(&form.body, "version").unwrap();
    let r = sec
        .post(
            &format!("/sessions/{sid}/decisions"),
            &[
                ("version", v.as_str()),
                ("_rows.decisions", "3"),
                ("decisions.0.number", "1"),
                ("decisions.0.text.fr", "Créer un groupe de travail"),
                ("decisions.1.number", "2"),
                ("decisions.1.text.ar", "تنظيم دورة تدريبية"),
                ("decisions.2.number", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let s = w.d.store.session(sid).await.unwrap().unwrap();
    assert_eq!(s.decisions.len(), 2);
    assert_ne!(s.decisions[0].id, s.decisions[1].id);

    // Two actions, each led on both sides.
    let plan = w.d.ids.plan;
    let (far, emga) = (
        w.org("FAR").await.to_string(),
        w.org("EMGA").await.to_string(),
    );
    let area = w.d.store.areas().await.unwrap()[0].id.to_string();
    let mut items: Vec<Id> = Vec::new();
    for code in ["9.1", "9.2"] {
        let page = sec.get(&format!("/plans/{plan}/items/new")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let r = sec
            .post(
                &format!("/plans/{plan}/items/new"),
                &with_open(vec![
                    ("version", "0"),
                    ("code", code),
                    ("title.fr", "Échange d'instructeurs"),
                    ("area_id", &area),
                    ("_rows.leads", "2"),
                    ("leads.0.organisation_id", &far),
                    ("leads.1.organisation_id", &emga),
                    ("status", "planned"),
                ]),
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        items.push(id_from(&r));
    }
    for id in &items {
        let item = w.d.store.item(*id).await.unwrap().unwrap();
        let sides: Vec<Id> = item.leads.iter().map(|l| l.party_id).collect();
        assert!(
            sides.contains(&w.morocco) && sides.contains(&w.mali),
            "{sides:?}"
        );
        assert!(item.indicator.is_none(), "a blank indicator is none");
    }

    // A Malian party editor reports for Mali, not for Morocco, and cannot edit the session.
    let (mut ed, _) = w.login("ed", w.mali, Role::PartyEditor).await;
    let item = items[0];
    let page = ed.get(&format!("/items/{item}/progress/new")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(value_of(&page.body, "reported_on").is_some());
    let r = ed
        .post(
            &format!("/items/{item}/progress/new"),
            &with_open(report(&ml)),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let updates = w.d.store.progress(item).await.unwrap();
    assert_eq!(updates.len(), 1);
    assert_eq!(
        (updates[0].party_id, updates[0].status),
        (w.mali, ItemStatus::InProgress)
    );

    let r = ed
        .post(
            &format!("/items/{item}/progress/new"),
            &with_open(report(&ma)),
        )
        .await;
    assert_eq!(
        r.status, 422,
        "Morocco's side is not offered to a Malian editor"
    );
    assert!(forms_support::error_at(&r.body, "party_id").is_some());
    assert_eq!(w.d.store.progress(item).await.unwrap().len(), 1);

    assert_eq!(ed.get(&format!("/sessions/{sid}/edit")).await.status, 403);
    let r = ed
        .post(
            &format!("/sessions/{sid}/edit"),
            &with_open(vec![("version", "1"), ("ordinal", "7")]),
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(w.d.store.session(sid).await.unwrap().unwrap().ordinal, 2);
    assert_eq!(
        ed.get(&format!("/plans/{plan}/items/new")).await.status,
        403
    );
}

#[tokio::test]
async fn edit_links_appear_only_for_those_who_may_follow_them() {
    let w = world().await;
    let sid = w.d.ids.session;
    let item = w.d.ids.item;
    let (mut sec, _) = w.login("sec", w.morocco, Role::Secretariat).await;
    let (mut ed, _) = w.login("ed", w.mali, Role::PartyEditor).await;
    let (mut rd, _) = w.login("rd", w.mali, Role::Reader).await;
    let edit = format!("href=\"/sessions/{sid}/edit\"");
    assert!(
        sec.get(&format!("/sessions/{sid}"))
            .await
            .body
            .contains(&edit)
    );
    assert!(
        !ed.get(&format!("/sessions/{sid}"))
            .await
            .body
            .contains(&edit)
    );
    let progress = format!("href=\"/items/{item}/progress/new\"");
    assert!(
        ed.get(&format!("/items/{item}"))
            .await
            .body
            .contains(&progress)
    );
    let page = rd.get(&format!("/items/{item}")).await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains(&progress) && !page.body.contains("/edit\""));
    assert_eq!(
        rd.get(&format!("/items/{item}/progress/new")).await.status,
        403
    );
    assert_eq!(
        rd.get(&format!("/items/{}/edit", taawun_core::new_id()))
            .await
            .status,
        404
    );
}
