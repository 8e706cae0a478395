-- 0003 the day-off calendar: province (and national) entries on top of the shipped official
-- schedules, with their full history. Rows are never updated except to mark them superseded.

create table calendar_entry (
  id bigint generated always as identity primary key,
  -- 'VN' for a national entry, else the province code the entry applies to.
  scope text not null check (scope = 'VN' or scope ~ '^[0-9]{2}$'),
  date date not null,
  action text not null check (action in ('set', 'remove')),
  kind text check (kind in ('holiday', 'compensatory', 'swap_day_off', 'extra_day_off', 'makeup_workday')),
  period text,
  status text check (status in ('confirmed', 'rule-derived', 'proposed', 'pending-law')),
  source text,
  note text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  superseded_at timestamptz,
  superseded_by bigint references calendar_entry (id),
  constraint calendar_entry_complete check (
    action = 'remove' or (kind is not null and period is not null and length(period) > 0 and status is not null))
);
comment on table calendar_entry is
  'Day-off entries added by administrators (a one-off holiday, a correction, a newly published year). Later rows for a date supersede earlier ones; the history stays.';
create index calendar_entry_active_idx on calendar_entry (scope, date) where superseded_at is null;
create index calendar_entry_history_idx on calendar_entry (scope, id);

create table calendar_published_year (
  scope text not null check (scope = 'VN' or scope ~ '^[0-9]{2}$'),
  year integer not null check (year between 1900 and 2100),
  source text not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  primary key (scope, year)
);
comment on table calendar_published_year is
  'Years whose official schedule has been entered: the Labour Code fallback (and the provisional flag) no longer applies.';

-- A counter per scope, bumped in the same transaction as every change, so that every API instance
-- knows when its cached calendars are stale with one cheap read.
create table calendar_revision (
  scope text primary key,
  revision bigint not null default 0,
  updated_at timestamptz not null default now()
);
