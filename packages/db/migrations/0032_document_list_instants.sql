-- 0032 The instants that order the lists of official documents are kept to the millisecond.
-- Keyset pages carry their position as a JavaScript Date (millisecond precision) while now() has microseconds:
-- two rows written in the same millisecond could be skipped at a page edge (the cursor "< 12:00:00.123" misses
-- a row at 12:00:00.123400 that sorted after the last one shown). Rounding the stored instant to the millisecond
-- makes the cursor exact; nothing in official documents is recorded more finely than that.
alter table incoming_document
  alter column received_at type timestamptz(3),
  alter column registered_at type timestamptz(3),
  alter column created_at type timestamptz(3),
  alter column updated_at type timestamptz(3);
alter table outgoing_document
  alter column signed_at type timestamptz(3),
  alter column issued_at type timestamptz(3),
  alter column created_at type timestamptz(3),
  alter column updated_at type timestamptz(3);
alter table document_delivery
  alter column delivered_at type timestamptz(3),
  alter column status_at type timestamptz(3);
alter table exchange_package
  alter column exported_at type timestamptz(3);
