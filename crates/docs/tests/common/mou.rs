//! A demo-like memorandum of understanding between Morocco and Mali. The title and areas follow
//! the demo; the wording of the articles is an invented example.

use super::t;
use taawun_docs::{AgreementInput, ClauseText, DocDate};

/// Articles as (heading ar, heading fr, body ar, body fr), in order.
pub const CLAUSES: [(&str, &str, &str, &str); 4] = [
    (
        "الموضوع",
        "Objet",
        "تهدف هذه المذكرة إلى تحديد مبادئ التعاون العسكري بين الطرفين.",
        "Le présent mémorandum a pour objet de définir les principes de la coopération militaire entre les Parties.",
    ),
    (
        "مجالات التعاون",
        "Domaines de coopération",
        "يشمل التعاون على الخصوص التدريب العسكري وتبادل الخبرات والتنسيق في مجال مكافحة الإرهاب والتعليم العسكري.",
        "La coopération porte notamment sur la formation militaire, l'échange d'expertise, la coordination de la lutte contre le terrorisme et l'enseignement militaire.",
    ),
    (
        "اللجنة العسكرية المشتركة",
        "Commission militaire mixte",
        "يتفق الطرفان على إنشاء لجنة عسكرية مشتركة تجتمع مرة في السنة بالتناوب في كلا البلدين.",
        "Les Parties conviennent de créer une commission militaire mixte qui se réunit une fois par an, alternativement dans chacun des deux pays.",
    ),
    (
        "الدخول حيز التنفيذ",
        "Entrée en vigueur",
        "تدخل هذه المذكرة حيز التنفيذ من تاريخ توقيعها.",
        "Le présent mémorandum entre en vigueur à la date de sa signature.",
    ),
];

pub fn demo_agreement() -> AgreementInput {
    AgreementInput {
        title: t(
            "مذكرة تفاهم في مجال التعاون العسكري",
            "Mémorandum d'entente dans le domaine de la coopération militaire",
            "Memorandum of understanding on military cooperation",
        ),
        kind: t(
            "مذكرة تفاهم",
            "Mémorandum d'entente",
            "Memorandum of understanding",
        ),
        parties: vec![
            t(
                "المملكة المغربية",
                "le Royaume du Maroc",
                "the Kingdom of Morocco",
            ),
            t(
                "جمهورية مالي",
                "la République du Mali",
                "the Republic of Mali",
            ),
        ],
        signed: t(
            "حررت بباماكو في 19 فبراير 2025",
            "Signé à Bamako le 19 février 2025",
            "Signed at Bamako on 19 February 2025",
        ),
        summary: t(
            "تضع المذكرة المبادئ الأساسية للتعاون العسكري بين البلدين.",
            "Le mémorandum pose les principes de base de la coopération militaire entre les deux pays.",
            "The memorandum sets the basic principles of military cooperation between the two countries.",
        ),
        document_date: DocDate {
            year: 2025,
            month: 2,
            day: 19,
        },
        marking: t("نشر محدود", "DIFFUSION RESTREINTE", "RESTRICTED"),
        clauses: CLAUSES
            .iter()
            .zip(1..)
            .map(|((h_ar, h_fr, b_ar, b_fr), number)| ClauseText {
                number,
                heading: t(h_ar, h_fr, h_fr),
                body: t(b_ar, b_fr, b_fr),
            })
            .collect(),
    }
}
