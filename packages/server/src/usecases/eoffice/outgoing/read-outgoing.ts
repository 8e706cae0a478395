import {
  findUserNames,
  insertDocumentRead,
  listDocumentEvents,
  listOutgoing,
  listOutgoingDeliveries,
  listOutgoingRecipients,
  listOutgoingSignatures,
  listOutgoingSteps,
  listOutgoingVersions,
  listScopeAgencyIds,
  type OutgoingListView,
  type OutgoingRecord,
} from '@motcua/db';
import {
  type Action,
  decidableReviewSteps,
  OUTGOING_STATE_LABELS,
  type ReviewStep,
  ROLE_DEFINITIONS,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { loadDelegationsOf } from './drafting.js';
import { getReadableOutgoing, OUTGOING } from './outgoing-access.js';

const encodeCursor = (row: OutgoingRecord) =>
  Buffer.from(JSON.stringify({ at: row.updatedAt.toISOString(), id: row.id })).toString('base64url');

export const decodeCursor = (cursor: string | undefined): { at: string; id: string } | undefined => {
  if (!cursor) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at))) {
      return { at: parsed.at, id: parsed.id };
    }
  } catch {
    // fall through
  }
  throw new AppError(
    'VALIDATION_FAILED',
    {},
    { fieldProblems: [{ in: 'query', pointer: '/cursor', code: 'CURSOR', message: 'bad cursor' }] },
  );
};

const agenciesWith = async (ctx: AppContext, grants: ReturnType<typeof requireOfficial>['grants'], action: Action) =>
  listScopeAgencyIds(
    ctx.db,
    grants.filter((grant) => (ROLE_DEFINITIONS[grant.role].actions as readonly Action[]).includes(action)),
  );

export const toOutgoingListItem = (row: OutgoingRecord, names: Map<string, string>) => ({
  id: row.id,
  agencyId: row.agencyId,
  documentType: row.documentType,
  subject: row.subject,
  status: row.status,
  statusLabel: OUTGOING_STATE_LABELS[row.status],
  urgency: row.urgency,
  confidentiality: row.confidentiality,
  isNormative: row.isNormative,
  signMode: row.signMode,
  signerName: row.signerUserId ? (names.get(row.signerUserId) ?? null) : null,
  drafterName: names.get(row.drafterUserId) ?? null,
  numberSymbol: row.numberSymbol,
  reviewRound: row.reviewRound,
  currentVersion: row.currentVersion,
  signedAt: row.signedAt?.toISOString() ?? null,
  organisationSignedAt: row.organisationSignedAt?.toISOString() ?? null,
  issuedAt: row.issuedAt?.toISOString() ?? null,
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
  isDemo: row.isDemo,
});

/** A page of one of the lists of "Văn bản đi" (keyset on the last change). */
export const findOutgoingList = async (
  ctx: AppContext,
  actor: Actor,
  input: { view: OutgoingListView; cursor?: string | undefined; limit: number },
) => {
  const official = requireOfficial(actor);
  const action: Action = input.view === 'waiting_seal' ? 'document.seal' : 'document.read';
  const agencyIds =
    input.view === 'waiting_seal' || input.view === 'issued' ? await agenciesWith(ctx, official.grants, action) : [];
  const delegations = input.view === 'my_review' ? await loadDelegationsOf(ctx, official.userId) : [];
  const today = todayInVietnam(ctx.clock);
  const rows = await listOutgoing(ctx.db, {
    view: input.view,
    userId: official.userId,
    agencyIds,
    delegatorIds: [
      ...new Set(
        delegations
          .filter((delegation) => delegation.scope === 'approve' && delegation.validFrom <= today)
          .map((delegation) => delegation.fromUserId),
      ),
    ],
    cursor: decodeCursor(input.cursor),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const names = await findUserNames(
    ctx.db,
    page.flatMap((row) => [row.drafterUserId, ...(row.signerUserId ? [row.signerUserId] : [])]),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => toOutgoingListItem(row, names)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
};

/** One document with its versions, chain (every round), recipients, signatures, deliveries and history. */
export const getOutgoing = async (ctx: AppContext, actor: Actor, id: string) => {
  const { official, record } = await getReadableOutgoing(ctx, actor, id);
  if (record.confidentiality !== 'normal') {
    // Every read of a confidential document is logged (migration 0025, document_read).
    await insertDocumentRead(ctx.db, {
      documentKind: 'outgoing',
      documentId: id,
      userId: official.userId,
      what: 'record',
    });
  }
  const [versions, steps, recipients, signatures, deliveries, events] = await Promise.all([
    listOutgoingVersions(ctx.db, id),
    listOutgoingSteps(ctx.db, id),
    listOutgoingRecipients(ctx.db, id),
    listOutgoingSignatures(ctx.db, id),
    listOutgoingDeliveries(ctx.db, id),
    listDocumentEvents(ctx.db, 'outgoing', id),
  ]);
  const names = await findUserNames(ctx.db, [
    record.drafterUserId,
    ...(record.signerUserId ? [record.signerUserId] : []),
    ...steps.flatMap((step) => [
      step.reviewerUserId,
      ...(step.substituteUserId ? [step.substituteUserId] : []),
      ...(step.decidedBy ? [step.decidedBy] : []),
    ]),
    ...versions.map((version) => version.uploadedBy),
  ]);
  const currentRound: ReviewStep[] = steps
    .filter((step) => step.reviewRound === record.reviewRound)
    .map((step) => ({ ...step }));
  const delegations = await loadDelegationsOf(ctx, official.userId);
  const mine =
    record.status === 'in_review'
      ? decidableReviewSteps(currentRound, official.userId, delegations, todayInVietnam(ctx.clock))
      : [];
  return {
    ...toOutgoingListItem(record, names),
    draftingUnitId: record.draftingUnitId,
    drafterUserId: record.drafterUserId,
    signerUserId: record.signerUserId,
    signerTitle: record.signerTitle,
    year: record.year,
    number: record.number,
    pageCount: record.pageCount,
    signedFileSha256: record.signedFileSha256,
    verificationToken: record.verificationToken,
    versions: versions.map((version) => ({
      versionNo: version.versionNo,
      fileName: version.fileName,
      mediaType: version.mediaType,
      sizeBytes: Number(version.sizeBytes),
      sha256: version.fileSha256,
      uploadedBy: names.get(version.uploadedBy) ?? null,
      uploadedAt: version.uploadedAt.toISOString(),
      note: version.note,
    })),
    steps: steps.map((step) => ({
      reviewRound: step.reviewRound,
      stage: step.stage,
      reviewerUserId: step.reviewerUserId,
      reviewerName: names.get(step.reviewerUserId) ?? null,
      substituteUserId: step.substituteUserId,
      substituteName: step.substituteUserId ? (names.get(step.substituteUserId) ?? null) : null,
      kind: step.kind,
      decision: step.decision,
      decidedByName: step.decidedBy ? (names.get(step.decidedBy) ?? null) : null,
      decidedAt: step.decidedAt?.toISOString() ?? null,
      comment: step.comment,
    })),
    myDecidableSteps: mine.map((step) => ({ stage: step.stage, reviewerUserId: step.reviewerUserId })),
    recipients: recipients.map((recipient) => ({
      position: recipient.position,
      name: recipient.name,
      channel: recipient.channel,
      purpose: recipient.purpose,
      recipientAgencyId: recipient.recipientAgencyId,
      externalCode: recipient.externalCode,
    })),
    signatures: signatures.map((signature) => ({
      kind: signature.kind,
      certificateSubject: signature.certificateSubject,
      certificateSerial: signature.certificateSerial,
      signedAt: signature.signedAt.toISOString(),
      outputSha256: signature.outputSha256,
    })),
    deliveries: deliveries.map((delivery) => ({
      id: delivery.id,
      recipientAgencyId: delivery.recipientAgencyId,
      recipientName: delivery.recipientName,
      status: delivery.status,
      statusAt: delivery.statusAt.toISOString(),
    })),
    events: events.map((event) => ({
      seq: event.seq,
      at: event.at.toISOString(),
      action: event.action,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      note: event.note,
      actorName: event.actorUserId ? (names.get(event.actorUserId) ?? null) : null,
    })),
  };
};

/** The stored file of a version or of the signed document, for a reader of the document. */
export const openOutgoingFile = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; versionNo?: number | undefined },
) => {
  const { official, record } = await getReadableOutgoing(ctx, actor, input.id);
  if (record.confidentiality !== 'normal') {
    await insertDocumentRead(ctx.db, {
      documentKind: 'outgoing',
      documentId: input.id,
      userId: official.userId,
      what: 'file',
    });
  }
  let sha: string | null = null;
  let fileName = 'van-ban.pdf';
  let mediaType = 'application/pdf';
  if (input.versionNo === undefined) {
    sha = record.signedFileSha256;
    fileName = `${(record.numberSymbol ?? 'van-ban').replaceAll('/', '-')}.pdf`;
  } else {
    const versions = await listOutgoingVersions(ctx.db, input.id);
    const version = versions.find((item) => item.versionNo === input.versionNo);
    if (version) {
      sha = version.fileSha256;
      fileName = version.fileName;
      mediaType = version.mediaType;
    }
  }
  const stream = sha ? await ctx.storage.open(sha) : undefined;
  if (!stream) {
    throw new AppError('NOT_FOUND', { resource: OUTGOING });
  }
  return { stream, fileName, mediaType };
};
