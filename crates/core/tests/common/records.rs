//! One valid record of each kind, built from the fixed ids; tests mutate copies.

use super::*;
use taawun_core::*;

pub fn party(id: Id, iso: Option<&str>, name: &str) -> Party {
    Party {
        id,
        kind: PartyKind::State,
        iso_code: iso.map(str::to_string),
        name: text(name, name, name),
        short_name: blank(),
        protection: Default::default(),
        version: 0,
    }
}

pub fn organisation(id: Id, party_id: Id, parent_id: Option<Id>) -> Organisation {
    Organisation {
        id,
        party_id,
        parent_id,
        name: text("هيئة الأركان", "État-major", "General Staff"),
        acronym: Some("EMGA".into()),
        protection: Default::default(),
        version: 0,
    }
}

/// The lead organisations of both commission parties and of the outside party.
pub fn organisations() -> Vec<Organisation> {
    vec![
        organisation(ORG_A, PARTY_A, None),
        organisation(ORG_A2, PARTY_A, Some(ORG_A)),
        organisation(ORG_B, PARTY_B, None),
        organisation(ORG_OUT, PARTY_OUT, None),
    ]
}

pub fn rank(id: Id, party_id: Id, code: &str) -> Rank {
    Rank {
        id,
        party_id,
        nato_code: code.into(),
        label: text("عقيد", "colonel", "colonel"),
        protection: Default::default(),
        version: 0,
    }
}

pub fn person(id: Id, party_id: Id) -> Person {
    Person {
        id,
        party_id,
        name_ar: "محمد ساماكي".into(),
        name_latin: "Mahamadou Samaké".into(),
        aliases: vec!["Mohamed Samaké".into()],
        rank_id: None,
        function: text("مدير", "directeur", "director"),
        organisation_id: None,
        protection: Default::default(),
        version: 0,
    }
}

/// Two people of each commission party and one of the outside party.
pub fn people() -> Vec<Person> {
    vec![
        person(PERSON_A1, PARTY_A),
        person(PERSON_A2, PARTY_A),
        person(PERSON_B1, PARTY_B),
        person(PERSON_B2, PARTY_B),
        person(PERSON_OUT, PARTY_OUT),
    ]
}

pub fn commission() -> Commission {
    Commission {
        id: COMMISSION,
        name: text("اللجنة المشتركة", "Commission mixte", "Joint commission"),
        party_ids: vec![PARTY_A, PARTY_B],
        co_chair_ids: vec![PERSON_A1, PERSON_B1],
        established_on: Some(day(2019, 4, 2)),
        mandate: text("", "Coopération militaire", ""),
        protection: Default::default(),
        version: 0,
    }
}

fn member(person_id: Id, role: DelegationRole, precedence: u32) -> DelegationMember {
    DelegationMember {
        person_id,
        role,
        precedence,
    }
}

pub fn session() -> Session {
    Session {
        id: Id::from_u128(0x101),
        commission_id: COMMISSION,
        ordinal: 3,
        start_on: day(2024, 5, 13),
        end_on: day(2024, 5, 15),
        host_party_id: PARTY_A,
        place: text("الرباط", "Rabat", "Rabat"),
        agenda: vec![AgendaItem {
            title: text("التكوين", "Formation", "Training"),
            item_ids: vec![],
            conclusions: Default::default(),
            example: false,
        }],
        delegations: vec![
            Delegation {
                adoptions: Vec::new(),
                party_id: PARTY_A,
                members: vec![
                    member(PERSON_A1, DelegationRole::Head, 1),
                    member(PERSON_A2, DelegationRole::Member, 1),
                ],
            },
            Delegation {
                adoptions: Vec::new(),
                party_id: PARTY_B,
                members: vec![
                    member(PERSON_B1, DelegationRole::Head, 1),
                    member(PERSON_B2, DelegationRole::Expert, 1),
                ],
            },
        ],
        decisions: (1..=2)
            .map(|n| Decision {
                id: Id::from_u128(0x110 + u128::from(n)),
                number: n,
                text: text("قرار", "Décision", "Decision"),
                area_id: Some(AREA),
                example: false,
            })
            .collect(),
        statements: vec![Statement {
            person_id: PERSON_B1,
            occasion: StatementOccasion::Opening,
            on: day(2024, 5, 13),
            summary: text("", "Allocution d'ouverture", ""),
        }],
        side_events: vec![SideEvent {
            kind: SideEventKind::Visit,
            on: Some(day(2024, 5, 14)),
            title: text("زيارة", "Visite d'une école", "School visit"),
            description: blank(),
            party_id: Some(PARTY_B),
            organisation_id: None,
        }],
        minutes: Default::default(),
        protection: Default::default(),
        version: 0,
    }
}

/// An agreement in force, with every date set in order.
pub fn agreement() -> Agreement {
    Agreement {
        id: AGREEMENT,
        kind: AgreementKind::Agreement,
        reference: Some("2023/17".into()),
        title: text("اتفاق", "Accord de coopération", "Cooperation agreement"),
        summary: blank(),
        party_ids: vec![PARTY_A, PARTY_B],
        status: Lifecycle::InForce,
        signed_on: Some(day(2023, 1, 10)),
        signed_place: text("", "Bamako", ""),
        commission_id: None,
        signatory_ids: vec![PERSON_A1, PERSON_B1],
        session_id: None,
        in_force_on: Some(day(2023, 3, 1)),
        ended_on: None,
        duration_months: Some(60),
        renewal_terms: blank(),
        notice_months: Some(6),
        links: vec![AgreementLink {
            kind: LinkKind::Amends,
            target_id: Id::from_u128(0x2FF),
        }],
        protection: Default::default(),
        version: 0,
    }
}

pub fn clause() -> Clause {
    Clause {
        id: Id::from_u128(0x201),
        agreement_id: AGREEMENT,
        number: 3,
        heading: text("", "Objet", "Purpose"),
        text: text("", "Les parties coopèrent.", ""),
        area_ids: vec![AREA],
        example: false,
        protection: Default::default(),
        version: 0,
    }
}

pub fn plan() -> ActionPlan {
    ActionPlan {
        id: PLAN,
        commission_id: COMMISSION,
        agreement_id: Some(AGREEMENT),
        session_id: None,
        title: text("خطة العمل", "Plan d'action", "Action plan"),
        start_on: Some(day(2024, 1, 1)),
        end_on: Some(day(2026, 12, 31)),
        protection: Default::default(),
        version: 0,
    }
}

pub fn item() -> ActionItem {
    ActionItem {
        id: ITEM,
        plan_id: PLAN,
        code: "1.2".into(),
        title: text("تكوين الضباط", "Formation d'officiers", "Officer training"),
        description: blank(),
        area_id: AREA,
        clause_ids: vec![],
        leads: vec![
            Lead {
                party_id: PARTY_A,
                organisation_id: ORG_A,
            },
            Lead {
                party_id: PARTY_B,
                organisation_id: ORG_B,
            },
        ],
        start_on: Some(day(2024, 2, 1)),
        due_on: Some(day(2024, 12, 31)),
        status: ItemStatus::InProgress,
        cancel_reason: blank(),
        indicator: Some(Indicator {
            name: text("", "Officiers formés", "Officers trained"),
            unit: blank(),
            baseline: 0.0,
            target: 40.0,
            direction: Direction::HigherIsBetter,
        }),
        example: false,
        protection: Default::default(),
        version: 0,
    }
}

pub fn progress() -> ProgressUpdate {
    ProgressUpdate {
        id: Id::from_u128(0x302),
        item_id: ITEM,
        reported_on: day(2024, 6, 1),
        party_id: PARTY_B,
        percent: 40,
        status: ItemStatus::InProgress,
        narrative: blank(),
        indicator_actual: Some(12.0),
        example: false,
        protection: Default::default(),
        reporter: None,
        version: 0,
    }
}

pub fn activity() -> Activity {
    Activity {
        id: Id::from_u128(0x303),
        kind: ActivityKind::Course,
        title: text("دورة", "Stage", "Course"),
        item_id: Some(ITEM),
        start_on: day(2024, 9, 2),
        end_on: day(2024, 9, 27),
        host_party_id: PARTY_A,
        host_organisation_id: Some(ORG_A),
        place: text("", "Meknès", ""),
        participants: vec![],
        example: false,
        protection: Default::default(),
        version: 0,
    }
}

pub fn area() -> Area {
    Area {
        id: AREA,
        code: "military_training".into(),
        name: text(
            "التكوين العسكري",
            "Formation militaire",
            "Military training",
        ),
        protection: Default::default(),
        version: 0,
    }
}
