/**
 * Who may do what, as one table. Every use-case asks `isAllowed` before it reads or writes, with
 * the grants of the acting official and the lineage of the agency the resource belongs to.
 *
 * Roles follow the one-stop organisation of Decree 118/2025/NĐ-CP (Bộ phận Một cửa / Trung tâm
 * Phục vụ hành chính công receives and returns; the specialised unit processes; its head approves)
 * plus administration and a read-only auditor.
 */

export const OFFICIAL_ROLES = [
  'receptionist',
  'processor',
  'approver',
  'result_returner',
  'agency_admin',
  'province_admin',
  'auditor',
  'par_focal',
  'par_appraiser',
  'par_organiser',
  'sipas_organiser',
  'surveyor',
  'pakn_officer',
  'clerk',
  'specialist',
  'unit_head',
  'agency_head',
  'personnel_officer',
  'portal_author',
  'portal_editor',
] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

export const ACTIONS = [
  'agency.read',
  'agency.manage',
  'user.read',
  'user.manage',
  'procedure.manage',
  'calendar.manage',
  'dossier.read',
  'dossier.receive',
  'dossier.process',
  'dossier.approve',
  'dossier.return',
  'report.read',
  /** Load historical dossiers into a province's statistics (they count in every report). */
  'report.import',
  'audit.verify',
  /** The installation's operational state (background queues: depth, age of the oldest job). */
  'system.read',
  /** PAR Index (QĐ 876/QĐ-BNV): read a unit's scorecard (a unit sees only its own until publication). */
  'par.read',
  /** Enter the unit's self-assessment and explanation (cán bộ đầu mối CCHC). */
  'par.self_assess',
  /** Approve and lock the unit's self-assessment or explanation, or return it (the unit's head). */
  'par.approve',
  /** Score the units assigned to the appraiser (Tổ thẩm định); the assignment is checked by the use-case. */
  'par.appraise',
  /** Run the PAR Index: criteria sets, rounds, assignments, council decision, publication (Sở Nội vụ). */
  'par.organise',
  /** SIPAS (QĐ 1001/QĐ-BNV): read the satisfaction figures of the agencies in scope (never who answered what). */
  'sipas.read',
  /** Design questionnaires, run campaigns (sample, invitations, reminders), publish the index (Sở Nội vụ). */
  'sipas.organise',
  /** Enter answers collected on paper or by phone (điều tra viên), marked as such. */
  'sipas.survey',
  /** PAKN (Decree 20/2008/NĐ-CP as amended): read the register of the agencies in scope. */
  'pakn.read',
  /** Register a PAKN from any channel, classify it, forward it, ask the sender for clarification. */
  'pakn.receive',
  /** Draft and send the answer of the competent agency. */
  'pakn.handle',
  /** Approve (sign off) an answer and decide whether it is published or withheld with a reason. */
  'pakn.approve',
  /** Official documents (Decree 30/2020/NĐ-CP): read the agency's documents (a confidential one only when assigned to it). */
  'document.read',
  /** Register incoming documents, number and issue outgoing ones, return a wrong document (văn thư, Art. 16, 22). */
  'document.register',
  /** Apply the organisation's digital signature to a document the competent person signed (văn thư, Art. 13, 33). */
  'document.seal',
  /** Direct an incoming document: instruction, lead and co-operating units, deadline (Art. 24). */
  'document.direct',
  /** Work on an incoming document assigned to one's unit and report its progress. */
  'document.handle',
  /** Draft an outgoing document and upload its versions. */
  'document.draft',
  /** Review or approve a draft when named in its chain (the chain decides who; the role allows it at all). */
  'document.approve',
  /** Sign an outgoing document digitally as the competent person (Art. 13). */
  'document.sign',
  /** Settings of the agency's documents: abbreviations, signing certificates, delegations. */
  'document.manage',
  /**
   * E-office II (issue 20): read the agency's published work calendars and the tasks, work files and
   * consultations one takes part in (the use-cases narrow it to one's own: assigned, attending, owner).
   */
  'work.read',
  /** Draft entries of the agency leaders' or the unit's work calendar (lịch công tác). */
  'schedule.draft',
  /** Approve and publish the leaders' or the unit's calendar, optionally on the public portal. */
  'schedule.approve',
  /** Assign tasks to units and officials, accept or return their results, decide extensions (giao việc). */
  'task.assign',
  /** Work on a task one is assigned to: progress, files, extension requests, submitting the result. */
  'task.handle',
  /** Open, keep and close work files (hồ sơ công việc) and the agency's file list. */
  'workfile.manage',
  /** Send a draft for comments, respond to them (tiếp thu, giải trình), produce the summary. */
  'consultation.manage',
  /** Answer a consultation sent to one's agency or oneself. */
  'consultation.answer',
  /** Read the evaluation sheets of the officials in scope (one's own is always readable). */
  'evaluation.read',
  /** Review the sheets of the officials one manages directly (quản lý trực tiếp). */
  'evaluation.review',
  /** Decide the rating of the agency's officials (người có thẩm quyền đánh giá), the quota applied. */
  'evaluation.decide',
  /** The agency's evaluation rules, periods, the collective review record and the exports (tổ chức cán bộ). */
  'evaluation.manage',
  /**
   * National integration (issue 21): read the sync monitor of the national public-service portal, the catalog
   * pulls and the webhook deliveries of the province.
   */
  'integration.read',
  /** Set the province's connection to the national portal, re-send or retry messages, manage webhooks. */
  'integration.manage',
  /**
   * The information portal (issue 22): write articles and pages of the province's portal (draft, submit for
   * review); their authors' own drafts only, the use-cases check.
   */
  'portal.write',
  /** Review, schedule and publish articles, pages, menus and procedure-decision notices (biên tập viên). */
  'portal.publish',
  /**
   * Several provinces on one install (issue 22 item 4): the province's own portal — its name, colours, emblem,
   * contacts (the province administrator). Every official of the province reads them.
   */
  'site.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

type RoleDefinition = {
  label: { vi: string; en: string };
  actions: readonly Action[];
  /** Default for a new grant: does the role reach the agency's sub-agencies (phòng, đơn vị trực thuộc)? */
  defaultIncludeSubagencies: boolean;
  /** The role covers every agency of its province (the province administrator). */
  provinceWide: boolean;
};

export const ROLE_DEFINITIONS = {
  receptionist: {
    label: { vi: 'Cán bộ tiếp nhận', en: 'Receptionist' },
    actions: ['agency.read', 'dossier.read', 'dossier.receive', 'dossier.return', 'work.read', 'task.handle'],
    defaultIncludeSubagencies: false,
    provinceWide: false,
  },
  processor: {
    label: { vi: 'Chuyên viên xử lý', en: 'Processor' },
    actions: ['agency.read', 'dossier.read', 'dossier.process', 'work.read', 'task.handle'],
    defaultIncludeSubagencies: false,
    provinceWide: false,
  },
  approver: {
    label: { vi: 'Lãnh đạo phê duyệt', en: 'Approver' },
    actions: [
      'agency.read',
      'dossier.read',
      'dossier.process',
      'dossier.approve',
      'report.read',
      'par.read',
      'par.approve',
      'sipas.read',
      'pakn.read',
      'pakn.approve',
      'work.read',
      'task.handle',
    ],
    defaultIncludeSubagencies: true,
    provinceWide: false,
  },
  result_returner: {
    label: { vi: 'Cán bộ trả kết quả', en: 'Result returner' },
    actions: ['agency.read', 'dossier.read', 'dossier.return', 'work.read', 'task.handle'],
    defaultIncludeSubagencies: false,
    provinceWide: false,
  },
  agency_admin: {
    label: { vi: 'Quản trị đơn vị', en: 'Agency administrator' },
    actions: [
      'agency.read',
      'agency.manage',
      'user.read',
      'user.manage',
      'report.read',
      'sipas.read',
      'document.manage',
    ],
    defaultIncludeSubagencies: true,
    provinceWide: false,
  },
  province_admin: {
    label: { vi: 'Quản trị cấp tỉnh', en: 'Province administrator' },
    actions: [
      'agency.read',
      'agency.manage',
      'user.read',
      'user.manage',
      'procedure.manage',
      'calendar.manage',
      'report.read',
      'report.import',
      'audit.verify',
      'system.read',
      'sipas.read',
      'pakn.read',
      'integration.read',
      'integration.manage',
      'site.manage',
    ],
    defaultIncludeSubagencies: true,
    provinceWide: true,
  },
  auditor: {
    label: { vi: 'Thanh tra, kiểm tra (chỉ xem)', en: 'Auditor (read-only)' },
    actions: [
      'agency.read',
      'user.read',
      'dossier.read',
      'report.read',
      'audit.verify',
      'sipas.read',
      'pakn.read',
      'integration.read',
    ],
    defaultIncludeSubagencies: true,
    provinceWide: false,
  },
  par_focal: {
    label: { vi: 'Cán bộ đầu mối CCHC', en: 'PAR focal officer' },
    actions: ['agency.read', 'par.read', 'par.self_assess'],
    defaultIncludeSubagencies: false,
    provinceWide: false,
  },
  par_appraiser: {
    label: { vi: 'Thành viên Tổ thẩm định Chỉ số CCHC', en: 'PAR Index appraiser' },
    actions: ['agency.read', 'par.read', 'par.appraise'],
    defaultIncludeSubagencies: false,
    // Appraisers score units of any agency of the province, but only the units assigned to them in a round
    // (par_appraiser), which the use-cases check.
    provinceWide: true,
  },
  par_organiser: {
    label: { vi: 'Tổ chức xác định Chỉ số CCHC (Sở Nội vụ)', en: 'PAR Index organiser (Department of Home Affairs)' },
    actions: ['agency.read', 'report.read', 'sipas.read', 'par.read', 'par.appraise', 'par.organise'],
    defaultIncludeSubagencies: true,
    provinceWide: true,
  },
  sipas_organiser: {
    label: { vi: 'Tổ chức khảo sát sự hài lòng (SIPAS)', en: 'Satisfaction survey organiser (SIPAS)' },
    actions: ['agency.read', 'report.read', 'sipas.read', 'sipas.organise', 'sipas.survey'],
    defaultIncludeSubagencies: true,
    provinceWide: true,
  },
  surveyor: {
    label: { vi: 'Điều tra viên khảo sát', en: 'Surveyor' },
    actions: ['agency.read', 'sipas.survey'],
    defaultIncludeSubagencies: false,
    // Surveyors interview citizens served by any agency of the province (the campaign's sample).
    provinceWide: true,
  },
  pakn_officer: {
    label: { vi: 'Cán bộ tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Feedback (PAKN) officer' },
    actions: ['agency.read', 'pakn.read', 'pakn.receive', 'pakn.handle', 'work.read', 'task.handle'],
    defaultIncludeSubagencies: false,
    provinceWide: false,
  },
  clerk: {
    label: { vi: 'Văn thư cơ quan', en: 'Records clerk (văn thư)' },
    actions: [
      'agency.read',
      'document.read',
      'document.register',
      'document.seal',
      'report.read',
      'work.read',
      'task.handle',
      'schedule.draft',
      'workfile.manage',
    ],
    defaultIncludeSubagencies: true,
    provinceWide: false,
  },
  specialist: {
    label: { vi: 'Chuyên viên', en: 'Specialist' },
    actions: [
      'agency.read',
      'document.read',
      'document.draft',
      'document.handle',
      'work.read',
      'task.handle',
      'workfile.manage',
      'consultation.manage',
      'consultation.answer',
    ],
    defaultIncludeSubagencies: false,
    provinceWide: false,
  },
  unit_head: {
    label: { vi: 'Lãnh đạo phòng', en: 'Head of unit' },
    actions: [
      'agency.read',
      'document.read',
      'document.draft',
      'document.handle',
      'document.direct',
      'document.approve',
      'document.sign',
      'work.read',
      'task.handle',
      'schedule.draft',
      'schedule.approve',
      'task.assign',
      'workfile.manage',
      'consultation.manage',
      'consultation.answer',
      'evaluation.read',
      'evaluation.review',
    ],
    defaultIncludeSubagencies: true,
    provinceWide: false,
  },
  agency_head: {
    label: { vi: 'Lãnh đạo cơ quan', en: 'Head of agency' },
    actions: [
      'agency.read',
      'document.read',
      'document.direct',
      'document.approve',
      'document.sign',
      'document.manage',
      'report.read',
      'work.read',
      'task.handle',
      'schedule.draft',
      'schedule.approve',
      'task.assign',
      'workfile.manage',
      'consultation.manage',
      'consultation.answer',
      'evaluation.read',
      'evaluation.review',
      'evaluation.decide',
    ],
    defaultIncludeSubagencies: true,
    provinceWide: false,
  },
  personnel_officer: {
    label: { vi: 'Cán bộ tổ chức cán bộ', en: 'Personnel officer' },
    actions: ['agency.read', 'user.read', 'work.read', 'task.handle', 'evaluation.read', 'evaluation.manage'],
    defaultIncludeSubagencies: true,
    provinceWide: false,
  },
  portal_author: {
    label: { vi: 'Phóng viên, tác giả Cổng thông tin', en: 'Portal author' },
    actions: ['agency.read', 'portal.write'],
    defaultIncludeSubagencies: false,
    // The province's portal is one: its authors write for it whichever agency they sit in.
    provinceWide: true,
  },
  portal_editor: {
    label: { vi: 'Biên tập viên Cổng thông tin', en: 'Portal editor' },
    actions: ['agency.read', 'portal.write', 'portal.publish'],
    defaultIncludeSubagencies: false,
    provinceWide: true,
  },
} as const satisfies Record<OfficialRole, RoleDefinition>;

/** A role held by an official in an agency. */
export type RoleGrant = {
  agencyId: string;
  role: OfficialRole;
  includeSubagencies: boolean;
  /** Province of the agency the role is held in (null for ministries). */
  provinceCode: string | null;
};

/**
 * Where a resource sits in the agency tree, as the authorisation check needs it:
 * - `coveringIds`: the agency itself and every agency that succeeded it through a merge or split
 *   (a successor sees and acts on what its predecessors received);
 * - `ancestorIds`: every ancestor of those agencies (for roles that reach sub-agencies).
 */
export type AgencyLineage = {
  agencyId: string;
  provinceCode: string | null;
  coveringIds: readonly string[];
  ancestorIds: readonly string[];
};

export type AccessTarget = { kind: 'agency'; lineage: AgencyLineage } | { kind: 'province'; provinceCode: string };

export const roleAllows = (role: OfficialRole, action: Action): boolean =>
  (ROLE_DEFINITIONS[role].actions as readonly Action[]).includes(action);

const grantCovers = (grant: RoleGrant, target: AccessTarget): boolean => {
  if (ROLE_DEFINITIONS[grant.role].provinceWide) {
    const province = target.kind === 'agency' ? target.lineage.provinceCode : target.provinceCode;
    return grant.provinceCode !== null && province === grant.provinceCode;
  }
  if (target.kind === 'province') {
    return false;
  }
  const { coveringIds, ancestorIds } = target.lineage;
  if (coveringIds.includes(grant.agencyId)) {
    return true;
  }
  return grant.includeSubagencies && ancestorIds.includes(grant.agencyId);
};

/** Whether any of the grants allows the action on the target. */
export const isAllowed = (grants: readonly RoleGrant[], action: Action, target: AccessTarget): boolean =>
  grants.some((grant) => roleAllows(grant.role, action) && grantCovers(grant, target));

/** Whether the grants reach the target at all, for any action (used to answer 404 rather than 403). */
export const canSeeTarget = (grants: readonly RoleGrant[], target: AccessTarget): boolean =>
  grants.some((grant) => grantCovers(grant, target));

/** The roles of the grants that reach an agency (used to decide who may take a dossier action there). */
export const listRolesCovering = (grants: readonly RoleGrant[], lineage: AgencyLineage): OfficialRole[] => [
  ...new Set(grants.filter((grant) => grantCovers(grant, { kind: 'agency', lineage })).map((grant) => grant.role)),
];
