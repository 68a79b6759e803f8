-- 0022_side_positions: each side row records its place among its item's sides, the order of
-- the item's leads (issue 15). Until now the rowid kept that order; a row's rowid is not
-- something PostgreSQL has, nor something a copy between engines carries, so the order
-- moves into a column both engines hold. Rows already stored take their rowid's order.
alter table item_sides add column position integer not null default 0;
update item_sides set position = (
    select count(*) from item_sides s
    where s.item_id = item_sides.item_id and s.rowid < item_sides.rowid
);
