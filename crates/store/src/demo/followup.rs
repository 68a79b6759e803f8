//! Demo joint action plan: example items with a lead body on each side, progress updates
//! from both parties, and activities. All of it is marked `example`: public reporting says a
//! joint action plan was agreed, not what it contains. Judged on `demo::as_of()`, the
//! items show every case of the follow-up: 1.1 and 4.2 done on both sides, 2.1 and 3.1
//! overdue, 1.2 at risk (behind its schedule), 4.1 just started and on track.

use super::{actors::Who, chain::Chain, d, t};
use crate::{Actor, Store, StoreResult};
use chrono::NaiveDate;
use taawun_core::*;

pub(super) async fn load(
    store: &dyn Store,
    actor: &Actor,
    who: &Who,
    chain: &Chain,
) -> StoreResult<()> {
    let plan = store
        .save_plan(
            actor,
            &ActionPlan {
                id: new_id(),
                commission_id: chain.commission,
                agreement_id: Some(chain.mou),
                session_id: Some(chain.session),
                title: t(
                    "خطة العمل المشتركة للتعاون العسكري المغربي المالي",
                    "Plan d'action conjoint de la coopération militaire maroco-malienne",
                    "Joint action plan for Morocco–Mali military cooperation",
                ),
                start_on: None,
                end_on: None,
                protection: Default::default(),
                version: 0,
            },
        )
        .await?
        .id;

    let clause = |n: usize| chain.clauses[n - 1];
    let leads = |ma: Id, ml: Id| {
        vec![
            Lead {
                party_id: who.morocco,
                organisation_id: ma,
            },
            Lead {
                party_id: who.mali,
                organisation_id: ml,
            },
        ]
    };
    let specs = [
        Spec {
            code: "1.1",
            area: chain.training,
            title: t(
                "تخصيص مقاعد لضباط ماليين في دورات التكوين العسكري بالمغرب",
                "Places réservées à des officiers maliens dans les formations militaires au Maroc",
                "Places for Malian officers in military training courses in Morocco",
            ),
            leads: leads(who.inspectorate, who.mali_staff),
            start: d(2025, 4, 1),
            due: d(2025, 12, 31),
            indicator: Some((
                t("ضباط متكونون", "Officiers formés", "Officers trained"),
                t("ضابط", "officiers", "officers"),
                0.0,
                20.0,
            )),
            clauses: vec![clause(2), clause(3)],
        },
        Spec {
            code: "1.2",
            area: chain.training,
            title: t(
                "دورة مشتركة لتكوين المكونين",
                "Stage conjoint de formation de formateurs",
                "Joint train-the-trainers course",
            ),
            leads: leads(who.far, who.mali_staff),
            start: d(2025, 9, 1),
            due: d(2027, 6, 30),
            indicator: None,
            clauses: vec![clause(2)],
        },
        Spec {
            code: "2.1",
            area: chain.expertise,
            title: t(
                "زيارات متبادلة للخبراء بين هيئتي الأركان",
                "Visites d'experts croisées entre les états-majors",
                "Exchange visits of experts between the two staffs",
            ),
            leads: leads(who.inspectorate, who.mali_staff),
            start: d(2025, 6, 1),
            due: d(2026, 3, 31),
            indicator: Some((
                t("زيارات منجزة", "Visites réalisées", "Visits held"),
                t("زيارة", "visites", "visits"),
                0.0,
                4.0,
            )),
            clauses: vec![clause(2), clause(3)],
        },
        Spec {
            code: "3.1",
            area: chain.security,
            title: t(
                "إحداث آلية اتصال للتنسيق في مكافحة الإرهاب والجريمة المنظمة",
                "Mise en place d'un mécanisme de liaison contre le terrorisme et la criminalité organisée",
                "Set up a liaison mechanism for coordination against terrorism and organised crime",
            ),
            leads: leads(who.inspectorate, who.mali_staff),
            start: d(2025, 3, 15),
            due: d(2025, 9, 30),
            indicator: None,
            clauses: vec![clause(2), clause(4)],
        },
        Spec {
            code: "4.1",
            area: chain.education,
            title: t(
                "تعاون بين المدارس العسكرية في المناهج وتبادل الأساتذة",
                "Coopération entre écoles militaires : programmes et échange d'enseignants",
                "Cooperation between military schools on curricula and teacher exchange",
            ),
            leads: leads(who.far, who.mali_school),
            start: d(2026, 11, 1),
            due: d(2027, 9, 30),
            indicator: None,
            clauses: vec![clause(2), clause(3)],
        },
        Spec {
            code: "4.2",
            area: chain.education,
            title: t(
                "متابعة زيارة الوفد المغربي للمدرسة الحربية المالية",
                "Suites de la visite de la délégation marocaine à l'École militaire du Mali",
                "Follow-up to the Moroccan delegation's visit to Mali's military school",
            ),
            leads: leads(who.inspectorate, who.mali_school),
            start: d(2025, 3, 1),
            due: d(2025, 6, 30),
            indicator: None,
            clauses: vec![clause(2)],
        },
    ];

    let mut items = Vec::new();
    for s in specs {
        let item = ActionItem {
            id: new_id(),
            plan_id: plan,
            code: s.code.into(),
            title: s.title,
            description: LocalizedText::default(),
            area_id: s.area,
            clause_ids: s.clauses,
            leads: s.leads,
            start_on: Some(s.start),
            due_on: Some(s.due),
            // Derived from the sides' reports saved below (`followup::joint_status`).
            status: ItemStatus::Planned,
            cancel_reason: LocalizedText::default(),
            indicator: s.indicator.map(|(name, unit, baseline, target)| Indicator {
                name,
                unit,
                baseline,
                target,
                direction: Direction::HigherIsBetter,
            }),
            example: true,
            protection: Default::default(),
            version: 0,
        };
        items.push(store.save_item(actor, &item).await?);
    }

    for (code, party, on, percent, status, actual, narrative) in progress(who) {
        let item = items
            .iter()
            .find(|i| i.code == code)
            .expect("demo item code");
        let p = ProgressUpdate {
            id: new_id(),
            item_id: item.id,
            reported_on: on,
            party_id: party,
            percent,
            status,
            narrative,
            indicator_actual: actual,
            example: true,
            protection: Default::default(),
            reporter: None,
            version: 0,
        };
        store.save_progress(actor, &p).await?;
    }

    let by_code = |code: &str| items.iter().find(|i| i.code == code).map(|i| i.id);
    for a in activities(who, by_code("1.1"), by_code("2.1")) {
        store.save_activity(actor, &a).await?;
    }
    Ok(())
}

struct Spec {
    code: &'static str,
    area: Id,
    title: LocalizedText,
    leads: Vec<Lead>,
    start: NaiveDate,
    due: NaiveDate,
    indicator: Option<(LocalizedText, LocalizedText, f64, f64)>,
    clauses: Vec<Id>,
}

type Report = (
    &'static str,
    Id,
    NaiveDate,
    u8,
    ItemStatus,
    Option<f64>,
    LocalizedText,
);

fn progress(who: &Who) -> Vec<Report> {
    use ItemStatus::*;
    vec![
        (
            "1.1",
            who.morocco,
            d(2025, 7, 15),
            40,
            InProgress,
            Some(8.0),
            t(
                "التحق ثمانية ضباط ماليين بالدورات الصيفية.",
                "Huit officiers maliens ont rejoint les stages d'été.",
                "Eight Malian officers joined the summer courses.",
            ),
        ),
        (
            "1.1",
            who.mali,
            d(2025, 7, 20),
            40,
            InProgress,
            None,
            t(
                "تم اختيار المترشحين وإرسال ملفاتهم.",
                "Candidats sélectionnés et dossiers transmis.",
                "Candidates selected and their files sent.",
            ),
        ),
        (
            "1.1",
            who.morocco,
            d(2025, 12, 18),
            100,
            Done,
            Some(20.0),
            t(
                "أتم عشرون ضابطًا تكوينهم.",
                "Vingt officiers ont achevé leur formation.",
                "Twenty officers completed their training.",
            ),
        ),
        (
            "1.1",
            who.mali,
            d(2025, 12, 22),
            100,
            Done,
            None,
            t(
                "عاد الضباط العشرون إلى وحداتهم.",
                "Les vingt officiers ont rejoint leurs unités.",
                "The twenty officers are back with their units.",
            ),
        ),
        (
            "1.2",
            who.morocco,
            d(2026, 3, 10),
            50,
            InProgress,
            None,
            t(
                "إعداد برنامج الدورة جارٍ.",
                "Programme du stage en cours de rédaction.",
                "Course programme being drafted.",
            ),
        ),
        (
            "1.2",
            who.mali,
            d(2026, 9, 5),
            30,
            InProgress,
            None,
            t(
                "لائحة المكونين الماليين قيد الإعداد.",
                "Liste des formateurs maliens en préparation.",
                "List of Malian trainers in preparation.",
            ),
        ),
        (
            "2.1",
            who.mali,
            d(2025, 11, 12),
            25,
            InProgress,
            Some(1.0),
            t(
                "زيارة أولى لخبراء ماليين إلى الرباط.",
                "Première visite d'experts maliens à Rabat.",
                "First visit of Malian experts to Rabat.",
            ),
        ),
        (
            "2.1",
            who.morocco,
            d(2026, 2, 14),
            50,
            InProgress,
            Some(2.0),
            t(
                "زيارة خبراء مغاربة إلى باماكو.",
                "Visite d'experts marocains à Bamako.",
                "Visit of Moroccan experts to Bamako.",
            ),
        ),
        (
            "3.1",
            who.morocco,
            d(2025, 8, 1),
            30,
            InProgress,
            None,
            t(
                "تعيين ضباط الاتصال من الجانب المغربي.",
                "Officiers de liaison marocains désignés.",
                "Moroccan liaison officers appointed.",
            ),
        ),
        (
            "4.2",
            who.mali,
            d(2025, 6, 20),
            100,
            Done,
            None,
            t(
                "تم تبادل وثائق البرامج التعليمية.",
                "Documents des programmes d'enseignement échangés.",
                "Curriculum documents exchanged.",
            ),
        ),
        (
            "4.2",
            who.morocco,
            d(2025, 6, 25),
            100,
            Done,
            None,
            t(
                "استُلمت الوثائق وعُممت على المدارس.",
                "Documents reçus et diffusés aux écoles.",
                "Documents received and circulated to the schools.",
            ),
        ),
    ]
}

fn activities(who: &Who, training_item: Option<Id>, expertise_item: Option<Id>) -> Vec<Activity> {
    let part = |ma: u32, ml: u32| {
        vec![
            Participation {
                party_id: who.morocco,
                count: ma,
            },
            Participation {
                party_id: who.mali,
                count: ml,
            },
        ]
    };
    vec![
        Activity {
            id: new_id(),
            kind: ActivityKind::Course,
            title: t(
                "دورة تكوين الضباط - الفوج الأول",
                "Stage de formation d'officiers - 1re promotion",
                "Officer training course - first intake",
            ),
            item_id: training_item,
            start_on: d(2025, 7, 1),
            end_on: d(2025, 9, 26),
            host_party_id: who.morocco,
            host_organisation_id: Some(who.far),
            place: t("المغرب", "Maroc", "Morocco"),
            participants: part(6, 8),
            example: true,
            protection: Default::default(),
            version: 0,
        },
        Activity {
            id: new_id(),
            kind: ActivityKind::ExpertExchange,
            title: t(
                "زيارة خبراء مغاربة إلى باماكو",
                "Visite d'experts marocains à Bamako",
                "Moroccan experts' visit to Bamako",
            ),
            item_id: expertise_item,
            start_on: d(2026, 2, 9),
            end_on: d(2026, 2, 13),
            host_party_id: who.mali,
            host_organisation_id: Some(who.mali_staff),
            place: t("باماكو", "Bamako", "Bamako"),
            participants: part(5, 7),
            example: true,
            protection: Default::default(),
            version: 0,
        },
    ]
}
