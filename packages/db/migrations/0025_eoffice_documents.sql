-- 0025 E-office I: official documents (công tác văn thư, Decree 30/2020/NĐ-CP, in force 05/3/2020).
-- Incoming documents (văn bản đến, Art. 20–24) registered by the agency's clerk (văn thư) with one incoming
-- number sequence per agency per year (Art. 22(2)); outgoing documents (văn bản đi, Art. 10–19) drafted,
-- reviewed through a sequential/parallel chain, signed digitally by the competent person and then by the
-- organisation (Art. 5, 13, 33), numbered by the system when signed (Art. 15: one sequence per agency per
-- calendar year; normative documents one sequence per type; secret documents their own) and issued the
-- day they are signed (Art. 18); exchange between agencies with status messages back to the sender
-- (QĐ 28/2018/QĐ-TTg; QCVN 102:2016/BTTTT statuses). Every change of either kind of document appends a
-- hash-chained document_event that `motcua audit verify` checks; every read of a confidential document
-- appends a document_read row.

-- Roles (Decree 30/2020 Art. 3, 9–13): văn thư (clerk: registers, numbers, issues, holds the organisation's
-- key), chuyên viên (specialist: drafts, handles), lãnh đạo phòng (unit head: reviews, directs in the unit,
-- may sign "thừa lệnh"), lãnh đạo cơ quan (agency head: directs, approves, signs).
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in (
  'receptionist', 'processor', 'approver', 'result_returner', 'agency_admin', 'province_admin', 'auditor',
  'par_focal', 'par_appraiser', 'par_organiser', 'sipas_organiser', 'surveyor', 'pakn_officer',
  'clerk', 'specialist', 'unit_head', 'agency_head'));

-- The abbreviation of the agency's (or the drafting unit's) name in a document symbol: "UBND" in
-- "Số: 12/QĐ-UBND", "VP" in "Số: 35/UBND-VP" (Decree 30/2020 Phụ lục I; set by the head, Art. 15).
alter table agency add column document_abbreviation text
  check (document_abbreviation ~ '^[A-ZĐ0-9]{1,15}$');

-- Delegation (ủy quyền, Art. 13): an official acts for another between two dates — signs "thừa ủy quyền",
-- approves or directs in their place. Revocation sets revoked_at; rows are never deleted.
create table document_delegation (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid not null references agency (id),
  from_user_id uuid not null references app_user (id),
  to_user_id uuid not null references app_user (id),
  scope text not null check (scope in ('sign', 'approve', 'direct')),
  valid_from date not null,
  valid_to date not null,
  reason text not null check (length(reason) between 1 and 500),
  created_by uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  constraint document_delegation_range check (valid_from <= valid_to),
  constraint document_delegation_not_self check (from_user_id <> to_user_id)
);
create index document_delegation_to_idx on document_delegation (to_user_id, valid_to);
create index document_delegation_agency_idx on document_delegation (agency_id, valid_to);

-- Gap-free number sequences (Art. 15, 22(2)): 'incoming', 'incoming_secret', 'outgoing' (administrative
-- documents: one sequence unless the head sets another rule), 'outgoing_secret', 'normative:<type code>'.
-- The row is locked by the statement that takes the next number, inside the transaction that uses it:
-- a rolled-back issue releases its number, so the sequence stays without gaps.
create table document_number_counter (
  agency_id uuid not null references agency (id),
  year integer not null check (year between 2000 and 2200),
  sequence text not null check (sequence ~ '^(incoming|incoming_secret|outgoing|outgoing_secret|normative:[A-Za-zĐđ]{1,6})$'),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  last_number integer not null check (last_number >= 0),
  primary key (agency_id, year, sequence)
);

-- Incoming documents (sổ đăng ký văn bản đến). A document is registered once, by the clerk, from a paper
-- (scanned, ≥ 200 dpi) or an electronic receipt (document_delivery); Art. 22(1): what the clerk has not
-- registered need not be handled.
create table incoming_document (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid not null references agency (id),
  year integer not null check (year between 2000 and 2200),
  incoming_number integer not null check (incoming_number >= 1),
  -- When it reached the agency (the electronic delivery's instant, or the paper's arrival as entered).
  received_at timestamptz not null,
  registered_at timestamptz not null default now(),
  registered_by uuid references app_user (id),
  channel text not null check (channel in ('electronic', 'paper')),
  delivery_id uuid,
  issuer_name text not null check (length(issuer_name) between 1 and 300),
  -- The issuer's identifier code (QĐ 20/2020/QĐ-TTg) when known.
  issuer_code text check (length(issuer_code) <= 40),
  number_symbol text not null check (length(number_symbol) between 1 and 60),
  issued_on date not null,
  document_type text not null check (length(document_type) between 1 and 10),
  subject text not null check (length(subject) between 1 and 2000),
  urgency text not null default 'normal' check (urgency in ('normal', 'khan', 'thuong_khan', 'hoa_toc')),
  confidentiality text not null default 'normal' check (confidentiality in ('normal', 'mat', 'toi_mat', 'tuyet_mat')),
  page_count integer check (page_count between 1 and 100000),
  signer_name text check (length(signer_name) <= 200),
  file_sha256 text check (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_name text check (length(file_name) <= 255),
  file_media_type text,
  file_size_bytes bigint check (file_size_bytes >= 0),
  scan_dpi integer check (scan_dpi between 1 and 2400),
  status text not null check (status in ('registered', 'presented', 'directed', 'in_progress', 'done', 'returned')),
  presented_to uuid references app_user (id),
  presented_at timestamptz,
  direction_note text check (length(direction_note) <= 4000),
  directed_by uuid references app_user (id),
  directed_at timestamptz,
  lead_unit_id uuid references agency (id),
  due_on date,
  completed_at timestamptz,
  return_reason text check (length(return_reason) <= 2000),
  -- Folded (no diacritics, lower case) number/symbol, issuer and subject: searched without accents.
  search_text text not null default '',
  version integer not null default 1 check (version >= 1),
  event_count integer not null default 0 check (event_count >= 0),
  last_event_hash text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint incoming_document_number_unique unique (agency_id, year, incoming_number),
  constraint incoming_document_paper_scan check (channel = 'electronic' or file_sha256 is null or scan_dpi is not null)
);
comment on table incoming_document is
  'Sổ đăng ký văn bản đến (Decree 30/2020 Art. 22, Phụ lục IV): one incoming number sequence per agency per year (secret ones their own).';
create index incoming_document_inbox_idx on incoming_document (agency_id, status, registered_at desc, id desc);
create index incoming_document_register_idx on incoming_document (agency_id, year, incoming_number);
create index incoming_document_lead_idx on incoming_document (lead_unit_id, status, due_on) where lead_unit_id is not null;

-- Who handles an incoming document: the lead unit and co-operating units (Art. 24), each with an optional
-- named official and its own progress.
create table incoming_assignment (
  incoming_id uuid not null references incoming_document (id),
  unit_id uuid not null references agency (id),
  role text not null check (role in ('lead', 'cooperate')),
  assignee_user_id uuid references app_user (id),
  status text not null default 'assigned' check (status in ('assigned', 'in_progress', 'done')),
  due_on date,
  note text check (length(note) <= 2000),
  assigned_at timestamptz not null default now(),
  done_at timestamptz,
  primary key (incoming_id, unit_id)
);
create index incoming_assignment_unit_idx on incoming_assignment (unit_id, status, due_on);
create index incoming_assignment_user_idx on incoming_assignment (assignee_user_id, status) where assignee_user_id is not null;

-- Outgoing documents (sổ đăng ký văn bản đi). Numbered when signed (Art. 15(1)(b)); the number, symbol
-- and year are null until then.
create table outgoing_document (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid not null references agency (id),
  drafting_unit_id uuid references agency (id),
  drafter_user_id uuid not null references app_user (id),
  document_type text not null check (length(document_type) between 1 and 10),
  is_normative boolean not null default false,
  subject text not null check (length(subject) between 1 and 2000),
  urgency text not null default 'normal' check (urgency in ('normal', 'khan', 'thuong_khan', 'hoa_toc')),
  confidentiality text not null default 'normal' check (confidentiality in ('normal', 'mat', 'toi_mat', 'tuyet_mat')),
  status text not null check (status in ('draft', 'in_review', 'returned', 'approved', 'signed', 'issued', 'cancelled')),
  -- How the competent person signs (Art. 13): in their own right, 'tm' (thay mặt a collective body),
  -- 'kt' (ký thay the head), 'tl' (thừa lệnh), 'tuq' (thừa ủy quyền).
  sign_mode text not null default 'direct' check (sign_mode in ('direct', 'tm', 'kt', 'tl', 'tuq')),
  signer_user_id uuid references app_user (id),
  signer_title text check (length(signer_title) <= 200),
  review_round integer not null default 0 check (review_round >= 0),
  current_version integer not null default 0 check (current_version >= 0),
  year integer check (year between 2000 and 2200),
  number_sequence text,
  number integer check (number >= 1),
  number_symbol text check (length(number_symbol) <= 60),
  signed_at timestamptz,
  organisation_signed_at timestamptz,
  issued_at timestamptz,
  page_count integer check (page_count between 1 and 100000),
  -- The issued PDF (signed by the signer and the organisation) in the file store.
  signed_file_sha256 text check (signed_file_sha256 ~ '^[0-9a-f]{64}$'),
  -- The opaque token of the public verification page (QR on the document).
  verification_token text unique check (verification_token ~ '^[A-Za-z0-9_-]{16,64}$'),
  search_text text not null default '',
  version integer not null default 1 check (version >= 1),
  event_count integer not null default 0 check (event_count >= 0),
  last_event_hash text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint outgoing_document_numbered check ((number is null) = (year is null) and (number is null) = (number_sequence is null)),
  constraint outgoing_document_number_unique unique (agency_id, year, number_sequence, number)
);
comment on table outgoing_document is
  'Văn bản đi (Decree 30/2020 Art. 10–19): drafted, reviewed, signed by the competent person then the organisation, numbered by the system when signed, issued the same day.';
create index outgoing_document_list_idx on outgoing_document (agency_id, status, updated_at desc, id desc);
create index outgoing_document_register_idx on outgoing_document (agency_id, year, number_sequence, number) where number is not null;
create index outgoing_document_drafter_idx on outgoing_document (drafter_user_id, status, updated_at desc);

-- Every uploaded draft (DOCX or PDF) is kept (versions are never overwritten).
create table outgoing_draft_version (
  outgoing_id uuid not null references outgoing_document (id),
  version_no integer not null check (version_no >= 1),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_name text not null check (length(file_name) between 1 and 255),
  media_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  uploaded_by uuid not null references app_user (id),
  uploaded_at timestamptz not null default now(),
  note text check (length(note) <= 2000),
  primary key (outgoing_id, version_no)
);

-- The review and approval chain of one submission (review_round): stages run in order, the steps of one
-- stage in parallel; a step may name a substitute who decides in the reviewer's place. kind 'approve' is
-- the gate before signing.
create table outgoing_review_step (
  outgoing_id uuid not null references outgoing_document (id),
  review_round integer not null check (review_round >= 1),
  stage integer not null check (stage >= 1),
  reviewer_user_id uuid not null references app_user (id),
  substitute_user_id uuid references app_user (id),
  kind text not null check (kind in ('review', 'approve')),
  decision text not null default 'pending' check (decision in ('pending', 'approved', 'returned', 'skipped')),
  decided_by uuid references app_user (id),
  decided_at timestamptz,
  comment text check (length(comment) <= 4000),
  primary key (outgoing_id, review_round, stage, reviewer_user_id)
);
create index outgoing_review_step_reviewer_idx on outgoing_review_step (reviewer_user_id, decision);
create index outgoing_review_step_substitute_idx on outgoing_review_step (substitute_user_id, decision) where substitute_user_id is not null;

-- Nơi nhận: an agency of this install (delivered through the system), or another system's agency by its
-- identifier code (exchange package), or a paper recipient.
create table outgoing_recipient (
  id uuid primary key default gen_random_uuid(),
  outgoing_id uuid not null references outgoing_document (id),
  position integer not null check (position >= 1),
  recipient_agency_id uuid references agency (id),
  external_code text check (length(external_code) <= 40),
  name text not null check (length(name) between 1 and 300),
  channel text not null check (channel in ('system', 'package', 'paper')),
  purpose text not null default 'action' check (purpose in ('action', 'information', 'report', 'archive')),
  constraint outgoing_recipient_target check (channel <> 'system' or recipient_agency_id is not null),
  unique (outgoing_id, position)
);

-- The exchange (QĐ 28/2018; QCVN 102:2016 statuses): one row per document delivered to one recipient
-- agency of this install — from an issued outgoing document, or imported from an exchange package of
-- another system — and the last status the recipient reported back.
create table document_delivery (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  recipient_agency_id uuid not null references agency (id),
  outgoing_id uuid references outgoing_document (id),
  sender_agency_id uuid references agency (id),
  sender_code text check (length(sender_code) <= 40),
  sender_name text not null check (length(sender_name) between 1 and 300),
  -- The received package (edXML + attachments) when it came from another system.
  package_sha256 text check (package_sha256 ~ '^[0-9a-f]{64}$'),
  number_symbol text not null check (length(number_symbol) between 1 and 60),
  issued_on date not null,
  document_type text not null,
  subject text not null,
  urgency text not null default 'normal' check (urgency in ('normal', 'khan', 'thuong_khan', 'hoa_toc')),
  confidentiality text not null default 'normal' check (confidentiality in ('normal', 'mat', 'toi_mat', 'tuyet_mat')),
  signer_name text,
  file_sha256 text check (file_sha256 ~ '^[0-9a-f]{64}$'),
  delivered_at timestamptz not null default now(),
  status text not null default 'delivered' check (status in ('delivered', 'received', 'refused', 'assigned', 'in_progress', 'done')),
  status_at timestamptz not null default now(),
  refusal_reason text check (length(refusal_reason) <= 2000),
  incoming_id uuid references incoming_document (id),
  version integer not null default 1 check (version >= 1),
  constraint document_delivery_source check (outgoing_id is not null or package_sha256 is not null),
  unique (outgoing_id, recipient_agency_id)
);
create index document_delivery_recipient_idx on document_delivery (recipient_agency_id, status, delivered_at desc, id desc);
create index document_delivery_sender_idx on document_delivery (sender_agency_id, status_at desc) where sender_agency_id is not null;
alter table incoming_document add constraint incoming_document_delivery_fk foreign key (delivery_id) references document_delivery (id);
create unique index incoming_document_delivery_unique on incoming_document (delivery_id) where delivery_id is not null;

-- Status messages back to the sender, in order (đã đến, từ chối, đã tiếp nhận, phân công, đang xử lý, hoàn thành).
create table document_status_message (
  delivery_id uuid not null references document_delivery (id),
  seq integer not null check (seq >= 1),
  status text not null check (status in ('delivered', 'received', 'refused', 'assigned', 'in_progress', 'done')),
  at timestamptz not null default now(),
  actor_user_id uuid references app_user (id),
  note text check (length(note) <= 2000),
  primary key (delivery_id, seq)
);

-- Digital signatures applied to a PDF by motcua (the competent person's, then the organisation's).
create table document_signature (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  outgoing_id uuid references outgoing_document (id),
  dossier_id uuid references dossier (id),
  kind text not null check (kind in ('signer', 'organisation')),
  signer_user_id uuid references app_user (id),
  agency_id uuid not null references agency (id),
  certificate_subject text not null,
  certificate_serial text not null,
  certificate_sha256 text not null check (certificate_sha256 ~ '^[0-9a-f]{64}$'),
  signed_at timestamptz not null,
  -- The PDF before and after this signature (each signature is an incremental update).
  input_sha256 text not null check (input_sha256 ~ '^[0-9a-f]{64}$'),
  output_sha256 text not null check (output_sha256 ~ '^[0-9a-f]{64}$'),
  constraint document_signature_target check ((outgoing_id is null) <> (dossier_id is null))
);
create index document_signature_outgoing_idx on document_signature (outgoing_id, signed_at) where outgoing_id is not null;
create index document_signature_dossier_idx on document_signature (dossier_id, signed_at) where dossier_id is not null;

-- The append-only, hash-chained history of every incoming and outgoing document:
-- hash = SHA-256(prev_hash || "\n" || canonical JSON of the event), as the dossier's.
create table document_event (
  id bigint generated always as identity primary key,
  document_kind text not null check (document_kind in ('incoming', 'outgoing')),
  document_id uuid not null,
  seq integer not null check (seq >= 1),
  at timestamptz not null,
  actor_kind text not null check (actor_kind in ('official', 'system')),
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
  unique (document_kind, document_id, seq)
);
comment on table document_event is
  'Append-only, hash-chained history of incoming and outgoing documents; motcua audit verify recomputes it.';

-- Every read of a confidential document (mật, tối mật, tuyệt mật) by an official.
create table document_read (
  id bigint generated always as identity primary key,
  document_kind text not null check (document_kind in ('incoming', 'outgoing')),
  document_id uuid not null,
  user_id uuid not null references app_user (id),
  at timestamptz not null default now(),
  what text not null check (what in ('record', 'file'))
);
create index document_read_document_idx on document_read (document_kind, document_id, at);
