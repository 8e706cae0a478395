-- 0011 result documents: where each came from, ready for a signed PDF.
--
-- A result document (văn bản kết quả) is a row of dossier_document of kind 'result' whose file is stored
-- content-addressed outside the database (file_sha256 = SHA-256 of the stored bytes, the hash the public
-- verification page shows). It is either uploaded by the agency (a PDF it signed elsewhere) or generated
-- from the result template of the dossier's procedure version (the PDF carries a QR code to /v/<id>, the
-- row's id, because a file cannot print its own hash). A digitally signed PDF is new bytes: it is stored as
-- its own file and the row's file_sha256 is the hash of the signed bytes; signed_at records when the
-- signature was applied (null: not signed electronically).

alter table dossier_document
  add column origin text not null default 'uploaded' check (origin in ('uploaded', 'generated')),
  add column signed_at timestamptz;

comment on column dossier_document.origin is
  'uploaded: a file an official or citizen sent; generated: a result printed by motcua from the procedure version''s result template.';
comment on column dossier_document.signed_at is
  'When the stored file (file_sha256) was signed digitally; null until e-signing of results exists.';

-- A returned-online dossier must have a result file: the return action counts them.
create index dossier_document_result_file_idx on dossier_document (dossier_id)
  where kind = 'result' and file_sha256 is not null;
