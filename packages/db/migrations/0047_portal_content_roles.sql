-- 0047 The information portal (issue 22): its authors (phóng viên, tác giả) write articles and pages; its editors
-- (biên tập viên) review, schedule and publish them, the menus and the notices of procedure decisions. Both are
-- province-wide roles (packages/domain/src/access/permissions.ts).
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in (
  'receptionist', 'processor', 'approver', 'result_returner', 'agency_admin', 'province_admin', 'auditor',
  'par_focal', 'par_appraiser', 'par_organiser', 'sipas_organiser', 'surveyor', 'pakn_officer',
  'clerk', 'specialist', 'unit_head', 'agency_head', 'personnel_officer', 'portal_author', 'portal_editor'));
