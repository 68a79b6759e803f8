//! Demo-like inputs for tests and benchmarks (the minutes here, the action plan in `plan`, an
//! agreement in `mou`) and, in `read`, the tools that read PDFs back.
#![allow(dead_code, unused_imports)] // each test binary and example uses part of it

pub mod mou;
pub mod plan;
mod read;

pub use read::*;

use taawun_core::text::LocalizedText;
use taawun_docs::{Delegate, Delegation, DocDate, MinutesInput, Signatory};

pub fn t(ar: &str, fr: &str, en: &str) -> LocalizedText {
    LocalizedText::new(ar, fr, en)
}

pub const DECISIONS: [(&str, &str); 3] = [
    (
        "توقيع مذكرات تفاهم تضع المبادئ الأساسية للتعاون العسكري بين البلدين.",
        "Signer des mémorandums d'entente posant les principes de base de la coopération militaire entre les deux pays.",
    ),
    (
        "اعتماد خطة عمل مشتركة لتنفيذ مذكرات التفاهم في مجالات التدريب العسكري وتبادل الخبرات.",
        "Adopter un plan d'action conjoint mettant en œuvre les mémorandums dans la formation militaire et l'échange d'expertise.",
    ),
    (
        "عقد الدورة الثانية للجنة في المملكة المغربية.",
        "Tenir la 2e session de la commission au Royaume du Maroc.",
    ),
];

pub fn demo() -> MinutesInput {
    let morocco = t("المملكة المغربية", "Royaume du Maroc", "Kingdom of Morocco");
    let mali = t("جمهورية مالي", "République du Mali", "Republic of Mali");
    let mouhib_name = t("عبد الغني مهيب", "Abdelghani Mouhib", "Abdelghani Mouhib");
    let samake_name = t(
        "محمد ماسولي ساماكي",
        "Mahamadou Massaoulé Samaké",
        "Mahamadou Massaoulé Samaké",
    );
    let inspector = t(
        "المفتش العام للقوات المسلحة الملكية",
        "Inspecteur général des Forces armées royales",
        "Inspector General of the Royal Armed Forces",
    );
    let adviser = t(
        "المستشار الاستراتيجي لهيئة الأركان العامة",
        "Conseiller stratégique auprès de l'État-major général",
        "Strategic adviser to the General Staff",
    );
    let brigadier = t("عميد", "Général de brigade", "Brigadier General");
    MinutesInput {
        parties: [morocco.clone(), mali.clone()],
        commission: t(
            "اللجنة العسكرية المشتركة المغربية المالية",
            "Commission militaire mixte maroco-malienne",
            "Moroccan–Malian Joint Military Commission",
        ),
        session_ordinal: 1,
        dates: t(
            "17–19 فبراير 2025",
            "17–19 février 2025",
            "17–19 February 2025",
        ),
        place: t("باماكو", "Bamako", "Bamako"),
        document_date: DocDate {
            year: 2025,
            month: 2,
            day: 19,
        },
        marking: t("سري", "DIFFUSION RESTREINTE", "RESTRICTED"),
        delegations: vec![
            Delegation {
                party: morocco.clone(),
                members: vec![Delegate {
                    name: mouhib_name.clone(),
                    rank: brigadier.clone(),
                    function: inspector.clone(),
                }],
            },
            Delegation {
                party: mali.clone(),
                members: vec![
                    Delegate {
                        name: samake_name.clone(),
                        rank: brigadier,
                        function: adviser.clone(),
                    },
                    Delegate {
                        name: t("صديق ساماكي", "Sadiq Samaké", "Sadiq Samaké"),
                        rank: t("لواء", "Général de division", "Major General"),
                        function: t(
                            "الأمين العام لوزارة الدفاع وشؤون المحاربين القدامى",
                            "Secrétaire général du Ministère de la Défense et des Anciens Combattants",
                            "Secretary General of the Ministry of Defence and Veterans Affairs",
                        ),
                    },
                ],
            },
        ],
        agenda: vec![
            t(
                "افتتاح أشغال الدورة",
                "Ouverture des travaux",
                "Opening of the session",
            ),
            t("الجلسة الختامية", "Séance de clôture", "Closing session"),
        ],
        decisions: DECISIONS.iter().map(|(ar, fr)| t(ar, fr, fr)).collect(),
        agreements_signed: vec![t(
            "مذكرة تفاهم في مجال التعاون العسكري",
            "Mémorandum d'entente dans le domaine de la coopération militaire",
            "Memorandum of understanding on military cooperation",
        )],
        side_events: vec![t(
            "زيارة المدرسة الحربية",
            "Visite de l'École militaire interarmes",
            "Visit to the military academy",
        )],
        signatories: [
            Signatory {
                party: morocco,
                name: mouhib_name,
                function: inspector,
            },
            Signatory {
                party: mali,
                name: samake_name,
                function: adviser,
            },
        ],
    }
}
