-- 0026 Incoming documents: the secret register keeps its own number sequence (Decree 30/2020 Art. 15(1)(c),
-- 22(2); packages/domain/src/eoffice/numbering.ts chooseIncomingSequence: 'incoming' or 'incoming_secret').
-- 0025 made the number unique per agency and year only, so the first secret document of a year (number 1 of
-- 'incoming_secret') collided with the first ordinary one. The sequence joins the unique key as a column
-- generated from the confidentiality (which never changes after registration), so every writer of the
-- register — the use-cases, the demo's year of documents — numbers within the right sequence without naming it.
alter table incoming_document add column number_sequence text not null
  generated always as (case when confidentiality = 'normal' then 'incoming' else 'incoming_secret' end) stored;
alter table incoming_document drop constraint incoming_document_number_unique;
alter table incoming_document add constraint incoming_document_number_unique
  unique (agency_id, year, number_sequence, incoming_number);
drop index incoming_document_register_idx;
create index incoming_document_register_idx on incoming_document (agency_id, year, number_sequence, incoming_number);
