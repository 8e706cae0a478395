-- 0049 Published procedure decisions (issue 22 item 2): each change of a province's catalog is announced by a
-- decision of the chairman of the provincial People's Committee (quyết định công bố danh mục thủ tục hành chính
-- mới ban hành, sửa đổi, bổ sung, bãi bỏ — Decree 63/2010/NĐ-CP Art. 15, as amended by Decree 92/2017/NĐ-CP;
-- Circular 02/2017/TT-VPCP), and the portal publishes it with the procedures it changed. A draft is visible to
-- its editors only; publishing freezes it (published_at set, no further edits).

create table procedure_decision (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  -- The decision's number and symbol as printed, e.g. "1234/QĐ-UBND".
  number text not null check (length(number) between 3 and 60),
  signed_on date not null,
  title text not null check (length(title) between 1 and 1000),
  effective_on date,
  -- The signer's position and name as printed ("Chủ tịch Ủy ban nhân dân tỉnh"), optional.
  signer text check (signer is null or length(signer) between 1 and 200),
  -- The catalog import run the draft was filled from, when it was.
  import_id uuid references catalog_import (id),
  status text not null default 'draft' check (status in ('draft', 'published')),
  published_at timestamptz,
  published_by uuid references app_user (id),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint procedure_decision_published check ((status = 'published') = (published_at is not null)),
  constraint procedure_decision_effective check (effective_on is null or effective_on >= signed_on)
);
comment on table procedure_decision is
  'Decisions announcing changes of a province catalog (new, amended, abolished procedures); published ones are public notices. version is the optimistic-lock row version.';
create unique index procedure_decision_number_key on procedure_decision (province_code, number);
-- The public list: published decisions of a province, newest signature first (keyset on signed_on, id).
create index procedure_decision_public_idx on procedure_decision (province_code, signed_on desc, id desc)
  where status = 'published';
-- The editors' list: every decision of a province (drafts first by the same order).
create index procedure_decision_list_idx on procedure_decision (province_code, status, signed_on desc, id desc);

create table procedure_decision_item (
  decision_id uuid not null references procedure_decision (id) on delete cascade,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  position integer not null check (position between 1 and 2000),
  -- The catalog the procedure sits in ('national' or the province's code) and its code, as the decision lists it.
  catalog text not null check (catalog = 'national' or catalog ~ '^[0-9]{2}$'),
  procedure_code text not null check (procedure_code ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$'),
  -- The procedure's name as the decision lists it (kept: an abolished procedure stays readable as history).
  procedure_name text not null check (length(procedure_name) between 1 and 2000),
  change_kind text not null check (change_kind in ('new', 'amended', 'abolished')),
  procedure_id uuid references procedure (id),
  -- The version the change published, where one exists (none for an abolition).
  procedure_version_id uuid references procedure_version (id),
  primary key (decision_id, position),
  unique (decision_id, catalog, procedure_code)
);
comment on table procedure_decision_item is 'The procedures a decision changed, in its order, with the kind of change.';
-- "The decisions that touched this procedure" on its public page.
create index procedure_decision_item_procedure_idx on procedure_decision_item (catalog, procedure_code, decision_id);
