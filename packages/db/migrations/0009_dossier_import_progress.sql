-- 0009 progress of historical-dossier imports started from the console: a run reports its totals while it
-- runs and beats a heartbeat, so a run whose process stopped (a crash, a killed server) is recognised as
-- interrupted instead of "running" forever.

alter table dossier_import add column heartbeat_at timestamptz not null default now();
comment on column dossier_import.heartbeat_at is
  'Last sign of life of a running import (set with its progress every few seconds); a running import silent for minutes was interrupted.';

-- The list of a province's runs, newest first (keyset on started_at, id).
drop index dossier_import_started_idx;
create index dossier_import_started_idx on dossier_import (province_code, started_at desc, id desc);
-- The sweep of interrupted runs reads the running ones only.
create index dossier_import_running_idx on dossier_import (heartbeat_at) where status = 'running';
