-- Signing credentials (issue 19 item 3): the certificates motcua signs PDF documents with — an official's
-- (the competent person's signature, Decree 30/2020/NĐ-CP Art. 13) and an agency's (the organisation's
-- signature that replaces the seal on an electronic document, Phụ lục I) — plus the install's own TEST
-- certificate authority and timestamp key, and roots imported as trusted for verification.
--
-- The private key never sits in the database: a PKCS#12 file in the file store (content-addressed,
-- pkcs12_sha256) encrypted with a passphrase derived from the installation secret and the credential's id
-- (usecases/signing/credential-store.ts). A trusted root is a certificate only (no PKCS#12).
-- A real certificate (Ban Cơ yếu Chính phủ, or a licensed public CA) is imported as a PKCS#12 file; the test
-- CA's certificates carry "không có giá trị pháp lý" in their issuer and are for trials only (docs/signing.md).
create table signing_credential (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  owner_kind text not null check (owner_kind in ('official', 'agency', 'test_ca', 'test_tsa', 'trusted_root')),
  user_id uuid references app_user (id),
  agency_id uuid references agency (id),
  origin text not null check (origin in ('test_ca', 'imported')),
  certificate_pem text not null check (length(certificate_pem) between 100 and 20000),
  -- The certificates above it (PEM, concatenated), as the PKCS#12 file held them.
  chain_pem text not null default '' check (length(chain_pem) <= 100000),
  subject text not null check (length(subject) between 1 and 1000),
  issuer text not null check (length(issuer) between 1 and 1000),
  serial text not null check (serial ~ '^[0-9a-f]{1,64}$'),
  certificate_sha256 text not null check (certificate_sha256 ~ '^[0-9a-f]{64}$'),
  not_before timestamptz not null,
  not_after timestamptz not null,
  pkcs12_sha256 text check (pkcs12_sha256 ~ '^[0-9a-f]{64}$'),
  status text not null default 'active' check (status in ('active', 'revoked')),
  -- The official's signature image or the agency's seal image (PNG in the file store), drawn on the page.
  signature_image_sha256 text check (signature_image_sha256 ~ '^[0-9a-f]{64}$'),
  version integer not null default 1 check (version >= 1),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references app_user (id),
  constraint signing_credential_owner check (
    (owner_kind = 'official' and user_id is not null and agency_id is not null)
    or (owner_kind = 'agency' and user_id is null and agency_id is not null)
    or (owner_kind in ('test_ca', 'test_tsa', 'trusted_root') and user_id is null and agency_id is null)),
  constraint signing_credential_key check ((owner_kind = 'trusted_root') = (pkcs12_sha256 is null)),
  constraint signing_credential_revoked check ((status = 'revoked') = (revoked_at is not null))
);
comment on table signing_credential is
  'Certificates motcua signs with (officials, agencies), the install''s TEST CA and TSA, imported trusted roots; keys as encrypted PKCS#12 in the file store.';

-- One active certificate per official, per agency, and one test CA and one test TSA per install.
create unique index signing_credential_official_active_idx on signing_credential (user_id)
  where owner_kind = 'official' and status = 'active';
create unique index signing_credential_agency_active_idx on signing_credential (agency_id)
  where owner_kind = 'agency' and status = 'active';
create unique index signing_credential_authority_active_idx on signing_credential (owner_kind)
  where owner_kind in ('test_ca', 'test_tsa') and status = 'active';
-- The console's list of an agency's credentials, newest first (keyset on created_at, id).
create index signing_credential_agency_idx on signing_credential (agency_id, created_at desc, id desc);
-- The roots a verification trusts.
create index signing_credential_roots_idx on signing_credential (owner_kind, status)
  where owner_kind in ('test_ca', 'trusted_root');

-- The public verification of an uploaded PDF: is it a file motcua issued or signed?
create index outgoing_document_signed_file_idx on outgoing_document (signed_file_sha256)
  where signed_file_sha256 is not null;
create index document_signature_output_idx on document_signature (output_sha256);
