import {
  type Database,
  insertParScoreEvents,
  lockParRoundUnit,
  type ParRoundUnitRecord,
  updateParRoundUnit,
} from '@motcua/db';
import { type ParScoreEventContent, toHashedParScoreEvent } from '@motcua/domain';
import type { Transaction } from 'kysely';
import { computeChainHash } from '../../../audit/chain-hash.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { type ParChangedJob, QUEUES } from '../../../jobs/jobs.js';

export const PAR_UNIT = { vi: 'đơn vị được đánh giá', en: 'scored unit' } as const;

/**
 * hash = SHA-256(prev_hash || "\n" || canonical JSON of the event) — the dossier history's rule
 * (audit/chain-hash.ts), over the fields
 * the domain names (`toHashedParScoreEvent`).
 */
export const computeParEventHash = (prevHash: string | null, event: ParScoreEventContent): string =>
  computeChainHash(prevHash, toHashedParScoreEvent(event));

/** One event to append: what changed (the chain adds seq, the hashes, the actor and the instant). */
export type ParEventInput = {
  criterionCode: string | null;
  action: string;
  field: string;
  points: number | null;
  note: string | null;
  detail?: Record<string, unknown> | null;
};

/**
 * The one path every change of a unit's scorecard takes: inside the caller's transaction, lock the unit
 * (FOR UPDATE), check the version the caller saw when one is given (409), let `apply` write its rows
 * (score, adjustment, evidence) against the locked unit and name its events, append those events to the
 * unit's hash chain, move the anchor (event count, last hash) and the status, and write the outbox job —
 * all committed together or not at all.
 */
export const changeParUnit = async <T>(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: {
    roundId: string;
    agencyId: string;
    expectedVersion?: number | undefined;
    actorUserId: string;
    at: Date;
    apply: (unit: ParRoundUnitRecord) => Promise<{
      events: ParEventInput[];
      status?: Partial<
        Pick<
          ParRoundUnitRecord,
          | 'status'
          | 'selfSubmittedAt'
          | 'selfLockedAt'
          | 'selfLockedBy'
          | 'explanationSubmittedAt'
          | 'tags'
          | 'excludedCodes'
        >
      >;
      result: T;
    }>;
  },
): Promise<{ unit: ParRoundUnitRecord; result: T }> => {
  const locked = await lockParRoundUnit(trx, { roundId: input.roundId, agencyId: input.agencyId });
  if (!locked) {
    throw new AppError('NOT_FOUND', { resource: PAR_UNIT });
  }
  if (input.expectedVersion !== undefined && locked.rowVersion !== input.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { current: locked.rowVersion, sent: input.expectedVersion });
  }
  const { events, status, result } = await input.apply(locked);
  let prevHash = locked.lastHash;
  let seq = locked.eventCount;
  const rows = events.map((event) => {
    seq += 1;
    const content: ParScoreEventContent = {
      roundId: locked.roundId,
      agencyId: locked.agencyId,
      seq,
      criterionCode: event.criterionCode,
      action: event.action,
      field: event.field,
      points: event.points,
      note: event.note,
      detail: event.detail ?? null,
      actorUserId: input.actorUserId,
      at: input.at,
    };
    const hash = computeParEventHash(prevHash, content);
    const row = {
      ...content,
      detail: event.detail ?? null,
      provinceCode: locked.provinceCode,
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await insertParScoreEvents(trx, rows);
  const changedStatus = status?.status !== undefined && status.status !== locked.status;
  const unit = await updateParRoundUnit(trx, {
    roundId: locked.roundId,
    agencyId: locked.agencyId,
    expectedVersion: locked.rowVersion,
    set: {
      ...status,
      ...(changedStatus ? { statusChangedAt: input.at } : {}),
      eventCount: seq,
      lastHash: prevHash,
    },
  });
  if (!unit) {
    throw new AppError('VERSION_CONFLICT', { current: locked.rowVersion + 1, sent: locked.rowVersion });
  }
  const last = rows.at(-1);
  if (last) {
    const job: ParChangedJob = {
      roundId: unit.roundId,
      agencyId: unit.agencyId,
      seq: last.seq,
      action: last.action,
      toStatus: unit.status,
    };
    await ctx.jobs.enqueue(trx, QUEUES.parChanged, job);
  }
  return { unit, result };
};
