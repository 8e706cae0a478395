-- 0031 A province's PAKN settings are changed on a screen by the province administrator: every write is
-- guarded by the version the administrator saw (two administrators editing at once: the second gets 409
-- instead of silently overwriting the first). Existing rows start at version 1.
alter table pakn_setting add column row_version integer not null default 1 check (row_version >= 1);
comment on column pakn_setting.row_version is 'Optimistic lock: incremented by each write; a write names the version it read.';

-- SIPAS (issue 18 item 6): "answers are anonymous to officials unless the respondent agrees otherwise". A
-- respondent may tick that the survey's organiser may know who gave the answer and contact them about it; only
-- then is the contact they typed kept with the response ({name, phone?, email?}). Without it nothing about the
-- person is stored (the default). The invitation stays unlinked either way.
alter table sipas_response add column contact jsonb check (contact is null or jsonb_typeof(contact) = 'object');
comment on column sipas_response.contact is 'Contact the respondent chose to give with their consent to be identified; null = anonymous.';
create index sipas_response_contact_idx on sipas_response (campaign_id, id) where contact is not null;
