//! The effective-protection columns (`eff_*`, migration 0009) and the `scope_parties` table,
//! kept by the write path in the record's own transaction. Each statement recomputes the
//! columns of some rows of one table from the row's own protection (in its `doc`) and its
//! parent's effective columns, exactly as `scope.rs` chains a record to what is above it:
//!
//! - vocabularies and registry: their own protection, released to every party;
//! - commission: its own, reaching its own parties;
//! - agreement: its own only (it is not hidden with its commission), reaching its
//!   commission's parties, or its own when it has no commission;
//! - clause: its own and its agreement's, reaching the agreement's parties;
//! - session and plan: their own and their commission's;
//! - item: its own and its plan's chain; progress: its own and its item's chain;
//! - activity: its own, and its item's chain when it belongs to an item.
//!
//! A save recomputes its record, then, when the record's protection or parent changed, its
//! descendants in order (a parent's row before its children's), so that every row reads
//! an up-to-date parent.

use super::d::Conn;
use super::{d, record::Value, script::Script};
use crate::StoreResult;
use taawun_core::RecordKind;

/// The record's own marking level, from its document (`Marking::level`).
fn own_marking() -> String {
    format!(
        "(case {} when 'restricted' then 1 when 'confidential' then 2 when 'secret' then 3 \
         else 0 end)",
        d::json_text("t.doc", "protection.marking")
    )
}
/// Whether the record itself is "releasable to all parties" (1) or not (0): a number, as
/// the column holds, so that it combines with the parent's by `max`.
fn own_all() -> String {
    format!(
        "(case when coalesce({}, '') <> 'originator_only' then 1 else 0 end)",
        d::json_text("t.doc", "protection.releasability")
    )
}
/// The party the record itself is released to alone: null when it is released to all
/// parties, '!' (no party) when it is originator-only without an originator.
fn own_originator() -> String {
    format!(
        "(case when {} = 'originator_only' then coalesce({}, '!') end)",
        d::json_text("t.doc", "protection.releasability"),
        d::json_text("t.doc", "protection.originator")
    )
}

/// Combines the record's originator with its parent's (`p`): a chain released to two
/// different originators is released to nobody, since each must be the reader's party.
fn originator_with_parent() -> String {
    let own = own_originator();
    format!(
        "(case when {own} is null then p.eff_originator
               when p.eff_originator is null then {own}
               when {own} = p.eff_originator then p.eff_originator
               else '!' end)"
    )
}

/// `update` of the rows of `table` matching `rows` (over alias `t`), from their own
/// protection alone, reaching the parties of `scope` (an expression over `t`).
fn alone(table: &str, scope: &str, rows: &str) -> String {
    format!(
        "update {table} as t set eff_marking = {marking}, eff_all = {all},
             eff_scope = {scope}, eff_originator = {originator}
         where {rows}",
        marking = own_marking(),
        all = own_all(),
        originator = own_originator(),
    )
}

/// `update` of the rows of `table` matching `rows`, combining their own protection with
/// their parent row in `parent` (`p.id = t.{key}`), whose scope they share.
fn under(table: &str, parent: &str, key: &str, rows: &str) -> String {
    format!(
        "update {table} as t set eff_marking = {max}({marking}, p.eff_marking),
             eff_all = {max}({all}, p.eff_all), eff_scope = p.eff_scope,
             eff_originator = {orig}
         from {parent} as p where p.id = t.{key} and ({rows})",
        max = d::GREATEST,
        marking = own_marking(),
        all = own_all(),
        orig = originator_with_parent()
    )
}

/// An agreement's scope: its commission's when it names an existing one (a dangling id has
/// no parties, as `scope::agreement_parties` finds none), else its own.
fn agreement_scope() -> String {
    let named = d::json_text("t.doc", "commission_id");
    format!(
        "(case when {named} is null then t.id
         when exists (select 1 from commissions c where c.id = {named}) then {named} end)"
    )
}

// Read by `fill_all` only.
#[allow(dead_code)]
/// The tables of the vocabularies and the registry: their own protection, every party.
const STANDALONE: [&str; 5] = ["parties", "organisations", "ranks", "people", "areas"];

/// Items of the plans matching `{plans}`, and children of the items matching `{items}`
/// (conditions over the unaliased table of the subquery).
const ITEMS_OF_PLANS: &str = "t.plan_id in (select id from action_plans where {plans})";
const CHILDREN_OF_ITEMS: &str = "t.item_id in (select id from action_items where {items})";

/// Progress and activities of the items matching `items` (unaliased condition).
fn item_children(script: &mut Script, items: &str, values: &[Value]) {
    let rows = CHILDREN_OF_ITEMS.replace("{items}", items);
    script.push(
        &under("progress_updates", "action_items", "item_id", &rows),
        values.to_vec(),
    );
    script.push(
        &under("activities", "action_items", "item_id", &rows),
        values.to_vec(),
    );
}

/// What a save did to the record, as far as the rows below it are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    /// A new record: nothing is below it yet (but an agreement may already name a new
    /// commission, since an agreement's commission is not checked to exist).
    New,
    /// Its protection and parent are as they were: the rows below it stand.
    Kept,
    /// Its protection, parent or commission changed: the rows below it follow.
    Moved,
}

impl Change {
    /// `before` and `after` are the record's documents as JSON, before and after the save.
    pub(super) fn of(before: Option<&serde_json::Value>, after: &serde_json::Value) -> Self {
        let Some(before) = before else {
            return Change::New;
        };
        let moved = [
            "protection",
            "commission_id",
            "plan_id",
            "item_id",
            "agreement_id",
        ]
        .iter()
        .any(|k| before.get(k) != after.get(k));
        if moved { Change::Moved } else { Change::Kept }
    }
}

/// The statements recomputing a saved record of `kind` with this id: its own row, its
/// scope's parties when it has a scope, and, when `change` asks for it, the rows below it.
pub(super) fn push(script: &mut Script, kind: RecordKind, id: Value, change: Change) {
    let one = || vec![id.clone()];
    let this = "t.id = ?";
    let descendants = change == Change::Moved;
    match kind {
        RecordKind::Party => script.push(&alone("parties", "null", this), one()),
        RecordKind::Organisation => script.push(&alone("organisations", "null", this), one()),
        RecordKind::Rank => script.push(&alone("ranks", "null", this), one()),
        RecordKind::Person => script.push(&alone("people", "null", this), one()),
        RecordKind::Area => script.push(&alone("areas", "null", this), one()),
        RecordKind::Commission => {
            script.push(&alone("commissions", "t.id", this), one());
            push_parties(script, "commissions", id.clone());
            if change == Change::New {
                // Agreements that named this commission before it existed reached no
                // parties; now they reach its own, and so do their clauses.
                let naming = format!("{} = ?", d::json_text("t.doc", "commission_id"));
                script.push(&alone("agreements", &agreement_scope(), &naming), one());
                let clauses = format!(
                    "t.agreement_id in (select id from agreements where {} = ?)",
                    d::json_text("doc", "commission_id")
                );
                script.push(
                    &under("clauses", "agreements", "agreement_id", &clauses),
                    one(),
                );
            }
            if descendants {
                for table in ["sessions", "action_plans"] {
                    let rows = "t.commission_id = ?";
                    script.push(&under(table, "commissions", "commission_id", rows), one());
                }
                let plans = "commission_id = ?";
                let items = ITEMS_OF_PLANS.replace("{plans}", plans);
                script.push(
                    &under("action_items", "action_plans", "plan_id", &items),
                    one(),
                );
                let of_items = format!("plan_id in (select id from action_plans where {plans})");
                item_children(script, &of_items, &one());
            }
        }
        RecordKind::Agreement => {
            script.push(&alone("agreements", &agreement_scope(), this), one());
            push_parties(script, "agreements", id.clone());
            if descendants {
                let rows = "t.agreement_id = ?";
                script.push(&under("clauses", "agreements", "agreement_id", rows), one());
            }
        }
        RecordKind::Clause => {
            script.push(&under("clauses", "agreements", "agreement_id", this), one());
        }
        RecordKind::Session => {
            script.push(
                &under("sessions", "commissions", "commission_id", this),
                one(),
            );
        }
        RecordKind::ActionPlan => {
            script.push(
                &under("action_plans", "commissions", "commission_id", this),
                one(),
            );
            if descendants {
                let rows = "t.plan_id = ?";
                script.push(
                    &under("action_items", "action_plans", "plan_id", rows),
                    one(),
                );
                item_children(script, "plan_id = ?", &one());
            }
        }
        RecordKind::ActionItem => {
            script.push(
                &under("action_items", "action_plans", "plan_id", this),
                one(),
            );
            if descendants {
                item_children(script, "id = ?", &one());
            }
        }
        RecordKind::ProgressUpdate => {
            script.push(
                &under("progress_updates", "action_items", "item_id", this),
                one(),
            );
        }
        RecordKind::Activity => {
            // Outside an item the first applies; inside one, the second (the first's result
            // is then overwritten by the row's full chain).
            script.push(&alone("activities", "null", this), one());
            script.push(&under("activities", "action_items", "item_id", this), one());
        }
        // Accounts carry no protection: only administrators see them (`decide`).
        RecordKind::User => {}
    }
}

/// The commission's (or agreement's) parties, from its document as just written. Only the
/// parties that changed are deleted or inserted: each row that moves moves the dashboards'
/// tallies of the scope's items too (`tallies`).
fn push_parties(script: &mut Script, table: &str, id: Value) {
    script.push(
        &format!(
            "delete from scope_parties where scope_id = ? and party_id not in (
                 select j.value from {table} as t, {each} where t.id = ?)",
            each = d::json_each("t.doc", "party_ids", "j")
        ),
        [id.clone(), id.clone()],
    );
    script.push(
        &format!(
            "insert into scope_parties (scope_id, party_id)
             select t.id, j.value from {table} as t, {each} where t.id = ?
             on conflict do nothing",
            each = d::json_each("t.doc", "party_ids", "j")
        ),
        [id],
    );
}

/// Fills every row's columns and every scope's parties, parents before children: for a
/// database written before 0009, and for the benchmark generator's rows.
// SQLite's migrations only: PostgreSQL's schema starts where this backfill ends.
#[allow(dead_code)]
pub(in super::super) async fn fill_all(conn: &mut Conn) -> StoreResult<()> {
    let mut script = Script::default();
    let all = "true";
    for table in STANDALONE {
        script.push(&alone(table, "null", all), []);
    }
    script.push(&alone("commissions", "t.id", all), []);
    script.push(&alone("agreements", &agreement_scope(), all), []);
    script.push("delete from scope_parties", []);
    for table in ["commissions", "agreements"] {
        script.push(
            &format!(
                "insert into scope_parties (scope_id, party_id)
                 select t.id, j.value from {table} as t, {each} where true on conflict do nothing",
                each = d::json_each("t.doc", "party_ids", "j")
            ),
            [],
        );
    }
    script.push(&under("clauses", "agreements", "agreement_id", all), []);
    script.push(&under("sessions", "commissions", "commission_id", all), []);
    script.push(
        &under("action_plans", "commissions", "commission_id", all),
        [],
    );
    script.push(&under("action_items", "action_plans", "plan_id", all), []);
    script.push(
        &under("progress_updates", "action_items", "item_id", all),
        [],
    );
    script.push(&alone("activities", "null", all), []);
    script.push(&under("activities", "action_items", "item_id", all), []);
    script.run(conn).await
}
