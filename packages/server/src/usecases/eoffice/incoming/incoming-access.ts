import {
  findAgencyLineage,
  findIncomingDocument,
  type IncomingAssignmentRecord,
  type IncomingDocumentRecord,
  insertDocumentRead,
  listDirectDelegators,
  listIncomingAssignments,
  listScopeAgencyIds,
} from '@motcua/db';
import {
  type Action,
  type IncomingActorFacts,
  type IncomingFacts,
  isAllowed,
  isConfidential,
  mayReadIncoming,
  ROLE_DEFINITIONS,
  toLocalDate,
} from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

export const INCOMING = { vi: 'văn bản đến', en: 'incoming document' } as const;

/** Whether the official's grants allow `action` at an agency (its lineage: successors, ancestors). */
export const allowsAtAgency = async (
  ctx: AppContext,
  official: OfficialActor,
  action: Action,
  agencyId: string,
): Promise<boolean> => {
  const lineage = await findAgencyLineage(ctx.db, agencyId);
  return lineage ? isAllowed(official.grants, action, { kind: 'agency', lineage }) : false;
};

/** The facts of a document the rules of packages/domain/src/eoffice/incoming.ts read. */
export const toIncomingFacts = (
  record: IncomingDocumentRecord,
  assignments: readonly IncomingAssignmentRecord[],
): IncomingFacts => ({
  state: record.status,
  confidentiality: record.confidentiality,
  registeredBy: record.registeredBy,
  presentedTo: record.presentedTo,
  directedBy: record.directedBy,
  assignments: assignments.map((assignment) => ({
    unitId: assignment.unitId,
    role: assignment.role,
    assigneeUserId: assignment.assigneeUserId,
    status: assignment.status,
  })),
});

/** What the official may do on the document: their roles at its agency and at its assigned units, their delegations. */
export const loadIncomingActorFacts = async (
  ctx: AppContext,
  official: OfficialActor,
  record: Pick<IncomingDocumentRecord, 'agencyId'>,
  assignments: readonly Pick<IncomingAssignmentRecord, 'unitId'>[],
): Promise<IncomingActorFacts> => {
  const handlesUnitIds: string[] = [];
  const headsUnitIds: string[] = [];
  for (const { unitId } of assignments) {
    if (await allowsAtAgency(ctx, official, 'document.handle', unitId)) {
      handlesUnitIds.push(unitId);
    }
    if (await allowsAtAgency(ctx, official, 'document.direct', unitId)) {
      headsUnitIds.push(unitId);
    }
  }
  return {
    userId: official.userId,
    registers: await allowsAtAgency(ctx, official, 'document.register', record.agencyId),
    directs: await allowsAtAgency(ctx, official, 'document.direct', record.agencyId),
    readsAgency: await allowsAtAgency(ctx, official, 'document.read', record.agencyId),
    actsFor: await listDirectDelegators(ctx.db, official.userId, toLocalDate(ctx.clock.now().getTime())),
    handlesUnitIds,
    headsUnitIds,
  };
};

export type ReadableIncoming = {
  official: OfficialActor;
  record: IncomingDocumentRecord;
  assignments: IncomingAssignmentRecord[];
  facts: IncomingActorFacts;
};

/**
 * A document the official may read (mayReadIncoming), else 404 as if it did not exist. `logRead` appends a
 * document_read row when the document is confidential (every read of its record or its file is logged).
 */
export const getReadableIncoming = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  logRead: 'record' | 'file' | null = null,
): Promise<ReadableIncoming> => {
  const official = requireOfficial(actor);
  const record = await findIncomingDocument(ctx.db, id);
  if (!record) {
    throw new AppError('NOT_FOUND', { resource: INCOMING });
  }
  const assignments = await listIncomingAssignments(ctx.db, [record.id]);
  const facts = await loadIncomingActorFacts(ctx, official, record, assignments);
  if (!mayReadIncoming(toIncomingFacts(record, assignments), facts)) {
    throw new AppError('NOT_FOUND', { resource: INCOMING });
  }
  if (logRead && isConfidential(record.confidentiality)) {
    await insertDocumentRead(ctx.db, {
      documentKind: 'incoming',
      documentId: record.id,
      userId: official.userId,
      what: logRead,
    });
  }
  return { official, record, assignments, facts };
};

/** The agencies the official's grants allowing `action` reach (with their sub-agencies where the grant says so). */
export const listAgenciesAllowing = async (ctx: AppContext, official: OfficialActor, action: Action) =>
  listScopeAgencyIds(
    ctx.db,
    official.grants.filter((grant) => (ROLE_DEFINITIONS[grant.role].actions as readonly Action[]).includes(action)),
  );
