//! Refused forms write nothing: field errors next to their inputs in the reader's language
//! with the typed values kept (422), and a save over a newer version gets the conflict page
//! with both versions (409). Also: "add rows" saves nothing, and saving a session keeps
//! the delegation members the editor may not see.

mod common;
mod forms_support;

use forms_support::{OPEN, error_at, value_of, world};
use taawun_core::{DelegationMember, DelegationRole, Marking, Role};
use taawun_store::Actor;

#[tokio::test]
async fn errors_sit_next_to_their_fields_in_arabic_and_french_and_nothing_is_written() {
    let w = world().await;
    let (mut b, _) = w.login("sec", w.morocco, Role::Secretariat).await;
    let sid = w.d.ids.session;
    let before = w.d.store.session(sid).await.unwrap().unwrap();
    let audit = w.audit_rows(sid).await;
    let ma = w.morocco.to_string();
    let version = before.version.to_string();
    let mut fields = vec![
        ("version", version.as_str()),
        ("ordinal", "1"),
        ("start_on", "2025-02-19"),
        ("end_on", "2025-02-17"),
        ("host_party_id", ma.as_str()),
        ("place.fr", "Bamako <kept>"),
    ];
    fields.extend(OPEN);
    for (lang, word) in [("ar", "تاريخ النهاية"), ("fr", "date de fin")] {
        b.cookies.insert("lang".into(), lang.into());
        b.get(&format!("/sessions/{sid}/edit")).await;
        let r = b.post(&format!("/sessions/{sid}/edit"), &fields).await;
        assert_eq!(r.status, 422, "{lang}: {}", r.body);
        let msg = error_at(&r.body, "end_on").unwrap_or_else(|| panic!("{lang}: {}", r.body));
        assert!(msg.contains(word), "{lang}: {msg}");
        assert!(r.body.contains("aria-invalid=\"true\""));
        assert!(
            r.body.contains("href=\"#f-end_on\""),
            "summary links to the field"
        );
        assert_eq!(
            value_of(&r.body, "place.fr").as_deref(),
            Some("Bamako &lt;kept&gt;")
        );
        assert_eq!(value_of(&r.body, "start_on").as_deref(), Some("2025-02-19"));
    }
    // Malformed values are the form's own field errors, in the reader's language too.
    b.cookies.insert("lang".into(), "fr".into());
    let bad = [("ordinal", "deux"), ("start_on", "19/02/2025")];
    let mut posted = fields.clone();
    posted.retain(|(k, _)| !bad.iter().any(|(b, _)| b == k));
    posted.extend(bad);
    let r = b.post(&format!("/sessions/{sid}/edit"), &posted).await;
    assert_eq!(r.status, 422);
    assert!(
        error_at(&r.body, "ordinal")
            .unwrap()
            .contains("saisissez un nombre")
    );
    assert!(
        error_at(&r.body, "start_on")
            .unwrap()
            .contains("AAAA-MM-JJ")
    );
    assert_eq!(value_of(&r.body, "ordinal").as_deref(), Some("deux"));

    assert_eq!(w.d.store.session(sid).await.unwrap().unwrap(), before);
    assert_eq!(
        w.audit_rows(sid).await,
        audit,
        "no audit row for a refused save"
    );
}

#[tokio::test]
async fn the_second_of_two_edits_from_one_version_gets_the_conflict_page() {
    let w = world().await;
    let (mut a, _) = w.login("first", w.morocco, Role::Secretariat).await;
    let (mut b, _) = w.login("second", w.morocco, Role::Secretariat).await;
    let sid = w.d.ids.session;
    let form_a = a.get(&format!("/sessions/{sid}/edit")).await;
    let form_b = b.get(&format!("/sessions/{sid}/edit")).await;
    let v = value_of(&form_a.body, "version").unwrap();
    assert_eq!(Some(v.clone()), value_of(&form_b.body, "version"));
    let s = w.d.store.session(sid).await.unwrap().unwrap();
    let (start, end, host) = (
        s.start_on.to_string(),
        s.end_on.to_string(),
        s.host_party_id.to_string(),
    );
    let post = |place: &'static str| {
        let mut f = vec![
            ("version", v.clone()),
            ("ordinal", "1".to_string()),
            ("start_on", start.clone()),
            ("end_on", end.clone()),
            ("host_party_id", host.clone()),
            ("place.fr", place.to_string()),
        ];
        f.extend(OPEN.iter().map(|(k, v)| (*k, v.to_string())));
        f
    };
    let fa = post("Bamako (first)");
    let fa: Vec<(&str, &str)> = fa.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        a.post(&format!("/sessions/{sid}/edit"), &fa).await.status,
        303
    );
    let fb = post("Bamako (second)");
    let fb: Vec<(&str, &str)> = fb.iter().map(|(k, v)| (*k, v.as_str())).collect();
    b.cookies.insert("lang".into(), "en".into());
    let r = b.post(&format!("/sessions/{sid}/edit"), &fb).await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(r.body.contains("Bamako (first)") && r.body.contains("Bamako (second)"));
    assert!(r.body.contains("Your version") && r.body.contains("Stored version"));
    assert!(
        r.body.contains(&format!("href=\"/sessions/{sid}/edit\"")),
        "reload link"
    );
    let stored = w.d.store.session(sid).await.unwrap().unwrap();
    assert_eq!(stored.place.fr.as_deref(), Some("Bamako (first)"));
}

#[tokio::test]
async fn add_rows_saves_nothing_and_hidden_members_survive_a_save() {
    let w = world().await;
    let sid = w.d.ids.session;
    // A Secret person sits in the Moroccan delegation; the editor is cleared to Restricted.
    let mut secret =
        w.d.store
            .person(w.person("Abdelghani Mouhib").await)
            .await
            .unwrap()
            .unwrap();
    secret.id = taawun_core::new_id();
    secret.name_latin = "Hidden Officer".into();
    secret.aliases.clear();
    secret.protection.marking = Marking::Secret;
    secret.version = 0;
    let secret =
        w.d.store
            .save_person(&Actor::system(), &secret)
            .await
            .unwrap();
    let mut s = w.d.store.session(sid).await.unwrap().unwrap();
    let d = s
        .delegations
        .iter_mut()
        .find(|d| d.party_id == w.morocco)
        .unwrap();
    d.members.push(DelegationMember {
        person_id: secret.id,
        role: DelegationRole::Expert,
        precedence: 9,
    });
    let s = w.d.store.save_session(&Actor::system(), &s).await.unwrap();

    let (mut b, _) = w
        .login_cleared("low", w.morocco, Role::Secretariat, Marking::Restricted)
        .await;
    let form = b.get(&format!("/sessions/{sid}/delegations")).await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(!form.body.contains("Hidden Officer"));
    assert!(!form.body.contains(&secret.id.to_string()));

    // "Add rows": more blank rows, nothing saved.
    let mut fields: Vec<(String, String)> = Vec::new();
    for (i, del) in s.delegations.iter().enumerate() {
        let visible: Vec<_> = del
            .in_protocol_order()
            .into_iter()
            .filter(|m| m.person_id != secret.id)
            .collect();
        fields.push((
            format!("_rows.delegations.{i}.members"),
            visible.len().to_string(),
        ));
        for (j, m) in visible.iter().enumerate() {
            fields.push((
                format!("delegations.{i}.members.{j}.person_id"),
                m.person_id.to_string(),
            ));
            fields.push((
                format!("delegations.{i}.members.{j}.role"),
                m.role.key().to_string(),
            ));
            fields.push((
                format!("delegations.{i}.members.{j}.precedence"),
                m.precedence.to_string(),
            ));
        }
    }
    fields.push(("version".into(), s.version.to_string()));
    let as_refs = |f: &[(String, String)]| {
        f.iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    let mut more = as_refs(&fields);
    more.push(("_more".into(), "1".into()));
    let more: Vec<(&str, &str)> = more.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = b.post(&format!("/sessions/{sid}/delegations"), &more).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body
            .contains("name=\"_rows.delegations.0.members\" value=\"")
    );
    assert_eq!(
        w.d.store.session(sid).await.unwrap().unwrap().version,
        s.version
    );

    // Saving what the editor sees keeps the member they cannot see.
    let save: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = b.post(&format!("/sessions/{sid}/delegations"), &save).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let after = w.d.store.session(sid).await.unwrap().unwrap();
    assert!(after.version > s.version);
    let all: Vec<_> = after
        .delegations
        .iter()
        .flat_map(|d| &d.members)
        .map(|m| m.person_id)
        .collect();
    assert!(all.contains(&secret.id), "the hidden member was kept");
    assert_eq!(
        all.len(),
        s.delegations.iter().map(|d| d.members.len()).sum::<usize>()
    );
}
