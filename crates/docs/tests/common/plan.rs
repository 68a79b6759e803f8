//! A demo-like action plan of the Morocco–Mali joint military commission, as report input.
//! The areas and titles follow the demo; leads, due dates and statuses are invented examples.

use super::t;
use taawun_core::text::LocalizedText;
use taawun_docs::{DocDate, ReportBar, ReportFigure, ReportInput, ReportItem, ReportSide};

/// A text as (ar, fr).
type ArFr = (&'static str, &'static str);

/// Areas with their two items each, in print order.
pub const AREAS: [(ArFr, [ArFr; 2]); 4] = [
    (
        ("التدريب العسكري", "Formation militaire"),
        [
            (
                "تكوين الضباط الماليين بالمدرسة الملكية الجوية",
                "Formation d'officiers maliens à l'École royale de l'air",
            ),
            (
                "دورات تدريبية في مجال حفظ السلام",
                "Stages de formation au maintien de la paix",
            ),
        ],
    ),
    (
        ("تبادل الخبرات", "Échange d'expertise"),
        [
            (
                "تبادل الخبرات في مجال الطب العسكري",
                "Échange d'expertise en médecine militaire",
            ),
            (
                "زيارات خبراء في الهندسة العسكرية",
                "Visites d'experts en génie militaire",
            ),
        ],
    ),
    (
        ("التنسيق في مكافحة الإرهاب", "Coordination antiterroriste"),
        [
            (
                "اجتماعات دورية للتنسيق في مكافحة الإرهاب",
                "Réunions périodiques de coordination antiterroriste",
            ),
            (
                "تبادل المعلومات حول التهديدات العابرة للحدود",
                "Partage d'informations sur les menaces transfrontalières",
            ),
        ],
    ),
    (
        ("التعليم العسكري", "Enseignement militaire"),
        [
            (
                "مقاعد للطلبة الماليين بالأكاديمية الملكية العسكرية",
                "Places pour élèves maliens à l'Académie royale militaire",
            ),
            (
                "تعليم اللغة العربية للأطر المالية",
                "Enseignement de l'arabe aux cadres maliens",
            ),
        ],
    ),
];

/// Joint statuses (ar, fr, en), the chart's categories in order.
pub const STATUSES: [(&str, &str, &str); 4] = [
    ("لم يبدأ", "Non démarré", "Not started"),
    ("قيد التنفيذ", "En cours", "In progress"),
    ("منجز", "Réalisé", "Done"),
    ("متعثر", "Bloqué", "Blocked"),
];

fn status(i: usize) -> LocalizedText {
    let (ar, fr, en) = STATUSES[i];
    t(ar, fr, en)
}

/// Whether item `i` is overdue: an example pattern the tests check row by row.
pub fn is_overdue(i: usize) -> bool {
    i % 5 == 2
}

fn is_at_risk(i: usize) -> bool {
    i % 7 == 4 && !is_overdue(i)
}

/// Code of item `i`, with its area's prefix.
pub fn code(i: usize, n: usize) -> String {
    const PREFIX: [&str; 4] = ["FOR", "EXP", "CT", "ENS"];
    format!("{}-{:03}", PREFIX[area_of(i, n)], i + 1)
}

fn area_of(i: usize, n: usize) -> usize {
    i * AREAS.len() / n.max(1)
}

/// A report of `n` items spread over the four areas (titles repeat past eight items).
pub fn demo_report(n: usize) -> ReportInput {
    let morocco = t("المغرب", "Maroc", "Morocco");
    let mali = t("مالي", "Mali", "Mali");
    let items: Vec<ReportItem> = (0..n)
        .map(|i| {
            let ((area_ar, area_fr), titles) = AREAS[area_of(i, n)];
            let (title_ar, title_fr) = titles[i % 2];
            // Past the first eight items, each title names its phase, so that no two items
            // print the same text (as in a real plan, and as the benchmark needs).
            let phase = i / 8 + 1;
            let (title_ar, title_fr) = if phase == 1 {
                (title_ar.to_string(), title_fr.to_string())
            } else {
                (
                    format!("{title_ar} — المرحلة {phase}"),
                    format!("{title_fr} — phase {phase}"),
                )
            };
            let joint = if is_overdue(i) { 1 } else { i % 4 };
            ReportItem {
                code: code(i, n),
                title: t(&title_ar, &title_fr, &title_fr),
                area: t(area_ar, area_fr, area_fr),
                sides: vec![
                    ReportSide {
                        party: morocco.clone(),
                        lead: t(
                            "المفتشية العامة للقوات المسلحة الملكية",
                            "Inspection générale des FAR",
                            "Inspectorate General of the Royal Armed Forces",
                        ),
                        status: status(joint),
                        percent: percent(Some((i * 37 % 101) as u8)),
                    },
                    ReportSide {
                        party: mali.clone(),
                        lead: t(
                            "هيئة الأركان العامة للجيوش",
                            "État-major général des armées",
                            "General Staff of the Armed Forces",
                        ),
                        status: status(i % 3),
                        percent: percent((i % 3 != 0).then_some((i * 13 % 101) as u8)),
                    },
                ],
                status: status(joint),
                due: if i % 6 == 5 {
                    LocalizedText::default()
                } else {
                    t("30 يونيو 2025", "30 juin 2025", "30 June 2025")
                },
                overdue: is_overdue(i),
                at_risk: is_at_risk(i),
            }
        })
        .collect();
    let count = |f: &dyn Fn(&ReportItem) -> bool| items.iter().filter(|i| f(i)).count();
    let per_status: Vec<usize> = (0..STATUSES.len())
        .map(|s| count(&|i: &ReportItem| i.status == status(s)))
        .collect();
    let number = |v: usize| t(&v.to_string(), &v.to_string(), &v.to_string());
    let rate = (per_status[2] * 100).checked_div(n).unwrap_or(0);
    let figures = vec![
        (("مجموع الإجراءات", "Total des actions"), number(n)),
        (("منجزة", "Réalisées"), number(per_status[2])),
        (("قيد التنفيذ", "En cours"), number(per_status[1])),
        (("متأخرة", "En retard"), number(count(&|i| i.overdue))),
        (("معرضة للتأخر", "À risque"), number(count(&|i| i.at_risk))),
        (
            ("نسبة الإنجاز", "Taux de réalisation"),
            percent(Some(u8::try_from(rate).unwrap_or(100))),
        ),
    ]
    .into_iter()
    .map(|((ar, fr), value)| ReportFigure {
        label: t(ar, fr, fr),
        value,
    })
    .collect();
    ReportInput {
        parties: [
            t("المملكة المغربية", "Royaume du Maroc", "Kingdom of Morocco"),
            t("جمهورية مالي", "République du Mali", "Republic of Mali"),
        ],
        scope: t(
            "اللجنة العسكرية المشتركة المغربية المالية",
            "Commission militaire mixte maroco-malienne",
            "Moroccan–Malian Joint Military Commission",
        ),
        as_of: t("15 يونيو 2025", "15 juin 2025", "15 June 2025"),
        document_date: DocDate {
            year: 2025,
            month: 6,
            day: 15,
        },
        marking: t("نشر محدود", "DIFFUSION RESTREINTE", "RESTRICTED"),
        figures,
        chart: STATUSES
            .iter()
            .zip(&per_status)
            .map(|((ar, fr, en), v)| ReportBar {
                label: t(ar, fr, en),
                value: *v as u32,
            })
            .collect(),
        items,
    }
}

/// A side's percent as `taawun_i18n::fmt::percent` writes it in each language.
fn percent(p: Option<u8>) -> LocalizedText {
    match p {
        Some(p) => LocalizedText::new(
            &format!("\u{2066}{p}%\u{2069}"),
            &format!("{p}\u{202f}%"),
            &format!("{p}%"),
        ),
        None => LocalizedText::default(),
    }
}
