-- 0013 accountable steps and issued forms.
--
-- 1. Each step names the officials who handed the dossier over to it, who took it, and who finished it, so the
--    dossier page shows "Người thực hiện" and the control slip (Circular 01/2018/TT-VPCP Mẫu 05, Mẫu 06 of
--    Circular 03/2025/TT-VPCP) prints the giver and the taker of every hand-over. The engine state holds the
--    same ids; these columns are its projection, written with the other step columns on every transition.
--    Steps written before this migration keep null: their names were never recorded.
-- 2. A form handed to the applicant (the receipt of Mẫu 01, a supplement request, a refusal, an apology and new
--    appointment, a stop notice) is a record: its PDF is stored, content-addressed, when it is issued, and a
--    reprint returns those bytes — a later change (a new appointment, a renamed agency) never rewrites a paper
--    the applicant already holds; the later fact is on the form that records it.

alter table dossier_step
  add column given_by_user_id uuid references app_user (id),
  add column received_by_user_id uuid references app_user (id),
  add column completed_by_user_id uuid references app_user (id);
comment on column dossier_step.given_by_user_id is 'The official who handed the dossier over to this step ("Người giao"); null when the applicant did.';
comment on column dossier_step.received_by_user_id is 'The official who took the dossier at this step ("Người nhận").';
comment on column dossier_step.completed_by_user_id is 'The official who finished this step ("Người thực hiện").';

create table issued_form (
  dossier_id uuid not null references dossier (id),
  -- The dossier event that issued the form (receive, request_supplement, refuse, apologize, stop…).
  event_seq integer not null check (event_seq >= 1),
  form text not null check (form in ('receipt', 'supplement_request', 'refusal', 'apology', 'stop_notice')),
  province_code text not null check (province_code ~ '^\d{2}$'),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes integer not null check (size_bytes > 0),
  media_type text not null default 'application/pdf',
  issued_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (dossier_id, form, event_seq)
);
comment on table issued_form is
  'Forms handed to the applicant, stored when issued: the PDF lives in the content-addressed file store under file_sha256; a reprint returns exactly these bytes. Rows are only ever inserted.';
