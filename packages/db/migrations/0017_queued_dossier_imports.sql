-- 0017 historical-dossier imports on the job queue. An uploaded file is kept in the shared file store (local
-- disk or an S3-compatible object store, by its SHA-256) and imported by whichever API process takes the
-- run's job, so the run survives the process that received the upload: a run given back at a shutdown
-- waits as "queued" and the next process continues it after the last committed batch.

alter table dossier_import
  add column file_sha256 text check (file_sha256 ~ '^[0-9a-f]{64}$'),
  add column file_kind text check (file_kind in ('.csv', '.json', '.jsonl', '.ndjson')),
  add column records_done integer not null default 0 check (records_done >= 0);
comment on column dossier_import.file_sha256 is
  'The uploaded file in the file store (null: imported from the command line, from a file of that machine).';
comment on column dossier_import.file_kind is 'How the stored file is read: by the extension it was uploaded with.';
comment on column dossier_import.records_done is
  'Records of the file whose outcome is committed (written with each batch): a resumed run skips them.';

alter table dossier_import drop constraint dossier_import_status_check;
alter table dossier_import
  add constraint dossier_import_status_check check (status in ('queued', 'running', 'completed', 'failed'));
alter table dossier_import drop constraint dossier_import_finished;
alter table dossier_import
  add constraint dossier_import_finished check ((status in ('queued', 'running')) = (finished_at is null)),
  add constraint dossier_import_queued_file check (status <> 'queued' or file_sha256 is not null);
