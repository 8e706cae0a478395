-- 0016 list indexes: every inbox and list reads about one page of rows, in index order, at any size.
--
-- The inbox sorts by due instant (no due instant last) then id. The sort key is
-- coalesce(due_at, 'infinity') so that one btree range serves the order and the keyset cursor.
-- A scope of several agencies is read one agency at a time (one index range each, LIMITed) and
-- merged (dossiers.queries.ts searchInbox).

-- Open dossiers by the agency that holds them (boxes mine, agency, due soon, overdue).
create index dossier_open_holder_idx on dossier (holder_agency_id, (coalesce(due_at, 'infinity'::timestamptz)), id)
  where status in ('new', 'received', 'processing', 'supplement_requested', 'financial_obligation', 'completed');
-- Open dossiers received at an agency and held by another (a desk follows what it handed on).
create index dossier_open_receiving_idx on dossier (receiving_agency_id, (coalesce(due_at, 'infinity'::timestamptz)), id)
  where status in ('new', 'received', 'processing', 'supplement_requested', 'financial_obligation', 'completed')
    and holder_agency_id <> receiving_agency_id;
-- Every dossier, same order (box all).
create index dossier_holder_due_idx on dossier (holder_agency_id, (coalesce(due_at, 'infinity'::timestamptz)), id);
create index dossier_receiving_due_idx on dossier (receiving_agency_id, (coalesce(due_at, 'infinity'::timestamptz)), id)
  where holder_agency_id <> receiving_agency_id;
-- Replaced by the indexes above (the inbox was their only reader).
drop index dossier_holder_idx;
drop index dossier_holder_user_idx;

-- The tracking book reads a desk's dossiers in order of receipt then code (Circular 03/2025 Mẫu 07).
create index dossier_receiving_book_idx on dossier (receiving_agency_id, received_at, code);
drop index dossier_receiving_idx;
create index historical_dossier_receiving_book_idx on historical_dossier (receiving_agency_id, received_at, code);
drop index historical_dossier_receiving_idx;

-- The citizen's dossiers, newest first: the order (created_at desc, id desc) read straight from the index.
create index dossier_citizen_newest_idx on dossier (citizen_id, created_at desc, id desc) where citizen_id is not null;
drop index dossier_citizen_idx;
