-- 0008 accent-insensitive search over officials' names ("tran van" finds "Trần Văn …").
-- search_text is kept by the application (foldVietnamese); this backfills existing rows with the same
-- folding done in SQL (translate of the Vietnamese letters, then lower-casing plain ASCII).

alter table app_user add column search_text text;

update app_user set search_text = lower(translate(full_name || ' ' || username,
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
  'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD'));

alter table app_user alter column search_text set not null;
create index app_user_search_idx on app_user using gin (search_text gin_trgm_ops);
comment on column app_user.search_text is 'foldVietnamese(full name + username), for accent-insensitive search.';
