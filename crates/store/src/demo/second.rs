//! A second, invented commission with another partner: Morocco–Senegal. It exists so that
//! the demo shows an instance serving several partners, where "releasable to all parties"
//! reaches the parties of each record's own commission only: a Senegalese user never meets
//! the Morocco–Mali commission's records, nor a Malian one this commission's. Everything here
//! is an example: the commission says so in its mandate, and its agenda, decision and items
//! carry `example: true`. Its items start in 2027, so that the Morocco–Mali follow-up the demo
//! shows on `demo::as_of()` (overdue, at risk) is not changed by them.

use super::{actors::Who, chain::Chain, d, t};
use crate::{Actor, Store, StoreResult};
use taawun_core::*;

pub(super) async fn load(
    store: &dyn Store,
    actor: &Actor,
    who: &Who,
    chain: &Chain,
) -> StoreResult<()> {
    let senegal = store
        .save_party(
            actor,
            &Party {
                id: new_id(),
                kind: PartyKind::State,
                iso_code: Some("SN".into()),
                name: t(
                    "جمهورية السنغال",
                    "République du Sénégal",
                    "Republic of Senegal",
                ),
                short_name: t("السنغال", "Sénégal", "Senegal"),
                protection: Default::default(),
                version: 0,
            },
        )
        .await?
        .id;
    let forces = store
        .save_organisation(
            actor,
            &Organisation {
                id: new_id(),
                party_id: senegal,
                parent_id: None,
                name: t(
                    "القوات المسلحة السنغالية",
                    "Forces armées sénégalaises",
                    "Senegalese Armed Forces",
                ),
                acronym: Some("FAS".into()),
                protection: Default::default(),
                version: 0,
            },
        )
        .await?
        .id;

    let commission = store
        .save_commission(
            actor,
            &Commission {
                id: new_id(),
                // Sorted after the founding commission (names sort by their first text).
                name: t(
                    "اللجنة العسكرية المشتركة بين المغرب والسنغال",
                    "Commission militaire mixte maroco-sénégalaise",
                    "Morocco–Senegal Joint Military Commission",
                ),
                party_ids: vec![who.morocco, senegal],
                co_chair_ids: vec![],
                established_on: None,
                mandate: t(
                    "لجنة مختلقة للعرض: تبيّن أن كل لجنة لا يطّلع على سجلاتها إلا أطرافها.",
                    "Commission inventée pour la démonstration : elle montre que les dossiers d'une commission ne sont communiqués qu'à ses parties.",
                    "A commission invented for the demo: it shows that a commission's records are released to its own parties only.",
                ),
                protection: Default::default(),
                version: 0,
            },
        )
        .await?
        .id;

    let session = store
        .save_session(
            actor,
            &Session {
                id: new_id(),
                commission_id: commission,
                ordinal: 1,
                start_on: d(2026, 10, 6),
                end_on: d(2026, 10, 7),
                host_party_id: senegal,
                place: t("داكار", "Dakar", "Dakar"),
                agenda: vec![AgendaItem {
                    title: t(
                        "اعتماد خطة العمل المشتركة",
                        "Adoption du plan d'action conjoint",
                        "Adoption of the joint action plan",
                    ),
                    item_ids: vec![],
                    conclusions: Default::default(),
                    example: true,
                }],
                delegations: vec![],
                decisions: vec![Decision {
                    id: new_id(),
                    number: 1,
                    text: t(
                        "اعتماد خطة عمل مشتركة في مجالي التدريب العسكري وتبادل الخبرات.",
                        "Adopter un plan d'action conjoint dans la formation militaire et l'échange d'expertise.",
                        "Adopt a joint action plan in military training and the exchange of expertise.",
                    ),
                    area_id: None,
                    example: true,
                }],
                statements: vec![],
                side_events: vec![],
                minutes: Default::default(),
                protection: Default::default(),
                version: 0,
            },
        )
        .await?
        .id;

    let plan = store
        .save_plan(
            actor,
            &ActionPlan {
                id: new_id(),
                commission_id: commission,
                agreement_id: None,
                session_id: Some(session),
                title: t(
                    "خطة العمل المشتركة للتعاون العسكري المغربي السنغالي",
                    "Plan d'action conjoint de la coopération militaire maroco-sénégalaise",
                    "Joint action plan for Morocco–Senegal military cooperation",
                ),
                start_on: None,
                end_on: None,
                protection: Default::default(),
                version: 0,
            },
        )
        .await?
        .id;

    let items = [
        (
            "1.1",
            chain.training,
            t(
                "دورة في إزالة الألغام لأغراض إنسانية في تييس",
                "Stage de déminage humanitaire à Thiès",
                "Humanitarian demining course in Thiès",
            ),
            d(2027, 3, 1),
            d(2027, 12, 15),
        ),
        (
            "2.1",
            chain.expertise,
            t(
                "تبادل مدربين بحريين في زيغينشور",
                "Échange d'instructeurs de la marine à Ziguinchor",
                "Exchange of naval instructors in Ziguinchor",
            ),
            d(2027, 5, 1),
            d(2028, 6, 30),
        ),
    ];
    for (code, area, title, start, due) in items {
        let item = ActionItem {
            id: new_id(),
            plan_id: plan,
            code: code.into(),
            title,
            description: LocalizedText::default(),
            area_id: area,
            clause_ids: vec![],
            leads: vec![
                Lead {
                    party_id: who.morocco,
                    organisation_id: who.far,
                },
                Lead {
                    party_id: senegal,
                    organisation_id: forces,
                },
            ],
            start_on: Some(start),
            due_on: Some(due),
            status: ItemStatus::Planned,
            cancel_reason: LocalizedText::default(),
            indicator: None,
            example: true,
            protection: Default::default(),
            version: 0,
        };
        store.save_item(actor, &item).await?;
    }
    Ok(())
}
