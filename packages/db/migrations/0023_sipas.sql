-- 0023 SIPAS satisfaction surveys (Chỉ số hài lòng): versioned questionnaires, campaigns with their frozen
-- sample (population per agency, seed, positions drawn), one-time invitations, anonymous responses and the
-- published index.
--
-- Method: QĐ 1001/QĐ-BNV (11/12/2023); sample size n = N/(1+N·e²) (../shared/spec/reform-and-eoffice.md §B).
-- Anonymity: a response row has no link to its invitation, dossier or applicant; an invitation only records
-- that it was used. Responses keep the day they were given, not the instant, so they cannot be matched to an
-- invitation by time.

-- A questionnaire (phiếu khảo sát) of a province: factor → criterion → question, as JSON checked by the domain
-- (QuestionnaireDefinition). A saved version never changes; editing saves the next version.
create table sipas_questionnaire (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  -- The questionnaire's family (e.g. 'default'); versions run 1, 2, … within it.
  code text not null check (code ~ '^[a-z][a-z0-9_-]{0,59}$'),
  version integer not null check (version >= 1),
  title text not null check (length(title) between 1 and 500),
  definition jsonb not null,
  is_demo boolean not null default false,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  unique (province_code, code, version)
);
comment on table sipas_questionnaire is 'SIPAS questionnaires (factor → criterion → question), one row per saved version.';
create index sipas_questionnaire_list_idx on sipas_questionnaire (province_code, code, version desc);

-- A survey campaign (đợt khảo sát): the period whose returned dossiers form the population, the margin of error,
-- and once sampled the seed and the sizes, frozen.
create table sipas_campaign (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  year integer not null check (year between 2000 and 2999),
  title text not null check (length(title) between 1 and 500),
  questionnaire_id uuid not null references sipas_questionnaire (id),
  period_from date not null,
  period_to date not null,
  -- e in basis points (500 = 5 %).
  margin_bp integer not null default 500 check (margin_bp between 100 and 2000),
  -- draft → sampled (sample frozen) → open (answers accepted) → closed → published.
  status text not null check (status in ('draft', 'sampled', 'open', 'closed', 'published')),
  seed text check (length(seed) between 1 and 200),
  population integer check (population >= 0),
  sample_size integer check (sample_size >= 0),
  -- How the overall index is formed where the method leaves a choice (IndexSettings of the domain).
  index_settings jsonb not null default '{"overall":"mean_of_factors","parts":"service"}'::jsonb,
  -- The index as published (frozen): figures stay what they were even if a late paper answer arrives.
  published_result jsonb,
  is_demo boolean not null default false,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  sampled_at timestamptz,
  opened_at timestamptz,
  closed_at timestamptz,
  published_at timestamptz,
  published_by uuid references app_user (id),
  row_version integer not null default 1 check (row_version >= 1),
  check (period_from <= period_to),
  check (status = 'draft' or (seed is not null and population is not null and sample_size is not null)),
  check (status <> 'published' or published_result is not null)
);
comment on table sipas_campaign is 'SIPAS survey campaigns: period, margin, frozen sample (seed, sizes), status, published index.';
create index sipas_campaign_list_idx on sipas_campaign (province_code, year desc, created_at desc, id);

-- The sample per agency (stratum): its population and its share of the sample (largest remainder).
create table sipas_stratum (
  campaign_id uuid not null references sipas_campaign (id) on delete cascade,
  agency_id uuid not null references agency (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  population integer not null check (population >= 0),
  sample_size integer not null check (sample_size >= 0 and sample_size <= population),
  primary key (campaign_id, agency_id)
);
comment on table sipas_stratum is 'SIPAS sample allocation per agency (population N_h and sample n_h).';

-- One invitation per sampled dossier: a one-time link (token stored as its SHA-256 only), sent by email/SMS and
-- printed on the result receipt. used_at marks it answered; nothing says which response it gave.
create table sipas_invitation (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references sipas_campaign (id) on delete cascade,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid not null references agency (id),
  dossier_id uuid not null references dossier (id),
  token_sha256 text not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
  used_at timestamptz,
  -- How it was used: answered online by the link, or by a surveyor (paper, phone) quoting the invitation.
  used_by text check (used_by in ('online', 'paper', 'phone')),
  sent_at timestamptz,
  reminded_at timestamptz,
  reminder_count integer not null default 0 check (reminder_count >= 0),
  created_at timestamptz not null default now(),
  unique (campaign_id, dossier_id),
  check ((used_at is null) = (used_by is null))
);
comment on table sipas_invitation is 'SIPAS one-time invitations of the sampled dossiers; the token itself is never stored.';
create index sipas_invitation_campaign_idx on sipas_invitation (campaign_id, agency_id, id);
create index sipas_invitation_dossier_idx on sipas_invitation (dossier_id);

-- An anonymous response: the agency it rates and how it was collected; never the invitation, dossier or person.
create table sipas_response (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references sipas_campaign (id) on delete cascade,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid not null references agency (id),
  -- online = by the link; paper / phone = entered by a surveyor (marked as such in every report).
  mode text not null check (mode in ('online', 'paper', 'phone')),
  -- The surveyor who entered it (null online).
  entered_by uuid references app_user (id),
  answered_on date not null,
  answers jsonb not null,
  check ((mode = 'online') = (entered_by is null))
);
comment on table sipas_response is 'SIPAS anonymous responses: agency, channel, day and answers; no link to the respondent.';
create index sipas_response_campaign_idx on sipas_response (campaign_id, agency_id, id);

-- The population of a campaign: dossiers returned in the period, per receiving agency, read in a stable order.
create index dossier_returned_idx on dossier (receiving_agency_id, returned_at, id) where returned_at is not null;
