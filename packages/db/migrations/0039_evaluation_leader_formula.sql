-- 0039 Staff evaluation (issue 20): the leader's task-score formula as the agency's setting, and the leader's
-- extra parts. Sources (../shared/spec/reform-and-eoffice.md §E): Decree 335/2025/NĐ-CP gives the staff score
-- (quantity + quality + timeliness) / 3; implementations seen [SEC] score leaders (a + b + c + d + đ + e) / 6,
-- adding the unit's results, organising capacity and team-building. The sources read do not fix the leader
-- formula, so it is a setting: 'three_part' (the staff formula, default) or 'six_part'.
alter table evaluation_setting
  add column leader_formula text not null default 'three_part' check (leader_formula in ('three_part', 'six_part'));

-- The leader's parts d, đ, e in hundredths of a per cent ({ "unitResults": 9000, "organising": …, "teamBuilding": … }),
-- entered by the manager under the six-part formula.
alter table evaluation_sheet add column leader_parts jsonb not null default '{}'::jsonb;
