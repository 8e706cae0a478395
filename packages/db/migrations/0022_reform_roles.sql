-- 0022 roles of the satisfaction surveys (SIPAS, QĐ 1001/QĐ-BNV 2023) and of the handling of feedback on
-- administrative regulations (PAKN, Decree 20/2008/NĐ-CP as amended by Decrees 48/2013 and 92/2017):
-- sipas_organiser runs survey campaigns (Sở Nội vụ), surveyor enters answers collected on paper or by phone,
-- pakn_officer registers, classifies and handles PAKN in an agency.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in (
  'receptionist', 'processor', 'approver', 'result_returner', 'agency_admin', 'province_admin', 'auditor',
  'par_focal', 'par_appraiser', 'par_organiser', 'sipas_organiser', 'surveyor', 'pakn_officer'));
