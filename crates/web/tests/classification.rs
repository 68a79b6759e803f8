//! Classification and releasability through every door of the web: a Malian reader cleared
//! to Restricted never meets a record above that or released to Morocco only — not on its
//! page (404 like an unknown id), in lists, counts, search, previous/next links, history —
//! and every page carries the banner of what it shows, top and bottom. A cleared Moroccan
//! reader sees it all.

mod classified;
mod common;

use axum::http::StatusCode;
use classified::{World, assert_banner, world};
use taawun_core::{Marking, Role, new_id};

/// Names of the records a Restricted Malian reader must never meet.
const HIDDEN_WORDS: [&str; 5] = [
    "Obsidienne",
    "Tessalit Onyx",
    "Exercice Zircon",
    "Plan Saphir",
    "Basalt",
];

fn assert_hides(body: &str, w: &World, page: &str) {
    // A search page echoes the query in its title and box: judge its results only.
    let body = match body.find("id=\"results\"") {
        Some(at) if page.starts_with("/search") => &body[at..],
        _ => body,
    };
    for word in HIDDEN_WORDS {
        assert!(!body.contains(word), "{page} shows {word}");
    }
    for id in [w.s2, w.item_13, w.item_14, w.secret_mou, w.officer] {
        assert!(
            !body.contains(&id.to_string()),
            "{page} links to hidden {id}"
        );
    }
}

/// The 404 page of a hidden record, with its id replaced, equals an unknown id's.
async fn assert_404_like_unknown(w: &World, cookie: &str, prefix: &str, hidden: taawun_core::Id) {
    let hid = w.get(cookie, &format!("{prefix}{hidden}")).await;
    let unknown_id = new_id();
    let unk = w.get(cookie, &format!("{prefix}{unknown_id}")).await;
    assert_eq!(hid.status, StatusCode::NOT_FOUND, "{prefix}{hidden}");
    assert_eq!(unk.status, StatusCode::NOT_FOUND);
    assert_eq!(
        hid.body.replace(&hidden.to_string(), "ID"),
        unk.body.replace(&unknown_id.to_string(), "ID"),
        "hidden and unknown 404s differ on {prefix}"
    );
    assert_banner(&hid.body, "unclassified", prefix);
}

#[tokio::test]
async fn hidden_records_are_absent_through_every_door() {
    let w = world().await;
    let reader = w
        .login_as("lecteur.ml", w.mali, Role::Reader, Marking::Restricted)
        .await;
    let i = &w.d.ids;

    // Their own pages: 404, exactly like an unknown id.
    assert_404_like_unknown(&w, &reader, "/sessions/", w.s2).await;
    assert_404_like_unknown(&w, &reader, "/items/", w.item_13).await;
    assert_404_like_unknown(&w, &reader, "/items/", w.item_14).await;
    assert_404_like_unknown(&w, &reader, "/agreements/", w.secret_mou).await;
    assert_404_like_unknown(&w, &reader, "/people/", w.officer).await;
    assert_404_like_unknown(&w, &reader, "/history/action_item/", w.item_13).await;

    // Lists and the pages that hold them.
    let pages = [
        "/".to_string(),
        "/commissions".into(),
        format!("/commissions/{}", i.commission),
        format!("/sessions/{}", w.s1),
        format!("/sessions/{}", w.s3),
        "/agreements".into(),
        format!("/agreements/{}", i.agreement),
        format!("/plans/{}", i.plan),
        format!("/items/{}", w.item_12),
        format!("/items/{}", w.item_21),
        format!("/organisations/{}", w.officer_org),
        format!("/people/{}", i.person),
        format!("/parties/{}", w.morocco),
        "/search?q=Zircon".into(),
        "/search?q=Obsidienne".into(),
        "/search?q=Basalte".into(),
        "/search?q=Saphir".into(),
    ];
    for page in &pages {
        let r = w.get(&reader, page).await;
        assert_eq!(r.status, StatusCode::OK, "{page}");
        assert_hides(&r.body, &w, page);
        // Nothing above Restricted was read for this reader, so no banner says more.
        let top = classified::banners(&r.body)[0].clone();
        assert!(
            ["unclassified", "restricted"].contains(&top.as_str()),
            "{page}: {top}"
        );
        assert!(
            !r.body.contains("/history/"),
            "no history link for a reader on {page}"
        );
    }

    // Counts count only what is shown.
    let commissions = w.get(&reader, "/commissions").await.body;
    assert!(commissions.contains("2 sessions"), "two visible sessions");
    let commission = w
        .get(&reader, &format!("/commissions/{}", i.commission))
        .await
        .body;
    assert!(commission.contains("2 sessions"));
    let session = w.get(&reader, &format!("/sessions/{}", w.s1)).await.body;
    assert!(
        session.contains("1 member"),
        "the hidden officer is not counted"
    );
    assert!(!session.contains("2 members"));
    let search = w.get(&reader, "/search?q=Zircon").await.body;
    assert!(
        search.contains("1 result"),
        "only the open Zircon course: {search}"
    );
    let none = w.get(&reader, "/search?q=Obsidienne").await.body;
    assert!(none.contains("0 results"));

    // Previous/next skip what is hidden: 1 ↔ 3 around the hidden 2, 1.2 ↔ 1.5 around 1.3/1.4.
    assert!(session.contains(&format!("rel=\"next\" href=\"/sessions/{}\"", w.s3)));
    let third = w.get(&reader, &format!("/sessions/{}", w.s3)).await.body;
    assert!(third.contains(&format!("rel=\"prev\" href=\"/sessions/{}\"", w.s1)));
    let item = w.get(&reader, &format!("/items/{}", w.item_12)).await.body;
    assert!(item.contains(&format!("rel=\"next\" href=\"/items/{}\"", w.item_15)));

    // Banners follow what the page shows: session 1 is Restricted; session 3 is
    // Unclassified but names session 1 in its "previous" link, so it is Restricted too.
    assert_banner(&session, "restricted", "session 1");
    assert_banner(&third, "restricted", "session 3");
    assert!(
        third.contains("class=\"mark mark-unclassified\""),
        "its own badge"
    );
    assert!(
        session.contains("class=\"mark mark-restricted\""),
        "own badge"
    );
}

#[tokio::test]
async fn a_cleared_reader_of_the_originating_party_sees_them() {
    let w = world().await;
    let chief = w
        .login_as("chef.ma", w.morocco, Role::Reader, Marking::Secret)
        .await;
    let i = &w.d.ids;
    let item = w.get(&chief, &format!("/items/{}", w.item_14)).await;
    assert_eq!(item.status, StatusCode::OK);
    assert!(item.body.contains("Plan Saphir"));
    assert!(
        item.body.contains("Releasable to Morocco only"),
        "banner names the release"
    );
    let conf = w.get(&chief, &format!("/items/{}", w.item_13)).await.body;
    assert_banner(&conf, "confidential", "Confidential item");
    let plan = w.get(&chief, &format!("/plans/{}", i.plan)).await.body;
    assert!(plan.contains("Exercice Zircon") && plan.contains("Plan Saphir"));
    let session = w.get(&chief, &format!("/sessions/{}", w.s1)).await.body;
    assert!(session.contains("Obsidienne") && session.contains("2 members"));
    assert!(session.contains(&format!("rel=\"next\" href=\"/sessions/{}\"", w.s2)));
    assert_banner(
        &session,
        "confidential",
        "session with a Confidential member",
    );
    let mou = w
        .get(&chief, &format!("/agreements/{}", i.agreement))
        .await
        .body;
    assert!(mou.contains("Basalt"));
    assert_banner(&mou, "secret", "agreement linking a Secret one");
    let commissions = w.get(&chief, "/commissions").await.body;
    assert!(commissions.contains("3 sessions"));
    let search = w.get(&chief, "/search?q=Zircon").await.body;
    assert!(search.contains("2 results"), "{search}");

    // The same item is hidden from a Moroccan reader cleared lower, and from Mali.
    let low = w
        .login_as("lecteur.ma", w.morocco, Role::Reader, Marking::Unclassified)
        .await;
    let r = w.get(&low, &format!("/items/{}", w.item_14)).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "Morocco-only, Unclassified: theirs"
    );
    let r = w.get(&low, &format!("/items/{}", w.item_13)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let ml = w
        .login_as("chef.ml", w.mali, Role::Reader, Marking::Secret)
        .await;
    let r = w.get(&ml, &format!("/items/{}", w.item_14)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "not released to Mali");
}

#[tokio::test]
async fn every_page_type_has_the_banner_top_and_bottom() {
    let w = world().await;
    let auditor = w
        .login_as("audit.ma", w.morocco, Role::Auditor, Marking::Secret)
        .await;
    let mut pages = w.d.pages();
    pages.push("/search?q=Bamako".into());
    pages.push(format!("/history/action_item/{}", w.item_12));
    for page in &pages {
        let r = w.get(&auditor, page).await;
        assert_eq!(r.status, StatusCode::OK, "{page}");
        let marking = classified::banners(&r.body)[0].clone();
        assert_banner(&r.body, &marking, page);
    }
    // Pages showing no record, and error pages: Unclassified.
    for page in ["/login", "/no/such/page", "/items/not-an-id"] {
        let r = w.d.get(page, &[]).await;
        assert_banner(&r.body, "unclassified", page);
    }
    // Labels in each language, on a Restricted page of a reader cleared to Restricted.
    use taawun_core::Lang;
    let reader = w
        .login_as("lecteur.ml", w.mali, Role::Reader, Marking::Restricted)
        .await;
    let uri = format!("/sessions/{}", w.s1);
    for (lang, word) in [
        (Lang::Ar, "نشر محدود"),
        (Lang::Fr, "Diffusion restreinte"),
        (Lang::En, "Restricted"),
    ] {
        let body = w.get_in(&reader, &uri, lang).await.body;
        assert_banner(&body, "restricted", &uri);
        assert!(body.matches(word).count() >= 2, "{word} top and bottom");
    }
}
