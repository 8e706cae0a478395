-- 0040 National integration (issue 21): dossier sync to the national public-service portal (Cổng DVCQG),
-- the national catalog pull, and webhooks for other systems.
-- Sources: ../shared/spec/regulations.md §7 (DongBoHoSoMC / CapNhatTienDoHoSoMC, their fields, the session
-- token) and ../shared/spec/reform-and-eoffice.md §F (call order: the progress message only after the dossier
-- message was accepted; LayThuTuc / LayDanhSachTTHC; "real time" under Decision 766 indicator 4, whose "on time"
-- rule was not found in any source, hence a province setting). No official public specification of the
-- portal's API was available to us: field names follow the open-source systems cited there [SEC/INF].
--
-- Design: a dossier change already writes an outbox job (dossier-changed) in its own transaction. Its handler
-- marks the dossier for sync here (target_seq = the event's seq, idempotent) and queues webhook deliveries;
-- delivery workers then read these tables, lease a row (several API processes share them; a crashed process's
-- lease expires), deliver one dossier's events strictly in seq order, and write one log row per attempt.

-- A province's connection to the national portal. Off by default (issue 21: "per-province settings, off by
-- default"). The secret is stored encrypted (AES-256-GCM, key derived from the installation secret).
create table dvcqg_setting (
  province_code text primary key check (province_code ~ '^[0-9]{2}$'),
  enabled boolean not null default false,
  -- The service endpoint every message is POSTed to ({ service, isUpdating, data, session, madonvi }).
  endpoint_url text check (endpoint_url ~ '^https?://'),
  -- The authentication endpoint (username + secret → { error_code, session }).
  auth_url text check (auth_url ~ '^https?://'),
  username text check (length(username) between 1 and 200),
  secret_ciphertext text,
  -- The `dstcode` header and the `madonvi` field the portal assigned to the province.
  dst_code text check (length(dst_code) between 1 and 100),
  unit_code text check (length(unit_code) between 1 and 100),
  -- The national codes of motcua agencies where they differ from agency.code: { "<agency id>": "<MaDonVi>" }.
  agency_codes jsonb not null default '{}'::jsonb,
  -- Decision 766 indicator "đồng bộ theo thời gian thực": a change counts as synced on time when the portal
  -- accepted it within this many minutes of the change (the national rule was not found; default 1 day).
  on_time_minutes integer not null default 1440 check (on_time_minutes between 1 and 43200),
  -- Alert when the oldest unsynced change is older than this (the monitor page and an in-app notice).
  backlog_alert_minutes integer not null default 60 check (backlog_alert_minutes between 1 and 10080),
  -- Pull the national catalog every N hours (null: on demand only).
  catalog_pull_hours integer check (catalog_pull_hours between 1 and 720),
  version integer not null default 1,
  updated_by uuid references app_user (id),
  updated_at timestamptz not null default now()
);

-- One row per dossier that has changes to send: the delivery cursor. Events 1..delivered_seq were accepted by
-- the portal (both messages); the next one is delivered_seq + 1, up to target_seq.
create table dvcqg_sync (
  dossier_id uuid primary key references dossier (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  target_seq integer not null check (target_seq >= 1),
  delivered_seq integer not null default 0 check (delivered_seq >= 0),
  -- The dossier message (DongBoHoSoMC) of event delivered_seq + 1 was accepted; its progress message is next.
  dossier_message_accepted boolean not null default false,
  -- The portal holds this dossier: the next DongBoHoSoMC is sent with isUpdating = true.
  remote_exists boolean not null default false,
  state text not null default 'pending' check (state in ('pending', 'synced', 'parked')),
  -- Failed attempts at the current event (reset when it is accepted); drives the backoff.
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- A worker holds the row until this instant (a crashed worker's lease expires and another takes over).
  leased_until timestamptz,
  lease_token uuid,
  -- The instant of the oldest event not yet accepted (the lag); null when synced.
  pending_since timestamptz,
  last_error_code text,
  last_error_message text check (length(last_error_message) <= 2000),
  updated_at timestamptz not null default now(),
  check (delivered_seq <= target_seq)
);
create index dvcqg_sync_due_idx on dvcqg_sync (next_attempt_at, dossier_id) where state = 'pending';
create index dvcqg_sync_province_idx on dvcqg_sync (province_code, state, pending_since, dossier_id);

-- Every attempt to send a message, append-only: the monitor, the 766 indicator and the dossier's sync history
-- read it. `request` is the message as sent with personal identifiers masked.
create table dvcqg_sync_log (
  id bigint generated always as identity primary key,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  dossier_id uuid not null references dossier (id),
  event_seq integer not null check (event_seq >= 1),
  -- When the change happened (the dossier event's instant): lateness is measured from it.
  event_at timestamptz not null,
  service text not null check (service in ('DongBoHoSoMC', 'CapNhatTienDoHoSoMC')),
  is_updating boolean,
  -- accepted: error_code 0; rejected: the portal refused the message (parked, not retried);
  -- failed: network error, timeout, 5xx or an expired session (retried with backoff).
  outcome text not null check (outcome in ('accepted', 'rejected', 'failed')),
  error_code text,
  message text check (length(message) <= 2000),
  duration_ms integer check (duration_ms >= 0),
  request jsonb,
  at timestamptz not null default now()
);
create index dvcqg_sync_log_dossier_idx on dvcqg_sync_log (dossier_id, id);
create index dvcqg_sync_log_province_idx on dvcqg_sync_log (province_code, at, id);
create index dvcqg_sync_log_accepted_idx on dvcqg_sync_log (province_code, event_at, dossier_id)
  where outcome = 'accepted';
create function dvcqg_sync_log_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'dvcqg_sync_log is append-only (% refused)', tg_op using errcode = '42501';
end;
$$;
create trigger dvcqg_sync_log_no_update before update or delete on dvcqg_sync_log
  for each row execute function dvcqg_sync_log_is_append_only();

-- One pull of the national procedure catalog (LayDanhSachTTHC, then LayThuTuc per procedure) fed to the
-- catalog import; `summary` reports what changed ({ listed, fetched, created, updated, unchanged, failed,
-- changes: [{ code, kind, fields }] }).
create table catalog_pull_run (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  trigger text not null check (trigger in ('schedule', 'manual')),
  requested_by uuid references app_user (id),
  state text not null default 'running' check (state in ('running', 'completed', 'failed')),
  catalog_import_id uuid references catalog_import (id),
  summary jsonb not null default '{}'::jsonb,
  failure text check (length(failure) <= 2000),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  check ((state = 'running') = (finished_at is null))
);
create index catalog_pull_run_province_idx on catalog_pull_run (province_code, started_at desc, id desc);
-- One running pull per province at a time.
create unique index catalog_pull_run_running_idx on catalog_pull_run (province_code) where state = 'running';

-- Webhooks: a province's subscriptions to dossier and PAKN events. Deliveries are signed with HMAC-SHA256 over
-- "<timestamp>.<body>"; while a secret is being rotated the previous one also signs until it expires.
create table webhook_subscription (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  name text not null check (length(name) between 1 and 200),
  url text not null check (url ~ '^https?://' and length(url) <= 2000),
  -- Event types: 'dossier.changed', 'pakn.changed'.
  events text[] not null check (cardinality(events) >= 1 and events <@ array['dossier.changed', 'pakn.changed']),
  secret_ciphertext text not null,
  previous_secret_ciphertext text,
  previous_secret_expires_at timestamptz,
  active boolean not null default true,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_subscription_province_idx on webhook_subscription (province_code, created_at, id);

-- One event to one subscription. event_id is stable ('dossier:<id>:<seq>', 'pakn:<id>:<seq>'): the receiver
-- deduplicates on it, and a replay sends the same id again.
create table webhook_delivery (
  id uuid primary key default gen_random_uuid(),
  subscription_id uuid not null references webhook_subscription (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  event_id text not null check (length(event_id) between 1 and 200),
  event_type text not null check (event_type in ('dossier.changed', 'pakn.changed')),
  payload jsonb not null,
  state text not null default 'pending' check (state in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  leased_until timestamptz,
  lease_token uuid,
  last_status integer,
  last_error text check (length(last_error) <= 2000),
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  unique (subscription_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at, id) where state = 'pending';
create index webhook_delivery_subscription_idx on webhook_delivery (subscription_id, created_at desc, id desc);

-- Every delivery attempt, append-only.
create table webhook_attempt (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references webhook_delivery (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  status integer,
  error text check (length(error) <= 2000),
  duration_ms integer check (duration_ms >= 0),
  replay boolean not null default false,
  at timestamptz not null default now()
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id);
