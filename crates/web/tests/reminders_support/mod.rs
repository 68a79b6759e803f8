//! Shared by the reminder tests: the demo on its day (`demo::as_of()`, 1 December 2026)
//! with a few accounts of each role, a Secret overdue item (9.9) that low-clearance users
//! must never be told about, and the demo MoU put in force so that it expires within the
//! 14-day window (10 December 2026). On that day the demo's items 2.1 and 3.1 are overdue.
#![allow(dead_code)]

use crate::forms_support::{PASSWORD, World, world};
use std::collections::BTreeSet;
use std::sync::Arc;
use taawun_core::*;
use taawun_store::{Actor, Store};

pub struct Fixture {
    pub w: World,
    pub mou: Agreement,
    pub secret_item: Id,
    pub today: chrono::NaiveDate,
}

pub async fn fixture() -> Fixture {
    let w = world().await;
    let store = &w.d.store;
    let sys = Actor::system();
    let mut mou = store.agreement(w.d.ids.agreement).await.unwrap().unwrap();
    mou.status = Lifecycle::InForce;
    mou.in_force_on = chrono::NaiveDate::from_ymd_opt(2025, 12, 10);
    mou.duration_months = Some(12);
    let mou = store.save_agreement(&sys, &mou).await.unwrap();
    let mut secret = store.items(w.d.ids.plan).await.unwrap()[0].clone();
    secret.id = new_id();
    secret.code = "9.9".into();
    secret.status = ItemStatus::Planned;
    secret.cancel_reason = LocalizedText::default();
    secret.due_on = chrono::NaiveDate::from_ymd_opt(2026, 6, 30);
    secret.protection.marking = Marking::Secret;
    secret.version = 0;
    let secret = store.save_item(&sys, &secret).await.unwrap();
    Fixture {
        w,
        mou,
        secret_item: secret.id,
        today: taawun_store::demo::as_of(),
    }
}

impl Fixture {
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.w.d.store
    }

    /// An account saved directly (no login): `party` by ISO code, assigned to the demo
    /// commission when `assigned`.
    pub async fn user(
        &self,
        name: &str,
        role: Role,
        iso: &str,
        clearance: Marking,
        assigned: bool,
    ) -> User {
        let mut u = crate::common::browser::add_user(self.store(), name, role, PASSWORD).await;
        u.party_id = if iso == "MA" {
            self.w.morocco
        } else {
            self.w.mali
        };
        u.clearance = clearance;
        u.commission_ids = if assigned {
            vec![self.w.d.ids.commission]
        } else {
            vec![]
        };
        self.store().save_user(&Actor::system(), &u).await.unwrap()
    }

    /// The item codes and agreement titles (French) a user was notified about, with kinds.
    pub async fn told(&self, u: &User) -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for n in self.store().notifications(u.id, false, 100).await.unwrap() {
            let r = n.reminder;
            let name = match r.kind.entity() {
                RecordKind::ActionItem => {
                    self.store().item(r.record_id).await.unwrap().unwrap().code
                }
                _ => "MoU".to_string(),
            };
            out.insert((r.kind.key().to_string(), name));
        }
        out
    }
}

pub fn pairs(list: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    list.iter()
        .map(|(k, n)| (k.to_string(), n.to_string()))
        .collect()
}
