-- 0030 Search of official documents (issue 19 item 5): accent-insensitive search over the folded
-- search_text of incoming and outgoing documents (number and symbol, issuer, subject; written by every
-- writer with buildDocumentSearchText from @motcua/domain), and the order the search lists them in —
-- newest first per agency — so a page is one index range.
create index incoming_document_search_idx on incoming_document using gin (search_text gin_trgm_ops);
create index outgoing_document_search_idx on outgoing_document using gin (search_text gin_trgm_ops);
create index incoming_document_received_idx on incoming_document (agency_id, received_at desc, id desc);
-- An outgoing document is dated the day it is signed (Decree 30/2020 Art. 15(1)(b), 18); a draft by
-- when it was started.
create index outgoing_document_dated_idx on outgoing_document (agency_id, (coalesce(signed_at, created_at)) desc, id desc);
