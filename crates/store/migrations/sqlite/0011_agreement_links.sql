-- 0011_agreement_links
-- Issue 12: which agreements amend, supersede or implement which, as rows the write path
-- keeps with the agreement (like an item's leads), so that an agreement's page finds those
-- pointing at it with an index instead of reading every agreement.
create table agreement_links (
    agreement_id text not null references agreements (id) on delete cascade,
    -- Not a reference: an agreement may name one that is not (yet) in this instance.
    target_id    text not null,
    -- `LinkKind::key`
    kind         text not null
);
create index agreement_links_agreement on agreement_links (agreement_id);
create index agreement_links_target on agreement_links (target_id, agreement_id);

insert into agreement_links (agreement_id, target_id, kind)
select a.id, json_extract(l.value, '$.target_id'), json_extract(l.value, '$.kind')
from agreements a, json_each(a.doc, '$.links') l;
