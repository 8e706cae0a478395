import type { ProcessStep, StepRole } from '../catalog/procedure.js';

/**
 * The dossier's own copy of the procedure's internal process (quy trình nội bộ): each step with
 * the agency that holds it, its time allotment and its hand-off times. The engine always knows
 * which step and agency holds a dossier, and which step made it late.
 */
export type DossierStep = {
  key: string;
  name: string;
  role: StepRole;
  agencyId: string;
  allotmentMinutes: number;
  handoff?: 'internal' | 'inter_agency' | 'inter_level';
  status: 'pending' | 'active' | 'done';
  assigneeUserId?: string;
  /** When the previous holder handed the dossier over ("Giao … giờ … phút ngày …" on the control slip). */
  givenAt?: number;
  /** When this step's agency took it ("Nhận …"); the same instant within one agency. */
  receivedAt?: number;
  completedAt?: number;
  /** The official who handed the dossier over to this step ("Người giao"); none when the applicant did. */
  givenByUserId?: string;
  /** The official who took it at this step ("Người nhận"): who accepted a hand-over, or the assignee. */
  receivedByUserId?: string;
  /** The official who finished this step ("Người thực hiện"). */
  completedByUserId?: string;
  /** The step's own due instant: its allotment of working time from when it was given. */
  dueAt?: number;
};

/** Resolves a template step's agency for one dossier; undefined when it cannot be resolved. */
export type StepAgencyResolver = (step: ProcessStep) => string | undefined;

export type RoutingProblem = { stepKey: string; reason: 'AGENCY_UNRESOLVED' };

/**
 * The default internal process for a procedure that has no template yet: the desk of the
 * receiving agency receives and forwards (the same working day, or the next one after 15:00),
 * its specialist examines, its head approves, and the desk returns the result. The processing
 * allotments share the legal time: 60% to the specialist, 25% to the approver, the rest to the
 * desk (Decree 61/2018 Art. 19 recalled; Decree 118/2025).
 */
export const buildDefaultProcess = (legalWorkingMinutes: number | undefined): ProcessStep[] => {
  const total = legalWorkingMinutes ?? 5 * 480;
  const hours = (share: number) => Math.max(1, Math.round((total * share) / 60));
  return [
    {
      key: 'tiep-nhan',
      name: 'Tiếp nhận và chuyển hồ sơ',
      role: 'receptionist',
      agency: { kind: 'receiving' },
      allotmentWorkingHours: hours(0.05),
    },
    {
      key: 'tham-dinh',
      name: 'Thẩm định, xử lý hồ sơ',
      role: 'processor',
      agency: { kind: 'receiving' },
      allotmentWorkingHours: hours(0.6),
    },
    {
      key: 'phe-duyet',
      name: 'Phê duyệt, ký kết quả',
      role: 'approver',
      agency: { kind: 'receiving' },
      allotmentWorkingHours: hours(0.25),
    },
    {
      key: 'tra-ket-qua',
      name: 'Trả kết quả',
      role: 'result_returner',
      agency: { kind: 'receiving' },
      allotmentWorkingHours: hours(0.05),
    },
  ];
};

/**
 * Turns a template into the dossier's steps, resolving each step's agency. A template that does
 * not start with the desk gets one; one that does not end with returning the result gets one —
 * every dossier is received and returned by the one-stop desk (Decree 118/2025).
 */
export const buildDossierSteps = (
  template: readonly ProcessStep[],
  resolve: StepAgencyResolver,
  receivingAgencyId: string,
): { steps: DossierStep[]; problems: RoutingProblem[] } => {
  const problems: RoutingProblem[] = [];
  const full: ProcessStep[] = [...template];
  if (full[0]?.role !== 'receptionist') {
    full.unshift({
      key: 'tiep-nhan',
      name: 'Tiếp nhận và chuyển hồ sơ',
      role: 'receptionist',
      agency: { kind: 'receiving' },
      allotmentWorkingHours: 4,
    });
  }
  if (full.at(-1)?.role !== 'result_returner') {
    full.push({
      key: 'tra-ket-qua',
      name: 'Trả kết quả',
      role: 'result_returner',
      agency: { kind: 'receiving' },
      allotmentWorkingHours: 4,
    });
  }
  const steps = full.map((step): DossierStep => {
    const agencyId = step.agency.kind === 'receiving' ? receivingAgencyId : resolve(step);
    if (!agencyId) {
      problems.push({ stepKey: step.key, reason: 'AGENCY_UNRESOLVED' });
    }
    return {
      key: step.key,
      name: step.name,
      role: step.role,
      agencyId: agencyId ?? receivingAgencyId,
      allotmentMinutes: Math.round(step.allotmentWorkingHours * 60),
      ...(step.handoff ? { handoff: step.handoff } : {}),
      status: 'pending',
    };
  });
  return { steps, problems };
};
