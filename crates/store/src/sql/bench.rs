//! A generated data set for benchmarks only: parties, commissions, plans, and as many items
//! and progress updates as asked, written in one transaction with the write path's own
//! pieces (row and link writers, `core::followup` for each item's sides and joint status,
//! the facts writer), so columns, documents and side rows agree exactly as after real
//! saves. It skips what a benchmark of reads does not need and a real save does: rules,
//! permission, the audit log and the search index. Never use it on a real database.

use super::{Engine, follow, record::Record, write};
use crate::StoreResult;
use chrono::{Days, NaiveDate};
use taawun_core::followup::{item_status, side_states};
use taawun_core::*;

/// What the generator created, for the benchmark to query.
#[derive(Debug, Clone)]
pub struct Generated {
    pub parties: [Id; 2],
    pub commissions: Vec<Id>,
    pub agreements: Vec<Id>,
    pub plans: Vec<Id>,
    /// The day the data set is meant to be judged on (dates spread around it).
    pub today: NaiveDate,
}

/// A small deterministic generator (64-bit LCG): the same sizes give the same data.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
    fn pick<T: Copy>(&mut self, of: &[T]) -> T {
        of[self.below(of.len() as u64) as usize]
    }
}

fn text(fr: &str) -> LocalizedText {
    LocalizedText::new("", fr, "")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl Engine {
    /// Writes the data set; see the module's note. Sizes are the number of action items
    /// and of progress updates.
    pub(crate) async fn generate(&self, items: usize, updates: usize) -> StoreResult<Generated> {
        let mut dice = Dice(0x007a_6177_756e);
        let today = day(2026, 6, 1);
        let mut tx = super::d::begin_write(&self.pool).await?;
        let conn = &mut *tx;

        let parties = [("XA", "Partie A"), ("XB", "Partie B")].map(|(iso, name)| Party {
            id: new_id(),
            kind: PartyKind::State,
            iso_code: Some(iso.into()),
            name: text(name),
            short_name: LocalizedText::default(),
            protection: Protection::default(),
            version: 1,
        });
        for p in &parties {
            insert(conn, p).await?;
        }
        let mut orgs: [Vec<Id>; 2] = [vec![], vec![]];
        for (side, p) in parties.iter().enumerate() {
            for n in 0..3 {
                let o = Organisation {
                    id: new_id(),
                    party_id: p.id,
                    parent_id: None,
                    name: text(&format!("Organisme {side}.{n}")),
                    acronym: None,
                    protection: Protection::default(),
                    version: 1,
                };
                insert(conn, &o).await?;
                orgs[side].push(o.id);
            }
        }
        let mut areas = vec![];
        for n in 0..6 {
            let a = Area {
                id: new_id(),
                code: format!("bench_{n}"),
                name: text(&format!("Domaine {n}")),
                protection: Protection::default(),
                version: 1,
            };
            insert(conn, &a).await?;
            areas.push(a.id);
        }
        let (mut commissions, mut agreements, mut plans) = (vec![], vec![], vec![]);
        for n in 0..4 {
            let c = Commission {
                id: new_id(),
                name: text(&format!("Commission {n}")),
                party_ids: parties.iter().map(|p| p.id).collect(),
                co_chair_ids: vec![],
                established_on: None,
                mandate: LocalizedText::default(),
                protection: Protection::default(),
                version: 1,
            };
            insert(conn, &c).await?;
            let a = Agreement {
                id: new_id(),
                kind: AgreementKind::Agreement,
                reference: None,
                title: text(&format!("Accord {n}")),
                summary: LocalizedText::default(),
                party_ids: c.party_ids.clone(),
                status: Lifecycle::Draft,
                signed_on: None,
                signed_place: LocalizedText::default(),
                signatory_ids: vec![],
                commission_id: Some(c.id),
                session_id: None,
                in_force_on: None,
                ended_on: None,
                duration_months: None,
                renewal_terms: LocalizedText::default(),
                notice_months: None,
                links: vec![],
                protection: Protection::default(),
                version: 1,
            };
            insert(conn, &a).await?;
            for k in 0..10 {
                let p = ActionPlan {
                    id: new_id(),
                    commission_id: c.id,
                    agreement_id: Some(a.id),
                    session_id: None,
                    title: text(&format!("Plan {n}.{k}")),
                    start_on: None,
                    end_on: None,
                    // One plan in ten is restricted: readers below it lose its items.
                    protection: Protection {
                        marking: if k == 9 {
                            Marking::Restricted
                        } else {
                            Marking::Unclassified
                        },
                        ..Protection::default()
                    },
                    version: 1,
                };
                insert(conn, &p).await?;
                plans.push(p.id);
            }
            commissions.push(c.id);
            agreements.push(a.id);
        }

        let mut all: Vec<ActionItem> = (0..items)
            .map(|n| {
                let start = day(2024, 1, 1) + Days::new(dice.below(800));
                let protection = match dice.below(100) {
                    0..=5 => Protection {
                        marking: Marking::Restricted,
                        ..Protection::default()
                    },
                    6..=7 => Protection {
                        marking: Marking::Secret,
                        ..Protection::default()
                    },
                    8..=9 => Protection {
                        releasability: Releasability::OriginatorOnly,
                        originator: Some(parties[0].id),
                        ..Protection::default()
                    },
                    _ => Protection::default(),
                };
                ActionItem {
                    id: new_id(),
                    plan_id: plans[n % plans.len()],
                    code: format!("{}.{}", n / plans.len(), n % plans.len()),
                    title: text(&format!("Action {n}")),
                    description: LocalizedText::default(),
                    area_id: dice.pick(&areas),
                    clause_ids: vec![],
                    leads: (0..2)
                        .map(|side| Lead {
                            party_id: parties[side].id,
                            organisation_id: dice.pick(&orgs[side]),
                        })
                        .collect(),
                    start_on: Some(start),
                    // One item in twenty has no due date: lists put those last.
                    due_on: Some(start + Days::new(30 + dice.below(700))).filter(|_| n % 20 != 7),
                    status: ItemStatus::Planned,
                    cancel_reason: LocalizedText::default(),
                    indicator: None,
                    example: true,
                    protection,
                    version: 1,
                }
            })
            .collect();
        let mut reports: Vec<Vec<ProgressUpdate>> = vec![vec![]; all.len()];
        for _ in 0..updates {
            let n = dice.below(all.len() as u64) as usize;
            let item = &all[n];
            let start = item.start_on.unwrap_or(today);
            let span = (today - start).num_days().max(1) as u64;
            let status = match dice.below(10) {
                0 => ItemStatus::OnHold,
                1..=2 => ItemStatus::Done,
                _ => ItemStatus::InProgress,
            };
            reports[n].push(ProgressUpdate {
                id: new_id(),
                item_id: item.id,
                reported_on: start + Days::new(dice.below(span)),
                party_id: item.leads[dice.below(2) as usize].party_id,
                percent: dice.below(101) as u8,
                status,
                narrative: text("Point d'avancement"),
                indicator_actual: None,
                example: true,
                protection: Protection::default(),
                reporter: None,
                version: 1,
            });
        }
        // One item in fifty is cancelled by the secretariat.
        for (n, item) in all.iter_mut().enumerate() {
            if n % 50 == 49 {
                item.status = ItemStatus::Cancelled;
                item.cancel_reason = text("Sans objet");
            }
        }

        for item in &mut all {
            let sides = side_states(item, &[]);
            item.status = item_status(item, &sides);
            insert(conn, item).await?;
        }
        let mut seq = follow::next_seq(conn).await?;
        for (item, reports) in all.iter_mut().zip(&reports) {
            for r in reports {
                insert(conn, r).await?;
            }
            let sides = side_states(item, reports);
            let status = item_status(item, &sides);
            if status != item.status {
                item.status = status;
                let doc = serde_json::to_string(&*item)?;
                sqlx::query(&super::d::sql(
                    "update action_items set status = ?, doc = ? where id = ?",
                ))
                .bind(status.key())
                .bind(doc)
                .bind(item.id.to_string())
                .execute(&mut *conn)
                .await?;
            }
            follow::write_facts(conn, item, &sides, follow::Seq::Given(seq), true).await?;
            seq += 1;
        }
        // The rows skipped the write path: their effective protection as it would set it.
        super::effective::fill_all(conn).await?;
        super::seal::seal_and_commit(tx).await?;
        Ok(Generated {
            parties: parties.map(|p| p.id),
            commissions,
            agreements,
            plans,
            today,
        })
    }
}

/// A new record's row and link rows, as the write path writes them.
async fn insert<R: Record>(conn: &mut super::d::Conn, r: &R) -> StoreResult<()> {
    let doc = serde_json::to_string(r)?;
    write::write_row(conn, r, &doc, 0).await?;
    write::write_links(conn, r).await
}
