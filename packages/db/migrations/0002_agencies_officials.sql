-- 0002 agencies (effective-dated tree with reorganisations), officials, roles, sessions, API tokens.

-- The current state of each agency. Its history (names, codes, parents over time) is agency_version;
-- merges and splits are agency_succession. A dossier stays attributed to the agency that received it.
create table agency (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$'),
  name text not null check (length(name) > 0),
  short_name text,
  kind text not null check (kind in (
    'ministry', 'ministry_unit', 'province_committee', 'province_department', 'province_service_centre',
    'commune_committee', 'commune_service_centre', 'division', 'other')),
  parent_id uuid references agency (id),
  -- '/<root id>/…/<own id>/' so that a subtree is a prefix match.
  path text not null,
  province_code text check (province_code ~ '^[0-9]{2}$'),
  admin_unit_level text check (admin_unit_level in ('province', 'district', 'commune')),
  admin_unit_code text,
  working_hours jsonb,
  valid_from date not null,
  valid_to date,
  search_text text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint agency_valid_range check (valid_to is null or valid_from <= valid_to),
  constraint agency_not_own_parent check (parent_id is null or parent_id <> id)
);
comment on table agency is
  'Agencies in the Decision 20/2020/QĐ-TTg identifier style (e.g. 000.00.00.H56). valid_to set = closed (merged, split or abolished).';
create unique index agency_code_in_force on agency (code) where valid_to is null;
create index agency_path_idx on agency (path text_pattern_ops);
create index agency_parent_idx on agency (parent_id);
create index agency_province_kind_idx on agency (province_code, kind);
create index agency_search_idx on agency using gin (search_text gin_trgm_ops);

create table agency_version (
  agency_id uuid not null references agency (id),
  valid_from date not null,
  valid_to date,
  code text not null,
  name text not null,
  short_name text,
  kind text not null,
  parent_id uuid references agency (id),
  admin_unit_code text,
  primary key (agency_id, valid_from),
  constraint agency_version_valid_range check (valid_to is null or valid_from <= valid_to)
);
comment on table agency_version is 'What an agency was called, coded and attached to, period by period.';

create table agency_succession (
  predecessor_id uuid not null references agency (id),
  successor_id uuid not null references agency (id),
  kind text not null check (kind in ('merge', 'split')),
  effective date not null,
  primary key (predecessor_id, successor_id),
  constraint agency_succession_distinct check (predecessor_id <> successor_id)
);
comment on table agency_succession is
  'Reorganisations: the successor sees and acts on what its predecessors received (Decree 118/2025 transition).';
create index agency_succession_successor_idx on agency_succession (successor_id);

create table agency_change (
  id bigint generated always as identity primary key,
  agency_id uuid not null references agency (id),
  change text not null check (change in ('create', 'update', 'rename', 'move', 'merge', 'split', 'close')),
  effective date not null,
  before jsonb,
  after jsonb,
  actor_user_id uuid,
  created_at timestamptz not null default now()
);
comment on table agency_change is 'Who changed which agency how, and from when (append-only).';
create index agency_change_agency_idx on agency_change (agency_id, id);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  username text not null check (username ~ '^[a-z0-9._-]{3,64}$'),
  full_name text not null check (length(full_name) > 0),
  title text,
  email text,
  phone text,
  password_hash text,
  status text not null default 'active' check (status in ('active', 'disabled')),
  failed_login_count integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz,
  province_code text check (province_code ~ '^[0-9]{2}$'),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table app_user is 'Officials. Passwords are argon2id hashes (@node-rs/argon2); usernames are lower case.';
create unique index app_user_username_key on app_user (username);
create index app_user_province_idx on app_user (province_code);

create table user_role (
  user_id uuid not null references app_user (id) on delete cascade,
  agency_id uuid not null references agency (id),
  role text not null check (role in (
    'receptionist', 'processor', 'approver', 'result_returner', 'agency_admin', 'province_admin', 'auditor')),
  include_subagencies boolean not null default false,
  granted_at timestamptz not null default now(),
  granted_by uuid references app_user (id),
  primary key (user_id, agency_id, role)
);
comment on table user_role is 'A role held in an agency (and optionally its sub-agencies). A user may hold roles in several agencies.';
create index user_role_agency_idx on user_role (agency_id, role);

create table user_session (
  token_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  idle_expires_at timestamptz not null,
  expires_at timestamptz not null
);
comment on table user_session is 'Server-side sessions; the cookie holds a random token, only its SHA-256 is stored.';
create index user_session_user_idx on user_session (user_id);
create index user_session_expires_idx on user_session (expires_at);

create table api_token (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  token_prefix text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
comment on table api_token is 'Tokens for machine clients (Authorization: Bearer mct_…), hashed at rest, revocable.';
create index api_token_user_idx on api_token (user_id);

-- Sliding-window counters for login throttling, keyed by a hash of the client address. Kept in the
-- database so that every API instance sees the same counts (the API holds no state between requests).
create table login_throttle (
  key text primary key,
  window_started_at timestamptz not null,
  attempts integer not null
);
