-- 0001 foundation: settings and the administrative units of Vietnam (before and after 1 July 2025).
-- Forward-only: never edit this file once merged; add a new numbered migration instead.

create extension if not exists pg_trgm;

create table app_setting (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
comment on table app_setting is 'Small key/value state of the installation (reference-data versions, demo seed marker).';

-- One row per version of a unit: a unit renamed or re-typed on a date gets a new row from that date.
-- valid_from null = in force since before our data begins; valid_to is the last day in force (inclusive).
create table administrative_unit (
  id bigint generated always as identity primary key,
  code text not null check (code ~ '^[0-9]{2,5}$'),
  level text not null check (level in ('province', 'district', 'commune')),
  name text not null check (length(name) > 0),
  short_name text,
  unit_type text not null,
  name_en text,
  search_text text not null,
  parent_code text,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  valid_from date,
  valid_to date,
  legal_basis text,
  constraint administrative_unit_valid_range check (valid_from is null or valid_to is null or valid_from <= valid_to),
  constraint administrative_unit_parent check ((level = 'province') = (parent_code is null))
);
comment on table administrative_unit is
  'Provinces, districts (abolished 1 July 2025) and communes, effective-dated. Sources: CV 1027/CTK-CSCL (2025 list), GSO data (pre-2025), NQ 1314/NQ-UBTVQH15, NQ 30/2026/QH16.';
comment on column administrative_unit.search_text is 'Accent-folded name, English name and code (foldVietnamese) for accent-insensitive search.';

create unique index administrative_unit_version_key
  on administrative_unit (level, code, coalesce(valid_from, date '0001-01-01'));
create index administrative_unit_level_province_idx on administrative_unit (level, province_code, code);
create index administrative_unit_parent_idx on administrative_unit (parent_code, level);
create index administrative_unit_search_idx on administrative_unit using gin (search_text gin_trgm_ops);

-- Which old units became which new ones (the 2025 commune mergers: full or partial).
create table administrative_unit_succession (
  old_level text not null check (old_level in ('province', 'district', 'commune')),
  old_code text not null,
  new_level text not null check (new_level in ('province', 'district', 'commune')),
  new_code text not null,
  merge_type text not null check (merge_type in ('full', 'partial')),
  effective date not null,
  primary key (old_level, old_code, new_level, new_code, effective)
);
comment on table administrative_unit_succession is
  'Old unit -> successor unit on a date. 2025 commune mapping from github.com/dvhcvn/20250701 (MIT), per the 34 NQ-UBTVQH15 resolutions.';
create index administrative_unit_succession_new_idx on administrative_unit_succession (new_level, new_code);
