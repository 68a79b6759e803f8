//! Every page type answers in each language and shows the demo's facts.

mod common;

use axum::http::StatusCode;
use common::demo;
use taawun_core::Lang;

#[tokio::test]
async fn every_page_answers_in_every_language() {
    let d = demo().await;
    for page in d.pages() {
        for lang in Lang::ALL {
            let r = d.get_in(&page, lang).await;
            assert_eq!(r.status, StatusCode::OK, "{page} in {lang:?}: {}", r.body);
            let (html_lang, dir) = common::html_lang_dir(&r.body);
            assert_eq!(html_lang, lang.code(), "{page}");
            assert_eq!(dir, lang.dir(), "{page}");
            assert_eq!(r.body.matches("<h1").count(), 1, "one h1 on {page}");
            assert!(r.body.contains("href=\"#main\""), "skip link on {page}");
            assert!(
                r.body.contains("/lang/ar?back="),
                "language switch on {page}"
            );
        }
    }
}

#[tokio::test]
async fn session_page_shows_delegations_place_and_dates() {
    let d = demo().await;
    let uri = format!("/sessions/{}", d.ids.session);
    let ar = d.get_in(&uri, Lang::Ar).await.body;
    assert!(ar.contains("عبد الغني مهيب"), "Arabic name first in ar");
    assert!(ar.contains("عميد"), "rank label in ar");
    assert!(ar.contains("الدورة الأولى"), "ordinal title in ar");
    assert!(ar.contains("رئيس الوفد"), "role label in ar");
    assert!(ar.contains("فبراير"), "Arabic month name");
    let fr = d.get_in(&uri, Lang::Fr).await.body;
    assert!(fr.contains("Bamako"));
    assert!(fr.contains("17 février 2025"), "French long date");
    assert!(fr.contains("Général de brigade"));
    assert!(fr.contains("1re session"));
    let en = d.get_in(&uri, Lang::En).await.body;
    assert!(en.contains("17 February 2025"));
    assert!(en.contains("1st session"));
    assert!(en.contains("Abdelghani Mouhib"));
}

#[tokio::test]
async fn delegations_are_in_protocol_order() {
    let d = demo().await;
    let session = d.store.session(d.ids.session).await.unwrap().unwrap();
    let body = d
        .get_in(&format!("/sessions/{}", session.id), Lang::En)
        .await
        .body;
    for delegation in &session.delegations {
        let ordered = delegation.in_protocol_order();
        let head = ordered.first().expect("a delegation has members");
        assert_eq!(head.role, taawun_core::DelegationRole::Head, "head first");
        let mut last = 0;
        for m in ordered {
            let at = body
                .find(&format!("/people/{}", m.person_id))
                .expect("member listed");
            assert!(at >= last, "members appear in protocol order");
            last = at;
        }
    }
}

#[tokio::test]
async fn chain_is_walkable_from_commission_to_progress_and_back() {
    let d = demo().await;
    let i = &d.ids;
    let commission = d
        .get_in(&format!("/commissions/{}", i.commission), Lang::Fr)
        .await
        .body;
    assert!(commission.contains(&format!("/sessions/{}", i.session)));
    let session = d
        .get_in(&format!("/sessions/{}", i.session), Lang::Fr)
        .await
        .body;
    assert!(session.contains(&format!("/agreements/{}", i.agreement)));
    assert!(
        session.contains(&format!("/commissions/{}", i.commission)),
        "breadcrumb back"
    );
    let agreement = d
        .get_in(&format!("/agreements/{}", i.agreement), Lang::Fr)
        .await
        .body;
    assert!(agreement.contains("id=\"clause-1\""), "clauses listed");
    assert!(
        agreement.contains(&format!("/sessions/{}", i.session)),
        "back to session"
    );
    let plan = d.get_in(&format!("/plans/{}", i.plan), Lang::Fr).await.body;
    assert!(plan.contains(&format!("/items/{}", i.item)));
    let item = d.get_in(&format!("/items/{}", i.item), Lang::Fr).await.body;
    assert!(item.contains(&format!("/plans/{}", i.plan)), "back to plan");
    assert!(item.contains("Points d&#39;avancement"), "progress section");
}

#[tokio::test]
async fn plan_shows_both_sides_leads_and_example_badges() {
    let d = demo().await;
    let fr = d
        .get_in(&format!("/plans/{}", d.ids.plan), Lang::Fr)
        .await
        .body;
    assert!(
        fr.contains("Chef de file <span class=\"sub\"><bdi>Maroc</bdi>"),
        "{fr}"
    );
    assert!(fr.contains("Chef de file <span class=\"sub\"><bdi>Mali</bdi>"));
    assert!(
        fr.contains("badge ex"),
        "invented items carry the example badge"
    );
    let ar = d
        .get_in(&format!("/plans/{}", d.ids.plan), Lang::Ar)
        .await
        .body;
    assert!(ar.contains(">مثال<"));
}

#[tokio::test]
async fn person_page_shows_both_scripts_and_sessions() {
    let d = demo().await;
    let uri = format!("/people/{}", d.ids.person);
    let ar = d.get_in(&uri, Lang::Ar).await.body;
    let fr = d.get_in(&uri, Lang::Fr).await.body;
    for body in [&ar, &fr] {
        assert!(body.contains("عبد الغني مهيب") && body.contains("Abdelghani Mouhib"));
        assert!(body.contains(&format!("/sessions/{}", d.ids.session)));
    }
    // The reader's script comes first.
    assert!(ar.find("عبد الغني مهيب") < ar.find("Abdelghani Mouhib"));
    assert!(fr.find("Abdelghani Mouhib") < fr.find("عبد الغني مهيب"));
}

#[tokio::test]
async fn home_lists_commission_sessions_agreements_and_open_items() {
    let d = demo().await;
    let en = d.get_in("/", Lang::En).await.body;
    assert!(en.contains(&format!("/commissions/{}", d.ids.commission)));
    assert!(en.contains(&format!("/sessions/{}", d.ids.session)));
    assert!(en.contains("/items/"), "open items listed");
    assert!(en.contains("Demonstration data"), "demo banner");
}
