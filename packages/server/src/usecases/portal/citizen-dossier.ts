/**
 * The citizen's dossier, shared by the portal's rooms: loading it as its owner (404 for anybody
 * else's), its progress and history as the applicant sees them, and what the applicant does next.
 */
import {
  type CitizenDossierRecord,
  findCitizenDossier,
  findLatestDossierEvent,
  listDossierEventsPublic,
  listDossierStepsPublic,
} from '@motcua/db';
import {
  APPLICANT_NEXT_STEPS,
  type ApplicantNextStep,
  DOSSIER_CHANNELS,
  DOSSIER_STATUSES,
  DOSSIER_TRANSITIONS,
  type DossierAction,
  type DossierStatus,
  describeTimeliness,
  findApplicantNextStep,
  formatInstant,
} from '@motcua/domain';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import type { DossierChangeResult } from '../dossiers/change-dossier.js';

export const DOSSIER = { vi: 'hồ sơ', en: 'dossier' } as const;

export const iso = (date: Date | null | undefined): string | null => (date ? formatInstant(date.getTime()) : null);

/** Labels of history entries that are not state-machine actions. */
const OTHER_EVENT_LABELS: Record<string, { vi: string; en: string }> = {
  submit: { vi: 'Nộp hồ sơ trực tuyến', en: 'Submitted online' },
  due_recomputed: { vi: 'Cập nhật thời hạn theo lịch nghỉ', en: 'Due date updated for the calendar' },
  collect_fee: { vi: 'Nộp phí, lệ phí tại quầy', en: 'Fees paid at the counter' },
};

export const eventLabel = (action: string): { vi: string; en: string } =>
  (DOSSIER_TRANSITIONS as Record<string, { label: { vi: string; en: string } }>)[action]?.label ??
  OTHER_EVENT_LABELS[action] ?? { vi: action, en: action };

/** The dossier of this citizen by code; another citizen's dossier answers 404 exactly like a missing one. */
export const getCitizenDossier = async (
  ctx: AppContext,
  citizenId: string,
  code: string,
): Promise<CitizenDossierRecord> => {
  const dossier = await findCitizenDossier(ctx.db, { code, citizenId });
  if (!dossier) {
    throw new AppError('NOT_FOUND', { resource: DOSSIER });
  }
  return dossier;
};

/** The answer to an action the applicant took on their dossier (supplement, withdrawal). */
export const describeApplicantChange = (
  action: 'applicant_supplement' | 'withdraw',
  { dossier, decision }: DossierChangeResult,
) => ({
  code: dossier.code,
  action,
  label: DOSSIER_TRANSITIONS[action].label,
  fromStatus: decision.fromStatus,
  toStatus: decision.toStatus,
  version: dossier.version,
});

type Params = { missing?: string[]; reason?: string; amountVnd?: number; newDueAt?: number };
type RequestEvent = { payload: unknown; note: string | null; at: Date };

/** The details of a next step from the latest request of its kind (a supplement or a payment request). */
export const presentNextStep = (step: ApplicantNextStep, event: RequestEvent | null | undefined) => {
  let details: Record<string, unknown> = {};
  if (step === 'supplement') {
    const payload = (event?.payload ?? {}) as { params?: Params; missing?: string[] };
    details = {
      missing: payload.params?.missing ?? payload.missing ?? [],
      reason: payload.params?.reason ?? event?.note ?? null,
      requestedAt: event ? formatInstant(event.at.getTime()) : null,
    };
  } else if (step === 'pay') {
    const params = ((event?.payload ?? {}) as { params?: Params }).params ?? {};
    details = {
      amountVnd: params.amountVnd ?? null,
      reason: params.reason ?? null,
      requestedAt: event ? formatInstant(event.at.getTime()) : null,
    };
  }
  return { step, label: APPLICANT_NEXT_STEPS[step], ...details };
};

export const SUPPLEMENT_REQUEST_ACTIONS = ['request_supplement', 'request_intake_supplement'] as const;

/**
 * What the applicant must do next, with what they were told (the missing papers and the reason of
 * a supplement request; the amount of a payment request) — nothing they have not been given already.
 */
export const describeNextStep = async (
  ctx: AppContext,
  dossier: Pick<CitizenDossierRecord, 'id' | 'status'>,
  options: { rated?: boolean } = {},
) => {
  const step = findApplicantNextStep(dossier.status, options);
  const actions = step === 'supplement' ? SUPPLEMENT_REQUEST_ACTIONS : step === 'pay' ? ['request_payment'] : [];
  const event =
    actions.length > 0 ? await findLatestDossierEvent(ctx.db, { dossierId: dossier.id, actions }) : undefined;
  return presentNextStep(step, event);
};

type ProgressDossier = Pick<
  CitizenDossierRecord,
  | 'code'
  | 'status'
  | 'channel'
  | 'procedureCode'
  | 'procedureName'
  | 'createdAt'
  | 'receivedAt'
  | 'dueAt'
  | 'dueProvisional'
  | 'completedAt'
  | 'returnedAt'
  | 'completionClass'
  | 'legalDueAt'
>;
type ProgressStep = Awaited<ReturnType<typeof listDossierStepsPublic>>[number];
type ProgressEvent = Awaited<ReturnType<typeof listDossierEventsPublic>>[number];

/** The progress of a dossier as the applicant sees it, from its steps and history (already loaded). */
export const presentProgress = (
  now: Date,
  dossier: ProgressDossier,
  steps: readonly ProgressStep[],
  events: readonly ProgressEvent[],
) => ({
  code: dossier.code,
  status: dossier.status,
  statusLabel: DOSSIER_STATUSES[dossier.status as DossierStatus],
  dvcqgStatus: DOSSIER_STATUSES[dossier.status as DossierStatus].dvcqg,
  channel: dossier.channel,
  channelLabel: DOSSIER_CHANNELS[dossier.channel],
  procedure: { code: dossier.procedureCode, name: dossier.procedureName },
  submittedAt: iso(dossier.createdAt),
  receivedAt: iso(dossier.receivedAt),
  dueAt: iso(dossier.dueAt),
  dueProvisional: dossier.dueProvisional,
  completedAt: iso(dossier.completedAt),
  returnedAt: iso(dossier.returnedAt),
  // The same words as the dossier page, the control slip and the reports (domain dossier/timeliness).
  timeliness: describeTimeliness({
    recorded: dossier.completionClass,
    dueAt: (dossier.legalDueAt ?? dossier.dueAt)?.getTime(),
    completedAt: dossier.completedAt?.getTime(),
    now: now.getTime(),
  }),
  // Agencies and dates only: who handled each step is not the public's business.
  steps: steps.map((s) => ({
    stepNo: s.stepNo,
    name: s.name,
    agencyName: s.agencyName,
    status: s.status,
    givenAt: iso(s.givenAt),
    receivedAt: iso(s.receivedAt),
    completedAt: iso(s.completedAt),
    dueAt: iso(s.dueAt),
  })),
  history: events.map((e) => ({
    at: formatInstant(e.at.getTime()),
    action: e.action,
    label: eventLabel(e.action as DossierAction),
    byApplicant: e.actorKind === 'applicant',
    agencyName: e.agencyName,
    status: e.toStatus,
  })),
});

/** The progress of a dossier as the applicant (or anybody holding the code and the check value) sees it. */
export const describeProgress = async (ctx: AppContext, dossier: CitizenDossierRecord) => {
  const [steps, events] = await Promise.all([
    listDossierStepsPublic(ctx.db, dossier.id),
    listDossierEventsPublic(ctx.db, dossier.id),
  ]);
  return presentProgress(ctx.clock.now(), dossier, steps, events);
};
