-- 0031 A province's PAKN settings are changed on a screen by the province administrator: every write is
-- guarded by the version the administrator saw (two administrators editing at once: the second gets 409
-- instead of silently overwriting the first). Existing rows start at version 1.
alter table pakn_setting add column row_version integer not null default 1 check (row_version >= 1);
comment on column pakn_setting.row_version is 'Optimistic lock: incremented by each write; a write names the version it read.';
