-- 0015_item_tallies
-- Issue 12, part 4: the dashboards' figures kept as items and reports are written, so that
-- the instance-wide dashboard and a party's add up a few hundred rows instead of judging
-- every item. Each visible item adds to the rows of its "viewers" (who may read it, below)
-- and of its scopes ('all', and 'p:<party>' for each party leading a side):
--   tally_items  its count and joint percent, by area and joint status;
--   tally_sides  each side's count, done and percent, by party and lead body (cancelled
--                items left out, as the figures leave them);
--   tally_dates  the days it crosses a figure's boundary: 'due' (open items by due date:
--                overdue, due within 30 or 90 days), 'risk' (at risk from) and 'both' (from
--                when it is both at risk and overdue), each by month ('m') and by day ('d'),
--                so that "up to today" is the months before this one plus this month's days.
-- Every row also carries the effective marking (a reader adds up the rows at or below their
-- clearance) and whether any record of the item's chain is originator-only (for the banner).
--
-- Viewers (`tally_viewers`) partition what `visibility::predicate` decides: a reader of a
-- party reads the rows of viewer = their party and of viewer '*' (released to every party
-- and to readers of none); a reader of no party reads viewer '' and '*'. The triggers that
-- keep the three tables (created in Rust right after this file, `sqlite/tallies.rs`)
-- subtract an item's rows before a change and add them after it; the rows already stored
-- are added up here by the same views. Commission and agreement dashboards are counted
-- from their own items instead (an indexed range of one commission's items).

create table tally_items (
    scope       text not null,
    viewer      text not null,
    eff_marking integer not null,
    restricted  integer not null,
    area_id     text not null,
    status      text not null,
    items       integer not null,
    percent_sum integer not null,
    primary key (scope, viewer, eff_marking, restricted, area_id, status)
) without rowid;

create table tally_sides (
    scope           text not null,
    viewer          text not null,
    eff_marking     integer not null,
    restricted      integer not null,
    party_id        text not null,
    organisation_id text not null,
    done            integer not null,
    sides           integer not null,
    percent_sum     integer not null,
    primary key (scope, viewer, eff_marking, restricted, party_id, organisation_id, done)
) without rowid;

create table tally_dates (
    scope       text not null,
    viewer      text not null,
    series      text not null,
    grain       text not null,
    period      text not null,
    eff_marking integer not null,
    items       integer not null,
    primary key (scope, viewer, series, grain, period, eff_marking)
) without rowid;

-- Who reads each item: see above. The four parts are disjoint for any one reader.
create view tally_viewers (item_id, viewer) as
    select i.id, '*' from action_items i
     where i.eff_originator is null and (i.eff_all = 0 or i.eff_scope is null)
    union all
    select i.id, '' from action_items i
     where i.eff_originator is null and i.eff_all = 1 and i.eff_scope is not null
    union all
    select i.id, sp.party_id from action_items i
      join scope_parties sp on sp.scope_id = i.eff_scope
     where i.eff_all = 1 and (i.eff_originator is null or sp.party_id = i.eff_originator)
    union all
    select i.id, i.eff_originator from action_items i
     where i.eff_originator <> '!' and (i.eff_all = 0 or i.eff_scope is null);

-- The scopes each item counts in.
create view tally_scopes (item_id, scope) as
    select id, 'all' from action_items
    union all
    select item_id, 'p:' || party_id from item_sides;

-- The days each item crosses a boundary on.
create view tally_days (item_id, series, day) as
    select id, 'due', due_on from action_items
     where status not in ('done', 'cancelled') and due_on is not null
    union all
    select id, 'risk', at_risk_from from action_items where at_risk_from is not null
    union all
    select id, 'both', max(at_risk_from, overdue_from) from action_items
     where at_risk_from is not null and overdue_from is not null;

insert into tally_items
select s.scope, v.viewer, i.eff_marking, i.eff_originator is not null, i.area_id, i.status,
       count(*), sum(i.percent)
  from action_items i
  join tally_viewers v on v.item_id = i.id
  join tally_scopes s on s.item_id = i.id
 group by 1, 2, 3, 4, 5, 6;

insert into tally_sides
select s.scope, v.viewer, i.eff_marking, i.eff_originator is not null, d.party_id,
       d.organisation_id, d.status = 'done', count(*), sum(d.percent)
  from action_items i
  join tally_viewers v on v.item_id = i.id
  join tally_scopes s on s.item_id = i.id
  join item_sides d on d.item_id = i.id
 where i.status <> 'cancelled'
 group by 1, 2, 3, 4, 5, 6, 7;

insert into tally_dates
select s.scope, v.viewer, x.series, g.grain,
       case g.grain when 'm' then substr(x.day, 1, 7) else x.day end, i.eff_marking, count(*)
  from action_items i
  join tally_viewers v on v.item_id = i.id
  join tally_scopes s on s.item_id = i.id
  join tally_days x on x.item_id = i.id
  join (select 'm' as grain union all select 'd') g
 group by 1, 2, 3, 4, 5, 6;
