-- 0010 the filled application form (tờ khai) of a dossier, stored as data.
--
-- A table of its own rather than a column of dossier: the form is written once, with the dossier, and never
-- changes, while the dossier row is rewritten by every action (guarded update of state and projections) and
-- read by every inbox and report query — keeping the applicant's form out of that hot, wide row keeps those
-- writes and reads small. It also keeps the most personal data of a dossier (a child's birth, a family's
-- members) in one place that retention and access rules can address on their own. The definition is not
-- copied: the dossier keeps its procedure version (procedure_version_id, immutable once published), and the
-- form of that version is the form it was submitted with; procedure_version_id is repeated here so that a
-- reader of this table alone knows which definition the values answer.

create table dossier_application_form (
  dossier_id uuid primary key references dossier (id),
  province_code text not null check (province_code ~ '^\d{2}$'),
  procedure_version_id uuid not null references procedure_version (id),
  form_key text not null check (form_key ~ '^[a-z0-9]+([-_][a-z0-9]+)*$'),
  form_values jsonb not null check (jsonb_typeof(form_values) = 'object'),
  created_at timestamptz not null default now()
);
comment on table dossier_application_form is
  'The application form (tờ khai) of a dossier as the applicant or the desk filled it in: the values of the visible fields (pruned), keyed by field key, answering the applicationForm of the dossier''s procedure version. Written in the transaction that creates the dossier; never updated.';
comment on column dossier_application_form.form_values is
  'FormValues: one member per field key; a repeating group is an array of item objects; an address is {communeCode, detail} or {abroad}.';
