-- 0005 dossiers (hồ sơ TTHC): the dossier, its steps, its hash-chained event history, codes,
-- documents and idempotency keys.

create table dossier (
  id uuid primary key default gen_random_uuid(),
  -- Circular 01/2018/TT-VPCP Art. 19: <agency identifier>-YYMMDD-NNNN.
  code text not null unique,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  -- The agency that received it, kept as it was even after a reorganisation.
  receiving_agency_id uuid not null references agency (id),
  -- Who holds it now: the agency and step of the internal process (denormalised from state).
  holder_agency_id uuid not null references agency (id),
  holder_user_id uuid references app_user (id),
  current_step_role text,
  current_step_due_at timestamptz,
  procedure_id uuid not null references procedure (id),
  -- The procedure version the dossier was received under, forever.
  procedure_version_id uuid not null references procedure_version (id),
  procedure_code text not null,
  procedure_name text not null,
  field_name text not null,
  channel text not null check (channel in ('direct', 'online', 'postal')),
  status text not null check (status in (
    'new', 'received', 'refused', 'processing', 'supplement_requested', 'financial_obligation',
    'withdrawn', 'stopped', 'completed', 'returned')),
  applicant_kind text not null check (applicant_kind in ('person', 'organisation')),
  applicant_name text not null,
  -- Folded applicant name for search (no ID numbers are searchable).
  applicant_search text not null,
  applicant jsonb not null,
  submitter jsonb,
  -- Trích yếu: what the dossier asks for.
  summary text not null,
  -- The components handed in: [{ key, name, originals, copies, fromData }].
  components jsonb not null default '[]'::jsonb,
  -- The engine's state (DossierState: steps, clock, counters) — the decisions are made on it.
  state jsonb not null,
  received_at timestamptz,
  due_at timestamptz,
  legal_due_at timestamptz,
  due_provisional boolean not null default false,
  completed_at timestamptz,
  completion_class text check (completion_class in ('early', 'on_time', 'late')),
  outcome text check (outcome in ('approved', 'rejected')),
  returned_at timestamptz,
  return_channel text check (return_channel in ('counter', 'post', 'online')),
  -- The chain anchor: number of events and the hash of the last one (detects a deleted tail).
  event_count integer not null default 0,
  last_event_hash text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table dossier is
  'Administrative-procedure dossiers. state holds the engine snapshot; the other columns are projections for lists, inboxes and reports.';
create index dossier_holder_idx on dossier (holder_agency_id, status, due_at, id);
create index dossier_holder_user_idx on dossier (holder_user_id, status, due_at) where holder_user_id is not null;
create index dossier_receiving_idx on dossier (receiving_agency_id, received_at, id);
create index dossier_province_received_idx on dossier (province_code, received_at);
create index dossier_province_status_idx on dossier (province_code, status, due_at);
create index dossier_procedure_idx on dossier (procedure_id, received_at);
create index dossier_applicant_search_idx on dossier using gin (applicant_search gin_trgm_ops);
create index dossier_created_idx on dossier (created_at, id);

-- The steps of each dossier's internal process, as a table for hand-off and lateness reports.
create table dossier_step (
  dossier_id uuid not null references dossier (id),
  step_no integer not null check (step_no >= 0),
  key text not null,
  name text not null,
  role text not null check (role in ('receptionist', 'processor', 'approver', 'result_returner')),
  agency_id uuid not null references agency (id),
  province_code text not null,
  assignee_user_id uuid references app_user (id),
  status text not null check (status in ('pending', 'active', 'done')),
  handoff text check (handoff in ('internal', 'inter_agency', 'inter_level')),
  allotment_minutes integer not null check (allotment_minutes >= 0),
  given_at timestamptz,
  received_at timestamptz,
  completed_at timestamptz,
  due_at timestamptz,
  -- Working minutes past the step's own due instant when it completed (0 = on time).
  overrun_minutes integer,
  primary key (dossier_id, step_no)
);
comment on table dossier_step is 'Each step of a dossier: the agency that held it, when it was given, received, completed, and by how much it overran.';
create index dossier_step_agency_idx on dossier_step (agency_id, status, due_at);
create index dossier_step_overrun_idx on dossier_step (province_code, completed_at) where overrun_minutes > 0;

-- The history: one row per action, hash-chained per dossier. Rows are only ever inserted.
create table dossier_event (
  id bigint generated always as identity primary key,
  dossier_id uuid not null references dossier (id),
  seq integer not null check (seq >= 1),
  at timestamptz not null,
  actor_kind text not null check (actor_kind in ('official', 'applicant', 'system')),
  actor_user_id uuid references app_user (id),
  actor_role text,
  agency_id uuid references agency (id),
  action text not null,
  from_status text,
  to_status text not null,
  note text,
  payload jsonb not null default '{}'::jsonb,
  prev_hash text,
  hash text not null,
  unique (dossier_id, seq)
);
comment on table dossier_event is
  'Append-only, hash-chained history: hash = SHA-256(prev_hash || canonical JSON of the row). motcua audit verify recomputes the chains.';
create index dossier_event_at_idx on dossier_event (at);

create function dossier_event_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'dossier_event is append-only (% refused)', tg_op using errcode = '42501';
end;
$$;
create trigger dossier_event_no_update before update or delete on dossier_event
  for each row execute function dossier_event_is_append_only();
create trigger dossier_event_no_truncate before truncate on dossier_event
  for each statement execute function dossier_event_is_append_only();

-- Daily sequence per agency for dossier codes; incremented atomically (insert … on conflict do update).
create table dossier_code_counter (
  agency_id uuid not null references agency (id),
  day date not null,
  last_seq integer not null check (last_seq >= 1),
  primary key (agency_id, day)
);

-- Files attached to a dossier (components, results), stored content-addressed outside the database.
create table dossier_document (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossier (id),
  kind text not null check (kind in ('component', 'result')),
  component_key text,
  name text not null,
  document_no text,
  file_sha256 text check (file_sha256 ~ '^[0-9a-f]{64}$'),
  media_type text,
  size_bytes bigint check (size_bytes >= 0),
  uploaded_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index dossier_document_dossier_idx on dossier_document (dossier_id, kind);

-- Idempotency-Key: the first answer to a request is stored and returned again on retry.
create table idempotency_key (
  scope text not null,
  key text not null check (length(key) between 1 and 200),
  request_hash text not null,
  status_code integer,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
