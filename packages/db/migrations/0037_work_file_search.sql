-- 0037 Work files (hồ sơ công việc, issue 20): a search column so the list of files is searched without
-- diacritics (the accent-folded code and title, foldVietnamese), and the day a closed file is due at the agency's
-- archive (nộp lưu, Decree 30/2020 Art. 29 [RECALL]) written when it is closed, so the list can show the overdue
-- ones without recomputing the setting that applied then.
alter table work_file add column search_text text not null default '';
alter table work_file add column archive_due_on date;
comment on column work_file.search_text is 'Accent-folded code and title (foldVietnamese), for accent-insensitive search.';
comment on column work_file.archive_due_on is 'Last day to hand the closed file to the agency archive: closing day + workfile.archiveDueMonths (default 12).';
create index work_file_search_idx on work_file using gin (search_text gin_trgm_ops);
