-- The exchange of documents between agencies' systems by package (QĐ 28/2018/QĐ-TTg; QCVN 102:2016/BTTTT
-- edXML [RECALL]): what this install exported for a recipient of another system and the status messages
-- that system sent back; the idempotency of an imported package per recipient; who was told of a document
-- event (the `document-changed` job).

-- One package exported for one 'package' recipient of an issued outgoing document. Its id is the edXML
-- DocumentId; the package's bytes are in the file store under package_sha256, so exporting again hands out
-- the same bytes. status is the last status message the recipient's system reported back ('sent' before any).
create table exchange_package (
  id uuid primary key,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid not null references agency (id),
  outgoing_id uuid not null references outgoing_document (id),
  recipient_id uuid not null references outgoing_recipient (id),
  recipient_code text not null check (length(recipient_code) between 1 and 40),
  recipient_name text not null check (length(recipient_name) between 1 and 300),
  package_sha256 text not null check (package_sha256 ~ '^[0-9a-f]{64}$'),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  transport text not null default 'file' check (length(transport) between 1 and 40),
  exported_at timestamptz not null default now(),
  exported_by uuid references app_user (id),
  status text not null default 'sent' check (status in ('sent', 'delivered', 'received', 'refused', 'assigned', 'in_progress', 'done')),
  status_at timestamptz not null default now(),
  version integer not null default 1 check (version >= 1),
  constraint exchange_package_recipient_unique unique (recipient_id),
  constraint exchange_package_sha256_unique unique (package_sha256)
);
comment on table exchange_package is
  'Exchange packages (edXML) exported for recipients of other systems; the sender''s side of the status messages.';
create index exchange_package_sent_idx on exchange_package (agency_id, exported_at desc, id desc);
create index exchange_package_outgoing_idx on exchange_package (outgoing_id);

-- The status messages the recipient's system sent back about one package, in its order (seq 1 = đã đến).
create table exchange_package_status (
  package_id uuid not null references exchange_package (id),
  seq integer not null check (seq between 1 and 1000),
  status text not null check (status in ('delivered', 'received', 'refused', 'assigned', 'in_progress', 'done')),
  at timestamptz not null,
  reporter_code text not null check (length(reporter_code) between 1 and 40),
  note text check (length(note) <= 2000),
  imported_at timestamptz not null default now(),
  imported_by uuid references app_user (id),
  primary key (package_id, seq)
);

-- A package imported twice for the same recipient agency is the same delivery.
create unique index document_delivery_package_unique on document_delivery (package_sha256, recipient_agency_id)
  where package_sha256 is not null;
-- The receiving clerk's list of packages imported, newest first.
create index document_delivery_package_received_idx on document_delivery (recipient_agency_id, delivered_at desc, id desc)
  where package_sha256 is not null;
-- The sender's list of deliveries it sent through the system, newest first.
create index document_delivery_sent_idx on document_delivery (sender_agency_id, delivered_at desc, id desc)
  where sender_agency_id is not null;

-- Who was emailed about which document event: one row per event and official, so a retried job never
-- sends twice.
create table document_notification (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  document_kind text not null check (document_kind in ('incoming', 'outgoing')),
  document_id uuid not null,
  event_seq integer not null check (event_seq >= 1),
  user_id uuid not null references app_user (id),
  kind text not null check (length(kind) between 1 and 40),
  status text not null check (status in ('pending', 'retrying', 'sent', 'failed', 'skipped')),
  skip_reason text,
  attempts integer not null default 0 check (attempts >= 0),
  last_error text check (length(last_error) <= 200),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  constraint document_notification_unique unique (document_kind, document_id, event_seq, user_id)
);
