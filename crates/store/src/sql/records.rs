//! The table and indexed columns of each record type. Adding a column here and in a
//! migration is all it takes to query a new field: the write path is generic.

use super::record::{Links, Record, Value, natural_key, sort_name};
use taawun_core::followup::{DeadlineKind, agreement_deadlines};
use taawun_core::{party::fold, *};

/// The identity and version accessors are the same for every record type.
macro_rules! identity {
    () => {
        fn id(&self) -> Id {
            self.id
        }
        fn version(&self) -> i64 {
            self.version
        }
        fn set_version(&mut self, version: i64) {
            self.version = version;
        }
    };
}

/// The accessors of a record type carrying `protection`: all but users.
macro_rules! protected {
    () => {
        identity!();
        fn protection(&self) -> Protection {
            self.protection
        }
    };
}

impl Record for Party {
    const TABLE: &'static str = "parties";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        let kind = match self.kind {
            PartyKind::State => "state",
            PartyKind::InternationalOrganisation => "international_organisation",
        };
        vec![
            ("kind", kind.into()),
            ("iso_code", self.iso_code.clone().into()),
            ("sort_name", sort_name(&self.name).into()),
        ]
    }
}

impl Record for Organisation {
    const TABLE: &'static str = "organisations";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("party_id", self.party_id.into()),
            ("parent_id", self.parent_id.into()),
            ("sort_name", sort_name(&self.name).into()),
        ]
    }
}

impl Record for Rank {
    const TABLE: &'static str = "ranks";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("party_id", self.party_id.into()),
            ("nato_code", self.nato_code.as_str().into()),
            ("seniority", seniority(&self.nato_code).into()),
        ]
    }
}

/// Officers above other ranks, higher numbers above lower; OF-D (officer designate) just
/// below OF-1. Text order would put OF-10 between OF-1 and OF-2.
fn seniority(nato_code: &str) -> i64 {
    let number = |prefix: &str| {
        nato_code
            .strip_prefix(prefix)
            .and_then(|n| n.parse::<i64>().ok())
    };
    if let Some(n) = number("OF-") {
        100 + n
    } else if nato_code == "OF-D" {
        100
    } else {
        number("OR-").unwrap_or(0)
    }
}

impl Record for Person {
    const TABLE: &'static str = "people";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        // Latin script first: it is the name both administrations file under.
        let name = if self.name_latin.trim().is_empty() {
            &self.name_ar
        } else {
            &self.name_latin
        };
        vec![
            ("party_id", self.party_id.into()),
            ("organisation_id", self.organisation_id.into()),
            ("rank_id", self.rank_id.into()),
            ("sort_name", fold(name).into()),
        ]
    }
}

impl Record for Area {
    const TABLE: &'static str = "areas";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![("code", self.code.as_str().into())]
    }
}

impl Record for Agreement {
    const TABLE: &'static str = "agreements";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("kind", self.kind.key().into()),
            ("status", self.status.key().into()),
            ("signed_on", self.signed_on.into()),
            ("session_id", self.session_id.into()),
            (
                "enters_on",
                deadline(self, DeadlineKind::EntersIntoForce).into(),
            ),
            ("expires_on", deadline(self, DeadlineKind::Expires).into()),
            ("notice_on", deadline(self, DeadlineKind::NoticeDate).into()),
        ]
    }
    fn links(&self) -> Vec<Links> {
        vec![Links {
            table: "agreement_links",
            owner: "agreement_id",
            columns: &["target_id", "kind"],
            rows: self
                .links
                .iter()
                .map(|l| vec![l.target_id.into(), l.kind.key().into()])
                .collect(),
        }]
    }
}

impl Record for Clause {
    const TABLE: &'static str = "clauses";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("agreement_id", self.agreement_id.into()),
            ("number", self.number.into()),
        ]
    }
}

impl Record for Commission {
    const TABLE: &'static str = "commissions";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![("sort_name", sort_name(&self.name).into())]
    }
}

impl Record for Session {
    const TABLE: &'static str = "sessions";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("commission_id", self.commission_id.into()),
            ("ordinal", self.ordinal.into()),
            ("start_on", self.start_on.into()),
            ("end_on", self.end_on.into()),
            ("host_party_id", self.host_party_id.into()),
        ]
    }
    fn links(&self) -> Vec<Links> {
        let rows = self
            .delegations
            .iter()
            .flat_map(|d| {
                d.members.iter().map(|m| {
                    vec![
                        d.party_id.into(),
                        m.person_id.into(),
                        m.role.key().into(),
                        m.precedence.into(),
                    ]
                })
            })
            .collect();
        vec![Links {
            table: "delegation_members",
            owner: "session_id",
            columns: &["party_id", "person_id", "role", "precedence"],
            rows,
        }]
    }
}

impl Record for ActionPlan {
    const TABLE: &'static str = "action_plans";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("commission_id", self.commission_id.into()),
            ("agreement_id", self.agreement_id.into()),
            ("session_id", self.session_id.into()),
            ("start_on", self.start_on.into()),
        ]
    }
}

impl Record for ActionItem {
    const TABLE: &'static str = "action_items";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("plan_id", self.plan_id.into()),
            ("area_id", self.area_id.into()),
            ("code", self.code.as_str().into()),
            ("code_key", natural_key(&self.code).into()),
            ("status", self.status.key().into()),
            ("start_on", self.start_on.into()),
            ("due_on", self.due_on.into()),
            ("marking", self.protection.marking.level().into()),
            ("releasability", self.protection.releasability.key().into()),
            ("originator", self.protection.originator.into()),
        ]
    }
    fn links(&self) -> Vec<Links> {
        vec![
            Links {
                table: "item_leads",
                owner: "item_id",
                columns: &["party_id", "organisation_id"],
                rows: self
                    .leads
                    .iter()
                    .map(|l| vec![l.party_id.into(), l.organisation_id.into()])
                    .collect(),
            },
            Links {
                table: "item_clauses",
                owner: "item_id",
                columns: &["clause_id"],
                rows: self.clause_ids.iter().map(|c| vec![(*c).into()]).collect(),
            },
        ]
    }
}

impl Record for ProgressUpdate {
    const TABLE: &'static str = "progress_updates";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("item_id", self.item_id.into()),
            ("party_id", self.party_id.into()),
            ("reported_on", self.reported_on.into()),
        ]
    }
}

impl Record for Activity {
    const TABLE: &'static str = "activities";
    protected!();
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("item_id", self.item_id.into()),
            ("start_on", self.start_on.into()),
            ("host_party_id", self.host_party_id.into()),
            ("host_organisation_id", self.host_organisation_id.into()),
        ]
    }
}

impl Record for User {
    const TABLE: &'static str = "users";
    identity!();
    // Accounts are not classified: who may see them is the `User` kind's rule.
    fn protection(&self) -> Protection {
        Protection::default()
    }
    fn columns(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("username", self.username.as_str().into()),
            ("party_id", self.party_id.into()),
            ("role", self.role.key().into()),
            ("active", i64::from(self.active).into()),
        ]
    }
}

/// An agreement's deadline of one kind, as `core` computes it.
fn deadline(a: &Agreement, kind: DeadlineKind) -> Option<chrono::NaiveDate> {
    agreement_deadlines(a)
        .into_iter()
        .find_map(|(k, day)| (k == kind).then_some(day))
}

/// Fills the deadline columns of every stored agreement, for a database written before
/// they existed (migration 0016).
// SQLite's migrations only: PostgreSQL's schema starts where this backfill ends.
#[allow(dead_code)]
pub(in super::super) async fn fill_deadlines(conn: &mut super::d::Conn) -> crate::StoreResult<()> {
    let docs: Vec<(String,)> = sqlx::query_as(&super::d::sql("select doc from agreements"))
        .fetch_all(&mut *conn)
        .await?;
    for (doc,) in docs {
        let a: Agreement = super::read::decode(&doc)?;
        let values = [
            Value::from(deadline(&a, DeadlineKind::EntersIntoForce)),
            Value::from(deadline(&a, DeadlineKind::Expires)),
            Value::from(deadline(&a, DeadlineKind::NoticeDate)),
            Value::from(a.id),
        ];
        let sql = "update agreements set enters_on = ?, expires_on = ?, notice_on = ? where id = ?";
        values
            .into_iter()
            .fold(sqlx::query(&super::d::sql(sql)), super::record::bind)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::seniority;

    #[test]
    fn generals_outrank_lieutenants_and_officers_outrank_sergeants() {
        let mut codes = vec!["OR-9", "OF-2", "OF-10", "OF-D", "OF-1", "OR-1"];
        codes.sort_by_key(|c| std::cmp::Reverse(seniority(c)));
        assert_eq!(codes, ["OF-10", "OF-2", "OF-1", "OF-D", "OR-9", "OR-1"]);
    }
}
