-- 0014 counter intake at the database's limit (issue 16, item 1).
--
-- 1. One revision number for the reference data an intake reads (agencies and their succession, the procedure
--    catalog, the day-off calendar). Every statement that changes one of those tables bumps it, in the same
--    transaction; an API process caches what it read from them under the revision and checks the revision (one
--    primary-key read) before using the cache, so several processes sharing the database never act on stale rules.
-- 2. Statistics deltas. A dossier write no longer adds to the agency's day, month and year cells (hot rows at a
--    busy centre): it appends one delta row; a batch folds pending deltas into the cells after commit, deleting
--    them in the same transaction (each delta counted exactly once), and every report folds before it reads, so
--    a report right after an intake counts it.

create table reference_revision (
  id boolean primary key default true check (id),
  revision bigint not null default 0
);
insert into reference_revision (id, revision) values (true, 0);
comment on table reference_revision is 'One row: bumped by every statement that writes reference data an intake caches (agency, catalog, calendar).';

-- The revision only grows, and jumps to the clock in milliseconds when that is higher, so a revision restored
-- from a backup and bumped again never repeats one that a running process may still have cached.
create function bump_reference_revision() returns trigger language plpgsql as $$
begin
  update reference_revision
    set revision = greatest(revision + 1, (extract(epoch from clock_timestamp()) * 1000)::bigint) where id;
  return null;
end $$;

create trigger agency_reference_revision after insert or update or delete or truncate on agency
  for each statement execute function bump_reference_revision();
create trigger agency_succession_reference_revision after insert or update or delete or truncate on agency_succession
  for each statement execute function bump_reference_revision();
create trigger procedure_reference_revision after insert or update or delete or truncate on procedure
  for each statement execute function bump_reference_revision();
create trigger procedure_version_reference_revision after insert or update or delete or truncate on procedure_version
  for each statement execute function bump_reference_revision();
create trigger calendar_entry_reference_revision after insert or update or delete or truncate on calendar_entry
  for each statement execute function bump_reference_revision();
create trigger calendar_published_year_reference_revision after insert or update or delete or truncate on calendar_published_year
  for each statement execute function bump_reference_revision();
create trigger calendar_revision_reference_revision after insert or update or delete or truncate on calendar_revision
  for each statement execute function bump_reference_revision();

create table stat_delta (
  id bigint generated always as identity primary key,
  province_code text not null check (province_code ~ '^\d{2}$'),
  -- The procedure-grain series of the cells as the dossier describes them (key, agencies, version, channel…),
  -- so the fold can create a series the first time one is seen.
  series jsonb not null,
  -- [{ seriesKey, day, counts }]: what the write adds to each series and day (negative counts take back).
  cells jsonb not null,
  created_at timestamptz not null default now()
);
comment on table stat_delta is 'Append-only statistics deltas of dossier writes, not yet folded into stat_day/stat_month/stat_year.';
