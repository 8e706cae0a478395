-- 0004 the procedure catalog (danh mục thủ tục hành chính): procedures with versioned content,
-- the agencies that receive them, and catalog imports with a per-row report.
--
-- `catalog` says whose catalog an entry belongs to: 'national' (the National TTHC database, imported
-- from its published data) or a 2-digit province code (a province's own list: national procedures it
-- adopted, with its internal process, and local procedures). Every row that belongs to a province
-- carries that code.

create table catalog_import (
  id uuid primary key default gen_random_uuid(),
  catalog text not null check (catalog = 'national' or catalog ~ '^[0-9]{2}$'),
  file_name text check (file_name is null or length(file_name) between 1 and 500),
  actor_user_id uuid references app_user (id),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  status text not null default 'running' check (status in ('running', 'completed', 'failed')),
  -- { rows, processed, created, updated, unchanged, rejected, ok, repaired, issues: [{ code, severity, count }] }
  totals jsonb not null default '{}'::jsonb,
  -- Why a failed import stopped (never personal data: a message about the file or the database).
  failure text,
  constraint catalog_import_finished check ((status = 'running') = (finished_at is null))
);
comment on table catalog_import is
  'One run of importing a catalog file; totals are updated after every batch so a running import shows progress.';
create index catalog_import_catalog_idx on catalog_import (catalog, started_at desc);

create table catalog_import_row (
  import_id uuid not null references catalog_import (id) on delete cascade,
  row_no integer not null check (row_no >= 1),
  catalog text not null check (catalog = 'national' or catalog ~ '^[0-9]{2}$'),
  -- The code as read from the row (null when the row had none that could be read).
  code text,
  name text,
  outcome text not null check (outcome in ('created', 'updated', 'unchanged', 'rejected')),
  -- What the normaliser said: ok (notes only), repaired (warnings: review before relying on it), rejected.
  normalizer_status text not null check (normalizer_status in ('ok', 'repaired', 'rejected')),
  -- The version the row created, or the current one it matched (null for rejected rows).
  version_no integer,
  -- CatalogIssue[]: { code, severity, field, message: { vi, en } }.
  issues jsonb not null default '[]'::jsonb,
  primary key (import_id, row_no),
  constraint catalog_import_row_version check ((outcome = 'rejected') = (version_no is null)),
  constraint catalog_import_row_rejected check (normalizer_status <> 'rejected' or outcome = 'rejected')
);
comment on table catalog_import_row is
  'Per-row report of an import: what happened to each record and every repair or rejection reason.';
create index catalog_import_row_outcome_idx on catalog_import_row (import_id, outcome, row_no);
create index catalog_import_row_status_idx on catalog_import_row (import_id, normalizer_status, row_no);

-- The current state of each procedure, denormalised from its latest published version for listing and
-- search (or from its first draft while nothing is published). The content itself lives in
-- procedure_version.
create table procedure (
  id uuid primary key default gen_random_uuid(),
  catalog text not null check (catalog = 'national' or catalog ~ '^[0-9]{2}$'),
  -- The national code (1.001193) or a province's local code.
  code text not null check (code ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$'),
  national_code text check (national_code ~ '^[0-9]\.[0-9]{6}$'),
  name text not null check (length(name) > 0),
  field_name text not null,
  -- Circular 01/2018/TT-VPCP Art. 20 field code MX1X2-LV, when published.
  field_code text,
  -- foldVietnamese(field_name), for the field filter.
  field_key text not null,
  levels text[] not null default '{}' check (levels <@ array['ministry', 'province', 'commune']),
  online_level text not null check (online_level in ('full', 'partial', 'none')),
  boundary_free boolean not null default false,
  -- Folded name, field and codes (accent-insensitive search), and the folded name without the
  -- leading "thủ tục" that most names carry (ranking).
  search_text text not null,
  name_key text not null,
  -- Direct-channel time limit and fee summary of the current version, for result lists.
  summary jsonb not null default '{}'::jsonb,
  -- The latest published version (null while the procedure has only a draft).
  current_version_id uuid,
  current_version_no integer,
  effective_from date,
  status text not null default 'active' check (status in ('active', 'abolished')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint procedure_current_complete check (
    (current_version_id is null) = (current_version_no is null) and (current_version_id is null) = (effective_from is null))
);
comment on table procedure is
  'Procedures of the national catalog and of each province catalog (Decree 63/2010/NĐ-CP Art. 8 as amended by Decree 92/2017/NĐ-CP; Decree 118/2025/NĐ-CP). version is the optimistic-lock row version.';
create unique index procedure_catalog_code_key on procedure (catalog, code);
create index procedure_search_idx on procedure using gin (search_text gin_trgm_ops);
create index procedure_catalog_field_code_idx on procedure (catalog, field_code);
create index procedure_catalog_field_key_idx on procedure (catalog, field_key);
create index procedure_catalog_online_idx on procedure (catalog, online_level);
create index procedure_levels_idx on procedure using gin (levels);
create index procedure_national_code_idx on procedure (national_code) where national_code is not null;

-- One row per version. A dossier references the version it was received under and keeps it forever,
-- so a published version is never changed again except to close it (effective_to, superseded) when a
-- newer one is published: the trigger below enforces that in the database.
create table procedure_version (
  id uuid primary key default gen_random_uuid(),
  procedure_id uuid not null references procedure (id),
  catalog text not null check (catalog = 'national' or catalog ~ '^[0-9]{2}$'),
  version_no integer not null check (version_no >= 1),
  status text not null check (status in ('draft', 'published', 'superseded')),
  -- ProcedureVersionContent (packages/domain/src/catalog/procedure.ts), validated before it is stored.
  content jsonb not null,
  content_hash text not null check (content_hash ~ '^[0-9a-f]{14}$'),
  effective_from date,
  -- Last day in force (inclusive). effective_from - 1 means it was superseded on the day it took
  -- effect and was never in force for a whole day.
  effective_to date,
  source text not null check (source in ('import', 'manual', 'adopted')),
  import_id uuid references catalog_import (id),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_by uuid references app_user (id),
  published_at timestamptz,
  constraint procedure_version_published_dated check (status = 'draft' or (effective_from is not null and published_at is not null)),
  constraint procedure_version_draft_open check (status <> 'draft' or (effective_to is null and published_at is null)),
  constraint procedure_version_superseded_closed check ((status = 'superseded') = (effective_to is not null)),
  constraint procedure_version_range check (effective_to is null or effective_to >= effective_from - 1)
);
comment on table procedure_version is
  'Versions of a procedure with effective dates; a published version is immutable (only closed when superseded).';
create unique index procedure_version_no_key on procedure_version (procedure_id, version_no);
-- One draft at a time: a province edits the next version in one place.
create unique index procedure_version_one_draft on procedure_version (procedure_id) where status = 'draft';
create index procedure_version_in_force_idx on procedure_version (procedure_id, effective_from desc) where status <> 'draft';
create index procedure_version_import_idx on procedure_version (import_id) where import_id is not null;
create index procedure_version_catalog_idx on procedure_version (catalog, status);

alter table procedure
  add constraint procedure_current_version_fk foreign key (current_version_id)
  references procedure_version (id) deferrable initially deferred;

create function procedure_version_guard() returns trigger language plpgsql as $$
begin
  if old.status <> 'draft' and (
    new.content is distinct from old.content or new.content_hash is distinct from old.content_hash
    or new.version_no is distinct from old.version_no or new.procedure_id is distinct from old.procedure_id
    or new.catalog is distinct from old.catalog or new.effective_from is distinct from old.effective_from
    or new.source is distinct from old.source or new.status = 'draft'
    or new.published_at is distinct from old.published_at or new.published_by is distinct from old.published_by
    or (old.effective_to is not null and new.effective_to is distinct from old.effective_to)) then
    raise exception 'procedure version % is published and cannot be changed; publish a new version instead', old.id
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger procedure_version_guard before update on procedure_version
  for each row execute function procedure_version_guard();
create function procedure_version_no_delete() returns trigger language plpgsql as $$
begin
  if old.status <> 'draft' then
    raise exception 'procedure version % is published and cannot be deleted', old.id using errcode = 'check_violation';
  end if;
  return old;
end
$$;
create trigger procedure_version_no_delete before delete on procedure_version
  for each row execute function procedure_version_no_delete();

-- Which agencies of the province receive (tiếp nhận) and carry out (thực hiện) a procedure of its
-- catalog: the one-stop counters that may take the dossier (Decree 118/2025/NĐ-CP).
create table procedure_agency (
  procedure_id uuid not null references procedure (id),
  agency_id uuid not null references agency (id),
  role text not null check (role in ('receiving', 'implementing')),
  catalog text not null check (catalog ~ '^[0-9]{2}$'),
  created_at timestamptz not null default now(),
  primary key (procedure_id, agency_id, role)
);
comment on table procedure_agency is 'Agencies of the province that receive or implement a procedure of the province catalog.';
create index procedure_agency_agency_idx on procedure_agency (agency_id, role, procedure_id);
