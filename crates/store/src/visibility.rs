//! The reader's visibility as a condition in SQL, over the effective-protection columns the
//! write path keeps (migration 0009, `sqlite/effective.rs`). For every record kind that
//! `Visible` filters, a row satisfies `predicate(who, alias)` exactly when
//! `Scope::visible_to(who)` holds for the record, which is `Principal::may_see` for the
//! record's own protection and for each protection above it, with the parties of the record's
//! commission (or agreement). Users are not covered: only administrators see them.
//!
//! Why each clause matches `may_see`, applied to every member of the chain with the same
//! parties (`Scope::decide`):
//! - clearance: every member's marking must be at most the reader's clearance, so the
//!   highest of them must be (`eff_marking <= ?`);
//! - originator-only: every such member must name the reader's party. `eff_originator` is
//!   null when there is none (no constraint), the one party when they all name the same,
//!   and `'!'` — no party's id — when they differ or one names none. A reader of no party
//!   never passes an originator-only member, so for them the column must be null;
//! - all parties: every such member asks the same question — no parties to reach (null
//!   scope: vocabularies, registry, an activity outside any item), a reader of no party
//!   (the demo visitor), or the reader's party among the scope's parties
//!   (`scope_parties`). So it is asked once, when any member is (`eff_all`).
//!
//! The property test `tests/visibility_predicate.rs` checks this equality over generated
//! data. The windowed reads (`sqlite/item_window.rs`, `plan_window.rs`, `windows.rs`) select
//! with it; `Visible` still decides and redacts each row they return.

use taawun_core::Principal;

/// A value the condition's `?` placeholders take, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    Int(i64),
    Text(String),
}

/// An SQL condition and the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicate {
    pub sql: String,
    pub values: Vec<Bound>,
}

impl Predicate {
    /// Binds the values, in order, to the query holding the condition.
    pub fn bind<'q, O>(
        &self,
        mut q: sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments<'q>>,
    ) -> sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments<'q>> {
        for v in &self.values {
            q = match v {
                Bound::Int(i) => q.bind(*i),
                Bound::Text(s) => q.bind(s.clone()),
            };
        }
        q
    }
}

/// The rows of the table aliased `alias` that `who` may see (see the module's note). The
/// alias must be a plain identifier the caller chose, never user input.
pub fn predicate(who: &Principal, alias: &str) -> Predicate {
    debug_assert!(alias.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    let a = alias;
    let clearance = Bound::Int(who.clearance.level());
    match who.party_id {
        // No party: nothing originator-only, and "all parties" reaches them everywhere.
        None => Predicate {
            sql: format!("({a}.eff_marking <= ? and {a}.eff_originator is null)"),
            values: vec![clearance],
        },
        // The scope's parties are probed with a scalar subquery, one primary-key lookup per
        // row the walk passes: PostgreSQL turns an `exists` under `or` into a hash of every
        // scope of the reader's party (3,400 rows for the host on the national set), built
        // anew by every statement, even one that stops after ten rows. `is not null`, not
        // `= 1`: its planner guesses an unknown `is not null` almost always true, as it is
        // for a reader this predicate serves (narrow readers are `split`), where it guesses
        // an equality rarely true and then sorts every row rather than walk an order.
        Some(party) => {
            let party = party.to_string();
            Predicate {
                sql: format!(
                    "({a}.eff_marking <= ?
                      and ({a}.eff_originator is null or {a}.eff_originator = ?)
                      and ({a}.eff_all = 0 or {a}.eff_scope is null or (
                          select 1 from scope_parties sp
                          where sp.scope_id = {a}.eff_scope and sp.party_id = ?) is not null))"
                ),
                values: vec![clearance, Bound::Text(party.clone()), Bound::Text(party)],
            }
        }
    }
}

/// Below this many scopes reaching the reader's party, `split` is worth it: the rows the
/// reader may see are few, and finding them by scope beats walking an order past the rest.
pub const NARROW_SCOPES: i64 = 25;

/// The rows of `predicate` as two disjoint conditions whose union they are: (a) those
/// released to all the parties of a scope that has the reader's party, written
/// `eff_scope in (…)` so that an index on `eff_scope` finds them, and (b) those no scope
/// restricts (`eff_all = 0` or no scope). Both keep the clearance and originator clauses.
/// `None` for a reader of no party, for whom `predicate` has no party clause to split.
pub fn split(who: &Principal, alias: &str) -> Option<(Predicate, Predicate)> {
    debug_assert!(alias.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    let a = alias;
    let party = who.party_id?.to_string();
    let clearance = Bound::Int(who.clearance.level());
    let common =
        format!("{a}.eff_marking <= ? and ({a}.eff_originator is null or {a}.eff_originator = ?)");
    let scoped = Predicate {
        sql: format!(
            "({common} and {a}.eff_all = 1 and {a}.eff_scope in (
                 select sp.scope_id from scope_parties sp where sp.party_id = ?))"
        ),
        values: vec![
            clearance.clone(),
            Bound::Text(party.clone()),
            Bound::Text(party.clone()),
        ],
    };
    let open = Predicate {
        sql: format!("({common} and ({a}.eff_all = 0 or {a}.eff_scope is null))"),
        values: vec![clearance, Bound::Text(party)],
    };
    Some((scoped, open))
}
