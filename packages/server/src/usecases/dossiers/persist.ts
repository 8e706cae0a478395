import {
  type Database,
  type DossierChanges,
  type DossierRecord,
  insertDossierEvent,
  type StepRow,
  updateDossierGuarded,
  upsertDossierSteps,
} from '@motcua/db';
import { type DossierState, getHolderAgencyId, readClock, type WorkingTimeCalendar } from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { QUEUES } from '../../jobs/jobs.js';
import { applyStatisticsDelta } from '../reports/statistics-delta.js';
import { computeEventHash } from './hash-chain.js';

export type EventInput = {
  at: Date;
  actorKind: 'official' | 'applicant' | 'system';
  actorUserId: string | null;
  actorRole: string | null;
  agencyId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  payload: Record<string, unknown>;
};

const toDate = (ms: number | undefined): Date | null => (ms === undefined ? null : new Date(ms));

/** The step rows the reports read, with each finished step's overrun in working minutes. */
export const toStepRows = (state: DossierState, calendar: WorkingTimeCalendar): StepRow[] =>
  state.steps.map((step, index) => ({
    stepNo: index,
    key: step.key,
    name: step.name,
    role: step.role,
    agencyId: step.agencyId,
    assigneeUserId: step.assigneeUserId ?? null,
    status: step.status,
    handoff: step.handoff ?? null,
    allotmentMinutes: step.allotmentMinutes,
    givenAt: toDate(step.givenAt),
    receivedAt: toDate(step.receivedAt),
    completedAt: toDate(step.completedAt),
    dueAt: toDate(step.dueAt),
    overrunMinutes:
      step.completedAt !== undefined && step.dueAt !== undefined
        ? step.completedAt > step.dueAt
          ? // Any started working minute past the due instant counts as late (the column holds whole minutes).
            Math.ceil(calendar.getWorkingMinutesBetween(step.dueAt, step.completedAt))
          : 0
        : null,
  }));

/** The columns projected from the engine state (holder, due instants, completion). */
export const projectState = (state: DossierState, calendar: WorkingTimeCalendar): DossierChanges => {
  const reading = readClock(calendar, state.clock);
  const step = state.currentStep === null ? undefined : state.steps[state.currentStep];
  return {
    status: state.status,
    state: JSON.stringify(state),
    holderAgencyId: getHolderAgencyId(state),
    holderUserId: step?.assigneeUserId ?? null,
    currentStepRole: step?.role ?? null,
    currentStepDueAt: toDate(step?.dueAt),
    receivedAt: toDate(state.clock.startedAt ?? undefined),
    dueAt: toDate(reading.dueAt ?? undefined),
    legalDueAt: toDate(reading.legalDueAt ?? undefined),
    dueProvisional: reading.provisional,
    completedAt: toDate(state.completedAt),
    completionClass: state.completionClass ?? null,
    outcome: state.outcome ?? null,
    returnedAt: toDate(state.returnedAt),
  };
};

/**
 * Writes one change of a dossier: the new state and its projections, the next hash-chained event,
 * the step rows, and the outbox job — all in the caller's transaction, guarded by the version the
 * decision was based on. Nothing is half-written: a stale version throws before any write sticks.
 */
export const commitDossierChange = async (
  ctx: AppContext,
  trx: Transaction<Database>,
  input: {
    dossier: DossierRecord;
    state: DossierState;
    calendar: WorkingTimeCalendar;
    event: EventInput;
    extraChanges?: DossierChanges;
  },
): Promise<DossierRecord> => {
  const { dossier, state, calendar, event } = input;
  const seq = dossier.eventCount + 1;
  const hash = computeEventHash(dossier.lastEventHash, { dossierId: dossier.id, seq, ...event });
  await insertDossierEvent(trx, { dossierId: dossier.id, seq, ...event, prevHash: dossier.lastEventHash, hash });
  const updated = await updateDossierGuarded(trx, {
    id: dossier.id,
    expectedVersion: dossier.version,
    now: event.at,
    changes: { ...projectState(state, calendar), ...input.extraChanges, eventCount: seq, lastEventHash: hash },
  });
  if (!updated) {
    throw new AppError('VERSION_CONFLICT', { current: dossier.version + 1, sent: dossier.version });
  }
  await applyStatisticsDelta(trx, dossier, updated);
  await upsertDossierSteps(trx, {
    dossierId: dossier.id,
    provinceCode: dossier.provinceCode,
    steps: toStepRows(state, calendar),
  });
  await ctx.jobs.enqueue(trx, QUEUES.dossierChanged, {
    dossierId: dossier.id,
    seq,
    action: event.action,
    toStatus: event.toStatus,
  });
  return updated;
};
