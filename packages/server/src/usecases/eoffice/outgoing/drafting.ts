import { createHash } from 'node:crypto';
import {
  findAgency,
  findAgencyByCode,
  findExistingUserIds,
  insertOutgoingVersion,
  listDelegationsTo,
  listOutgoingSteps,
  listOutgoingVersions,
  type OutgoingRecord,
  replaceOutgoingRecipients,
  replaceOutgoingSteps,
  updateOutgoingStep,
} from '@motcua/db';
import {
  applyReviewDecision,
  type Confidentiality,
  canDecideReviewStep,
  type Delegation,
  type DocumentTypeCode,
  isDocumentTypeCode,
  type RecipientPurpose,
  type ReviewStep,
  type SignMode,
  type Urgency,
  validateReviewChain,
} from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { changeOutgoing, foldOutgoingSearchText, insertOutgoingWithEvent } from './change-outgoing.js';
import { allowsAtAgency, requireAtAgency, requireReviewersMayApprove } from './outgoing-access.js';

export type OutgoingDraftInput = {
  agencyId: string;
  draftingUnitId?: string | null | undefined;
  documentType: DocumentTypeCode;
  isNormative: boolean;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  signMode: SignMode;
  signerUserId?: string | null | undefined;
  signerTitle?: string | null | undefined;
  /** Demo data (the demo seed), labelled as such wherever it is shown. */
  isDemo?: boolean | undefined;
};

const checkUsers = async (ctx: AppContext, users: { field: string; id: string | null | undefined }[]) => {
  const ids = users.map((user) => user.id).filter((id): id is string => typeof id === 'string');
  const existing = await findExistingUserIds(ctx.db, ids);
  for (const user of users) {
    if (user.id && !existing.has(user.id)) {
      throw new AppError('OUTGOING_USER_UNKNOWN', { field: user.field });
    }
  }
};

/**
 * A new draft (Art. 10): the drafter holds document.draft at the drafting unit (or the agency when no unit
 * is named); the document belongs to the issuing agency, whose number sequence it will take.
 */
export const createOutgoingDraft = async (ctx: AppContext, actor: Actor, input: OutgoingDraftInput) => {
  const official = requireOfficial(actor);
  if (!isDocumentTypeCode(input.documentType)) {
    throw new AppError('VALIDATION_FAILED', {});
  }
  const agency = await findAgency(ctx.db, input.agencyId);
  if (!agency?.provinceCode) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'cơ quan', en: 'agency' } });
  }
  await requireAtAgency(ctx, official, 'document.draft', input.draftingUnitId ?? input.agencyId);
  await checkUsers(ctx, [{ field: 'signerUserId', id: input.signerUserId }]);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute((trx) =>
    insertOutgoingWithEvent(trx, ctx, {
      row: {
        provinceCode: agency.provinceCode as string,
        agencyId: agency.id,
        draftingUnitId: input.draftingUnitId ?? null,
        drafterUserId: official.userId,
        documentType: input.documentType,
        isNormative: input.isNormative,
        subject: input.subject,
        urgency: input.urgency,
        confidentiality: input.confidentiality,
        signMode: input.signMode,
        signerUserId: input.signerUserId ?? null,
        signerTitle: input.signerTitle ?? null,
        isDemo: input.isDemo ?? false,
      },
      official: { userId: official.userId, role: official.grants[0]?.role ?? null },
      at: now,
    }),
  );
};

/** The drafter, or someone holding document.manage at the agency, edits a draft. */
const authorizeDrafter = (ctx: AppContext) => async (official: OfficialActor, record: OutgoingRecord) => {
  if (record.drafterUserId === official.userId) {
    return;
  }
  if (!(await allowsAtAgency(ctx, official, 'document.manage', record.agencyId)).allowed) {
    throw new AppError('FORBIDDEN');
  }
};

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What a draft file is, by its bytes: a PDF ("%PDF-") or a DOCX (a ZIP holding word/document.xml). */
export const sniffDraftType = (content: Buffer): typeof PDF | typeof DOCX | null => {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') {
    return PDF;
  }
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && content.includes('word/')) {
    return DOCX;
  }
  return null;
};

/**
 * A new version of the draft (DOCX or PDF): stored in the file store under its SHA-256 and numbered
 * current + 1 — a version is never overwritten. Allowed while the document is a draft or returned.
 */
export const uploadOutgoingVersion = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; content: Buffer; fileName: string; note?: string | null | undefined },
) => {
  const mediaType = sniffDraftType(input.content);
  if (!mediaType) {
    throw new AppError('OUTGOING_FILE_TYPE');
  }
  const stored = await ctx.storage.put(input.content);
  const sha = createHash('sha256').update(input.content).digest('hex');
  return changeOutgoing(
    ctx,
    actor,
    { id: input.id, expectedVersion: input.expectedVersion, action: 'edit', eventAction: 'upload_version' },
    {
      authorize: authorizeDrafter(ctx),
      decide: async (trx, row, official, now) => {
        const versionNo = row.currentVersion + 1;
        await insertOutgoingVersion(trx, {
          outgoingId: row.id,
          versionNo,
          fileSha256: stored.sha256,
          fileName: input.fileName.slice(0, 255) || `du-thao-${versionNo}`,
          mediaType,
          sizeBytes: stored.size,
          uploadedBy: official.userId,
          uploadedAt: now,
          note: input.note ?? null,
        });
        return {
          to: row.status,
          patch: { currentVersion: versionNo },
          payload: { versionNo, sha256: sha, mediaType, size: stored.size },
        };
      },
    },
  );
};

export type ChainStepInput = {
  stage: number;
  reviewerUserId: string;
  substituteUserId?: string | null | undefined;
  kind: 'review' | 'approve';
};

export type RecipientInput = {
  agencyId?: string | undefined;
  externalCode?: string | undefined;
  name?: string | undefined;
  paper?: boolean | undefined;
  purpose?: RecipientPurpose | undefined;
};

/**
 * Where each recipient goes: an agency of this install (by id, or by an identifier code it holds) is
 * delivered through the system; another system's agency by its identifier code gets an exchange package;
 * the rest on paper.
 */
const resolveRecipients = async (ctx: AppContext, recipients: readonly RecipientInput[]) => {
  const resolved = [];
  for (const [index, recipient] of recipients.entries()) {
    const position = index + 1;
    const purpose = recipient.purpose ?? 'action';
    if (recipient.agencyId) {
      const agency = await findAgency(ctx.db, recipient.agencyId);
      if (!agency) {
        throw new AppError('OUTGOING_RECIPIENT_INVALID', { position });
      }
      resolved.push({
        position,
        recipientAgencyId: agency.id,
        externalCode: agency.code,
        name: agency.name,
        channel: 'system' as const,
        purpose,
      });
      continue;
    }
    if (recipient.externalCode && !recipient.paper) {
      const local = await findAgencyByCode(ctx.db, recipient.externalCode);
      resolved.push({
        position,
        recipientAgencyId: local?.id ?? null,
        externalCode: recipient.externalCode,
        name: local?.name ?? recipient.name ?? recipient.externalCode,
        channel: local ? ('system' as const) : ('package' as const),
        purpose,
      });
      continue;
    }
    if (!recipient.name) {
      throw new AppError('OUTGOING_RECIPIENT_INVALID', { position });
    }
    resolved.push({
      position,
      recipientAgencyId: null,
      externalCode: recipient.externalCode ?? null,
      name: recipient.name,
      channel: 'paper' as const,
      purpose,
    });
  }
  return resolved;
};

export type OutgoingEditInput = {
  id: string;
  expectedVersion: number;
  subject?: string | undefined;
  documentType?: DocumentTypeCode | undefined;
  isNormative?: boolean | undefined;
  urgency?: Urgency | undefined;
  confidentiality?: Confidentiality | undefined;
  signMode?: SignMode | undefined;
  signerUserId?: string | null | undefined;
  signerTitle?: string | null | undefined;
  chain?: ChainStepInput[] | undefined;
  recipients?: RecipientInput[] | undefined;
};

/**
 * Edits a draft: its heading fields, the signer and sign mode, the review chain of the next round (stages
 * in order, reviewers of one stage in parallel, a substitute per step) and the recipients (nơi nhận).
 */
export const editOutgoingDraft = async (ctx: AppContext, actor: Actor, input: OutgoingEditInput) => {
  if (input.chain) {
    const problem = validateReviewChain(
      input.chain.map((step) => ({ ...step, substituteUserId: step.substituteUserId ?? null })),
    );
    if (problem) {
      throw new AppError(problem);
    }
  }
  await checkUsers(ctx, [
    { field: 'signerUserId', id: input.signerUserId },
    ...(input.chain ?? []).flatMap((step, index) => [
      { field: `chain[${index}].reviewerUserId`, id: step.reviewerUserId },
      { field: `chain[${index}].substituteUserId`, id: step.substituteUserId },
    ]),
  ]);
  const recipients = input.recipients ? await resolveRecipients(ctx, input.recipients) : undefined;
  return changeOutgoing(
    ctx,
    actor,
    { id: input.id, expectedVersion: input.expectedVersion, action: 'edit' },
    {
      authorize: authorizeDrafter(ctx),
      decide: async (trx, row) => {
        const round = row.reviewRound + 1;
        if (input.chain) {
          await requireReviewersMayApprove(trx, row.agencyId, input.chain);
          await replaceOutgoingSteps(
            trx,
            row.id,
            round,
            input.chain.map((step) => ({
              stage: step.stage,
              reviewerUserId: step.reviewerUserId,
              substituteUserId: step.substituteUserId ?? null,
              kind: step.kind,
            })),
          );
        }
        if (recipients) {
          await replaceOutgoingRecipients(trx, row.id, recipients);
        }
        const fields = {
          ...(input.subject !== undefined ? { subject: input.subject } : {}),
          ...(input.documentType !== undefined ? { documentType: input.documentType } : {}),
          ...(input.isNormative !== undefined ? { isNormative: input.isNormative } : {}),
          ...(input.urgency !== undefined ? { urgency: input.urgency } : {}),
          ...(input.confidentiality !== undefined ? { confidentiality: input.confidentiality } : {}),
          ...(input.signMode !== undefined ? { signMode: input.signMode } : {}),
          ...(input.signerUserId !== undefined ? { signerUserId: input.signerUserId } : {}),
          ...(input.signerTitle !== undefined ? { signerTitle: input.signerTitle } : {}),
        };
        return {
          to: row.status,
          patch: { ...fields, searchText: foldOutgoingSearchText({ subject: input.subject ?? row.subject }) },
          payload: {
            fields: Object.keys(fields),
            ...(input.chain ? { chainSteps: input.chain.length, round } : {}),
            ...(recipients ? { recipients: recipients.length } : {}),
          },
        };
      },
    },
  );
};

/**
 * Submits the draft (Art. 11–12): the chain set for the next round becomes the current round (review_round
 * + 1 — a resubmission after a return opens a new round; an empty chain for it copies the last round's).
 */
export const submitOutgoing = async (ctx: AppContext, actor: Actor, input: { id: string; expectedVersion: number }) =>
  changeOutgoing(
    ctx,
    actor,
    { ...input, action: 'submit' },
    {
      authorize: authorizeDrafter(ctx),
      decide: async (trx, row) => {
        if (row.currentVersion === 0) {
          throw new AppError('OUTGOING_NO_VERSION');
        }
        if (!row.signerUserId) {
          throw new AppError('OUTGOING_NO_SIGNER');
        }
        const round = row.reviewRound + 1;
        let steps = await listOutgoingSteps(trx, row.id, round);
        if (steps.length === 0 && row.reviewRound > 0) {
          const previous = await listOutgoingSteps(trx, row.id, row.reviewRound);
          await replaceOutgoingSteps(
            trx,
            row.id,
            round,
            previous.map((step) => ({
              stage: step.stage,
              reviewerUserId: step.reviewerUserId,
              substituteUserId: step.substituteUserId,
              kind: step.kind,
            })),
          );
          steps = await listOutgoingSteps(trx, row.id, round);
        }
        const problem = validateReviewChain(steps);
        if (problem) {
          throw new AppError(problem);
        }
        await requireReviewersMayApprove(trx, row.agencyId, steps);
        return { to: 'in_review', patch: { reviewRound: round }, payload: { round, versionNo: row.currentVersion } };
      },
    },
  );

const toDelegation = (row: {
  fromUserId: string;
  toUserId: string;
  scope: Delegation['scope'];
  validFrom: string;
  validTo: string;
  revokedAt: Date | null;
}): Delegation => ({
  fromUserId: row.fromUserId,
  toUserId: row.toUserId,
  scope: row.scope,
  validFrom: row.validFrom,
  validTo: row.validTo,
  revoked: row.revokedAt !== null,
});

/** The delegations the official holds now (as the delegate). */
export const loadDelegationsOf = async (ctx: AppContext, userId: string) =>
  (await listDelegationsTo(ctx.db, userId, todayInVietnam(ctx.clock))).map(toDelegation);

const toSteps = (rows: Awaited<ReturnType<typeof listOutgoingSteps>>): ReviewStep[] =>
  rows.map((row) => ({
    stage: row.stage,
    reviewerUserId: row.reviewerUserId,
    substituteUserId: row.substituteUserId,
    kind: row.kind,
    decision: row.decision,
  }));

/**
 * A reviewer's decision on their step of the current round (approve, or return with a comment): by the
 * reviewer, the named substitute, or a holder of an 'approve' delegation from the reviewer. The last
 * approval moves the document to 'approved' (the gate before signing); a return ends the round.
 */
export const decideOutgoingReview = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    id: string;
    expectedVersion: number;
    decision: 'approved' | 'returned';
    /** Whose step (default: the caller's own, else the one step the caller may decide). */
    reviewerUserId?: string | undefined;
    comment?: string | undefined;
  },
) => {
  const comment = input.comment?.trim() || null;
  if (input.decision === 'returned' && !comment) {
    throw new AppError('OUTGOING_COMMENT_REQUIRED');
  }
  const official = requireOfficial(actor);
  const delegations = await loadDelegationsOf(ctx, official.userId);
  const today = todayInVietnam(ctx.clock);
  return changeOutgoing(
    ctx,
    actor,
    { id: input.id, expectedVersion: input.expectedVersion, action: 'decide', eventAction: `review_${input.decision}` },
    {
      authorize: async () => {},
      decide: async (trx, row, _official, now) => {
        const steps = toSteps(await listOutgoingSteps(trx, row.id, row.reviewRound));
        const mine = steps.filter((step) =>
          canDecideReviewStep(steps, {
            stage: step.stage,
            reviewerUserId: step.reviewerUserId,
            actorUserId: official.userId,
            delegations,
            today,
          }),
        );
        const step = input.reviewerUserId
          ? mine.find((item) => item.reviewerUserId === input.reviewerUserId)
          : (mine.find((item) => item.reviewerUserId === official.userId) ?? mine[0]);
        if (!step) {
          throw new AppError('OUTGOING_NOT_YOUR_STEP');
        }
        const applied = applyReviewDecision(steps, {
          stage: step.stage,
          reviewerUserId: step.reviewerUserId,
          decision: input.decision,
        });
        await updateOutgoingStep(
          trx,
          { outgoingId: row.id, reviewRound: row.reviewRound, stage: step.stage, reviewerUserId: step.reviewerUserId },
          { decision: input.decision, decidedBy: official.userId, decidedAt: now, comment },
        );
        if (input.decision === 'returned') {
          for (const other of applied.steps) {
            if (other.decision === 'skipped') {
              await updateOutgoingStep(
                trx,
                {
                  outgoingId: row.id,
                  reviewRound: row.reviewRound,
                  stage: other.stage,
                  reviewerUserId: other.reviewerUserId,
                },
                { decision: 'skipped' },
              );
            }
          }
        }
        const onBehalf = step.reviewerUserId !== official.userId;
        return {
          to: applied.outcome,
          note: comment,
          payload: {
            round: row.reviewRound,
            stage: step.stage,
            kind: step.kind,
            reviewerUserId: step.reviewerUserId,
            ...(onBehalf ? { decidedAs: step.substituteUserId === official.userId ? 'substitute' : 'delegate' } : {}),
          },
        };
      },
    },
  );
};

/** Cancels a document not yet signed (the drafter or document.manage). */
export const cancelOutgoing = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number; reason?: string | undefined },
) =>
  changeOutgoing(
    ctx,
    actor,
    { id: input.id, expectedVersion: input.expectedVersion, action: 'cancel' },
    {
      authorize: authorizeDrafter(ctx),
      decide: async () => ({ to: 'cancelled', note: input.reason?.trim() || null }),
    },
  );

/** The versions of a document, newest last. */
export const listVersionsOf = (ctx: AppContext, id: string) => listOutgoingVersions(ctx.db, id);
