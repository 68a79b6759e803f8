//! The shared vocabularies (parties, ranks, areas) through the real router: an
//! administrator lists, creates and edits them; refused posts keep the typed values and
//! show errors next to their fields in Arabic and French; other roles get 403 and no links.

mod common;
mod forms_support;

use common::browser::{Browser, location};
use forms_support::{OPEN, World, error_at, id_from, value_of, world};
use taawun_core::{Id, Role};

/// Posts `fields` plus the protection fields every form carries.
async fn post(b: &mut Browser, uri: &str, fields: &[(&str, &str)]) -> common::Reply {
    let mut all = fields.to_vec();
    all.extend(OPEN);
    b.post(uri, &all).await
}

async fn rank_id(w: &World, code: &str) -> Id {
    let ranks = w.d.store.ranks().await.unwrap();
    ranks.iter().find(|r| r.nato_code == code).unwrap().id
}

async fn area_id(w: &World, code: &str) -> Id {
    let areas = w.d.store.areas().await.unwrap();
    areas.iter().find(|a| a.code == code).unwrap().id
}

#[tokio::test]
async fn an_administrator_creates_and_edits_a_party_a_rank_and_an_area() {
    let w = world().await;
    let (mut b, _) = w.login("admin", w.morocco, Role::Administrator).await;
    let admin = b.get("/admin/users").await;
    for list in ["/parties", "/ranks", "/areas"] {
        assert!(admin.body.contains(&format!("href=\"{list}\"")), "{list}");
        let page = b.get(list).await;
        assert_eq!(page.status, 200, "{list}");
        assert!(
            page.body.contains(&format!("href=\"{list}/new\"")),
            "{list}"
        );
        assert!(page.body.contains("/edit\""), "{list}: Edit links");
    }

    // A party: created, shown with its Edit link, edited.
    assert_eq!(b.get("/parties/new").await.status, 200);
    let r = post(
        &mut b,
        "/parties/new",
        &[
            ("version", "0"),
            ("kind", "state"),
            ("iso_code", "NE"),
            ("name.ar", "جمهورية النيجر"),
            ("name.fr", "République du Niger"),
            ("short_name.fr", "Niger"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id = id_from(&r);
    let page = b.get(&format!("/parties/{id}")).await;
    assert!(page.body.contains(&format!("href=\"/parties/{id}/edit\"")));
    let edit = b.get(&format!("/parties/{id}/edit")).await;
    assert_eq!(edit.status, 200);
    assert_eq!(value_of(&edit.body, "iso_code").as_deref(), Some("NE"));
    let version = value_of(&edit.body, "version").unwrap();
    let r = post(
        &mut b,
        &format!("/parties/{id}/edit"),
        &[
            ("version", &version),
            ("kind", "state"),
            ("iso_code", "NE"),
            ("name.fr", "République du Niger"),
            ("short_name.fr", "Niger"),
            ("short_name.en", "Niger (en)"),
        ],
    )
    .await;
    assert_eq!(location(&r), format!("/parties/{id}"), "{}", r.body);
    let p = w.d.store.party(id).await.unwrap().unwrap();
    assert_eq!(p.short_name.en.as_deref(), Some("Niger (en)"));
    assert_eq!(p.name.ar, None, "a cleared language is cleared");
    assert_eq!(w.audit_rows(id).await, 2);

    // A rank of Morocco's forces.
    let ma = w.morocco.to_string();
    let r = post(
        &mut b,
        "/ranks/new",
        &[
            ("version", "0"),
            ("party_id", &ma),
            ("nato_code", "OF-10"),
            ("label.fr", "Maréchal"),
        ],
    )
    .await;
    assert_eq!(location(&r), "/ranks", "{}", r.body);
    let rid = rank_id(&w, "OF-10").await;
    assert!(
        b.get("/ranks")
            .await
            .body
            .contains(&format!("href=\"/ranks/{rid}/edit\""))
    );
    let edit = b.get(&format!("/ranks/{rid}/edit")).await;
    let version = value_of(&edit.body, "version").unwrap();
    let r = post(
        &mut b,
        &format!("/ranks/{rid}/edit"),
        &[
            ("version", &version),
            ("party_id", &ma),
            ("nato_code", "OF-10"),
            ("label.fr", "Maréchal"),
            ("label.ar", "مشير"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let rank = w.d.store.rank(rid).await.unwrap().unwrap();
    assert_eq!(rank.label.ar.as_deref(), Some("مشير"));
    assert_eq!(rank.party_id, w.morocco);

    // An area of cooperation.
    let r = post(
        &mut b,
        "/areas/new",
        &[
            ("version", "0"),
            ("code", "cyber-defence"),
            ("name.fr", "Cyberdéfense"),
        ],
    )
    .await;
    assert_eq!(location(&r), "/areas", "{}", r.body);
    let aid = area_id(&w, "cyber-defence").await;
    let edit = b.get(&format!("/areas/{aid}/edit")).await;
    assert_eq!(
        value_of(&edit.body, "code").as_deref(),
        Some("cyber-defence")
    );
    let version = value_of(&edit.body, "version").unwrap();
    let r = post(
        &mut b,
        &format!("/areas/{aid}/edit"),
        &[
            ("version", &version),
            ("code", "cyber-defence"),
            ("name.fr", "Cyberdéfense"),
            ("name.en", "Cyber defence"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let area = w.d.store.area(aid).await.unwrap().unwrap();
    assert_eq!(area.name.en.as_deref(), Some("Cyber defence"));
    assert!(b.get("/areas").await.body.contains("Cyberdéfense"));
}

#[tokio::test]
async fn refused_vocabulary_forms_keep_values_and_place_errors_in_arabic_and_french() {
    let w = world().await;
    let (mut b, _) = w.login("admin", w.morocco, Role::Administrator).await;
    let ma = w.morocco.to_string();
    let parties = w.d.store.parties().await.unwrap().len();
    let ranks = w.d.store.ranks().await.unwrap().len();
    let areas = w.d.store.areas().await.unwrap().len();
    // (language, ISO code, NATO code, area code, missing name)
    let cases = [
        (
            "ar",
            "رمز ISO",
            "رمز الناتو",
            "الرمز",
            "مطلوب بلغة واحدة على الأقل",
        ),
        (
            "fr",
            "code ISO",
            "code OTAN",
            "code",
            "obligatoire dans au moins une langue",
        ),
    ];
    for (lang, iso, nato, code, required) in cases {
        b.cookies.insert("lang".into(), lang.into());
        b.get("/parties/new").await;
        let r = post(
            &mut b,
            "/parties/new",
            &[
                ("version", "0"),
                ("kind", "state"),
                ("iso_code", "sen"),
                ("name.fr", "Sénégal <kept>"),
            ],
        )
        .await;
        assert_eq!(r.status, 422, "{lang}: {}", r.body);
        let msg = error_at(&r.body, "iso_code").unwrap_or_else(|| panic!("{lang}: {}", r.body));
        assert!(msg.contains(iso), "{lang}: {msg}");
        assert!(r.body.contains("href=\"#f-iso_code\""), "summary link");
        assert_eq!(value_of(&r.body, "iso_code").as_deref(), Some("sen"));
        assert_eq!(
            value_of(&r.body, "name.fr").as_deref(),
            Some("Sénégal &lt;kept&gt;")
        );

        let r = post(
            &mut b,
            "/ranks/new",
            &[
                ("version", "0"),
                ("party_id", &ma),
                ("nato_code", "OF-11"),
                ("label.ar", "فريق أول"),
            ],
        )
        .await;
        assert_eq!(r.status, 422, "{lang}: {}", r.body);
        let msg = error_at(&r.body, "nato_code").unwrap();
        assert!(msg.contains(nato), "{lang}: {msg}");
        assert_eq!(value_of(&r.body, "nato_code").as_deref(), Some("OF-11"));
        assert_eq!(value_of(&r.body, "label.ar").as_deref(), Some("فريق أول"));

        // The form's own check (no name) and the store's (bad code), one at a time.
        let r = post(
            &mut b,
            "/areas/new",
            &[("version", "0"), ("code", "Bad Code")],
        )
        .await;
        assert_eq!(r.status, 422);
        assert!(
            error_at(&r.body, "name").unwrap().contains(required),
            "{lang}"
        );
        let r = post(
            &mut b,
            "/areas/new",
            &[
                ("version", "0"),
                ("code", "Bad Code"),
                ("name.ar", "الأمن السيبراني"),
            ],
        )
        .await;
        assert_eq!(r.status, 422);
        let msg = error_at(&r.body, "code").unwrap();
        assert!(msg.contains(code), "{lang}: {msg}");
        assert_eq!(value_of(&r.body, "code").as_deref(), Some("Bad Code"));
    }
    assert_eq!(w.d.store.parties().await.unwrap().len(), parties);
    assert_eq!(w.d.store.ranks().await.unwrap().len(), ranks);
    assert_eq!(w.d.store.areas().await.unwrap().len(), areas);
}

#[tokio::test]
async fn secretariat_and_readers_get_403_and_no_links() {
    let w = world().await;
    let rank = w.d.store.ranks().await.unwrap()[0].id;
    let area = w.d.store.areas().await.unwrap()[0].id;
    let party = w.mali;
    let before = w.d.store.party(party).await.unwrap().unwrap();
    let ranks = ["/ranks/new".to_string(), format!("/ranks/{rank}/edit")];
    let mut forms = vec![
        "/parties/new".to_string(),
        format!("/parties/{party}/edit"),
        "/areas/new".into(),
        format!("/areas/{area}/edit"),
    ];
    // The secretariat records delegations, so it adds the ranks it needs (issue 14,
    // part 4): ranks are registry, like people. Parties and areas stay administrators'.
    let (mut sec, _) = w.login("sec-ranks", w.morocco, Role::Secretariat).await;
    for uri in &ranks {
        assert_eq!(sec.get(uri).await.status, 200, "secretariat GET {uri}");
    }
    assert!(sec.get("/ranks").await.body.contains("href=\"/ranks/new\""));
    for (name, role) in [("sec", Role::Secretariat), ("reader", Role::Reader)] {
        if role == Role::Reader {
            forms.extend(ranks.iter().cloned());
        }
        let (mut b, _) = w.login(name, w.morocco, role).await;
        let lists: &[&str] = if role == Role::Reader {
            &["/parties", "/ranks", "/areas"]
        } else {
            &["/parties", "/areas"]
        };
        for list in lists {
            let r = b.get(list).await;
            assert_eq!(r.status, 200, "{name} {list}");
            assert!(!r.body.contains("/new\""), "{name} {list}: New link");
            assert!(!r.body.contains("/edit\""), "{name} {list}: Edit link");
        }
        let page = b.get(&format!("/parties/{party}")).await;
        assert!(
            !page.body.contains(&format!("/parties/{party}/edit")),
            "{name}"
        );
        for uri in &forms {
            assert_eq!(b.get(uri).await.status, 403, "{name} GET {uri}");
            let r = post(
                &mut b,
                uri,
                &[
                    ("version", "1"),
                    ("kind", "state"),
                    ("iso_code", "ML"),
                    ("name.fr", "Hijacked"),
                    ("code", "hijacked"),
                ],
            )
            .await;
            assert_eq!(r.status, 403, "{name} POST {uri}");
        }
    }
    assert_eq!(w.d.store.party(party).await.unwrap().unwrap(), before);
}
