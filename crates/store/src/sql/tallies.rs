//! The triggers that keep the dashboards' tallies (migration 0015: what the tables hold and
//! who their viewers are). They run inside whatever statement changes an item, its sides or
//! a scope's parties — the write path, the effective-protection cascades, a migration's
//! backfill — so no writer can forget them. The rule is one: an item's rows are subtracted
//! before a change that could move them (reading the rows as they stand) and added after it
//! (reading them as they now are); a side whose item and party stay moves only its own rows;
//! a scope gaining or losing a party adds or subtracts that party's view of the scope's items.
//!
//! The trigger text is part of migration 0015 (SQLite) and 0002 (PostgreSQL, where each
//! trigger calls a function holding the same statements): changing it needs a new
//! migration that drops and recreates the triggers. The few words the engines spell
//! differently come from the dialect, so that SQLite's text stays as 0015 wrote it.

use super::d;

/// The item's effective-protection columns: a change moves every row of the item.
const EFF: [&str; 4] = ["eff_marking", "eff_originator", "eff_all", "eff_scope"];

/// The side columns whose change moves a side's rows.
const SIDE_COLUMNS: [&str; 4] = ["organisation_id", "status", "percent", "last_report"];

fn changed(columns: &[&str]) -> String {
    columns
        .iter()
        .map(|c| format!("old.{c} {} new.{c}", d::DIFFERS))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The upserts adding a statement's rows to a tally's: the stored row is named through
/// `d::stored`, which PostgreSQL needs qualified (its `excluded` row has the same columns).
fn items_upsert() -> String {
    let t = d::stored("tally_items");
    format!(
        "on conflict (scope, viewer, eff_marking, restricted, area_id, status)
    do update set items = {t}items + excluded.items,
                  percent_sum = {t}percent_sum + excluded.percent_sum"
    )
}
fn sides_upsert() -> String {
    let t = d::stored("tally_sides");
    format!(
        "on conflict (scope, viewer, eff_marking, restricted, party_id, organisation_id, done)
    do update set sides = {t}sides + excluded.sides,
                  percent_sum = {t}percent_sum + excluded.percent_sum"
    )
}
fn dates_upsert() -> String {
    let t = d::stored("tally_dates");
    format!(
        "on conflict (scope, viewer, series, grain, period, eff_marking)
    do update set items = {t}items + excluded.items"
    )
}

/// Which of an item's rows a statement set moves.
#[derive(Clone, Copy)]
struct Parts {
    items: bool,
    sides: bool,
    /// The `tally_dates` series, as an SQL list.
    series: Option<&'static str>,
}

const ALL_PARTS: Parts = Parts {
    items: true,
    sides: true,
    series: Some("('due', 'risk', 'both')"),
};

/// The statements adding `sign` (1 or -1) times every row of the item whose id is `item`
/// (an expression such as `new.id`).
fn whole_item(item: &str, sign: i32) -> String {
    item_rows(item, sign, None, ALL_PARTS)
}

/// The item's rows of `parts` only.
fn some_rows(item: &str, sign: i32, parts: Parts) -> String {
    item_rows(item, sign, None, parts)
}

/// The statements adding `sign` times the rows that the side of party `party` (an
/// expression) brings to its item `item`: the item in that party's scope, and the side
/// itself in every scope. Used where the side row is present (after an insert, before a
/// delete), since an upsert fires an insert's `before` triggers even when it updates.
fn side_rows(item: &str, party: &str, sign: i32) -> String {
    item_rows(item, sign, Some(party), ALL_PARTS)
}

fn item_rows(item: &str, sign: i32, party: Option<&str>, parts: Parts) -> String {
    let items_upsert = items_upsert();
    let sides_upsert = sides_upsert();
    let dates_upsert = dates_upsert();
    let (in_scope, with_side) = match party {
        None => (String::new(), String::new()),
        Some(p) => (
            format!("and s.scope = 'p:' || {p}"),
            format!("and (s.scope = 'p:' || {p} or d.party_id = {p})"),
        ),
    };
    let mut out = String::new();
    if parts.items {
        out.push_str(&format!(
            "insert into tally_items
             select s.scope, v.viewer, i.eff_marking, {restricted}, i.area_id,
                    i.status, {sign}, {sign} * i.percent
               from action_items i
               join tally_viewers v on v.item_id = i.id
               join tally_scopes s on s.item_id = i.id
              where i.id = {item} and v.item_id = {item} and s.item_id = {item} {in_scope}
             {items_upsert};",
            restricted = d::flag("i.eff_originator is not null"),
        ));
    }
    if parts.sides {
        out.push_str(&format!(
            "insert into tally_sides
             select s.scope, v.viewer, i.eff_marking, {restricted}, d.party_id,
                    d.organisation_id, {done}, {sign}, {sign} * d.percent
               from action_items i
               join tally_viewers v on v.item_id = i.id
               join tally_scopes s on s.item_id = i.id
               join item_sides d on d.item_id = i.id
              where i.id = {item} and v.item_id = {item} and s.item_id = {item}
                and d.item_id = {item} and i.status <> 'cancelled' {with_side}
             {sides_upsert};",
            restricted = d::flag("i.eff_originator is not null"),
            done = d::flag("d.status = 'done'"),
        ));
    }
    if let Some(series) = parts.series {
        out.push_str(&format!(
            "insert into tally_dates
             select s.scope, v.viewer, x.series, g.grain,
                    case g.grain when 'm' then substr(x.day, 1, 7) else x.day end,
                    i.eff_marking, {sign}
               from action_items i
               join tally_viewers v on v.item_id = i.id
               join tally_scopes s on s.item_id = i.id
               join tally_days x on x.item_id = i.id
               join (select 'm' as grain union all select 'd') g {on_any}
              where i.id = {item} and v.item_id = {item} and s.item_id = {item}
                and x.item_id = {item} and x.series in {series} {in_scope}
             {dates_upsert};",
            on_any = d::ON_ANY,
        ));
    }
    out
}

/// The statement adding `sign` times the rows of one side (`row` is `new` or `old`), its
/// item and party unchanged.
fn one_side(row: &str, sign: i32) -> String {
    let sides_upsert = sides_upsert();
    format!(
        "insert into tally_sides
         select s.scope, v.viewer, i.eff_marking, {restricted}, {row}.party_id,
                {row}.organisation_id, {done}, {sign}, {sign} * {row}.percent
           from action_items i
           join tally_viewers v on v.item_id = i.id
           join tally_scopes s on s.item_id = i.id
          where i.id = {row}.item_id and v.item_id = {row}.item_id
            and s.item_id = {row}.item_id and i.status <> 'cancelled'
         {sides_upsert};",
        restricted = d::flag("i.eff_originator is not null"),
        done = d::flag(&format!("{row}.status = 'done'")),
    )
}

/// The statements adding `sign` times the rows that party `row.party_id` reads, as a viewer,
/// of the items released to the parties of scope `row.scope_id` (`row` is `new` or `old`).
fn reach(row: &str, sign: i32) -> String {
    let items_upsert = items_upsert();
    let sides_upsert = sides_upsert();
    let dates_upsert = dates_upsert();
    let items = format!(
        "i.eff_scope = {row}.scope_id and i.eff_all = 1
         and (i.eff_originator is null or i.eff_originator = {row}.party_id)"
    );
    format!(
        "insert into tally_items
         select s.scope, {row}.party_id, i.eff_marking, {restricted},
                i.area_id, i.status, {sign} * count(*), {sign} * sum(i.percent)
           from action_items i
           join tally_scopes s on s.item_id = i.id
          where {items}
          group by 1, 2, 3, 4, 5, 6
         {items_upsert};
         insert into tally_sides
         select s.scope, {row}.party_id, i.eff_marking, {restricted},
                d.party_id, d.organisation_id, {done},
                {sign} * count(*), {sign} * sum(d.percent)
           from action_items i
           join tally_scopes s on s.item_id = i.id
           join item_sides d on d.item_id = i.id
          where {items} and i.status <> 'cancelled'
          group by 1, 2, 3, 4, 5, 6, 7
         {sides_upsert};
         insert into tally_dates
         select s.scope, {row}.party_id, x.series, g.grain,
                case g.grain when 'm' then substr(x.day, 1, 7) else x.day end,
                i.eff_marking, {sign} * count(*)
           from action_items i
           join tally_scopes s on s.item_id = i.id
           join tally_days x on x.item_id = i.id
           join (select 'm' as grain union all select 'd') g {on_any}
          where {items}
          group by 1, 2, 3, 4, 5, 6
         {dates_upsert};",
        restricted = d::flag("i.eff_originator is not null"),
        done = d::flag("d.status = 'done'"),
        on_any = d::ON_ANY,
    )
}

use d::trigger;

/// The triggers of migration 0015, as one script.
pub(in super::super) fn triggers() -> String {
    let side_changed = changed(&SIDE_COLUMNS);
    let side_moved = changed(&["item_id", "party_id"]);
    let item_moved = changed(&["item_id"]);
    let side_kept = format!("not ({side_moved}) and ({side_changed})");
    let reach_moved = changed(&["scope_id", "party_id"]);
    let item_insert = [
        // Items are never deleted (a plan's items are cancelled, not removed).
        trigger(
            "tally_item_insert",
            "after insert",
            "action_items",
            None,
            &whole_item("new.id", 1),
        ),
    ]
    .concat();
    let with_eff = |cols: &[&'static str]| changed(&[cols, &EFF[..]].concat());
    // A change moves only the rows that read what changed: a report moves the item's
    // percent and risk dates, not its sides' rows (which follow the side's own row) nor its
    // due date's.
    let on_update = [
        (
            "items",
            with_eff(&["area_id", "status", "percent"]),
            Parts {
                items: true,
                sides: false,
                series: None,
            },
        ),
        (
            "sides",
            format!(
                "{} or (old.status = 'cancelled') {} (new.status = 'cancelled')",
                changed(&EFF),
                d::DIFFERS
            ),
            Parts {
                items: false,
                sides: true,
                series: None,
            },
        ),
        (
            "due",
            with_eff(&["status", "due_on"]),
            Parts {
                items: false,
                sides: false,
                series: Some("('due')"),
            },
        ),
        (
            "risk",
            with_eff(&["at_risk_from", "overdue_from"]),
            Parts {
                items: false,
                sides: false,
                series: Some("('risk', 'both')"),
            },
        ),
    ];
    let mut script = item_insert;
    for (name, when, parts) in on_update {
        script.push_str(&trigger(
            &format!("tally_item_{name}_before"),
            "before update",
            "action_items",
            Some(&when),
            &some_rows("old.id", -1, parts),
        ));
        script.push_str(&trigger(
            &format!("tally_item_{name}_after"),
            "after update",
            "action_items",
            Some(&when),
            &some_rows("new.id", 1, parts),
        ));
    }
    let rest = [
        // A side added or removed: the item in that party's scope, and the side everywhere.
        trigger(
            "tally_side_insert",
            "after insert",
            "item_sides",
            None,
            &side_rows("new.item_id", "new.party_id", 1),
        ),
        trigger(
            "tally_side_delete",
            "before delete",
            "item_sides",
            None,
            &side_rows("old.item_id", "old.party_id", -1),
        ),
        // A report moves one side's own state: that side's rows only.
        trigger(
            "tally_side_update",
            "after update",
            "item_sides",
            Some(&side_kept),
            &format!("{}\n{}", one_side("old", -1), one_side("new", 1)),
        ),
        // A side moved to another item or party (the write path never does): both items.
        trigger(
            "tally_side_before_move",
            "before update",
            "item_sides",
            Some(&side_moved),
            &whole_item("old.item_id", -1),
        ),
        trigger(
            "tally_side_after_move",
            "after update",
            "item_sides",
            Some(&side_moved),
            &whole_item("old.item_id", 1),
        ),
        trigger(
            "tally_side_before_move_to",
            "before update",
            "item_sides",
            Some(&item_moved),
            &whole_item("new.item_id", -1),
        ),
        trigger(
            "tally_side_after_move_to",
            "after update",
            "item_sides",
            Some(&item_moved),
            &whole_item("new.item_id", 1),
        ),
        trigger(
            "tally_reach_insert",
            "after insert",
            "scope_parties",
            None,
            &reach("new", 1),
        ),
        trigger(
            "tally_reach_delete",
            "after delete",
            "scope_parties",
            None,
            &reach("old", -1),
        ),
        trigger(
            "tally_reach_update",
            "after update",
            "scope_parties",
            Some(&reach_moved),
            &format!("{}\n{}", reach("old", -1), reach("new", 1)),
        ),
    ]
    .concat();
    script.push_str(&rest);
    script
}
