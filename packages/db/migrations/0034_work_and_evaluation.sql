-- 0034 E-office II: work calendars, assigned tasks, work files, consultation on drafts, staff evaluation.
-- Sources (../shared/spec/reform-and-eoffice.md §D, §E): work calendars and task tracking as e-office systems
-- provide them ("xây dựng lịch công tác của cá nhân, của đơn vị, lập hồ sơ công việc … lấy ý kiến đối với dự thảo
-- văn bản; theo dõi, tổng hợp việc thực hiện nhiệm vụ của từng công chức"); work files (hồ sơ công việc) per the
-- agency's file list (danh mục hồ sơ, Decree 30/2020 Art. 28–29); staff evaluation by month or quarter under
-- Decree 335/2025/NĐ-CP (công chức, from 01/01/2026) and Decree 233/2026/NĐ-CP (viên chức, from 01/7/2026):
-- 100 points = general criteria ≤ 30 + task results ≤ 70; bands ≥ 90 / 70–89 / 50–69 / < 50; the "xuất sắc"
-- quota (≤ 20 % of those rated "tốt", 25 % when the unit itself is "xuất sắc"). Every change of a calendar entry,
-- task, work file, consultation or evaluation sheet appends a hash-chained work_event that `motcua audit verify`
-- checks. Points are integer hundredths (as the PAR Index), so every total is exact.

-- Roles: the personnel officer (cán bộ tổ chức cán bộ) sets the evaluation rules of the agency (periods,
-- coefficients, quota), opens periods and exports the results to the national officials database.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in (
  'receptionist', 'processor', 'approver', 'result_returner', 'agency_admin', 'province_admin', 'auditor',
  'par_focal', 'par_appraiser', 'par_organiser', 'sipas_organiser', 'surveyor', 'pakn_officer',
  'clerk', 'specialist', 'unit_head', 'agency_head', 'personnel_officer'));

-- One hash-chained history for the records of this area (record_kind + record_id, seq from 1).
create table work_event (
  id bigint generated always as identity primary key,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  record_kind text not null check (record_kind in ('schedule_entry', 'task', 'work_file', 'consultation', 'evaluation_sheet')),
  record_id uuid not null,
  seq integer not null check (seq >= 1),
  at timestamptz(3) not null,
  actor_user_id uuid references app_user (id),
  action text not null check (length(action) between 1 and 60),
  from_status text,
  to_status text,
  note text check (length(note) <= 4000),
  payload jsonb not null default '{}'::jsonb,
  prev_hash text check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  unique (record_kind, record_id, seq)
);
create index work_event_record_idx on work_event (record_id, seq);

-- In-app notices for officials (a calendar change, a task due soon or late, a consultation to answer, an
-- evaluation to review). Sent by outbox jobs after commit; read_at set when opened.
create table work_notice (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  user_id uuid not null references app_user (id),
  kind text not null check (length(kind) between 1 and 60),
  record_kind text not null,
  record_id uuid not null,
  -- Dedupe: one notice per (user, key): e.g. 'task-due-soon:<task id>:<due instant>'.
  dedupe_key text not null,
  title text not null check (length(title) between 1 and 300),
  body text check (length(body) <= 2000),
  created_at timestamptz(3) not null default now(),
  read_at timestamptz(3),
  unique (user_id, dedupe_key)
);
create index work_notice_user_idx on work_notice (user_id, created_at desc, id desc);

-- ---------------------------------------------------------------------------------------------------------
-- 1. Work calendars (lịch công tác): the agency leaders' weekly calendar, a unit's, a person's.
create table schedule_entry (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  -- The agency whose calendar it is (for a unit's calendar, the unit — an agency row of kind division).
  agency_id uuid not null references agency (id),
  schedule_kind text not null check (schedule_kind in ('agency_leaders', 'unit', 'person')),
  owner_user_id uuid references app_user (id),
  title text not null check (length(title) between 1 and 500),
  content text check (length(content) <= 4000),
  starts_at timestamptz(3) not null,
  ends_at timestamptz(3) not null,
  all_day boolean not null default false,
  place text check (length(place) <= 300),
  chair_user_id uuid references app_user (id),
  -- A chair from outside the install (e.g. "Đồng chí Chủ tịch UBND tỉnh").
  chair_text text check (length(chair_text) <= 300),
  preparing_agency_id uuid references agency (id),
  -- Participants outside the install or named loosely ("Lãnh đạo các phòng"); officials are in schedule_attendee.
  participants_text text check (length(participants_text) <= 2000),
  -- Uploaded files (sha256, name, size), as other records keep them.
  attachments jsonb not null default '[]'::jsonb,
  -- The Monday (Asia/Ho_Chi_Minh) of the week it falls in: the weekly calendar is read by it.
  week_start date not null,
  status text not null check (status in ('draft', 'submitted', 'approved', 'published', 'cancelled')),
  public boolean not null default false,
  cancel_reason text check (length(cancel_reason) <= 1000),
  created_by uuid not null references app_user (id),
  approved_by uuid references app_user (id),
  approved_at timestamptz(3),
  published_at timestamptz(3),
  version integer not null default 1,
  event_count integer not null default 0,
  last_event_hash text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  constraint schedule_entry_range check (starts_at <= ends_at),
  constraint schedule_entry_owner check ((schedule_kind = 'person') = (owner_user_id is not null))
);
create index schedule_entry_week_idx on schedule_entry (agency_id, week_start, starts_at, id);
create index schedule_entry_public_idx on schedule_entry (province_code, week_start, starts_at, id) where public and status = 'published';

create table schedule_attendee (
  entry_id uuid not null references schedule_entry (id),
  user_id uuid not null references app_user (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  role text not null default 'participant' check (role in ('chair', 'participant', 'preparer')),
  primary key (entry_id, user_id)
);
create index schedule_attendee_user_idx on schedule_attendee (user_id, entry_id);

-- A personal iCalendar feed: the URL carries a secret token; only its hash is kept. Rotating replaces it.
create table schedule_feed_token (
  user_id uuid primary key references app_user (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz(3) not null default now()
);

-- ---------------------------------------------------------------------------------------------------------
-- 2. Tasks (giao việc): assigned by a leader to units or people, a lead and co-operators, a deadline on the
-- working-time calendar, sub-tasks, progress, extensions, completion accepted or returned.
create table task (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  -- The agency the task belongs to (the assigning leader's agency).
  agency_id uuid not null references agency (id),
  parent_task_id uuid references task (id),
  title text not null check (length(title) between 1 and 500),
  description text check (length(description) <= 8000),
  confidential boolean not null default false,
  urgent boolean not null default false,
  -- Where it came from: an incoming document's direction, a meeting of the calendar, or directly.
  source_kind text not null default 'direct' check (source_kind in ('direct', 'incoming_document', 'schedule_entry')),
  source_id uuid,
  assigned_by uuid not null references app_user (id),
  assigned_at timestamptz(3) not null,
  -- The lead (chủ trì): one official, or a unit whose head dispatches it to an official.
  lead_user_id uuid references app_user (id),
  lead_agency_id uuid references agency (id),
  due_at timestamptz(3) not null,
  -- The deadline as first set (extensions move due_at; lateness is judged against the due_at in force).
  original_due_at timestamptz(3) not null,
  status text not null check (status in ('assigned', 'in_progress', 'extension_requested', 'submitted', 'completed', 'cancelled')),
  progress_percent integer not null default 0 check (progress_percent between 0 and 100),
  submitted_at timestamptz(3),
  completed_at timestamptz(3),
  -- Set when completed: 'early' | 'on_time' | 'late' against due_at (Decree 335/2025: timeliness).
  completion_class text check (completion_class in ('early', 'on_time', 'late')),
  -- Times the result was returned for rework (quality, Decree 335/2025: each major error −25 %).
  returned_count integer not null default 0,
  -- The kind of work item for evaluation coefficients (evaluation_setting.coefficients keys).
  work_kind text not null default 'task' check (length(work_kind) between 1 and 40),
  version integer not null default 1,
  event_count integer not null default 0,
  last_event_hash text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  constraint task_lead check (lead_user_id is not null or lead_agency_id is not null),
  constraint task_source check ((source_kind = 'direct') = (source_id is null))
);
create index task_agency_idx on task (agency_id, status, due_at, id);
create index task_lead_user_idx on task (lead_user_id, status, due_at, id);
create index task_lead_agency_idx on task (lead_agency_id, status, due_at, id);
create index task_parent_idx on task (parent_task_id);
create index task_source_idx on task (source_id) where source_id is not null;
create index task_open_due_idx on task (province_code, due_at) where status in ('assigned', 'in_progress', 'extension_requested', 'submitted');

-- Everyone a task is assigned to: the lead and the co-operators (phối hợp), officials or units.
create table task_assignee (
  task_id uuid not null references task (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  part text not null check (part in ('lead', 'cooperate')),
  user_id uuid references app_user (id),
  agency_id uuid references agency (id),
  constraint task_assignee_one check ((user_id is null) <> (agency_id is null))
);
create unique index task_assignee_user_key on task_assignee (task_id, user_id) where user_id is not null;
create unique index task_assignee_agency_key on task_assignee (task_id, agency_id) where agency_id is not null;
create index task_assignee_user_idx on task_assignee (user_id, task_id) where user_id is not null;
create index task_assignee_agency_idx on task_assignee (agency_id, task_id) where agency_id is not null;

create table task_progress (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references task (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  at timestamptz(3) not null,
  user_id uuid not null references app_user (id),
  percent integer not null check (percent between 0 and 100),
  note text check (length(note) <= 4000),
  attachments jsonb not null default '[]'::jsonb
);
create index task_progress_task_idx on task_progress (task_id, at);

create table task_extension (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references task (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  requested_by uuid not null references app_user (id),
  requested_at timestamptz(3) not null,
  requested_due_at timestamptz(3) not null,
  reason text not null check (length(reason) between 1 and 2000),
  decision text check (decision in ('approved', 'refused')),
  decided_by uuid references app_user (id),
  decided_at timestamptz(3),
  decision_note text check (length(decision_note) <= 2000)
);
create index task_extension_task_idx on task_extension (task_id, requested_at);
create unique index task_extension_pending_key on task_extension (task_id) where decision is null;

-- ---------------------------------------------------------------------------------------------------------
-- 3. Work files (hồ sơ công việc) per the agency's file list (danh mục hồ sơ, Decree 30/2020 Art. 28–29).
create table file_list_entry (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid not null references agency (id),
  year integer not null check (year between 2000 and 2200),
  -- Số và ký hiệu hồ sơ in the list (e.g. "01.VP", "12.TCCB").
  code text not null check (length(code) between 1 and 40),
  title text not null check (length(title) between 1 and 500),
  -- Thời hạn bảo quản: years, or null for permanent (vĩnh viễn).
  retention_years integer check (retention_years between 1 and 100),
  responsible_agency_id uuid references agency (id),
  unique (agency_id, year, code)
);

create table work_file (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid not null references agency (id),
  file_list_entry_id uuid references file_list_entry (id),
  code text not null check (length(code) between 1 and 60),
  title text not null check (length(title) between 1 and 500),
  retention_years integer check (retention_years between 1 and 100),
  owner_user_id uuid not null references app_user (id),
  status text not null check (status in ('open', 'closed', 'archived')),
  confidential boolean not null default false,
  opened_at timestamptz(3) not null,
  closed_at timestamptz(3),
  archived_at timestamptz(3),
  note text check (length(note) <= 4000),
  version integer not null default 1,
  event_count integer not null default 0,
  last_event_hash text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now()
);
create index work_file_agency_idx on work_file (agency_id, status, opened_at desc, id desc);
create index work_file_owner_idx on work_file (owner_user_id, status, opened_at desc, id desc);

create table work_file_item (
  id uuid primary key default gen_random_uuid(),
  work_file_id uuid not null references work_file (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  item_kind text not null check (item_kind in ('incoming_document', 'outgoing_document', 'task', 'schedule_entry', 'note', 'file')),
  item_id uuid,
  note text check (length(note) <= 4000),
  attachment jsonb,
  position integer not null,
  added_by uuid not null references app_user (id),
  added_at timestamptz(3) not null,
  removed_at timestamptz(3),
  constraint work_file_item_ref check ((item_kind in ('note', 'file')) = (item_id is null))
);
create index work_file_item_file_idx on work_file_item (work_file_id, position);
create unique index work_file_item_ref_key on work_file_item (work_file_id, item_kind, item_id) where item_id is not null and removed_at is null;

-- ---------------------------------------------------------------------------------------------------------
-- 4. Consultation on drafts (lấy ý kiến dự thảo): a draft sent to agencies or people with a deadline; comments
-- per article or general; the drafter's response (tiếp thu / giải trình) in the summary that goes to approval.
create table consultation (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid not null references agency (id),
  outgoing_document_id uuid references outgoing_document (id),
  title text not null check (length(title) between 1 and 500),
  request_text text check (length(request_text) <= 4000),
  -- The draft sent for comments (an uploaded file: sha256, name, size).
  draft jsonb not null,
  deadline_at timestamptz(3) not null,
  status text not null check (status in ('draft', 'open', 'closed', 'summarised')),
  created_by uuid not null references app_user (id),
  opened_at timestamptz(3),
  closed_at timestamptz(3),
  summarised_at timestamptz(3),
  version integer not null default 1,
  event_count integer not null default 0,
  last_event_hash text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now()
);
create index consultation_agency_idx on consultation (agency_id, status, deadline_at, id);
create index consultation_document_idx on consultation (outgoing_document_id) where outgoing_document_id is not null;

create table consultation_recipient (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultation (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid references agency (id),
  user_id uuid references app_user (id),
  -- Answered "no comment" (thống nhất với dự thảo) or with comments.
  answer text check (answer in ('agree', 'comments')),
  answered_by uuid references app_user (id),
  answered_at timestamptz(3),
  constraint consultation_recipient_one check ((agency_id is null) <> (user_id is null))
);
create unique index consultation_recipient_agency_key on consultation_recipient (consultation_id, agency_id) where agency_id is not null;
create unique index consultation_recipient_user_key on consultation_recipient (consultation_id, user_id) where user_id is not null;
create index consultation_recipient_agency_idx on consultation_recipient (agency_id, consultation_id) where agency_id is not null;
create index consultation_recipient_user_idx on consultation_recipient (user_id, consultation_id) where user_id is not null;

create table consultation_comment (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultation (id),
  recipient_id uuid not null references consultation_recipient (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  -- "Điều 3, khoản 2" — null for a general comment.
  article_ref text check (length(article_ref) <= 100),
  -- Sort key of the article (3 for Điều 3) so the summary lists comments in the draft's order.
  article_no integer,
  body text not null check (length(body) between 1 and 8000),
  author_user_id uuid not null references app_user (id),
  created_at timestamptz(3) not null,
  response text check (response in ('accepted', 'partly_accepted', 'explained')),
  response_text text check (length(response_text) <= 8000),
  responded_by uuid references app_user (id),
  responded_at timestamptz(3)
);
create index consultation_comment_idx on consultation_comment (consultation_id, article_no nulls last, created_at, id);

-- ---------------------------------------------------------------------------------------------------------
-- 5. Staff evaluation (Decree 335/2025/NĐ-CP, Decree 233/2026/NĐ-CP).
-- The agency's rules: the tracking period, conversion coefficients per kind of work item, the quota, the
-- general criteria. Unknown in law: the coefficients and the lateness grace — settings with documented defaults.
create table evaluation_setting (
  agency_id uuid primary key references agency (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  period_kind text not null default 'month' check (period_kind in ('month', 'quarter')),
  -- { "task": 1, "dossier_step": 0.2, … } (quy đổi, Decree 335/2025): settings, the law fixes none.
  coefficients jsonb not null default '{}'::jsonb,
  -- Quota of "xuất sắc" among those rated "tốt" or better, in per cent (20, or 25 when the unit is "xuất sắc").
  quota_percent integer not null default 20 check (quota_percent between 0 and 100),
  quota_percent_excellent_unit integer not null default 25 check (quota_percent_excellent_unit between 0 and 100),
  -- The general criteria (≤ 30 points in all), each { code, name, maxPoints (hundredths) }.
  general_criteria jsonb not null default '[]'::jsonb,
  version integer not null default 1,
  updated_by uuid references app_user (id),
  updated_at timestamptz(3) not null default now()
);

create table evaluation_period (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  agency_id uuid not null references agency (id),
  kind text not null check (kind in ('month', 'quarter', 'year')),
  year integer not null check (year between 2000 and 2200),
  -- 1–12 for a month, 1–4 for a quarter, 0 for the year.
  number integer not null check (number between 0 and 12),
  starts_on date not null,
  ends_on date not null,
  status text not null check (status in ('open', 'closed')),
  -- The unit's own rating for the period, when known ("xuất sắc" raises the quota to 25 %).
  unit_band text check (unit_band in ('excellent', 'good', 'complete', 'incomplete')),
  created_by uuid not null references app_user (id),
  created_at timestamptz(3) not null default now(),
  closed_at timestamptz(3),
  unique (agency_id, kind, year, number),
  constraint evaluation_period_range check (starts_on <= ends_on)
);

create table evaluation_sheet (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  period_id uuid not null references evaluation_period (id),
  agency_id uuid not null references agency (id),
  user_id uuid not null references app_user (id),
  -- The unit the official works in, and the group of similar tasks the quota is counted in.
  unit_id uuid references agency (id),
  group_code text not null default 'staff' check (length(group_code) between 1 and 40),
  is_leader boolean not null default false,
  status text not null check (status in ('draft', 'self_assessed', 'manager_reviewed', 'collective_reviewed', 'decided')),
  -- Figures of the task results (Decree 335/2025), per cent in hundredths (10000 = 100 %).
  quantity_pct integer,
  quality_pct integer,
  timeliness_pct integer,
  -- Points in hundredths: task results (≤ 7000), general criteria (≤ 3000), total (≤ 10000).
  task_points integer check (task_points between 0 and 7000),
  general_self jsonb not null default '{}'::jsonb,
  general_manager jsonb not null default '{}'::jsonb,
  general_points integer check (general_points between 0 and 3000),
  total_points integer check (total_points between 0 and 10000),
  band text check (band in ('excellent', 'good', 'complete', 'incomplete')),
  -- The band proposed by the points before the quota, and the final one after it.
  proposed_band text check (proposed_band in ('excellent', 'good', 'complete', 'incomplete')),
  veto text check (veto in ('degradation', 'discipline', 'leader_corruption')),
  veto_note text check (length(veto_note) <= 2000),
  self_note text check (length(self_note) <= 4000),
  manager_note text check (length(manager_note) <= 4000),
  collective_note text check (length(collective_note) <= 4000),
  decided_by uuid references app_user (id),
  decided_at timestamptz(3),
  version integer not null default 1,
  event_count integer not null default 0,
  last_event_hash text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  unique (period_id, user_id)
);
create index evaluation_sheet_agency_idx on evaluation_sheet (agency_id, period_id, status, id);
create index evaluation_sheet_user_idx on evaluation_sheet (user_id, period_id);

-- The work items behind a sheet's task results, gathered from tasks and one-stop dossier steps.
create table evaluation_item (
  id uuid primary key default gen_random_uuid(),
  sheet_id uuid not null references evaluation_sheet (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  source_kind text not null check (source_kind in ('task', 'dossier_step', 'manual')),
  -- The task id, or the dossier id (with step_no) the item comes from.
  source_id uuid,
  step_no integer,
  title text not null check (length(title) between 1 and 500),
  work_kind text not null check (length(work_kind) between 1 and 40),
  -- Conversion coefficient (quy đổi) in thousandths (1000 = 1).
  coefficient_milli integer not null check (coefficient_milli between 0 and 100000),
  assigned_at timestamptz(3),
  due_at timestamptz(3),
  completed_at timestamptz(3),
  completed boolean not null,
  -- Major errors (returned for rework, found in error) and delays: each −25 % of the item's points.
  major_errors integer not null default 0 check (major_errors >= 0),
  delays integer not null default 0 check (delays >= 0),
  -- The approver's record of an objective cause: the deductions are waived.
  objective_cause text check (length(objective_cause) <= 2000),
  included boolean not null default true,
  constraint evaluation_item_source check ((source_kind = 'manual') = (source_id is null))
);
create index evaluation_item_sheet_idx on evaluation_item (sheet_id, source_kind, id);

-- The evaluation gathers the one-stop steps each official finished in a period.
create index dossier_step_completed_by_idx on dossier_step (completed_by_user_id, completed_at)
  where completed_by_user_id is not null;
