//! Text missing in the reader's language falls back visibly, with its own lang and dir.

mod common;

use common::demo;
use taawun_core::{Lang, LocalizedText, Party, PartyKind};
use taawun_store::Actor;

#[tokio::test]
async fn missing_translation_is_marked() {
    let d = demo().await;
    let party = Party {
        id: taawun_core::new_id(),
        kind: PartyKind::InternationalOrganisation,
        iso_code: None,
        name: LocalizedText::new("", "Organisation de démonstration", ""),
        short_name: LocalizedText::new("", "ODD", ""),
        protection: Default::default(),
        version: 0,
    };
    let saved = d
        .store
        .save_party(&Actor::new("test"), &party)
        .await
        .expect("save party");
    let uri = format!("/parties/{}", saved.id);
    let ar = d.get_in(&uri, Lang::Ar).await.body;
    assert!(
        ar.contains("<bdi lang=\"fr\" dir=\"ltr\">Organisation de démonstration</bdi>"),
        "{ar}"
    );
    assert!(
        ar.contains("class=\"badge fb\""),
        "a visible fallback badge"
    );
    assert!(
        ar.contains("غير مترجم"),
        "titled 'not translated' in Arabic"
    );
    let fr = d.get_in(&uri, Lang::Fr).await.body;
    assert!(
        !fr.contains("badge fb"),
        "no badge when the text is in the reader's language"
    );
}
