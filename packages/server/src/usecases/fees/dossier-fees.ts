import { findUserProfile } from '@motcua/db';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getReadableDossier } from '../dossiers/dossier-access.js';
import { issueEReceipt } from '../portal/payments/e-receipt.js';
import { issueCounterReceipt, RECEIPT } from './counter-receipt.js';
import { loadFeeAccount } from './fee-account.js';

/**
 * What the dossier owes: every charge with what was paid on it, the payments made online and at
 * the counter (with their receipts), and whether the caller may record a payment at the desk.
 */
export const getDossierFees = async (ctx: AppContext, actor: Actor, code: string) => {
  const { dossier, access } = await getReadableDossier(ctx, actor, code);
  const { account, online, counter } = await loadFeeAccount(ctx.db, dossier);
  const names = new Map<string, string>();
  for (const id of new Set(counter.map((p) => p.collectedBy))) {
    names.set(id, (await findUserProfile(ctx.db, id))?.fullName ?? '');
  }
  const base = `/api/v1/dossiers/${encodeURIComponent(dossier.code)}/fees/payments`;
  const payments = [
    ...online.map((p) => ({
      id: p.id,
      channel: 'online' as const,
      method: 'online' as const,
      receiptNo: p.reference,
      amountVnd: p.amountVnd,
      paidAt: (p.paidAt ?? p.updatedAt).toISOString(),
      payerName: dossier.applicantName,
      collectedBy: null,
      transactionRef: p.transactionNo,
      lines: p.feeLines.map((l) => ({ name: l.name, amountVnd: l.amountVnd })),
      receiptUrl: `${base}/${p.id}/receipt`,
    })),
    ...counter.map((p) => ({
      id: p.id,
      channel: 'counter' as const,
      method: p.method,
      receiptNo: p.receiptNo,
      amountVnd: p.amountVnd,
      paidAt: p.collectedAt.toISOString(),
      payerName: p.payerName,
      collectedBy: names.get(p.collectedBy) ?? null,
      transactionRef: p.transactionRef,
      lines: p.feeLines.map((l) => ({ name: l.name, amountVnd: l.amountVnd })),
      receiptUrl: `${base}/${p.id}/receipt`,
    })),
  ].sort((a, b) => a.paidAt.localeCompare(b.paidAt));
  const roles = access.rolesAt(dossier.receivingAgencyId);
  return {
    version: dossier.version,
    dueVnd: account.dueVnd,
    paidVnd: account.paidVnd,
    paidOnlineVnd: account.paidOnlineVnd,
    paidCounterVnd: account.paidCounterVnd,
    owedVnd: account.owedVnd,
    overpaidVnd: account.overpaidVnd,
    unpricedFees: account.unpricedFees,
    charges: account.charges,
    payments,
    canRecord: account.owedVnd > 0 && (roles.includes('receptionist') || roles.includes('result_returner')),
  };
};

/** The receipt (PDF) of one of the dossier's payments, online or at the counter, for whoever may read the dossier. */
export const getDossierReceipt = async (ctx: AppContext, actor: Actor, input: { code: string; paymentId: string }) => {
  const { dossier } = await getReadableDossier(ctx, actor, input.code);
  const { online, counter } = await loadFeeAccount(ctx.db, dossier);
  if (counter.some((p) => p.id === input.paymentId)) {
    const receipt = await issueCounterReceipt(ctx, { dossierId: dossier.id, paymentId: input.paymentId });
    return { sha256: receipt.sha256, fileName: `bien-lai-${receipt.receiptNo}.pdf` };
  }
  const paid = online.find((p) => p.id === input.paymentId);
  if (paid) {
    return { sha256: await issueEReceipt(ctx, paid.id), fileName: `bien-lai-${paid.reference}.pdf` };
  }
  throw new AppError('NOT_FOUND', { resource: RECEIPT });
};
