import {
  type ConsultationRecipientRecord,
  type ConsultationRecord,
  type Database,
  findAgencyLineage,
  findConsultation,
  findConsultationForUpdate,
  listConsultationRecipients,
  updateConsultationGuarded,
} from '@motcua/db';
import {
  CONSULTATION_TRANSITIONS,
  type ConsultationAction,
  type ConsultationStatus,
  decideConsultation,
  isAllowed,
  type OfficialRole,
} from '@motcua/domain';
import type { Transaction, Updateable } from 'kysely';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { appendWorkEvent } from '../work-chain.js';

export const CONSULTATION = { vi: 'đợt lấy ý kiến', en: 'consultation' } as const;

export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, { vi: string; en: string }> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  open: { vi: 'Đang lấy ý kiến', en: 'Open for comments' },
  closed: { vi: 'Đã kết thúc lấy ý kiến', en: 'Closed' },
  summarised: { vi: 'Đã tổng hợp', en: 'Summarised' },
};

/** The heads over a drafter: they manage the consultations of the agencies they lead (and its units). */
const HEAD_ROLES: readonly OfficialRole[] = ['unit_head', 'agency_head'];

export type ConsultationAccess = {
  /** consultation.manage: the drafter, or a head holding consultation.manage over the consultation's agency. */
  canManage: boolean;
  /** The recipients the official answers for: themself, or an agency where they hold consultation.answer. */
  answerFor: ConsultationRecipientRecord[];
};

/** What the official may do on a consultation (no rights: neither manager nor recipient). */
export const consultationAccessOf = async (
  ctx: AppContext,
  official: OfficialActor,
  record: ConsultationRecord,
  recipients: readonly ConsultationRecipientRecord[],
): Promise<ConsultationAccess> => {
  let canManage = record.createdBy === official.userId;
  if (!canManage) {
    const lineage = await findAgencyLineage(ctx.db, record.agencyId);
    const heads = official.grants.filter((grant) => HEAD_ROLES.includes(grant.role));
    canManage = lineage ? isAllowed(heads, 'consultation.manage', { kind: 'agency', lineage }) : false;
  }
  const answerFor: ConsultationRecipientRecord[] = [];
  for (const recipient of recipients) {
    if (recipient.userId === official.userId) {
      answerFor.push(recipient);
    } else if (recipient.agencyId) {
      const lineage = await findAgencyLineage(ctx.db, recipient.agencyId);
      if (lineage && isAllowed(official.grants, 'consultation.answer', { kind: 'agency', lineage })) {
        answerFor.push(recipient);
      }
    }
  }
  return { canManage, answerFor };
};

/**
 * A consultation the official may see: its managers always; its recipients once it is sent. 404 otherwise
 * (no existence leak).
 */
export const getVisibleConsultation = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{
  official: OfficialActor;
  record: ConsultationRecord;
  recipients: Awaited<ReturnType<typeof listConsultationRecipients>>;
  access: ConsultationAccess;
}> => {
  const official = requireOfficial(actor);
  const record = await findConsultation(ctx.db, id);
  if (!record) {
    throw new AppError('NOT_FOUND', { resource: CONSULTATION });
  }
  const recipients = await listConsultationRecipients(ctx.db, id);
  const access = await consultationAccessOf(ctx, official, record, recipients);
  if (!access.canManage && (access.answerFor.length === 0 || record.status === 'draft')) {
    throw new AppError('NOT_FOUND', { resource: CONSULTATION });
  }
  return { official, record, recipients, access };
};

export type ConsultationDecisionResult = {
  patch?: Updateable<Database['consultation']>;
  note?: string | null;
  payload?: Record<string, unknown>;
  /** Runs in the same transaction after the row is updated (notices). */
  after?: (trx: Transaction<Database>, updated: ConsultationRecord) => Promise<void>;
};

/**
 * Every change of a consultation after it is created: authorize (see it, then the step's actor: the
 * drafter side needs consultation.manage, the recipient side an answerable recipient) → lock the row → the
 * version the caller saw (409; answers, which recipients send concurrently, take the locked row's) → the
 * state table (deadline included) → decide → the row, its hash-chained work_event (appendWorkEvent) and
 * the notices in one transaction.
 */
export const changeConsultation = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion?: number | undefined; action: ConsultationAction; eventAction?: string },
  decide: (
    trx: Transaction<Database>,
    row: ConsultationRecord,
    context: { official: OfficialActor; access: ConsultationAccess; now: Date },
  ) => Promise<ConsultationDecisionResult>,
): Promise<ConsultationRecord> => {
  const { official, access } = await getVisibleConsultation(ctx, actor, input.id);
  const rule = CONSULTATION_TRANSITIONS[input.action];
  if (rule.by === 'drafter' ? !access.canManage : access.answerFor.length === 0) {
    throw new AppError('FORBIDDEN');
  }
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findConsultationForUpdate(trx, input.id);
    if (!row) {
      throw new AppError('NOT_FOUND', { resource: CONSULTATION });
    }
    if (input.expectedVersion !== undefined && row.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: row.version, sent: input.expectedVersion });
    }
    const verdict = decideConsultation(input.action, rule.by, row.status, row.deadlineAt, now);
    if (!verdict.ok) {
      if (verdict.reason === 'deadline') {
        throw new AppError('CONSULTATION_DEADLINE_PASSED');
      }
      throw new AppError('CONSULTATION_NOT_ALLOWED_IN_STATE', {
        state: CONSULTATION_STATUS_LABELS[row.status].vi,
        action: rule.label.vi,
      });
    }
    const decision = await decide(trx, row, { official, access, now });
    const { eventCount, lastEventHash } = await appendWorkEvent(trx, {
      kind: 'consultation',
      row,
      at: now,
      actorUserId: official.userId,
      action: input.eventAction ?? input.action,
      fromStatus: row.status,
      toStatus: verdict.to,
      note: decision.note ?? null,
      payload: decision.payload ?? {},
    });
    const updated = await updateConsultationGuarded(trx, {
      id: row.id,
      expectedVersion: row.version,
      patch: { ...decision.patch, status: verdict.to, eventCount, lastEventHash },
      now,
    });
    if (!updated) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: input.expectedVersion ?? row.version });
    }
    await decision.after?.(trx, updated);
    return updated;
  });
};
