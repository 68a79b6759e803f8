//! Demo-like inputs for tests and benchmarks (the minutes here, the action plan in `plan`, an
//! agreement in `mou`) and, in `read`, the tools that read PDFs back.
#![allow(dead_code, unused_imports)] // each test binary and example uses part of it

pub mod mou;
pub mod plan;
mod read;

pub use read::*;

use taawun_core::text::LocalizedText;
use taawun_docs::{AgendaPoint, Delegate, Delegation, DocDate, MinutesInput, Signatory};

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
    let heading = |ar: &str, fr: &str, en: &str| t(ar, fr, en);
    let head_role = t("رئيس الوفد", "Chef de délégation", "Head of delegation");
    MinutesInput {
        parties: [morocco.clone(), mali.clone()],
        emblems: [None, None],
        title: t(
            "محضر الدورة الأولى",
            "Procès-verbal de la 1re session",
            "Minutes of the 1st session",
        ),
        commission: t(
            "اللجنة العسكرية المشتركة المغربية المالية",
            "Commission militaire mixte maroco-malienne",
            "Moroccan–Malian Joint Military Commission",
        ),
        between: t(
            "بين المملكة المغربية وجمهورية مالي",
            "Entre le Royaume du Maroc et la République du Mali",
            "Between the Kingdom of Morocco and the Republic of Mali",
        ),
        preamble: vec![t(
            "بدعوة من جمهورية مالي، انعقدت الدورة الأولى للجنة العسكرية المشتركة في باماكو من 17 إلى 19 فبراير 2025.",
            "À l'invitation de la République du Mali, la 1re session de la Commission militaire mixte s'est tenue à Bamako du 17 au 19 février 2025.",
            "At the invitation of the Republic of Mali, the 1st session of the Joint Military Commission was held in Bamako from 17 to 19 February 2025.",
        )],
        document_date: DocDate {
            year: 2025,
            month: 2,
            day: 19,
        },
        marking: t("نشر محدود", "DIFFUSION RESTREINTE", "RESTRICTED"),
        delegations: vec![
            Delegation {
                heading: heading(
                    "وفد المملكة المغربية",
                    "Délégation du Royaume du Maroc",
                    "Delegation of the Kingdom of Morocco",
                ),
                members: vec![Delegate {
                    name: mouhib_name.clone(),
                    rank: brigadier.clone(),
                    function: inspector.clone(),
                    role: head_role.clone(),
                }],
            },
            Delegation {
                heading: heading(
                    "وفد جمهورية مالي",
                    "Délégation de la République du Mali",
                    "Delegation of the Republic of Mali",
                ),
                members: vec![
                    Delegate {
                        name: samake_name.clone(),
                        rank: brigadier.clone(),
                        function: adviser.clone(),
                        role: head_role,
                    },
                    Delegate {
                        name: t("صديق ساماكي", "Sadiq Samaké", "Sadiq Samaké"),
                        rank: t("اللواء", "Général de division", "Major General"),
                        function: t(
                            "الأمين العام لوزارة الدفاع وشؤون المحاربين القدامى",
                            "Secrétaire général du Ministère de la Défense et des Anciens Combattants",
                            "Secretary General of the Ministry of Defence and Veterans Affairs",
                        ),
                        role: LocalizedText::default(),
                    },
                ],
            },
        ],
        agenda: vec![
            AgendaPoint {
                title: t(
                    "افتتاح أشغال الدورة",
                    "Ouverture des travaux",
                    "Opening of the session",
                ),
                ..AgendaPoint::default()
            },
            AgendaPoint {
                title: t(
                    "خطة العمل المشتركة",
                    "Plan d'action conjoint",
                    "Joint action plan",
                ),
                conclusions: t(
                    "اتفق الطرفان على برنامج التكوين لسنة 2025.",
                    "Les deux parties sont convenues du programme de formation pour 2025.",
                    "Both parties agreed on the 2025 training programme.",
                ),
                carried: vec![t(
                    "MA-ML-1.1 تكوين الضباط — المملكة المغربية: قيد التنفيذ (\u{2066}40%\u{2069})",
                    "MA-ML-1.1 Formation des officiers — Royaume du Maroc\u{202f}: en cours (40\u{202f}%)",
                    "MA-ML-1.1 Officer training — Kingdom of Morocco: in progress (40%)",
                )],
            },
            AgendaPoint {
                title: t("الجلسة الختامية", "Séance de clôture", "Closing session"),
                ..AgendaPoint::default()
            },
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
        next_session: t(
            "تنعقد الدورة الثانية في الرباط.",
            "La 2e session se tiendra à Rabat.",
            "The 2nd session will be held in Rabat.",
        ),
        closing: t(
            "حرر بباماكو في 19 فبراير 2025، في نسختين أصليتين باللغتين العربية والفرنسية، ولكلا النصين نفس الحجية.",
            "Fait à Bamako, le 19 février 2025, en deux exemplaires originaux, en langues arabe et française, les deux textes faisant également foi.",
            "Done at Bamako on 19 February 2025, in two original copies, in the Arabic and French languages, both texts being equally authentic.",
        ),
        signatories: [
            Signatory {
                title: t(
                    "رئيس وفد المملكة المغربية",
                    "Chef de la délégation du Royaume du Maroc",
                    "Head of the Delegation of the Kingdom of Morocco",
                ),
                rank: t("العميد", "Général de brigade", "Brigadier General"),
                name: mouhib_name,
            },
            Signatory {
                title: t(
                    "رئيس وفد جمهورية مالي",
                    "Chef de la délégation de la République du Mali",
                    "Head of the Delegation of the Republic of Mali",
                ),
                rank: t("العميد", "Général de brigade", "Brigadier General"),
                name: samake_name,
            },
        ],
        draft_mark: None,
        fingerprint: None,
        adoptions: vec![],
        adoptions_heading: LocalizedText::default(),
        attachment: None,
    }
}
