//! Demo parties, organisations, ranks and people: the facts of DESIGN.md §6.

use super::t;
use crate::{Actor, Store, StoreResult};
use taawun_core::*;

/// Ids of the demo's actors, for the records that refer to them.
pub(super) struct Who {
    pub morocco: Id,
    pub mali: Id,
    pub far: Id,
    pub inspectorate: Id,
    pub mali_staff: Id,
    pub mali_school: Id,
    pub mouhib: Id,
    pub m_samake: Id,
    pub s_samake: Id,
}

pub(super) async fn load(store: &dyn Store, actor: &Actor) -> StoreResult<Who> {
    let morocco = party(
        store,
        actor,
        "MA",
        t("المملكة المغربية", "Royaume du Maroc", "Kingdom of Morocco"),
        t("المغرب", "Maroc", "Morocco"),
    )
    .await?;
    let mali = party(
        store,
        actor,
        "ML",
        t("جمهورية مالي", "République du Mali", "Republic of Mali"),
        t("مالي", "Mali", "Mali"),
    )
    .await?;

    let far = org(
        store,
        actor,
        morocco,
        None,
        "FAR",
        t(
            "القوات المسلحة الملكية",
            "Forces Armées Royales",
            "Royal Armed Forces",
        ),
    )
    .await?;
    let inspectorate = org(
        store,
        actor,
        morocco,
        Some(far),
        "IGFAR",
        t(
            "المفتشية العامة للقوات المسلحة الملكية",
            "Inspection générale des Forces Armées Royales",
            "General Inspectorate of the Royal Armed Forces",
        ),
    )
    .await?;
    let mali_defence = org(
        store,
        actor,
        mali,
        None,
        "MDAC",
        t(
            "وزارة الدفاع وشؤون المحاربين القدامى",
            "Ministère de la Défense et des Anciens Combattants",
            "Ministry of Defence and Veterans Affairs",
        ),
    )
    .await?;
    let mali_staff = org(
        store,
        actor,
        mali,
        Some(mali_defence),
        "EMGA",
        t(
            "هيئة الأركان العامة للقوات المسلحة المالية",
            "État-major général des Forces armées maliennes",
            "General Staff of the Malian Armed Forces",
        ),
    )
    .await?;
    let mali_school = org(
        store,
        actor,
        mali,
        Some(mali_defence),
        "",
        t(
            "المدرسة الحربية المالية",
            "École militaire du Mali",
            "Military school of Mali",
        ),
    )
    .await?;

    let ma_brigadier = rank(
        store,
        actor,
        morocco,
        "OF-6",
        t("عميد", "Général de brigade", "Brigadier General"),
    )
    .await?;
    let ml_brigadier = rank(
        store,
        actor,
        mali,
        "OF-6",
        t("عميد", "Général de brigade", "Brigadier General"),
    )
    .await?;
    let ml_major = rank(
        store,
        actor,
        mali,
        "OF-7",
        t("لواء", "Général de division", "Major General"),
    )
    .await?;

    let mouhib = person(
        store,
        actor,
        Person {
            id: new_id(),
            party_id: morocco,
            name_ar: "عبد الغني مهيب".into(),
            name_latin: "Abdelghani Mouhib".into(),
            aliases: vec!["Abdel Ghani Mouhib".into()],
            rank_id: Some(ma_brigadier),
            // Public reporting names his inspectorate, not his post within it.
            function: LocalizedText::default(),
            organisation_id: Some(inspectorate),
            protection: Default::default(),
            version: 0,
        },
    )
    .await?;
    // The Arabic source writes محمد ("Mohamed") where French sources write Mahamadou, and
    // ماسولي for Massaoulé: both spellings are kept so either finds him.
    let m_samake = person(
        store,
        actor,
        Person {
            id: new_id(),
            party_id: mali,
            name_ar: "محمد ماسولي ساماكي".into(),
            name_latin: "Mahamadou Massaoulé Samaké".into(),
            aliases: vec![
                "Mohamed Massaoulé Samaké".into(),
                "Mahamadou Massaoule Samake".into(),
            ],
            rank_id: Some(ml_brigadier),
            function: t(
                "المستشار الاستراتيجي لهيئة الأركان العامة للقوات المسلحة المالية",
                "Conseiller stratégique auprès de l'État-major général des Forces armées maliennes",
                "Strategic adviser to the General Staff of the Malian Armed Forces",
            ),
            organisation_id: Some(mali_staff),
            protection: Default::default(),
            version: 0,
        },
    )
    .await?;
    let s_samake = person(
        store,
        actor,
        Person {
            id: new_id(),
            party_id: mali,
            name_ar: "صديق ساماكي".into(),
            name_latin: "Sadiq Samaké".into(),
            aliases: vec!["Sadiq Samake".into()],
            rank_id: Some(ml_major),
            function: t(
                "الأمين العام لوزارة الدفاع وشؤون المحاربين القدامى",
                "Secrétaire général du Ministère de la Défense et des Anciens Combattants",
                "Secretary General of the Ministry of Defence and Veterans Affairs",
            ),
            organisation_id: Some(mali_defence),
            protection: Default::default(),
            version: 0,
        },
    )
    .await?;

    Ok(Who {
        morocco,
        mali,
        far,
        inspectorate,
        mali_staff,
        mali_school,
        mouhib,
        m_samake,
        s_samake,
    })
}

async fn party(
    store: &dyn Store,
    actor: &Actor,
    iso: &str,
    name: LocalizedText,
    short_name: LocalizedText,
) -> StoreResult<Id> {
    let p = Party {
        id: new_id(),
        kind: PartyKind::State,
        iso_code: Some(iso.into()),
        name,
        short_name,
        protection: Default::default(),
        version: 0,
    };
    Ok(store.save_party(actor, &p).await?.id)
}

async fn org(
    store: &dyn Store,
    actor: &Actor,
    party_id: Id,
    parent_id: Option<Id>,
    acronym: &str,
    name: LocalizedText,
) -> StoreResult<Id> {
    let o = Organisation {
        id: new_id(),
        party_id,
        parent_id,
        name,
        acronym: (!acronym.is_empty()).then(|| acronym.to_string()),
        protection: Default::default(),
        version: 0,
    };
    Ok(store.save_organisation(actor, &o).await?.id)
}

async fn rank(
    store: &dyn Store,
    actor: &Actor,
    party_id: Id,
    code: &str,
    label: LocalizedText,
) -> StoreResult<Id> {
    let r = Rank {
        id: new_id(),
        party_id,
        nato_code: code.into(),
        label,
        protection: Default::default(),
        version: 0,
    };
    Ok(store.save_rank(actor, &r).await?.id)
}

async fn person(store: &dyn Store, actor: &Actor, p: Person) -> StoreResult<Id> {
    Ok(store.save_person(actor, &p).await?.id)
}
