import type { AgencyKind } from '../agencies/agency.js';
import type { ProcedureLevel } from '../catalog/procedure.js';

/**
 * Where an online dossier may be submitted (nơi tiếp nhận hồ sơ). One rule, used by the server when a
 * draft is submitted and by the portal's wizard to offer only the offices the law allows.
 *
 * The rule applied, and where it comes from (see also shared/spec/regulations.md §0, §1, §3, §8):
 * 1. Competent level. Since 1 July 2025 local government has two levels; a procedure is received by
 *    the one-stop desks of the level that settles it (Decree 118/2025/NĐ-CP: the Trung tâm Phục vụ
 *    hành chính công cấp tỉnh for provincial procedures, the commune centre / People's Committee for
 *    commune procedures; the district one-stop is abolished). An agency of another level is refused.
 * 2. Published receiving agencies. The office must be one the province published as receiving the
 *    procedure (the catalogue's "cơ quan tiếp nhận", Decree 63/2010/NĐ-CP Art. 8), or
 * 3. Boundary-free receipt. For a procedure the province lists as received "không phụ thuộc địa giới
 *    hành chính trong phạm vi tỉnh" (Decree 118/2025/NĐ-CP; content.boundaryFree), any one-stop desk
 *    of the province at the competent level: every commune People's Committee or commune centre for a
 *    commune procedure, the provincial centre for a provincial one.
 * 4. Residence. Otherwise a commune-level procedure is received where the applicant resides (the
 *    Law on Civil Status 2014 and most commune procedures tie competence to the place of residence):
 *    when the applicant's commune is known, only an office serving that commune. When it is not known,
 *    or the office serves no particular commune, the published list stands.
 */

/** An agency that might receive an online dossier of a procedure. */
export type OfficeCandidate = {
  agencyId: string;
  kind: AgencyKind;
  /** The administrative unit (2025 commune code) the agency serves, for commune agencies. */
  communeCode: string | null;
  /** Published by the province as a receiving agency of the procedure. */
  listed: boolean;
};

/** What of a procedure version decides where it may be received. */
export type ReceivingRule = { levels: readonly ProcedureLevel[]; boundaryFree: boolean };

export type OfficeVerdict = 'allowed' | 'wrong_level' | 'not_receiving' | 'outside_boundary';

/** The level of government an agency kind belongs to (null: a division or other body, judged by the list only). */
const LEVEL_OF_KIND: Record<AgencyKind, ProcedureLevel | null> = {
  ministry: 'ministry',
  ministry_unit: 'ministry',
  province_committee: 'province',
  province_department: 'province',
  province_service_centre: 'province',
  commune_committee: 'commune',
  commune_service_centre: 'commune',
  division: null,
  other: null,
};

/** The one-stop desks (Bộ phận Một cửa) that receive boundary-free dossiers, by level (Decree 118/2025/NĐ-CP). */
const ONE_STOP_DESKS: Record<ProcedureLevel, readonly AgencyKind[]> = {
  ministry: [],
  province: ['province_service_centre'],
  commune: ['commune_committee', 'commune_service_centre'],
};

/** The agency kinds that receive any dossier of a boundary-free procedure with these levels. */
export const listBoundaryFreeDeskKinds = (levels: readonly ProcedureLevel[]): AgencyKind[] => [
  ...new Set(levels.flatMap((level) => ONE_STOP_DESKS[level])),
];

/** Whether this office may receive an online dossier of the procedure from an applicant living in `communeCode`. */
export const judgeReceivingOffice = (
  rule: ReceivingRule,
  office: OfficeCandidate,
  communeCode?: string | null,
): OfficeVerdict => {
  const level = LEVEL_OF_KIND[office.kind];
  if (level !== null && !rule.levels.includes(level)) {
    return 'wrong_level';
  }
  const desk = rule.boundaryFree && listBoundaryFreeDeskKinds(rule.levels).includes(office.kind);
  if (!office.listed && !desk) {
    return 'not_receiving';
  }
  if (
    !rule.boundaryFree &&
    level === 'commune' &&
    communeCode &&
    office.communeCode !== null &&
    office.communeCode !== communeCode
  ) {
    return 'outside_boundary';
  }
  return 'allowed';
};

/** The offices, of those given, where the applicant may submit. */
export const listAllowedOffices = <T extends OfficeCandidate>(
  rule: ReceivingRule,
  offices: readonly T[],
  communeCode?: string | null,
): T[] => offices.filter((office) => judgeReceivingOffice(rule, office, communeCode) === 'allowed');

/**
 * The office to propose: the only one allowed, else the People's Committee (then the centre) of the
 * applicant's commune when it is allowed; otherwise none — the applicant chooses.
 */
export const proposeReceivingOffice = <T extends OfficeCandidate>(
  allowed: readonly T[],
  communeCode?: string | null,
): T | undefined => {
  if (allowed.length === 1) {
    return allowed[0];
  }
  if (!communeCode) {
    return undefined;
  }
  const local = allowed.filter((office) => office.communeCode === communeCode);
  return local.find((office) => office.kind === 'commune_committee') ?? local[0];
};
