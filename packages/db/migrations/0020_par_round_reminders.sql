-- 0020 reminders of the PAR Index round: one row per person, deadline and due date, written by the daily
-- reminder job N working days before each deadline (setting par.reminderWorkingDays, default 3), read by
-- the console (the person's reminders) and sent by email when the installation has a mail server.
-- The unique key makes the job idempotent: run twice on one day, it reminds once.
create table par_reminder (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references par_round (id),
  agency_id uuid not null references agency (id),
  user_id uuid not null references app_user (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  -- Which deadline of the round (par_round.*_due) the reminder is about.
  deadline text not null check (deadline in (
    'selfAssessmentDue', 'appraisal1Due', 'explanationDue', 'appraisal2Due', 'councilDue')),
  due_date date not null,
  remind_on date not null,
  status text not null check (status in ('pending', 'sent', 'skipped', 'failed')),
  -- Why nothing was sent by email (no address, mail disabled): the console still shows it.
  skip_reason text check (skip_reason in ('no_address', 'channel_disabled')),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (round_id, agency_id, user_id, deadline, due_date)
);
comment on table par_reminder is 'Reminders of PAR Index deadlines, per person, unit and deadline (once each).';
create index par_reminder_user_idx on par_reminder (user_id, created_at desc, id);

-- The round's own history: every stage change (opened, appraisal started, published…) and every change of
-- its setup (deadlines, units, appraisers), who and when. Append-only; a unit's scores have their own
-- hash-chained history (par_score_event).
create table par_round_event (
  id bigint generated always as identity primary key,
  round_id uuid not null references par_round (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  action text not null check (length(action) between 1 and 60),
  from_stage text,
  to_stage text,
  detail jsonb,
  actor_user_id uuid references app_user (id),
  at timestamptz not null
);
comment on table par_round_event is 'Append-only history of a PAR round''s stage and setup changes.';
create index par_round_event_round_idx on par_round_event (round_id, id);

-- The PAR histories are append-only at the database level too (as dossier_event): an update or delete is
-- refused; `motcua audit verify` names whatever was changed behind the database's back.
create function par_history_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = '42501';
end;
$$;
create trigger par_score_event_no_update before update or delete on par_score_event
  for each row execute function par_history_is_append_only();
create trigger par_score_event_no_truncate before truncate on par_score_event
  for each statement execute function par_history_is_append_only();
create trigger par_round_event_no_update before update or delete on par_round_event
  for each row execute function par_history_is_append_only();
create trigger par_round_event_no_truncate before truncate on par_round_event
  for each statement execute function par_history_is_append_only();
