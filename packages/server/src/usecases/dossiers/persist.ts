import { randomUUID } from 'node:crypto';
import {
  type Database,
  type DossierChanges,
  type DossierRecord,
  insertDossierEvent,
  insertNewDossier,
  type NewDossierEvent,
  type StepRow,
  updateDossierGuarded,
  upsertDossierSteps,
} from '@motcua/db';
import { type DossierState, getHolderAgencyId, readClock, type WorkingTimeCalendar } from '@motcua/domain';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { type DossierChangedJob, type FormIssuedJob, type OutboxJob, QUEUES } from '../../jobs/jobs.js';
import type { FilledApplicationForm } from './application-form.js';
import { computeEventHash } from './hash-chain.js';
import { applyStatisticsDelta, buildStatisticsDelta, type StatisticsSource } from './statistics-delta.js';

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

/** The outbox jobs of a dossier's new events: each may notify the applicant; a form handed over is stored. */
const listEventJobs = (dossierId: string, events: readonly { seq: number; event: EventInput }[]): OutboxJob[] =>
  events.flatMap(({ seq, event }) => {
    const changed: OutboxJob = {
      queue: QUEUES.dossierChanged,
      data: { dossierId, seq, action: event.action, toStatus: event.toStatus } satisfies DossierChangedJob,
    };
    // A form handed to the applicant is stored as issued, right after the change commits.
    const form = event.payload.form;
    return typeof form === 'string'
      ? [changed, { queue: QUEUES.formIssued, data: { dossierId, seq, form } satisfies FormIssuedJob }]
      : [changed];
  });

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
  // What follows every write of a dossier, in the same transaction: the statistics delta, the step
  // rows as the state has them, and the outbox jobs of the new event.
  await applyStatisticsDelta(trx, dossier, updated);
  await upsertDossierSteps(trx, {
    dossierId: updated.id,
    provinceCode: updated.provinceCode,
    steps: toStepRows(state, calendar),
  });
  await ctx.jobs.enqueueMany(trx, listEventJobs(updated.id, [{ seq, event }]));
  return updated;
};

/** The columns of a new dossier that no change projects: what it asks for, from whom, how it came in. */
export type NewDossierFacts = Omit<
  Insertable<Database['dossier']>,
  keyof DossierChanges | 'id' | 'version' | 'createdAt' | 'updatedAt' | 'code'
>;

/** A dossier just written by writeNewDossier: its code from the database, the rest as it was written. */
export type NewDossierSaved = Pick<
  DossierRecord,
  | 'id'
  | 'code'
  | 'createdAt'
  | 'version'
  | 'eventCount'
  | 'status'
  | 'channel'
  | 'provinceCode'
  | 'receivingAgencyId'
  | 'receivedAt'
  | 'dueAt'
  | 'legalDueAt'
  | 'dueProvisional'
>;

/**
 * Writes a new dossier in its final state — the row as its first events leave it (state, projections,
 * event count, last hash, version 1 + one per event, as if each event had been a change) — with its
 * hash-chained events, step rows, filled application form (eForms), statistics delta and one outbox
 * job per event, all in the caller's transaction and in one statement that takes the code from the
 * agency's daily counter and writes everything else, the jobs included (insertNewDossier).
 * The counter row stays locked only from that last statement to COMMIT — or only while it runs, when the
 * caller runs it on its own, outside a transaction (withIdempotentStatement). The id is made here because
 * the events' hashes cover it. Must be the caller's last write before COMMIT.
 */
export const writeNewDossier = async (
  trx: Kysely<Database> | Transaction<Database>,
  input: {
    facts: NewDossierFacts;
    /** The daily sequence the code is taken from, and what precedes the number in the code. */
    code: { agencyId: string; day: string; prefix: string };
    calendar: WorkingTimeCalendar;
    history: readonly [DossierChange, ...DossierChange[]];
    applicationForm?: FilledApplicationForm | undefined;
  },
): Promise<NewDossierSaved> => {
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
  const row = {
    ...input.facts,
    id,
    ...projectState(final.state, input.calendar),
    returnChannel: null,
    eventCount: events.length,
    lastEventHash: lastHash,
    version: 1 + events.length,
    updatedAt: final.event.at,
  };
  const delta = buildStatisticsDelta(null, {
    ...row,
    state: final.state,
    components: JSON.parse(input.facts.components) as DossierRecord['components'],
  } as StatisticsSource);
  const written = await insertNewDossier(trx, {
    jobs: listEventJobs(
      id,
      input.history.map(({ event }, index) => ({ seq: index + 1, event })),
    ),
    counter: { agencyId: input.code.agencyId, day: input.code.day, codePrefix: input.code.prefix },
    dossier: row,
    events,
    steps: toStepRows(final.state, input.calendar),
    applicationForm: input.applicationForm && {
      procedureVersionId: input.applicationForm.procedureVersionId,
      formKey: input.applicationForm.formKey,
      formValues: input.applicationForm.values,
    },
    statisticsDelta: delta,
  });
  return {
    id,
    code: written.code,
    createdAt: written.createdAt,
    version: row.version,
    eventCount: row.eventCount,
    status: row.status,
    channel: row.channel,
    provinceCode: row.provinceCode,
    receivingAgencyId: row.receivingAgencyId,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    legalDueAt: row.legalDueAt,
    dueProvisional: row.dueProvisional,
  };
};
