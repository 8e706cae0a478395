import {
  appendDeliveryStatus,
  type Database,
  findAgencyLineage,
  findDocumentDeliveryForUpdate,
  findIncomingDocumentForUpdate,
  type IncomingDocumentRecord,
  listUserGrants,
  replaceIncomingAssignments,
  updateIncomingAssignee,
  updateIncomingAssignmentStatus,
  updateIncomingDocumentGuarded,
} from '@motcua/db';
import {
  computeHandlingDueOn,
  decideIncomingAction,
  deliveryStatusAfter,
  findHeadedUnit,
  INCOMING_STATE_LABELS,
  INCOMING_TRANSITIONS,
  type IncomingAction,
  type IncomingUnitInput,
  type LocalDate,
  toLocalDate,
} from '@motcua/domain';
import type { Transaction, Updateable } from 'kysely';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { getAgencyWorkingCalendar } from '../../calendar/calendar-service.js';
import { appendDocumentEvent } from '../document-chain.js';
import { allowsAtAgency, getReadableIncoming, toIncomingFacts } from './incoming-access.js';
import { loadIncomingSettings } from './incoming-settings.js';

export type IncomingChangeInput = {
  id: string;
  action: IncomingAction;
  expectedVersion: number;
  presentTo?: string | undefined;
  note?: string | undefined;
  units?: IncomingUnitInput[] | undefined;
  dueOn?: LocalDate | undefined;
  assigneeUserId?: string | undefined;
};

/** The role an event names: the official's role at the document's agency, else their first. */
export const eventRoleOf = (official: OfficialActor, agencyId: string): string | null =>
  official.grants.find((grant) => grant.agencyId === agencyId)?.role ?? official.grants[0]?.role ?? null;

/** A unit of a direction must be the agency itself or one of its sub-agencies (phòng, đơn vị), open. */
const checkUnitsBelong = async (ctx: AppContext, agencyId: string, units: readonly IncomingUnitInput[]) => {
  for (const unit of units) {
    const lineage = await findAgencyLineage(ctx.db, unit.unitId);
    if (!lineage || !(lineage.coveringIds.includes(agencyId) || lineage.ancestorIds.includes(agencyId))) {
      throw new AppError('INCOMING_UNITS_INVALID');
    }
  }
};

/**
 * Reports the document's new status to the sender of an electronic delivery (QĐ 28/2018; QCVN 102:2016),
 * in the caller's transaction, when the status moves forward.
 */
export const reportToSender = async (
  trx: Transaction<Database>,
  input: {
    deliveryId: string | null;
    step: 'register' | IncomingAction;
    to: IncomingDocumentRecord['status'];
    at: Date;
    actorUserId: string;
    incomingId?: string;
  },
) => {
  if (!input.deliveryId) {
    return;
  }
  const delivery = await findDocumentDeliveryForUpdate(trx, input.deliveryId);
  if (!delivery) {
    return;
  }
  const status = deliveryStatusAfter(delivery.status, input.step, input.to);
  if (status === null) {
    return;
  }
  const reported = await appendDeliveryStatus(trx, {
    deliveryId: delivery.id,
    expectedVersion: delivery.version,
    status,
    at: input.at,
    actorUserId: input.actorUserId,
    note: null,
    ...(input.incomingId ? { incomingId: input.incomingId } : {}),
  });
  if (!reported) {
    throw new AppError('VERSION_CONFLICT', { current: delivery.version + 1, sent: delivery.version });
  }
};

/**
 * Every change of an incoming document after its registration: authorize (readable, else 404) → lock the
 * row → check the version the caller saw (409) → decide with the table of packages/domain/src/eoffice/incoming.ts
 * → the row, the units, the hash-chained event (appendDocumentEvent) and the status reported to the sender
 * of an electronic delivery, in one transaction. There is no other way a document changes.
 */
export const changeIncoming = async (ctx: AppContext, actor: Actor, input: IncomingChangeInput) => {
  // What the official may do is read before the transaction opens (nothing else is read while it is open);
  // the version check below makes sure the document is still the one these facts were computed on.
  const { official, record, assignments, facts } = await getReadableIncoming(ctx, actor, input.id);
  const transition = INCOMING_TRANSITIONS[input.action];
  const now = ctx.clock.now();
  const today = toLocalDate(now.getTime());
  let dueOn: LocalDate | null = null;
  if (input.action === 'direct') {
    await checkUnitsBelong(ctx, record.agencyId, input.units ?? []);
    const calendar = (await getAgencyWorkingCalendar(ctx, record.agencyId)).calendar;
    const settings = await loadIncomingSettings(ctx, record.provinceCode);
    dueOn = computeHandlingDueOn(calendar, { directedAt: now.getTime(), dueOn: input.dueOn ?? null }, settings);
  }
  if (input.action === 'present' && input.presentTo) {
    // The head presented to must be able to direct the document (agency head, or the deputy acting for one).
    const grants = await listUserGrants(ctx.db, input.presentTo);
    const canDirect = await allowsAtAgency(
      ctx,
      { ...official, userId: input.presentTo, grants },
      'document.direct',
      record.agencyId,
    );
    if (!canDirect) {
      throw new AppError('INCOMING_PRESENT_TO_REQUIRED');
    }
  }
  if (input.action === 'assign' && input.assigneeUserId) {
    // The official named must handle documents in the unit whose head names them.
    const unit = findHeadedUnit(toIncomingFacts(record, assignments), facts);
    const grants = await listUserGrants(ctx.db, input.assigneeUserId);
    const assignee = { ...official, userId: input.assigneeUserId, grants };
    if (unit && !(await allowsAtAgency(ctx, assignee, 'document.handle', unit.unitId))) {
      throw new AppError('INCOMING_ASSIGNEE_REQUIRED');
    }
  }
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await findIncomingDocumentForUpdate(trx, input.id);
    if (!row) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'văn bản đến', en: 'incoming document' } });
    }
    if (row.version !== input.expectedVersion || row.version !== record.version) {
      throw new AppError('VERSION_CONFLICT', { current: row.version, sent: input.expectedVersion });
    }
    const decision = decideIncomingAction(toIncomingFacts(row, assignments), facts, {
      action: input.action,
      presentTo: input.presentTo,
      note: input.note,
      units: input.units,
      dueOn: input.dueOn,
      assigneeUserId: input.assigneeUserId,
      today,
    });
    if (!decision.ok) {
      throw new AppError(decision.refusal, { state: INCOMING_STATE_LABELS[row.status], action: transition.label });
    }
    const note = input.note?.trim() || null;
    const patch: Updateable<Database['incomingDocument']> = { status: decision.to };
    const payload: Record<string, unknown> = {};
    switch (input.action) {
      case 'present':
        patch.presentedTo = input.presentTo ?? null;
        patch.presentedAt = now;
        payload.presentedTo = input.presentTo;
        break;
      case 'direct': {
        const units = input.units ?? [];
        patch.directionNote = note;
        patch.directedBy = official.userId;
        patch.directedAt = now;
        patch.dueOn = dueOn;
        patch.leadUnitId = units.find((unit) => unit.role === 'lead')?.unitId ?? null;
        await replaceIncomingAssignments(
          trx,
          row.id,
          units.map((unit) => ({
            unitId: unit.unitId,
            role: unit.role,
            assigneeUserId: unit.assigneeUserId ?? null,
            dueOn,
            note: null,
            assignedAt: now,
          })),
        );
        payload.units = units.map((unit) => ({
          unitId: unit.unitId,
          role: unit.role,
          assigneeUserId: unit.assigneeUserId ?? null,
        }));
        payload.dueOn = dueOn;
        payload.dueOnGiven = input.dueOn !== undefined;
        break;
      }
      case 'assign':
        if (decision.unitId && input.assigneeUserId) {
          await updateIncomingAssignee(trx, {
            incomingId: row.id,
            unitId: decision.unitId,
            assigneeUserId: input.assigneeUserId,
          });
          payload.unitId = decision.unitId;
          payload.assigneeUserId = input.assigneeUserId;
        }
        break;
      case 'start':
      case 'finish':
        if (decision.unitId && decision.assignmentStatus) {
          await updateIncomingAssignmentStatus(trx, {
            incomingId: row.id,
            unitId: decision.unitId,
            status: decision.assignmentStatus,
            at: now,
          });
          payload.unitId = decision.unitId;
        }
        if (decision.to === 'done') {
          patch.completedAt = now;
          payload.onTime = row.dueOn ? today <= row.dueOn : null;
        }
        break;
      case 'return':
        patch.returnReason = note;
        break;
    }
    const anchor = await appendDocumentEvent(trx, ctx, {
      kind: 'incoming',
      row,
      at: now,
      actor: { kind: 'official', userId: official.userId, role: eventRoleOf(official, row.agencyId) },
      agencyId: row.agencyId,
      action: input.action,
      fromStatus: row.status,
      toStatus: decision.to,
      note,
      payload,
    });
    const result = await updateIncomingDocumentGuarded(trx, {
      id: row.id,
      expectedVersion: row.version,
      patch: { ...patch, ...anchor },
      now,
    });
    if (!result) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: input.expectedVersion });
    }
    await reportToSender(trx, {
      deliveryId: row.deliveryId,
      step: input.action,
      to: decision.to,
      at: now,
      actorUserId: official.userId,
    });
    return result;
  });
  return { id: updated.id, status: updated.status, version: updated.version };
};
