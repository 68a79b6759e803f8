//! Records for the suite, built as a secretariat would enter them, and saved through the
//! `Store` trait only so that every backend runs the same cases.

use chrono::NaiveDate;
use taawun_core::*;
use taawun_store::{Actor, Store, StoreError};

pub fn actor() -> Actor {
    Actor::new("secretariat.ma")
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub fn text(ar: &str, fr: &str, en: &str) -> LocalizedText {
    LocalizedText::new(ar, fr, en)
}

/// The rule errors of a rejected save, or a panic naming what came back instead.
pub fn rule_errors<T: std::fmt::Debug>(result: Result<T, StoreError>) -> RuleErrors {
    match result {
        Err(StoreError::Invalid(e)) => e,
        other => panic!("expected a rule error, got {other:?}"),
    }
}

/// Whether the errors hold `rule` on `field`.
pub fn has(errors: &RuleErrors, field: &str, rule: &rules::Rule) -> bool {
    errors.0.iter().any(|e| e.field == field && &e.rule == rule)
}

pub fn party(iso: &str, ar: &str, fr: &str) -> Party {
    Party {
        id: new_id(),
        kind: PartyKind::State,
        iso_code: Some(iso.into()),
        name: text(ar, fr, ""),
        short_name: text("", fr, ""),
        protection: Default::default(),
        version: 0,
    }
}

pub fn organisation(party: &Party, fr: &str) -> Organisation {
    Organisation {
        id: new_id(),
        party_id: party.id,
        parent_id: None,
        name: text("", fr, ""),
        acronym: None,
        protection: Default::default(),
        version: 0,
    }
}

pub fn person(party: &Party, organisation: Option<&Organisation>, latin: &str) -> Person {
    Person {
        id: new_id(),
        party_id: party.id,
        name_ar: String::new(),
        name_latin: latin.into(),
        aliases: vec![],
        rank_id: None,
        function: LocalizedText::default(),
        organisation_id: organisation.map(|o| o.id),
        protection: Default::default(),
        version: 0,
    }
}

pub fn area(code: &str) -> Area {
    Area {
        id: new_id(),
        code: code.into(),
        name: text("", code, code),
        protection: Default::default(),
        version: 0,
    }
}

pub fn commission(a: &Party, b: &Party, fr: &str) -> Commission {
    Commission {
        id: new_id(),
        name: text("", fr, ""),
        party_ids: vec![a.id, b.id],
        co_chair_ids: vec![],
        established_on: None,
        mandate: LocalizedText::default(),
        protection: Default::default(),
        version: 0,
    }
}

pub fn session(c: &Commission, ordinal: u32, start: NaiveDate, end: NaiveDate) -> Session {
    Session {
        id: new_id(),
        commission_id: c.id,
        ordinal,
        start_on: start,
        end_on: end,
        host_party_id: c.party_ids[0],
        place: text("باماكو", "Bamako", "Bamako"),
        agenda: vec![],
        delegations: vec![],
        decisions: vec![],
        statements: vec![],
        side_events: vec![],
        minutes: Default::default(),
        protection: Default::default(),
        version: 0,
    }
}

pub fn delegation(party: &Party, people: &[(&Person, DelegationRole)]) -> Delegation {
    Delegation {
        adoptions: Vec::new(),
        party_id: party.id,
        members: people
            .iter()
            .enumerate()
            .map(|(i, (p, role))| DelegationMember {
                person_id: p.id,
                role: *role,
                precedence: i as u32 + 1,
            })
            .collect(),
    }
}

/// A signed agreement when `signed_on` is given, else a draft.
pub fn agreement(a: &Party, b: &Party, signed_on: Option<NaiveDate>) -> Agreement {
    Agreement {
        id: new_id(),
        kind: AgreementKind::Mou,
        reference: None,
        title: text("", "Mémorandum d'entente", ""),
        summary: LocalizedText::default(),
        party_ids: vec![a.id, b.id],
        status: if signed_on.is_some() {
            Lifecycle::Signed
        } else {
            Lifecycle::Draft
        },
        signed_on,
        signed_place: LocalizedText::default(),
        commission_id: None,
        signatory_ids: vec![],
        session_id: None,
        in_force_on: None,
        ended_on: None,
        duration_months: None,
        renewal_terms: LocalizedText::default(),
        notice_months: None,
        links: vec![],
        protection: Default::default(),
        version: 0,
    }
}

pub fn clause(agreement: &Agreement, number: u32) -> Clause {
    Clause {
        id: new_id(),
        agreement_id: agreement.id,
        number,
        heading: LocalizedText::default(),
        text: text("", &format!("Article {number}"), ""),
        area_ids: vec![],
        example: true,
        protection: Default::default(),
        version: 0,
    }
}

pub fn plan(c: &Commission) -> ActionPlan {
    ActionPlan {
        id: new_id(),
        commission_id: c.id,
        agreement_id: None,
        session_id: None,
        title: text("", "Plan d'action conjoint", ""),
        start_on: None,
        end_on: None,
        protection: Default::default(),
        version: 0,
    }
}

pub fn lead(o: &Organisation) -> Lead {
    Lead {
        party_id: o.party_id,
        organisation_id: o.id,
    }
}

pub fn item(plan: &ActionPlan, code: &str, area: &Area, leads: &[&Organisation]) -> ActionItem {
    ActionItem {
        id: new_id(),
        plan_id: plan.id,
        code: code.into(),
        title: text("", &format!("Action {code}"), ""),
        description: LocalizedText::default(),
        area_id: area.id,
        clause_ids: vec![],
        leads: leads.iter().map(|o| lead(o)).collect(),
        start_on: None,
        due_on: None,
        status: ItemStatus::Planned,
        cancel_reason: LocalizedText::default(),
        indicator: None,
        example: true,
        protection: Default::default(),
        version: 0,
    }
}

pub fn progress(item: &ActionItem, party: &Party, on: NaiveDate, percent: u8) -> ProgressUpdate {
    ProgressUpdate {
        id: new_id(),
        item_id: item.id,
        reported_on: on,
        party_id: party.id,
        percent,
        status: ItemStatus::InProgress,
        narrative: LocalizedText::default(),
        indicator_actual: None,
        example: true,
        protection: Default::default(),
        reporter: None,
        version: 0,
    }
}

pub fn activity(item: Option<&ActionItem>, host: &Party, start: NaiveDate) -> Activity {
    Activity {
        id: new_id(),
        kind: ActivityKind::Course,
        title: text("", "Stage de formation", ""),
        item_id: item.map(|i| i.id),
        start_on: start,
        end_on: start,
        host_party_id: host.id,
        host_organisation_id: None,
        place: LocalizedText::default(),
        participants: vec![],
        example: true,
        protection: Default::default(),
        version: 0,
    }
}

/// The Morocco–Mali case with one session, one agreement with two clauses and a plan.
/// Every record is as stored (version 1).
pub struct World {
    pub morocco: Party,
    pub mali: Party,
    /// Moroccan lead body.
    pub far: Organisation,
    /// Malian lead body.
    pub fama: Organisation,
    pub mouhib: Person,
    pub samake: Person,
    pub training: Area,
    pub commission: Commission,
    /// The 1st session, 17–19 Feb 2025, with both delegations.
    pub session: Session,
    pub mou: Agreement,
    pub clause1: Clause,
    pub clause2: Clause,
    pub plan: ActionPlan,
}

pub async fn world(store: &dyn Store) -> World {
    let a = actor();
    let morocco = store
        .save_party(&a, &party("MA", "المملكة المغربية", "Royaume du Maroc"))
        .await
        .unwrap();
    let mali = store
        .save_party(&a, &party("ML", "جمهورية مالي", "République du Mali"))
        .await
        .unwrap();
    let far = organisation(&morocco, "Inspection générale des FAR");
    let far = store.save_organisation(&a, &far).await.unwrap();
    let fama = organisation(&mali, "État-major général des armées");
    let fama = store.save_organisation(&a, &fama).await.unwrap();
    let mouhib = person(&morocco, Some(&far), "Abdelghani Mouhib");
    let mouhib = store.save_person(&a, &mouhib).await.unwrap();
    let samake = person(&mali, Some(&fama), "Mahamadou Massaoulé Samaké");
    let samake = store.save_person(&a, &samake).await.unwrap();
    let training = store.save_area(&a, &area("training")).await.unwrap();
    let commission = commission(&morocco, &mali, "Commission mixte militaire");
    let commission = store.save_commission(&a, &commission).await.unwrap();
    let mut session = session(&commission, 1, date(2025, 2, 17), date(2025, 2, 19));
    session.host_party_id = mali.id;
    session.delegations = vec![
        delegation(&morocco, &[(&mouhib, DelegationRole::Head)]),
        delegation(&mali, &[(&samake, DelegationRole::Head)]),
    ];
    let session = store.save_session(&a, &session).await.unwrap();
    let mut mou = agreement(&morocco, &mali, Some(date(2025, 2, 19)));
    mou.session_id = Some(session.id);
    let mou = store.save_agreement(&a, &mou).await.unwrap();
    let clause1 = store.save_clause(&a, &clause(&mou, 1)).await.unwrap();
    let clause2 = store.save_clause(&a, &clause(&mou, 2)).await.unwrap();
    let mut p = plan(&commission);
    p.agreement_id = Some(mou.id);
    p.session_id = Some(session.id);
    let plan = store.save_plan(&a, &p).await.unwrap();
    World {
        morocco,
        mali,
        far,
        fama,
        mouhib,
        samake,
        training,
        commission,
        session,
        mou,
        clause1,
        clause2,
        plan,
    }
}

impl World {
    /// An item of the world's plan, led on both sides, not yet saved.
    pub fn item(&self, code: &str) -> ActionItem {
        item(&self.plan, code, &self.training, &[&self.far, &self.fama])
    }
}

/// Brings a stored item of the world to a joint `status` the way it happens: through its
/// sides' reports (on 1 May 2025), or by the secretariat's cancellation with a reason.
pub async fn bring_to(
    store: &dyn Store,
    w: &World,
    item: &ActionItem,
    status: ItemStatus,
) -> ActionItem {
    let report = |party: &Party, status: ItemStatus| ProgressUpdate {
        status,
        ..progress(item, party, date(2025, 5, 1), 50)
    };
    let reports = match status {
        ItemStatus::Planned => vec![],
        ItemStatus::InProgress => vec![report(&w.mali, ItemStatus::InProgress)],
        ItemStatus::OnHold => vec![report(&w.morocco, ItemStatus::OnHold)],
        ItemStatus::Done => vec![
            report(&w.morocco, ItemStatus::Done),
            report(&w.mali, ItemStatus::Done),
        ],
        ItemStatus::Cancelled => {
            let mut c = store.item(item.id).await.unwrap().unwrap();
            c.status = ItemStatus::Cancelled;
            c.cancel_reason = text("", "Sans objet", "");
            return store.save_item(&actor(), &c).await.unwrap();
        }
    };
    for r in reports {
        store.save_progress(&actor(), &r).await.unwrap();
    }
    let stored = store.item(item.id).await.unwrap().unwrap();
    assert_eq!(
        stored.status, status,
        "item {} brought to {status:?}",
        item.code
    );
    stored
}

/// An account of `party`, saved by the system; `commissions` are those a secretariat edits.
pub async fn account(
    store: &dyn Store,
    username: &str,
    role: Role,
    party: &Party,
    clearance: Marking,
    commissions: &[Id],
) -> User {
    let u = User {
        person_id: None,
        id: new_id(),
        username: username.into(),
        display_name: username.into(),
        party_id: party.id,
        organisation_id: None,
        role,
        clearance,
        commission_ids: commissions.to_vec(),
        active: true,
        totp_enabled: false,
        email: None,
        language: None,
        version: 0,
    };
    store.save_user(&Actor::system(), &u).await.unwrap()
}

/// A protection at `marking`, releasable to all parties.
pub fn marked(marking: Marking) -> Protection {
    Protection {
        marking,
        ..Protection::default()
    }
}

/// A protection releasable to `party` only.
pub fn originator_only(party: &Party) -> Protection {
    Protection {
        marking: Marking::Unclassified,
        releasability: Releasability::OriginatorOnly,
        originator: Some(party.id),
    }
}

/// Asserts that a write was refused with the `expected` error variant (by name).
pub fn refused<T: std::fmt::Debug>(result: Result<T, StoreError>, expected: &str) {
    let got = match &result {
        Err(StoreError::Forbidden { .. }) => "Forbidden",
        Err(StoreError::NotFound { .. }) => "NotFound",
        Err(StoreError::Invalid(_)) => "Invalid",
        Err(StoreError::Conflict { .. }) => "Conflict",
        _ => "something else",
    };
    assert_eq!(got, expected, "{result:?}");
}
