import { randomUUID } from 'node:crypto';
import {
  type Database,
  type DossierChanges,
  type DossierRecord,
  insertDossier,
  insertDossierEvent,
  type NewDossierEvent,
  type StepRow,
  updateDossierGuarded,
  upsertDossierSteps,
} from '@motcua/db';
import { type DossierState, getHolderAgencyId, readClock, type WorkingTimeCalendar } from '@motcua/domain';
import type { Insertable, Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { type FormIssuedJob, QUEUES } from '../../jobs/jobs.js';
import { type FilledApplicationForm, writeApplicationForm } from './application-form.js';
import { computeEventHash } from './hash-chain.js';
import { applyStatisticsDelta } from './statistics-delta.js';

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
    givenByUserId: step.givenByUserId ?? null,
    receivedByUserId: step.receivedByUserId ?? null,
    completedByUserId: step.completedByUserId ?? null,
    overrunMinutes:
      step.completedAt !== undefined && step.dueAt !== undefined
        ? step.completedAt > step.dueAt
          ? // Any started working minute past the due instant counts as late (the column holds whole minutes).
            Math.ceil(calendar.getWorkingMinutesBetween(step.dueAt, step.completedAt))
          : 0
        : null,
  }));

/** The columns projected from the engine state (holder, due instants, completion). */
export const projectState = (state: DossierState, calendar: WorkingTimeCalendar) => {
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
  } satisfies DossierChanges;
};

/** One change of a dossier: the state it leads to and the event that records it. */
export type DossierChange = { state: DossierState; event: EventInput };

/**
 * What follows every write of a dossier, in the same transaction: the statistics move by the
 * difference, the step rows follow the state, and each new event gets its outbox job.
 */
const followDossierWrite = async (
  ctx: AppContext,
  trx: Transaction<Database>,
  input: {
    before: DossierRecord | null;
    after: DossierRecord;
    state: DossierState;
    calendar: WorkingTimeCalendar;
    events: readonly { seq: number; event: EventInput }[];
  },
): Promise<void> => {
  const { after } = input;
  await applyStatisticsDelta(trx, input.before, after);
  await upsertDossierSteps(trx, {
    dossierId: after.id,
    provinceCode: after.provinceCode,
    steps: toStepRows(input.state, input.calendar),
  });
  for (const { seq, event } of input.events) {
    await ctx.jobs.enqueue(trx, QUEUES.dossierChanged, {
      dossierId: after.id,
      seq,
      action: event.action,
      toStatus: event.toStatus,
    });
    // A form handed to the applicant is stored as issued, right after the change commits.
    const form = event.payload.form;
    if (typeof form === 'string') {
      await ctx.jobs.enqueue(trx, QUEUES.formIssued, { dossierId: after.id, seq, form } satisfies FormIssuedJob);
    }
  }
};

/**
 * Writes one change of an existing dossier: the new state and its projections, the next
 * hash-chained event, the step rows, and the outbox job — all in the caller's transaction, guarded
 * by the version the decision was based on. Nothing is half-written: a stale version throws before
 * any write sticks. Called only by change-dossier.ts (the one way a dossier changes).
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
  await followDossierWrite(ctx, trx, { before: dossier, after: updated, state, calendar, events: [{ seq, event }] });
  return updated;
};

/** The columns of a new dossier that no change projects: what it asks for, from whom, how it came in. */
export type NewDossierFacts = Omit<
  Insertable<Database['dossier']>,
  keyof DossierChanges | 'id' | 'version' | 'createdAt' | 'updatedAt'
>;

/**
 * Writes a new dossier in its final state in one insert — the row as its first events leave it
 * (state, projections, event count, last hash, version 1 + one per event, as if each event had
 * been a change) — then its hash-chained events, step rows, statistics and one outbox job per
 * event, all in the caller's transaction. The id is made here because the events' hashes cover it.
 * A filled application form (eForms) is written with it, in the same transaction.
 */
export const writeNewDossier = async (
  ctx: AppContext,
  trx: Transaction<Database>,
  input: {
    facts: NewDossierFacts;
    calendar: WorkingTimeCalendar;
    history: readonly [DossierChange, ...DossierChange[]];
    applicationForm?: FilledApplicationForm | undefined;
  },
): Promise<DossierRecord> => {
  const id = randomUUID();
  const events: NewDossierEvent[] = [];
  let lastHash: string | null = null;
  for (const [index, { event }] of input.history.entries()) {
    const seq = index + 1;
    const hash = computeEventHash(lastHash, { dossierId: id, seq, ...event });
    events.push({ dossierId: id, seq, ...event, prevHash: lastHash, hash });
    lastHash = hash;
  }
  const final = input.history[input.history.length - 1] as DossierChange;
  const created = await insertDossier(trx, {
    ...input.facts,
    id,
    ...projectState(final.state, input.calendar),
    returnChannel: null,
    eventCount: events.length,
    lastEventHash: lastHash,
    version: 1 + events.length,
    updatedAt: final.event.at,
  });
  for (const event of events) {
    await insertDossierEvent(trx, event);
  }
  if (input.applicationForm) {
    await writeApplicationForm(trx, { dossier: created, form: input.applicationForm });
  }
  await followDossierWrite(ctx, trx, {
    before: null,
    after: created,
    state: final.state,
    calendar: input.calendar,
    events: input.history.map(({ event }, index) => ({ seq: index + 1, event })),
  });
  return created;
};
