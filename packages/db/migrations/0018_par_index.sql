-- 0018 the PAR Index (Chỉ số cải cách hành chính): criteria sets, yearly rounds, scores with their
-- append-only hash-chained history, evidence, and the published results.
--
-- Legal base: QĐ 876/QĐ-BNV (10/11/2022) — the provincial index has 8 areas (lĩnh vực), 37 criteria (tiêu chí)
-- and 88 component criteria (tiêu chí thành phần), 100 points of which 32 come from the sociological survey;
-- each province issues its own index for its departments and communes on the same model (e.g. Hà Nam QĐ
-- 1156/QĐ-UBND 2023, Quảng Ninh QĐ 3463/QĐ-UBND 2022). See ../shared/spec/reform-and-eoffice.md §A.
--
-- Points are stored as integer hundredths of a point (0,25 điểm = 25; 88,78 điểm = 8878) so that every
-- published total and percentage is reproducible exactly from the stored leaves.

-- New roles: the CCHC focal officer of a unit (cán bộ đầu mối CCHC) enters the self-assessment; an appraiser
-- (thành viên Tổ thẩm định) scores the units assigned to them; the organiser (Sở Nội vụ) runs the round.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in (
  'receptionist', 'processor', 'approver', 'result_returner', 'agency_admin', 'province_admin', 'auditor',
  'par_focal', 'par_appraiser', 'par_organiser'));

-- A criteria set (bộ tiêu chí) of one year for one group of units, as issued by a decision of the province.
-- A set is edited while a draft, published with its decision, and frozen once a round scoring against it opens.
create table par_criteria_set (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  year integer not null check (year between 2000 and 2999),
  -- department = khối sở, ban, ngành; commune = khối UBND cấp xã; province = the province against the national
  -- index of the Ministry of Home Affairs (QĐ 876/QĐ-BNV).
  unit_group text not null check (unit_group in ('department', 'commune', 'province')),
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'published', 'frozen')),
  title text not null check (length(title) between 1 and 500),
  decision_number text check (length(decision_number) between 1 and 100),
  decision_date date,
  -- Caps of the bonus (điểm thưởng) and penalty (điểm trừ) points a unit can receive, hundredths of a point.
  bonus_cap integer not null default 0 check (bonus_cap >= 0),
  penalty_cap integer not null default 0 check (penalty_cap >= 0),
  -- Sum of the areas' maxima (hundredths), kept equal to the tree by the use-case that writes the criteria.
  total_max integer not null default 0 check (total_max >= 0),
  -- Demo data shipped with the demo province (labelled as such on every screen).
  is_demo boolean not null default false,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  published_by uuid references app_user (id),
  row_version integer not null default 1 check (row_version >= 1),
  unique (province_code, year, unit_group, version),
  constraint par_criteria_set_decision check (status = 'draft' or (decision_number is not null and decision_date is not null))
);
comment on table par_criteria_set is
  'PAR Index criteria sets (bộ tiêu chí xác định Chỉ số CCHC) per year and unit group; draft → published (decision) → frozen (scoring opened).';
-- One set in force per year and group: a later version is a draft until the earlier one is replaced.
create unique index par_criteria_set_in_force on par_criteria_set (province_code, year, unit_group)
  where status in ('published', 'frozen');
create index par_criteria_set_list_idx on par_criteria_set (province_code, year desc, unit_group, version desc);

-- The tree: area (lĩnh vực) → criterion (tiêu chí) → component criterion (tiêu chí thành phần). A leaf is a
-- node without children (a criterion may have no components). A parent's maximum equals the sum of its children.
create table par_criterion (
  set_id uuid not null references par_criteria_set (id) on delete cascade,
  -- Dotted numbering as published: "3", "3.2", "3.2.1".
  code text not null check (code ~ '^[0-9]{1,2}(\.[0-9]{1,2}){0,3}$'),
  parent_code text,
  kind text not null check (kind in ('area', 'criterion', 'component')),
  position integer not null check (position >= 0),
  title text not null check (length(title) between 1 and 2000),
  max_points integer not null check (max_points >= 0),
  scoring_rule text check (length(scoring_rule) <= 8000),
  evidence_required text check (length(evidence_required) <= 4000),
  -- Scored by the sociological survey (điều tra xã hội học), not self-assessed.
  survey_scored boolean not null default false,
  -- A figure motcua computes itself for this criterion (the appraiser accepts or overrides it).
  system_measure text check (system_measure in (
    'dossier_on_time_rate', 'dossier_online_share', 'index_766', 'pakn_on_time_rate', 'sipas_satisfaction',
    'edocument_rate', 'digital_signature_rate')),
  -- Unit tags for which this criterion does not apply (e.g. units that settle no administrative procedure):
  -- the unit's applicable maximum shrinks by it.
  not_applicable_to text[] not null default '{}',
  primary key (set_id, code),
  constraint par_criterion_parent check ((kind = 'area') = (parent_code is null))
);
comment on table par_criterion is 'The criteria tree of a set; max_points in hundredths of a point.';
create index par_criterion_order_idx on par_criterion (set_id, position);

-- A yearly round (đợt đánh giá, xác định Chỉ số CCHC năm N) of a province: one per year.
create table par_round (
  id uuid primary key default gen_random_uuid(),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  year integer not null check (year between 2000 and 2999),
  title text not null check (length(title) between 1 and 500),
  stage text not null check (stage in (
    'draft', 'self_assessment', 'appraisal_1', 'explanation', 'appraisal_2', 'council', 'published')),
  -- Deadlines of the stages (the last working day, on the province's working-time calendar).
  self_assessment_due date,
  appraisal1_due date,
  explanation_due date,
  appraisal2_due date,
  council_due date,
  opened_at timestamptz,
  -- The decision announcing the results (quyết định công bố Chỉ số CCHC).
  decision_number text check (length(decision_number) between 1 and 100),
  decision_date date,
  published_at timestamptz,
  is_demo boolean not null default false,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  row_version integer not null default 1 check (row_version >= 1),
  unique (province_code, year),
  constraint par_round_published check (stage <> 'published' or (decision_number is not null and decision_date is not null and published_at is not null))
);
comment on table par_round is 'A yearly PAR Index round of a province, stage by stage from self-assessment to publication.';
create index par_round_list_idx on par_round (province_code, year desc);

-- Which criteria set each unit group of the round is scored against.
create table par_round_set (
  round_id uuid not null references par_round (id),
  unit_group text not null check (unit_group in ('department', 'commune', 'province')),
  set_id uuid not null references par_criteria_set (id),
  primary key (round_id, unit_group)
);
comment on table par_round_set is 'The criteria set per unit group of a round.';

-- A unit scored in a round, with its own progress through the stages and the anchor of its history chain.
create table par_round_unit (
  round_id uuid not null references par_round (id),
  agency_id uuid not null references agency (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  unit_group text not null check (unit_group in ('department', 'commune', 'province')),
  -- Tags matched against par_criterion.not_applicable_to (e.g. 'no_procedures').
  tags text[] not null default '{}',
  -- Further criteria excluded for this unit by the organiser (codes of leaves or of whole subtrees).
  excluded_codes text[] not null default '{}',
  status text not null check (status in (
    'self_draft', 'self_submitted', 'self_locked', 'appraisal_1_done', 'explanation_submitted',
    'appraisal_2_done', 'finalised')),
  status_changed_at timestamptz not null default now(),
  self_submitted_at timestamptz,
  self_locked_at timestamptz,
  self_locked_by uuid references app_user (id),
  explanation_submitted_at timestamptz,
  -- Anchor of the unit's score history (par_score_event): how many events and the last hash.
  event_count integer not null default 0 check (event_count >= 0),
  last_hash text check (last_hash ~ '^[0-9a-f]{64}$'),
  row_version integer not null default 1 check (row_version >= 1),
  primary key (round_id, agency_id)
);
comment on table par_round_unit is 'A unit (department, commune) scored in a round: its status and the anchor of its hash-chained score history.';
create index par_round_unit_list_idx on par_round_unit (round_id, unit_group, agency_id);
create index par_round_unit_agency_idx on par_round_unit (agency_id, round_id);

-- Appraisers (Tổ thẩm định) assigned to the units they score.
create table par_appraiser (
  round_id uuid not null references par_round (id),
  agency_id uuid not null references agency (id),
  user_id uuid not null references app_user (id),
  assigned_by uuid references app_user (id),
  assigned_at timestamptz not null default now(),
  primary key (round_id, agency_id, user_id)
);
comment on table par_appraiser is 'Which appraiser scores which unit in a round.';
create index par_appraiser_user_idx on par_appraiser (user_id, round_id, agency_id);

-- The current points of one leaf for one unit, per stage (hundredths). Every change is also an event in
-- par_score_event; this row is the latest value.
create table par_score (
  round_id uuid not null references par_round (id),
  agency_id uuid not null references agency (id),
  criterion_code text not null,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  self_points integer check (self_points >= 0),
  self_note text check (length(self_note) <= 8000),
  appraisal1_points integer check (appraisal1_points >= 0),
  appraisal1_note text check (length(appraisal1_note) <= 8000),
  explanation_note text check (length(explanation_note) <= 8000),
  appraisal2_points integer check (appraisal2_points >= 0),
  appraisal2_note text check (length(appraisal2_note) <= 8000),
  final_points integer check (final_points >= 0),
  final_note text check (length(final_note) <= 8000),
  -- The figure motcua computed for the criterion's system_measure, kept as its counts so that it is exact
  -- (e.g. 4431 of 4788 dossiers on time: numerator 4431, denominator 4788), the points it gives, the formula in
  -- words, and when. The appraiser's points may differ (override with a reason); both stay.
  system_numerator bigint check (system_numerator >= 0),
  system_denominator bigint check (system_denominator > 0),
  system_points integer check (system_points >= 0),
  system_formula text check (length(system_formula) <= 4000),
  system_computed_at timestamptz,
  override_reason text check (length(override_reason) <= 4000),
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user (id),
  row_version integer not null default 1 check (row_version >= 1),
  primary key (round_id, agency_id, criterion_code)
);
comment on table par_score is 'Points per leaf, unit and stage (hundredths of a point); the history is par_score_event.';

-- Bonus (điểm thưởng) and penalty (điểm trừ) points of a unit, per stage, capped by the set's caps.
create table par_adjustment (
  round_id uuid not null references par_round (id),
  agency_id uuid not null references agency (id),
  kind text not null check (kind in ('bonus', 'penalty')),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  self_points integer check (self_points >= 0),
  self_note text check (length(self_note) <= 8000),
  appraisal1_points integer check (appraisal1_points >= 0),
  appraisal1_note text check (length(appraisal1_note) <= 8000),
  explanation_note text check (length(explanation_note) <= 8000),
  appraisal2_points integer check (appraisal2_points >= 0),
  appraisal2_note text check (length(appraisal2_note) <= 8000),
  final_points integer check (final_points >= 0),
  final_note text check (length(final_note) <= 8000),
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user (id),
  row_version integer not null default 1 check (row_version >= 1),
  primary key (round_id, agency_id, kind)
);
comment on table par_adjustment is 'Bonus and penalty points of a unit per stage (hundredths), capped by the criteria set.';

-- Evidence (tài liệu kiểm chứng) attached to a leaf: an uploaded file in the file store, or a link to a
-- document or figure in motcua. Withdrawn evidence keeps its row (withdrawn_at).
create table par_evidence (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references par_round (id),
  agency_id uuid not null references agency (id),
  criterion_code text not null,
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  stage text not null check (stage in ('self_assessment', 'explanation')),
  kind text not null check (kind in ('file', 'link')),
  title text not null check (length(title) between 1 and 1000),
  file_sha256 text check (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_name text check (length(file_name) between 1 and 255),
  media_type text,
  size_bytes bigint check (size_bytes >= 0),
  url text check (length(url) between 1 and 2000),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid references app_user (id),
  constraint par_evidence_kind check (
    (kind = 'file' and file_sha256 is not null and file_name is not null and url is null)
    or (kind = 'link' and url is not null and file_sha256 is null))
);
comment on table par_evidence is 'Evidence files and links per leaf and unit; withdrawn evidence is kept.';
create index par_evidence_leaf_idx on par_evidence (round_id, agency_id, criterion_code, created_at);

-- Every score, note, evidence and status change of a unit in a round, append-only and hash-chained per
-- (round, unit): hash = SHA-256(prev_hash || "\n" || canonical JSON of the event), checked by `motcua audit verify`.
create table par_score_event (
  id bigint generated always as identity primary key,
  round_id uuid not null references par_round (id),
  agency_id uuid not null references agency (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  seq integer not null check (seq >= 1),
  -- null for an event of the whole unit (submitted, locked, returned, adjustment…).
  criterion_code text,
  action text not null check (length(action) between 1 and 60),
  -- The stage field changed ('self', 'appraisal_1', 'explanation', 'appraisal_2', 'final', 'status', 'evidence').
  field text not null check (length(field) between 1 and 60),
  points integer,
  note text,
  detail jsonb,
  actor_user_id uuid references app_user (id),
  at timestamptz not null,
  prev_hash text check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  unique (round_id, agency_id, seq)
);
comment on table par_score_event is 'Append-only, hash-chained history of every PAR score, note, evidence and status change (who, when).';
create index par_score_event_leaf_idx on par_score_event (round_id, agency_id, criterion_code, seq);

-- The published result of a unit (a snapshot taken at publication; reproducible from par_score).
create table par_result (
  round_id uuid not null references par_round (id),
  agency_id uuid not null references agency (id),
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  unit_group text not null check (unit_group in ('department', 'commune', 'province')),
  unit_name text not null,
  points integer not null,
  applicable_max integer not null check (applicable_max > 0),
  -- The index in hundredths of a percent (94,49 % = 9449).
  index_bp integer not null check (index_bp between 0 and 100000),
  rank integer not null check (rank >= 1),
  band text,
  -- [{ code, title, points, applicableMax, indexBp }] per area.
  area_points jsonb not null,
  bonus_points integer not null default 0,
  penalty_points integer not null default 0,
  primary key (round_id, agency_id)
);
comment on table par_result is 'Published PAR Index results per unit: points, index over the applicable maximum, rank in the group, band.';
create index par_result_rank_idx on par_result (round_id, unit_group, rank, agency_id);
create index par_result_agency_idx on par_result (agency_id, round_id);

-- The national provincial ranking published by the Ministry of Home Affairs (63 provinces until 2024, 34
-- since the 2025 merger), entered or imported by the organiser so the province can see itself against it.
create table par_national_result (
  -- The installation's province that entered the table (each province keeps its own copy).
  province_code text not null check (province_code ~ '^[0-9]{2}$'),
  year integer not null check (year between 2000 and 2999),
  ranked_province_code text not null check (ranked_province_code ~ '^[0-9]{2}$'),
  ranked_province_name text not null check (length(ranked_province_name) between 1 and 200),
  points integer not null check (points >= 0),
  index_bp integer not null check (index_bp between 0 and 100000),
  rank integer not null check (rank >= 1),
  -- [{ code, title, points, max }] per area where the publication gives them.
  area_points jsonb not null default '[]',
  source text not null check (length(source) between 1 and 1000),
  entered_by uuid references app_user (id),
  entered_at timestamptz not null default now(),
  primary key (province_code, year, ranked_province_code)
);
comment on table par_national_result is 'The national PAR Index table of provinces (Bộ Nội vụ) as published, per year.';
create index par_national_result_rank_idx on par_national_result (province_code, year, rank, ranked_province_code);
