-- 0006 the citizen portal (dịch vụ công trực tuyến): citizens and their sessions, online drafts and
-- uploads, payments through the national payment platform, notifications, ratings, feedback on
-- regulations (PAKN), procedure form templates.

-- A citizen (or an organisation's representative) signed in through the national identity
-- provider (VNeID / DVCQG single sign-on, OpenID Connect), or a local demo account. Citizens are not
-- officials: they never appear in app_user and hold no roles.
create table citizen (
  id uuid primary key default gen_random_uuid(),
  source text not null check (source in ('vneid', 'local')),
  -- The OpenID Connect issuer and subject (sub); for local accounts 'local' and 'local:<username>'.
  issuer text not null check (length(issuer) between 1 and 500),
  subject text not null check (length(subject) between 1 and 255),
  -- Local demo accounts only: lower-case username and argon2id hash.
  username text check (username ~ '^[a-z0-9._-]{3,64}$'),
  password_hash text,
  -- 1 citizen, 2 business (LoaiTaiKhoan of the DVCQG userinfo).
  account_kind text not null default 'person' check (account_kind in ('person', 'organisation')),
  -- Số định danh cá nhân (12 digits), as the identity provider asserts it.
  id_number text check (id_number ~ '^[0-9]{12}$'),
  full_name text not null check (length(full_name) between 1 and 200),
  date_of_birth date,
  -- ThuongTru (permanent residence) as text, with the commune code when it can be read.
  address text check (length(address) <= 500),
  commune_code text check (commune_code ~ '^[0-9]{5}$'),
  phone text check (phone ~ '^(0|\+84)[1-9][0-9]{8,9}$'),
  email text check (length(email) <= 254),
  -- An organisation account's tax code and name.
  tax_code text check (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
  organisation_name text check (length(organisation_name) <= 300),
  -- Level of assurance of the identity (loAs of VNeID), as sent.
  assurance text check (length(assurance) <= 50),
  status text not null default 'active' check (status in ('active', 'disabled')),
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint citizen_local_credentials check ((source = 'local') = (username is not null and password_hash is not null)),
  constraint citizen_organisation check (account_kind = 'person' or tax_code is not null)
);
comment on table citizen is
  'Citizens of the portal (VNeID/OIDC or a local demo account). Personal data: never logged; shown only to the citizen.';
create unique index citizen_subject_key on citizen (issuer, subject);
create unique index citizen_username_key on citizen (username) where username is not null;
create index citizen_id_number_idx on citizen (id_number) where id_number is not null;

-- Citizen sessions: like officials' sessions, a separate cookie (motcua_citizen) with its own CSRF token.
create table citizen_session (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  citizen_id uuid not null references citizen (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  idle_expires_at timestamptz not null,
  expires_at timestamptz not null
);
create index citizen_session_citizen_idx on citizen_session (citizen_id);
create index citizen_session_expires_idx on citizen_session (expires_at);

-- A sign-in in progress (authorization code flow with PKCE): kept server-side until the callback,
-- used once, bound to the browser by the hash of a short-lived cookie.
create table citizen_auth_request (
  state_hash text primary key check (state_hash ~ '^[0-9a-f]{64}$'),
  browser_hash text not null check (browser_hash ~ '^[0-9a-f]{64}$'),
  code_verifier text not null,
  nonce text not null,
  return_to text not null check (return_to ~ '^/'),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index citizen_auth_request_expires_idx on citizen_auth_request (expires_at);

-- Online dossiers belong to the citizen who submitted them (null for counter and postal dossiers).
alter table dossier add column citizen_id uuid references citizen (id);
create index dossier_citizen_idx on dossier (citizen_id, created_at desc, id) where citizen_id is not null;

-- Component files a citizen uploaded (null uploaded_by for officials' uploads of other kinds).
alter table dossier_document add column uploaded_by_citizen_id uuid references citizen (id);
-- The public verification page finds a result by its hash.
create index dossier_document_sha256_idx on dossier_document (file_sha256) where file_sha256 is not null;

-- An online application being prepared: the form data as typed so far (validated on submission).
create table dossier_draft (
  id uuid primary key default gen_random_uuid(),
  citizen_id uuid not null references citizen (id),
  -- The catalog (province) and procedure the application is for, and the version the form was built from.
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  procedure_id uuid not null references procedure (id),
  procedure_version_id uuid not null references procedure_version (id),
  procedure_code text not null,
  procedure_name text not null,
  -- OnlineApplication as typed (possibly incomplete): applicant, representation, receivingAgencyId, …
  data jsonb not null default '{}'::jsonb check (octet_length(data::text) <= 65536),
  status text not null default 'open' check (status in ('open', 'submitted')),
  dossier_id uuid references dossier (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint dossier_draft_submitted check ((status = 'submitted') = (dossier_id is not null))
);
comment on table dossier_draft is 'Online applications kept on the server until submitted; version guards concurrent edits.';
create index dossier_draft_citizen_idx on dossier_draft (citizen_id, updated_at desc, id);

-- Files uploaded by a citizen, to a draft (before submission) or to a dossier (a supplement), stored
-- content-addressed. They become dossier documents when the draft is submitted or the supplement sent.
create table portal_upload (
  id uuid primary key default gen_random_uuid(),
  citizen_id uuid not null references citizen (id),
  draft_id uuid references dossier_draft (id) on delete cascade,
  dossier_id uuid references dossier (id),
  component_key text not null check (component_key ~ '^[a-z0-9]+([-_][a-z0-9]+)*$'),
  -- The name the file had on the citizen's device (display only; never used to decide the type).
  file_name text not null check (length(file_name) between 1 and 255),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  -- The type read from the file's first bytes.
  media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes bigint not null check (size_bytes > 0),
  -- The dossier document it became (null while pending).
  document_id uuid references dossier_document (id),
  created_at timestamptz not null default now(),
  constraint portal_upload_owner check (draft_id is not null or dossier_id is not null)
);
create index portal_upload_draft_idx on portal_upload (draft_id, component_key) where draft_id is not null;
create index portal_upload_dossier_idx on portal_upload (dossier_id, created_at) where dossier_id is not null;
create index portal_upload_citizen_idx on portal_upload (citizen_id, created_at);

-- Payments of fees and charges through the national payment platform (or the local sandbox): one
-- row per INIT; the platform's result arrives as a callback, verified and recorded below.
create table payment (
  id uuid primary key default gen_random_uuid(),
  -- MaThamChieu: our reference, unique, letters and digits only.
  reference text not null unique check (reference ~ '^[A-Za-z0-9]{8,64}$'),
  dossier_id uuid not null references dossier (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  citizen_id uuid references citizen (id),
  -- The request_payment event (its seq in the dossier's history) this payment answers.
  request_seq integer not null check (request_seq >= 1),
  provider text not null check (provider in ('sandbox', 'dvcqg')),
  amount_vnd bigint not null check (amount_vnd > 0),
  -- [{ name, kind, amountVnd }]: the lines of the e-receipt.
  fee_lines jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  -- The INIT message as sent (never the secret).
  init_message jsonb not null,
  payment_url text,
  expires_at timestamptz not null,
  -- MaGiaoDich and MaNganHang of the platform's result.
  transaction_no text check (length(transaction_no) <= 100),
  bank_code text check (length(bank_code) <= 50),
  paid_at timestamptz,
  -- Whether the payment moved the dossier out of the financial-obligation pause (false when it had left it already).
  applied_to_dossier boolean not null default false,
  -- The e-receipt (PDF) in the file store.
  receipt_sha256 text check (receipt_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payment_paid check ((status = 'succeeded') = (paid_at is not null))
);
comment on table payment is 'Online payments (DVCQG payment platform INIT flow); the first success per request moves the dossier on.';
-- Not unique: a late success of a payment the citizen had given up on (timeout) is real money and is
-- recorded too, with applied_to_dossier = false (a refund case for the desk).
create index payment_request_idx on payment (dossier_id, request_seq, status);
create index payment_dossier_idx on payment (dossier_id, created_at);
create index payment_province_idx on payment (province_code, paid_at) where status = 'succeeded';

-- Every call the payment platform made to us, verified or not (append-only).
create table payment_callback (
  id bigint generated always as identity primary key,
  payment_id uuid references payment (id),
  reference text check (length(reference) <= 100),
  received_at timestamptz not null default now(),
  checksum_valid boolean not null,
  result_code text check (length(result_code) <= 20),
  outcome text not null check (outcome in (
    'applied', 'recorded_failure', 'duplicate', 'bad_checksum', 'unknown_reference', 'amount_mismatch')),
  message jsonb not null
);
create index payment_callback_payment_idx on payment_callback (payment_id, received_at);

-- Notifications to the applicant (email, SMS) after dossier changes, one row per message, with every
-- delivery attempt below. The recipient is stored masked: enough to recognise, not to contact.
create table notification (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossier (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  -- The dossier event that caused it.
  event_seq integer not null check (event_seq >= 1),
  kind text not null check (kind in ('receipt', 'supplement_request', 'payment_request', 'apology', 'result_ready')),
  channel text not null check (channel in ('email', 'sms')),
  recipient_masked text,
  status text not null check (status in ('pending', 'sent', 'retrying', 'failed', 'skipped')),
  -- Why nothing was sent (no address, channel disabled).
  skip_reason text check (skip_reason in ('no_address', 'channel_disabled')),
  attempts integer not null default 0 check (attempts >= 0),
  -- The last failure, as an error code (never the provider's text, which may quote the address).
  last_error text check (length(last_error) <= 200),
  created_at timestamptz not null default now(),
  last_attempt_at timestamptz,
  sent_at timestamptz,
  unique (dossier_id, event_seq, channel)
);
create index notification_problem_idx on notification (dossier_id) where status in ('retrying', 'failed');
create index notification_status_idx on notification (province_code, status, created_at);

create table notification_attempt (
  id bigint generated always as identity primary key,
  notification_id uuid not null references notification (id),
  at timestamptz not null,
  outcome text not null check (outcome in ('sent', 'failed')),
  error text check (length(error) <= 200)
);
create index notification_attempt_notification_idx on notification_attempt (notification_id, at);

-- The applicant's rating of a dossier after its result was returned (Circular 01/2018/TT-VPCP scoring
-- tool, indices 3, 4, 7, 10 and 11), online by the citizen or at the desk by a counter officer. Once.
create table dossier_rating (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null unique references dossier (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  receiving_agency_id uuid not null references agency (id),
  procedure_id uuid not null references procedure (id),
  channel text not null check (channel in ('online', 'counter')),
  citizen_id uuid references citizen (id),
  recorded_by uuid references app_user (id),
  overall text not null check (overall in ('very_satisfied', 'satisfied', 'dissatisfied')),
  ease_of_use text not null check (ease_of_use in ('very_satisfied', 'satisfied', 'dissatisfied')),
  staff_attitude text check (staff_attitude in ('very_satisfied', 'satisfied', 'dissatisfied')),
  contacts text check (contacts in ('none', 'once', 'more')),
  agencies_contacted text check (agencies_contacted in ('one', 'two', 'more')),
  -- Points per index of the tool, e.g. {"3": 2, "10": 1, "11": 2}.
  scores jsonb not null,
  comment text check (length(comment) <= 2000),
  created_at timestamptz not null default now(),
  constraint dossier_rating_who check (
    (channel = 'online' and citizen_id is not null and recorded_by is null)
    or (channel = 'counter' and recorded_by is not null))
);
comment on table dossier_rating is 'Satisfaction ratings per dossier, read by the scorecards (Decision 766 satisfaction, SIPAS).';
create index dossier_rating_province_idx on dossier_rating (province_code, created_at);
create index dossier_rating_agency_idx on dossier_rating (receiving_agency_id, created_at);
create index dossier_rating_procedure_idx on dossier_rating (procedure_id, created_at);

-- Feedback on administrative regulations (Decree 20/2008/NĐ-CP, amended by 48/2013 and 92/2017):
-- the register (sổ tiếp nhận) of Art. 9. Handling comes later; the status says where it stands.
create table pakn_feedback (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^PAKN\.[0-9]{8}\.[0-9]{4,}$'),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  kind text not null check (kind in ('phan_anh', 'kien_nghi')),
  topic text not null check (topic in ('conduct', 'regulation', 'proposal', 'initiative')),
  regulation text not null check (length(regulation) between 3 and 500),
  procedure_code text,
  content text not null check (length(content) between 20 and 10000),
  sender_name text not null check (length(sender_name) between 2 and 200),
  sender_address text not null check (length(sender_address) between 5 and 500),
  sender_phone text not null,
  sender_email text,
  citizen_id uuid references citizen (id),
  status text not null default 'received' check (status in ('received')),
  received_at timestamptz not null default now()
);
comment on table pakn_feedback is 'PAKN register: feedback on regulations with the sender as the decree requires (personal data).';
create index pakn_feedback_province_idx on pakn_feedback (province_code, received_at);

-- Daily sequence of PAKN codes (PAKN.yyyymmdd.nnnn), incremented atomically.
create table pakn_code_counter (
  day date primary key,
  last_seq integer not null check (last_seq >= 1)
);

-- Form templates (mẫu đơn, tờ khai) of procedure components, uploaded by the province's catalog
-- managers; the public procedure page offers them for download.
create table procedure_template (
  procedure_id uuid not null references procedure (id),
  component_key text not null check (component_key ~ '^[a-z0-9]+([-_][a-z0-9]+)*$'),
  file_name text not null check (length(file_name) between 1 and 255),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  media_type text not null,
  size_bytes bigint not null check (size_bytes > 0),
  uploaded_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  primary key (procedure_id, component_key)
);
