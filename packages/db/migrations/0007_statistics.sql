-- 0007 statistics: the aggregates reports are answered from, imported historical dossiers, and
-- import runs with their per-row validation report.
--
-- Reports never scan dossiers: every figure is a sum of day/month counters of a few series (see
-- packages/domain/src/statistics). The counters are flows (received, resolved early/on time/late,
-- returned, withdrawn, stopped, refused, overdue in/out) dated by the Vietnamese day they happened
-- on; stocks (carried over, in progress, overdue) are running sums of them. They are changed in
-- the same transaction as the dossier (commitDossierChange), by imports and by the synthetic-data
-- generator, all with the same contribution rule, so `motcua report rebuild` (recomputing them
-- from the raw rows) gives the same numbers.

-- One combination of report dimensions, at two grains: 'procedure' (… × procedure) and 'agency'
-- (without the procedure; what province- and agency-wide reports read). Every procedure-grain
-- series points to its agency-grain parent.
create table stat_series (
  id integer generated always as identity primary key,
  grain text not null check (grain in ('procedure', 'agency')),
  -- The dimensions joined ('p|33|<handling>|<receiving>|v:<version id>|online'); see series.ts.
  key text not null unique,
  parent_id integer references stat_series (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  -- The agency competent to decide (approval step), and the desk that received the dossier. For
  -- imported history whose agency is not in motcua, the id is null and the file's code and name are kept.
  handling_agency_id uuid references agency (id),
  handling_agency_code text,
  handling_agency_name text,
  receiving_agency_id uuid references agency (id),
  receiving_agency_code text,
  receiving_agency_name text,
  level text not null check (level in ('ministry', 'province', 'district', 'commune')),
  procedure_code text,
  procedure_name text,
  field_name text,
  channel text not null check (channel in ('direct', 'online', 'postal')),
  -- Decision 766: the procedure is offered fully online (toàn trình) / has components replaceable by data.
  online_full boolean not null default false,
  replaceable boolean not null default false,
  constraint stat_series_parent check ((grain = 'procedure') = (parent_id is not null))
);
comment on table stat_series is
  'Report dimensions (province, handling and receiving agency, level, procedure, channel) of the statistics aggregates.';
create index stat_series_province_idx on stat_series (province_code, grain);
create index stat_series_handling_idx on stat_series (handling_agency_id, grain);
create index stat_series_receiving_idx on stat_series (receiving_agency_id, grain);

-- Counters by series and Vietnamese day, and the same by month and by year (a province-year reads
-- one year row per series instead of 365 day rows). Rows whose counters cancel out to zero may remain.
create table stat_day (
  series_id integer not null references stat_series (id),
  day date not null,
  received integer not null default 0,
  received_from_data integer not null default 0,
  resolved_early integer not null default 0,
  resolved_on_time integer not null default 0,
  resolved_late integer not null default 0,
  resolved_no_deadline integer not null default 0,
  returned integer not null default 0,
  withdrawn integer not null default 0,
  stopped integer not null default 0,
  refused integer not null default 0,
  closed_after_receipt integer not null default 0,
  overdue_in integer not null default 0,
  overdue_out integer not null default 0,
  primary key (series_id, day)
);
comment on table stat_day is 'Statistics flows per series and day (Vietnam time). Kept by commitDossierChange, imports and the generator.';

create table stat_month (
  series_id integer not null references stat_series (id),
  month date not null check (extract(day from month) = 1),
  received integer not null default 0,
  received_from_data integer not null default 0,
  resolved_early integer not null default 0,
  resolved_on_time integer not null default 0,
  resolved_late integer not null default 0,
  resolved_no_deadline integer not null default 0,
  returned integer not null default 0,
  withdrawn integer not null default 0,
  stopped integer not null default 0,
  refused integer not null default 0,
  closed_after_receipt integer not null default 0,
  overdue_in integer not null default 0,
  overdue_out integer not null default 0,
  primary key (series_id, month)
);
comment on table stat_month is 'The stat_day counters summed by month (first day of the month).';

create table stat_year (
  series_id integer not null references stat_series (id),
  year date not null check (extract(month from year) = 1 and extract(day from year) = 1),
  received integer not null default 0,
  received_from_data integer not null default 0,
  resolved_early integer not null default 0,
  resolved_on_time integer not null default 0,
  resolved_late integer not null default 0,
  resolved_no_deadline integer not null default 0,
  returned integer not null default 0,
  withdrawn integer not null default 0,
  stopped integer not null default 0,
  refused integer not null default 0,
  closed_after_receipt integer not null default 0,
  overdue_in integer not null default 0,
  overdue_out integer not null default 0,
  primary key (series_id, year)
);
comment on table stat_year is
  'The stat_day counters summed by year (1 January): a province-year report, and the stock carried over from earlier years, read one row per series.';

-- One run of importing historical dossiers; totals are updated after every batch (progress).
create table dossier_import (
  id uuid primary key default gen_random_uuid(),
  province_code text check (province_code ~ '^[0-9]{2}$'),
  file_name text check (file_name is null or length(file_name) between 1 and 500),
  actor_user_id uuid references app_user (id),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  status text not null default 'running' check (status in ('running', 'completed', 'failed')),
  -- { rows, imported, created, replaced, rejected, warnings, issues: [{ code, severity, count }] }
  totals jsonb not null default '{}'::jsonb,
  failure text,
  constraint dossier_import_finished check ((status = 'running') = (finished_at is null))
);
comment on table dossier_import is 'Runs of the historical-dossier import (docs/import-format.md).';
create index dossier_import_started_idx on dossier_import (province_code, started_at desc);

-- The rows that were rejected or imported with warnings, with every reason (clean rows leave no trace here).
create table dossier_import_issue (
  import_id uuid not null references dossier_import (id) on delete cascade,
  row_no integer not null check (row_no >= 1),
  code text,
  outcome text not null check (outcome in ('imported', 'rejected')),
  -- ImportIssue[]: { severity, field, code, message: { vi, en } }.
  issues jsonb not null,
  primary key (import_id, row_no)
);
create index dossier_import_issue_outcome_idx on dossier_import_issue (import_id, outcome, row_no);

-- Dossiers handled before motcua (or in another system), as imported: their own dates and outcome.
-- They count in every report and are listed in drill-downs and tracking books; the engine never acts on them.
create table historical_dossier (
  id bigint generated always as identity primary key,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  code text not null,
  -- No foreign keys but the series: a million-row import checks each key per row, and these are
  -- copies (the series holds the agencies, with their foreign keys).
  import_id uuid not null,
  series_id integer not null references stat_series (id),
  handling_agency_id uuid,
  receiving_agency_id uuid,
  procedure_code text,
  procedure_name text,
  field_name text,
  channel text not null check (channel in ('direct', 'online', 'postal')),
  status text not null check (status in ('open', 'completed', 'returned', 'withdrawn', 'stopped', 'refused')),
  received_at timestamptz,
  legal_due_at timestamptz,
  completed_at timestamptz,
  completion_class text check (completion_class in ('early', 'on_time', 'late')),
  returned_at timestamptz,
  closed_at timestamptz,
  from_data boolean not null default false,
  applicant_name text,
  applicant_address text,
  applicant_phone text,
  summary text,
  sets integer not null default 1,
  receiver text,
  note text,
  unique (province_code, code)
);
comment on table historical_dossier is
  'Imported historical dossiers (docs/import-format.md). Re-importing a code replaces the row and its counts.';
create index historical_dossier_series_idx on historical_dossier (series_id, received_at);
create index historical_dossier_receiving_idx on historical_dossier (receiving_agency_id, received_at, id);
create index historical_dossier_import_idx on historical_dossier (import_id);
