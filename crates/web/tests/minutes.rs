//! The minutes as both heads of delegation sign them, through the real router: worded in
//! each language (ordinal title, heads named as such, closing formula, both signatures on
//! the formula's page), a DRAFT mark on every page of a draft; adopted by the commission's
//! secretariat, then frozen, with the SHA-256 of their canonical form in every footer; a new
//! version leaves the adopted one readable as signed; and an adopted text never reaches a
//! reader who may not see all it was made from.

mod classified;
mod common;
mod forms_support;

use axum::http::StatusCode;
use common::Reply;
use common::browser::{Browser, location, multipart};
use common::{pdftotext, pdftotext_pages};
use forms_support::{value_of, world};
use sha2::{Digest, Sha256};
use taawun_core::attachment::Purpose;
use taawun_core::minutes::MinutesStatus;
use taawun_core::{Marking, Role, Session};
use taawun_store::Actor;

const CLOSING_FR: &str = "Fait à Bamako, le 19 février 2025, en deux exemplaires originaux, en langues arabe et française, les deux textes faisant également foi.";
const HEADS_FR: [&str; 2] = [
    "Chef de la délégation du Royaume du Maroc",
    "Chef de la délégation de la République du Mali",
];

/// The page of `pages` holding `needle`; exactly one must.
fn page_with<'a>(pages: &'a [String], needle: &str) -> &'a str {
    let found: Vec<&String> = pages.iter().filter(|p| p.contains(needle)).collect();
    assert_eq!(found.len(), 1, "{needle:?} on {} pages", found.len());
    found[0]
}

#[tokio::test]
async fn the_demo_minutes_are_worded_as_both_parties_sign_them() {
    let w = world().await;
    let pdf = |layout: &'static str| {
        let uri = format!("/sessions/{}/minutes.pdf?layout={layout}", w.d.ids.session);
        let d = &w.d;
        async move { d.get(&uri, &[]).await }
    };

    let fr = pdf("fr").await;
    assert_eq!(fr.status, StatusCode::OK);
    let pages = pdftotext_pages(&fr.bytes);
    let text = pages.join(" ");
    for needle in [
        "Procès-verbal de la 1re session",
        "Entre le Royaume du Maroc et la République du Mali",
        "À l'invitation de la République du Mali, la 1re session de la Commission",
        "Délégation du Royaume du Maroc",
        "Délégation de la République du Mali",
        "Chef de délégation",
        "Les deux chefs de délégation ont signé des mémorandums d'entente",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    assert!(
        !text.contains("session 1"),
        "the ordinal is in words: {text}"
    );
    let formula_page = page_with(&pages, CLOSING_FR);
    for head in HEADS_FR {
        assert!(
            formula_page.contains(head),
            "{head:?} not beside the formula"
        );
    }
    assert!(formula_page.contains("Abdelghani Mouhib"));
    for (n, page) in pages.iter().enumerate() {
        assert!(
            page.contains("PROJET"),
            "page {} of the draft unmarked",
            n + 1
        );
    }

    let ar = pdf("ar").await;
    let pages = pdftotext_pages(&ar.bytes);
    let text = pages.join(" ");
    for needle in [
        "محضر الدورة الأولى",
        "بين المملكة المغربية وجمهورية مالي",
        "وفد المملكة المغربية",
        "رئيس وفد جمهورية مالي",
        "عبد الغني مهيب",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    let formula_page = page_with(&pages, "في نظيرين أصليين");
    assert!(formula_page.contains("رئيس وفد المملكة المغربية"));
    assert!(formula_page.contains("رئيس وفد جمهورية مالي"));
    assert!(formula_page.contains("العربية") && formula_page.contains("الفرنسية"));
    assert!(
        pages.iter().all(|p| p.contains("مشروع")),
        "Arabic DRAFT mark"
    );

    let en = pdftotext(&pdf("en").await.bytes);
    for needle in [
        "Minutes of the 1st session",
        "Between the Kingdom of Morocco and the Republic of Mali",
        "Head of the Delegation of the Kingdom of Morocco",
        "Done at Bamako on 19 February 2025, in two original copies, in the Arabic and French languages",
        "DRAFT",
    ] {
        assert!(en.contains(needle), "{needle:?} missing from:\n{en}");
    }

    // Arabic ‖ French: the formula and both signature blocks share one page.
    let pages = pdftotext_pages(&pdf("ar-fr").await.bytes);
    let formula_page = page_with(&pages, "en deux exemplaires originaux");
    for head in HEADS_FR {
        assert!(
            formula_page.contains(head),
            "{head:?} not beside the formula"
        );
    }
    assert!(formula_page.contains("رئيس وفد المملكة المغربية"));

    // The print view says the same, in the reader's language.
    let page =
        w.d.get(&format!("/sessions/{}/minutes", w.d.ids.session), &[])
            .await;
    assert_eq!(page.status, StatusCode::OK);
    for needle in ["Procès-verbal de la 1re session", HEADS_FR[0], "PROJET"] {
        assert!(
            page.body.contains(needle),
            "{needle:?} not in the print view"
        );
    }
    assert!(
        page.body.contains("Fait à <bdi>Bamako</bdi>") || page.body.contains("Fait à Bamako"),
        "closing formula not in the print view"
    );
}

async fn stored(w: &forms_support::World) -> Session {
    w.d.store.session(w.d.ids.session).await.unwrap().unwrap()
}

fn signed_scan(tag: &str) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    pdf.extend_from_slice(format!("1 0 obj << /Title ({tag}) >> endobj\n%%EOF\n").as_bytes());
    pdf
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn upload_scan(b: &mut Browser, session: taawun_core::Id, pdf: &[u8]) -> Reply {
    let token = b.csrf.clone().unwrap_or_default();
    let body = multipart(&[
        ("csrf", None, token.as_bytes()),
        ("purpose", None, b"signed_minutes"),
        ("then", None, b"minutes"),
        ("file", Some("proces-verbal-signe.pdf"), pdf),
    ]);
    b.send_multipart(&format!("/sessions/{session}/files"), body)
        .await
}

#[tokio::test]
async fn the_secretariat_adopts_the_minutes_which_then_stay_as_signed() {
    let w = world().await;
    let id = w.d.ids.session;
    let (mut sec, _) = w.login("sec.ma", w.morocco, Role::Secretariat).await;
    let url = format!("/sessions/{id}/minutes");

    let page = sec.get(&url).await;
    assert!(
        page.body.contains(&format!("action=\"{url}/adopt\"")),
        "{}",
        page.body
    );
    let version = value_of(&page.body, "version").unwrap();
    assert!(page.body.contains("Aucun scan signé"), "{}", page.body);

    // Without the signed scan, nothing is adopted, and the page says why.
    let r = sec
        .post(&format!("{url}/adopt"), &[("version", &version)])
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("joignez le scan"), "{}", r.body);
    assert!(stored(&w).await.minutes.adopted.is_empty());

    // The scan, uploaded from the minutes page, brings the secretary back there.
    let scan = signed_scan("v1");
    let r = upload_scan(&mut sec, id, &scan).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(location(&r), url);
    let scan_sha = hex(&scan);
    let page = sec.get(&url).await;
    assert!(
        page.body.contains("proces-verbal-signe.pdf"),
        "{}",
        page.body
    );
    assert!(page.body.contains(&scan_sha));

    let version = value_of(&page.body, "version").unwrap();
    let audit_before = w.audit_rows(id).await;
    let r = sec
        .post(&format!("{url}/adopt"), &[("version", &version)])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);

    // Stored: one adopted version whose hash is the SHA-256 of its RFC 8785 form, naming
    // the scan of its signed originals.
    let s = stored(&w).await;
    assert_eq!(s.minutes.status, MinutesStatus::Adopted);
    let [adopted] = &s.minutes.adopted[..] else {
        panic!("{:?}", s.minutes.adopted);
    };
    let named = adopted.signed_scan.as_ref().expect("the scan is named");
    assert_eq!(named.sha256, scan_sha);
    assert_eq!(named.name, "proces-verbal-signe.pdf");
    let canonical = adopted.text.canonical_json();
    assert!(
        canonical.starts_with("{\"agenda\":"),
        "keys sorted: {canonical}"
    );
    let digest: String = Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(adopted.sha256, digest);
    assert_eq!(
        w.audit_rows(id).await,
        audit_before + 1,
        "one audited write"
    );

    // The PDF: no DRAFT mark, the hash in every page's footer.
    let pdf = sec
        .get(&format!("/sessions/{id}/minutes.pdf?layout=fr"))
        .await;
    let pages = pdftotext_pages(&pdf.bytes);
    for (n, p) in pages.iter().enumerate() {
        assert!(!p.contains("PROJET"), "page {} still a draft", n + 1);
        assert!(
            p.replace(' ', "").contains(&digest),
            "page {}: no hash in:\n{p}",
            n + 1
        );
    }
    let page = sec.get(&url).await;
    assert!(page.body.contains("Adopté, version 1"), "{}", page.body);
    assert!(page.body.contains(&digest));
    assert!(
        page.body
            .contains(&format!("href=\"/files/{}\"", named.file))
    );
    assert!(!page.body.contains(&format!("action=\"{url}/adopt\"")));

    // Frozen: the agenda cannot change, and the refusal changes nothing.
    let before = stored(&w).await;
    let form = sec.get(&format!("/sessions/{id}/agenda")).await;
    let v = value_of(&form.body, "version").unwrap();
    let r = sec
        .post(
            &format!("/sessions/{id}/agenda"),
            &[
                ("version", &v),
                ("agenda.0.title.fr", "Point ajouté après signature"),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("adopté"), "{}", r.body);
    assert_eq!(stored(&w).await, before);

    // A second click on a stale page adopts nothing more.
    let r = sec
        .post(&format!("{url}/adopt"), &[("version", &version)])
        .await;
    assert!(r.status == 409 || r.status == 422, "{}", r.status);
    assert_eq!(stored(&w).await.minutes.adopted.len(), 1);

    // A new version: the session may change again, version 1 stays as signed.
    let page = sec.get(&url).await;
    let v = value_of(&page.body, "version").unwrap();
    let r = sec.post(&format!("{url}/revise"), &[("version", &v)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let mut s = stored(&w).await;
    assert_eq!(
        (s.minutes.status, s.minutes.version),
        (MinutesStatus::Draft, 2)
    );
    // Version 1's scan is not taken for version 2's.
    let page = sec.get(&url).await;
    assert!(page.body.contains("Aucun scan signé"), "{}", page.body);
    let v = value_of(&page.body, "version").unwrap();
    let r = sec.post(&format!("{url}/adopt"), &[("version", &v)]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    s = stored(&w).await;
    s.agenda[0]
        .title
        .set(taawun_core::Lang::Fr, Some("Ouverture solennelle".into()));
    w.d.store.save_session(&Actor::system(), &s).await.unwrap();
    let now = pdftotext(
        &sec.get(&format!("/sessions/{id}/minutes.pdf?layout=fr"))
            .await
            .bytes,
    );
    assert!(now.contains("Ouverture solennelle") && now.contains("PROJET"));
    let v1 = sec
        .get(&format!("/sessions/{id}/minutes.pdf?layout=fr&version=1"))
        .await;
    assert_eq!(v1.status, StatusCode::OK);
    let v1 = pdftotext(&v1.bytes);
    assert!(!v1.contains("Ouverture solennelle") && !v1.contains("PROJET"));
    assert!(v1.replace(' ', "").contains(&digest));
    let none = sec
        .get(&format!("/sessions/{id}/minutes.pdf?version=2"))
        .await;
    assert_eq!(
        none.status,
        StatusCode::NOT_FOUND,
        "version 2 is not adopted"
    );
    let bad = sec
        .get(&format!("/sessions/{id}/minutes.pdf?version=x"))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn only_the_commissions_secretariat_adopts() {
    let w = world().await;
    let id = w.d.ids.session;
    let url = format!("/sessions/{id}/minutes");
    for role in [Role::PartyEditor, Role::Reader, Role::Auditor] {
        let (mut b, _) = w
            .login(&format!("u.{role:?}").to_lowercase(), w.mali, role)
            .await;
        let page = b.get(&url).await;
        assert!(
            !page.body.contains("/adopt\""),
            "{role:?} offered the button"
        );
        let r = b.post(&format!("{url}/adopt"), &[("version", "1")]).await;
        assert_eq!(r.status, 403, "{role:?}: {}", r.status);
    }
    // A secretariat officer of another commission does not adopt this one's minutes.
    let (mut other, mut u) = w.login("sec.autre", w.morocco, Role::Secretariat).await;
    u.commission_ids = vec![];
    w.d.store.save_user(&Actor::system(), &u).await.unwrap();
    let page = other.get(&url).await;
    let v = value_of(&page.body, "version").unwrap_or_else(|| "1".into());
    let r = other
        .post(&format!("{url}/adopt"), &[("version", &v)])
        .await;
    assert_eq!(r.status, 403);
    // The store refuses it too, whatever the form: a save that adopts needs `Adopt`.
    let s = stored(&w).await;
    assert_eq!(s.minutes.status, MinutesStatus::Draft);
    assert!(s.minutes.adopted.is_empty());
}

#[tokio::test]
async fn an_adopted_text_is_not_shown_to_a_reader_not_cleared_for_what_it_cites() {
    let w = classified::world().await;
    // Session 1 seats a Confidential officer; a secretary cleared for him adopts it.
    let s1 = w.d.store.session(w.s1).await.unwrap().unwrap();
    let principal = taawun_core::Principal {
        user_id: None,
        role: Role::Administrator,
        party_id: Some(w.morocco),
        clearance: Marking::Secret,
        commissions: vec![s1.commission_id],
    };
    let v = taawun_store::Visible::new(w.d.store.clone(), principal);
    let drawn = taawun_app::minutes::draw(&v, &s1).await.unwrap();
    assert!(
        drawn
            .sources
            .contains(&(taawun_core::RecordKind::Person, w.officer)),
        "the officer is a source"
    );
    let today = chrono::NaiveDate::from_ymd_opt(2025, 2, 19).unwrap();
    // Attached through the store as the upload route does, then named by the adoption.
    let scan = signed_scan("s1");
    let file =
        w.d.store
            .attach_file(
                &Actor::system(),
                taawun_store::NewFile {
                    record: taawun_core::RecordKind::Session,
                    record_id: w.s1,
                    slot: taawun_store::FileSlot::New(Purpose::SignedMinutes),
                    name: "pv.pdf".into(),
                    file_type: taawun_core::attachment::FileType::Pdf,
                    content: scan,
                },
            )
            .await
            .unwrap();
    let named = taawun_core::minutes::SignedScan {
        file: file.id,
        sha256: file.sha256.clone(),
        name: file.name.clone(),
    };
    // The store refuses an adoption naming what is not this session's signed scan: a
    // made-up file, or the right file with another content's hash.
    let forged = [
        taawun_core::minutes::SignedScan {
            file: taawun_core::new_id(),
            ..named.clone()
        },
        taawun_core::minutes::SignedScan {
            sha256: "0".repeat(64),
            ..named.clone()
        },
    ];
    for scan in forged {
        let bad = taawun_app::minutes::adopt(&s1, drawn.clone(), today, "sec", Some(scan));
        let e = w.d.store.save_session(&Actor::system(), &bad).await;
        assert!(
            matches!(&e, Err(taawun_store::StoreError::Invalid(r))
                if r.0.iter().any(|x| x.rule == taawun_core::rules::Rule::MinutesScanMissing)),
            "{e:?}"
        );
    }
    let adopted = taawun_app::minutes::adopt(&s1, drawn, today, "sec", Some(named));
    w.d.store
        .save_session(&Actor::system(), &adopted)
        .await
        .unwrap();

    let cleared = w
        .login_as("lecteur.ma", w.morocco, Role::Reader, Marking::Secret)
        .await;
    let text = pdftotext(
        &w.get(
            &cleared,
            &format!("/sessions/{}/minutes.pdf?layout=fr", w.s1),
        )
        .await
        .bytes,
    );
    assert!(text.contains("Colonel Obsidienne"), "{text}");

    let restricted = w
        .login_as("lecteur.ml", w.mali, Role::Reader, Marking::Restricted)
        .await;
    for uri in [
        format!("/sessions/{}/minutes.pdf", w.s1),
        format!("/sessions/{}/minutes.pdf?version=1", w.s1),
        format!("/sessions/{}/minutes", w.s1),
        format!("/sessions/{}/minutes?version=1", w.s1),
    ] {
        let r = w.get(&restricted, &uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!r.body.contains("Obsidienne"));
    }
    // The session page offers no minutes, as for a session without any.
    let page = w.get(&restricted, &format!("/sessions/{}", w.s1)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("minutes.pdf"), "minutes offered");
    assert!(!page.body.contains("id=\"minutes\""));
}

async fn upload_emblem(b: &mut Browser, party: taawun_core::Id, name: &str, bytes: &[u8]) -> Reply {
    let token = b.csrf.clone().unwrap_or_default();
    let body = multipart(&[
        ("csrf", None, token.as_bytes()),
        ("purpose", None, b"emblem"),
        ("file", Some(name), bytes),
    ]);
    b.send_multipart(&format!("/parties/{party}/files"), body)
        .await
}

/// The number of images in a PDF, as poppler's `pdfimages -list` counts them.
fn image_count(pdf: &[u8]) -> usize {
    let path = std::env::temp_dir().join(format!(
        "taawun-web-images-{}-{}.pdf",
        std::process::id(),
        taawun_core::new_id()
    ));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .expect("pdfimages (poppler-utils) is installed");
    let _ = std::fs::remove_file(&path);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .count()
}

#[tokio::test]
async fn an_administrator_uploads_the_emblems_the_minutes_print() {
    let w = world().await;
    let id = w.d.ids.session;
    let emblem = include_bytes!("../../docs/tests/fixtures/emblem.png");
    let pdf_url = format!("/sessions/{id}/minutes.pdf?layout=fr");
    let (mut admin, _) = w.login("admin.ma", w.morocco, Role::Administrator).await;
    // Nothing uploaded: nothing printed where the emblems go.
    assert_eq!(image_count(&admin.get(&pdf_url).await.bytes), 0);

    // The secretariat does not change a state's emblem; the party page offers no form.
    let (mut sec, _) = w.login("sec.ma", w.morocco, Role::Secretariat).await;
    let page = sec.get(&format!("/parties/{}", w.morocco)).await;
    assert!(!page.body.contains(&format!("/parties/{}/files", w.morocco)));
    let r = upload_emblem(&mut sec, w.morocco, "embleme.png", emblem).await;
    assert_eq!(r.status, 403, "{}", r.body);

    // An administrator's PDF, or HTML named .png, is no emblem: refused, nothing stored.
    let page = admin.get(&format!("/parties/{}", w.morocco)).await;
    assert!(
        page.body
            .contains(&format!("action=\"/parties/{}/files\"", w.morocco))
    );
    let r = upload_emblem(&mut admin, w.morocco, "embleme.png", b"%PDF-1.4\n%%EOF\n").await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("PNG ou JPEG"), "{}", r.body);
    let r = upload_emblem(
        &mut admin,
        w.morocco,
        "embleme.png",
        b"<html><script>x</script>",
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    // Nor is a party's file anything but its emblem.
    let token = admin.csrf.clone().unwrap_or_default();
    let body = multipart(&[
        ("csrf", None, token.as_bytes()),
        ("purpose", None, b"supporting"),
        ("file", Some("embleme.png"), emblem),
    ]);
    let r = admin
        .send_multipart(&format!("/parties/{}/files", w.morocco), body)
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(image_count(&admin.get(&pdf_url).await.bytes), 0);

    // Morocco's emblem: on its page, and above its name in the minutes, PDF and page.
    let r = upload_emblem(&mut admin, w.morocco, "embleme-maroc.png", emblem).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = admin.get(&format!("/parties/{}", w.morocco)).await;
    assert!(page.body.contains("class=\"emblem\""), "{}", page.body);
    assert_eq!(image_count(&admin.get(&pdf_url).await.bytes), 1);
    let print = admin.get(&format!("/sessions/{id}/minutes")).await;
    assert_eq!(print.body.matches("class=\"emblem\"").count(), 1);
    // Mali's too: both, in every layout.
    let r = upload_emblem(&mut admin, w.mali, "embleme-mali.png", emblem).await;
    assert_eq!(r.status, 303, "{}", r.body);
    for layout in ["fr", "ar", "ar-fr"] {
        let pdf = admin
            .get(&format!("/sessions/{id}/minutes.pdf?layout={layout}"))
            .await;
        assert_eq!(pdf.status, 200);
        assert_eq!(image_count(&pdf.bytes), 2, "{layout}");
    }
    // Anyone who sees the minutes sees the emblems: a Malian reader's PDF has both.
    let (mut reader, _) = w.login("lecteur.ml", w.mali, Role::Reader).await;
    assert_eq!(image_count(&reader.get(&pdf_url).await.bytes), 2);
}
