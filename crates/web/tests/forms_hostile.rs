//! Hostile text in every kind of field: markup, over-long values, control characters and
//! bidi overrides are either stored exactly and shown escaped inside an isolating element
//! (`<bdi>`, or an input with its own `dir`), or refused with a field error; malformed
//! numbers and dates and forged ids in selects are field errors. Never a 500.

mod common;
mod forms_support;

use forms_support::{OPEN, error_at, id_from, world};
use taawun_core::Role;

const HOSTILE: [&str; 5] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "a\u{0}b\u{1}c\u{7}d\u{8}e\u{1b}[31mf\u{7f}g\r\nh",
    "\u{202E}evil\u{202C} \u{2066}x\u{2067}y\u{2068}z\u{2069} \u{200F}",
    "مرحبا <b>'&'</b> \u{202E}cba",
];

/// The page's escaping (markup::escape), to find a value in a body.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Every occurrence of `s` (escaped) sits right inside an isolating element: a `<bdi>`, or
/// a tag that sets its own `dir` (inputs, textareas, options). `<title>` is plain text.
fn assert_isolated(body: &str, s: &str, page: &str) {
    let e = escaped(s);
    let mut found = 0;
    for (i, _) in body.match_indices(&e) {
        found += 1;
        let tag_start = body[..i].rfind('<').unwrap();
        let tag = &body[tag_start..i];
        let ok = tag.starts_with("<title") || tag.starts_with("<bdi") || tag.contains(" dir=\"");
        assert!(ok, "{page}: {s:?} not isolated after {tag:?}");
    }
    assert!(found > 0, "{page}: {s:?} not shown");
    if s.contains('<') {
        assert!(!body.contains(s), "{page}: {s:?} unescaped");
    }
}

#[tokio::test]
async fn hostile_text_is_stored_exactly_and_shown_inert() {
    let w = world().await;
    let (mut b, _) = w.login("sec", w.morocco, Role::Secretariat).await;
    let ma = w.morocco.to_string();
    let sid = w.d.ids.session;
    for h in HOSTILE {
        // Single-line text (names) and a localized text (function).
        b.get("/people/new").await;
        let mut f = vec![
            ("version", "0"),
            ("party_id", ma.as_str()),
            ("name_latin", h),
            ("name_ar", h),
            ("function.fr", h),
            ("function.ar", h),
        ];
        f.extend(OPEN);
        let r = b.post("/people/new", &f).await;
        assert_eq!(r.status, 303, "{h:?}: {}", r.body);
        let id = id_from(&r);
        let p = w.d.store.person(id).await.unwrap().unwrap();
        assert_eq!((p.name_latin.as_str(), p.name_ar.as_str()), (h, h));
        assert_eq!(p.function.fr.as_deref(), Some(h));
        for page in [format!("/people/{id}"), format!("/people/{id}/edit")] {
            let r = b.get(&page).await;
            assert_eq!(r.status, 200, "{page}: {}", r.body);
            assert_isolated(&r.body, h, &page);
        }

        // A localized text inside a list (decision text) and the session's place.
        let s = w.d.store.session(sid).await.unwrap().unwrap();
        let version = s.version.to_string();
        let (start, end) = (s.start_on.to_string(), s.end_on.to_string());
        let mut f = vec![
            ("version", version.as_str()),
            ("ordinal", "1"),
            ("start_on", start.as_str()),
            ("end_on", end.as_str()),
            ("host_party_id", s.host_party_id.to_string().leak() as &str),
            ("place.en", h),
        ];
        f.extend(OPEN);
        let r = b.post(&format!("/sessions/{sid}/edit"), &f).await;
        assert_eq!(r.status, 303, "{h:?}: {}", r.body);
        let s = w.d.store.session(sid).await.unwrap().unwrap();
        assert_eq!(s.place.en.as_deref(), Some(h));
        let r = b.get(&format!("/sessions/{sid}")).await;
        assert_eq!(r.status, 200);
        let r = b.get(&format!("/sessions/{sid}/edit")).await;
        assert_isolated(&r.body, h, "session form");
    }
}

#[tokio::test]
async fn over_long_malformed_and_forged_values_are_field_errors() {
    let w = world().await;
    let (mut b, _) = w.login("sec", w.morocco, Role::Secretariat).await;
    let ma = w.morocco.to_string();
    let sid = w.d.ids.session;
    let long = "x".repeat(25_000);
    let before = w.d.store.people(None).await.unwrap().len();

    // Over-long single-line and localized texts, forged select ids.
    b.get("/people/new").await;
    let forged = taawun_core::new_id().to_string();
    for (field, value) in [
        ("name_latin", long.as_str()),
        ("function.fr", long.as_str()),
        ("aliases.0", long.as_str()),
        ("party_id", forged.as_str()),
        ("party_id", "<script>alert(1)</script>"),
        ("organisation_id", forged.as_str()),
        ("rank_id", "' OR 1=1 --"),
        ("protection.marking", "top_secret"),
    ] {
        let mut f = vec![
            ("version", "0"),
            ("party_id", ma.as_str()),
            ("name_latin", "Ok"),
            ("_rows.aliases", "1"),
        ];
        f.retain(|(k, _)| *k != field);
        f.push((field, value));
        f.extend(OPEN.iter().filter(|(k, _)| *k != field));
        let r = b.post("/people/new", &f).await;
        assert_eq!(
            r.status,
            422,
            "{field}: {}",
            &r.body[..r.body.len().min(400)]
        );
        let path = field.trim_end_matches(".fr");
        assert!(
            error_at(&r.body, path).is_some(),
            "{field}: no error next to the field"
        );
        assert!(!r.body.contains("<script>alert"), "{field}");
    }
    assert_eq!(w.d.store.people(None).await.unwrap().len(), before);

    // Numbers, dates and forged choices on the session form.
    let s = w.d.store.session(sid).await.unwrap().unwrap();
    let version = s.version.to_string();
    let ok: Vec<(&str, String)> = vec![
        ("version", version.clone()),
        ("ordinal", "1".into()),
        ("start_on", s.start_on.to_string()),
        ("end_on", s.end_on.to_string()),
        ("host_party_id", s.host_party_id.to_string()),
        ("place.fr", "Bamako".into()),
    ];
    for (field, value) in [
        ("ordinal", "<script>"),
        ("ordinal", "1e309"),
        ("ordinal", "-1"),
        ("ordinal", "99999999999999999999999"),
        ("ordinal", "\u{202E}3"),
        ("start_on", "2025-02-30"),
        ("start_on", "<img src=x onerror=alert(1)>"),
        ("end_on", "+262143-12-31"),
        ("host_party_id", forged.as_str()),
        ("host_party_id", "00000000-0000-0000-0000-000000000000"),
        ("place.fr", long.as_str()),
    ] {
        let mut f: Vec<(&str, &str)> = ok
            .iter()
            .filter(|(k, _)| *k != field)
            .map(|(k, v)| (*k, v.as_str()))
            .collect();
        f.push((field, value));
        f.extend(OPEN);
        let r = b.post(&format!("/sessions/{sid}/edit"), &f).await;
        assert_eq!(
            r.status,
            422,
            "{field}={value:.40}: {}",
            &r.body[..r.body.len().min(300)]
        );
        let path = field.trim_end_matches(".fr");
        assert!(
            error_at(&r.body, path).is_some(),
            "{field}: no error next to the field"
        );
    }
    // Forged ids inside repeated rows.
    let r = b
        .post(
            &format!("/sessions/{sid}/decisions"),
            &[
                ("version", version.as_str()),
                ("_rows.decisions", "1"),
                ("decisions.0.number", "1"),
                ("decisions.0.text.fr", "x"),
                ("decisions.0.area_id", forged.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(error_at(&r.body, "decisions.0.area_id").is_some());
    assert_eq!(w.d.store.session(sid).await.unwrap().unwrap(), s);

    // A forged id among checkboxes (a list of ids).
    let before = w.d.store.agreements().await.unwrap().len();
    b.get("/agreements/new").await;
    let mali = w.mali.to_string();
    let mut f = vec![
        ("version", "0"),
        ("kind", "mou"),
        ("title.fr", "Accord"),
        ("party_ids", ma.as_str()),
        ("party_ids", mali.as_str()),
        ("party_ids", forged.as_str()),
        ("status", "draft"),
    ];
    f.extend(OPEN);
    let r = b.post("/agreements/new", &f).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(error_at(&r.body, "party_ids").is_some());
    assert_eq!(w.d.store.agreements().await.unwrap().len(), before);
}
