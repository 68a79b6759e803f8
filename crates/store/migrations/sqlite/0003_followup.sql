-- 0003: follow-up between sessions. Action items get the columns dashboards read without
-- decoding documents, and each item's sides (one row per lead party) get a table.
--
-- The write path keeps all of it current: the item's own fields on every save of the
-- item; its commission and agreement (its plan's) on every save of the item or the plan;
-- its joint status, percent, last report and side rows on every save of the item or of
-- one of its progress updates (`core::followup`). Rows written before this migration are
-- backfilled in Rust right after this file, in the same transaction.

-- when the item starts (the due date is there since 0001)
alter table action_items add column start_on text;
-- joint percent, 0-100 (`followup::joint_percent`)
alter table action_items add column percent integer not null default 0;
-- date of the latest report of any side that counts for the item
alter table action_items add column last_report text;
-- copies of the plan's commission and agreement (no foreign key: the plan's own keys
-- guard them, and a copy stays droppable should a later version rebuild it)
alter table action_items add column commission_id text;
alter table action_items add column agreement_id text;
-- the item's own protection: `Marking::level`, `Releasability::key`, originating party
alter table action_items add column marking integer not null default 0;
alter table action_items add column releasability text not null default 'all_parties';
alter table action_items add column originator text;
-- when the facts above last changed, on one counter for the whole table (the next value
-- is max + 1, taken under the write lock): a reader holding facts up to n asks only for
-- the rows above n
alter table action_items add column facts_seq integer not null default 0;

create index action_items_commission on action_items (commission_id, status, due_on);
create index action_items_agreement on action_items (agreement_id);
create index action_items_facts_seq on action_items (facts_seq);

-- item_sides: each lead party's own state of an item, from its latest report that counts
-- (`followup::side_states`); rewritten with the item's facts.
create table item_sides (
    item_id         text not null references action_items (id) on delete cascade,
    party_id        text not null references parties (id),
    organisation_id text not null references organisations (id),
    -- `ItemStatus::key`
    status          text not null,
    percent         integer not null,
    last_report     text,
    primary key (item_id, party_id)
);
create index item_sides_party on item_sides (party_id);
create index item_sides_organisation on item_sides (organisation_id);

-- reports since a date (reminders, "what changed since the last session")
create index progress_updates_reported on progress_updates (reported_on);
