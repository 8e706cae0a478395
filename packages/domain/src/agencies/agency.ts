/**
 * Agencies and their identifier codes.
 *
 * Codes follow Decision 20/2020/QĐ-TTg on electronic identifier codes of agencies
 * (mã định danh điện tử của các cơ quan, tổ chức): `V1V2V3.Z1Z2.Y1Y2.MX1X2`, where MX1X2 is the
 * level-1 unit (H.. for a province, G.. for a ministry; e.g. `000.00.00.H56` is the Thanh Hóa
 * People's Committee) and the digit groups number the units below it. The dossier code of Circular
 * 01/2018/TT-VPCP Art. 19 starts with this code.
 */
export const AGENCY_CODE_PATTERN = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;

export const isAgencyCode = (code: string): boolean => AGENCY_CODE_PATTERN.test(code);

/** Kinds of agencies under the two-level local government (Decree 118/2025/NĐ-CP). */
export const AGENCY_KINDS = {
  ministry: { vi: 'Bộ, cơ quan ngang bộ', en: 'Ministry' },
  ministry_unit: { vi: 'Đơn vị thuộc bộ', en: 'Ministry unit' },
  province_committee: { vi: 'Ủy ban nhân dân cấp tỉnh', en: 'Provincial People’s Committee' },
  province_department: { vi: 'Sở, ban, ngành cấp tỉnh', en: 'Provincial department' },
  province_service_centre: {
    vi: 'Trung tâm Phục vụ hành chính công cấp tỉnh',
    en: 'Provincial public administration service centre',
  },
  commune_committee: { vi: 'Ủy ban nhân dân cấp xã', en: 'Commune People’s Committee' },
  commune_service_centre: {
    vi: 'Trung tâm Phục vụ hành chính công cấp xã',
    en: 'Commune public administration service centre',
  },
  division: { vi: 'Phòng, đơn vị trực thuộc', en: 'Division' },
  other: { vi: 'Cơ quan, tổ chức khác', en: 'Other organisation' },
} as const;

export type AgencyKind = keyof typeof AGENCY_KINDS;
export const AGENCY_KIND_VALUES = Object.keys(AGENCY_KINDS) as AgencyKind[];
