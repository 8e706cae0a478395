import { type CitizenDossierRecord, findAgency, findDossierByCode, findDossierRating, hitThrottle } from '@motcua/db';
import { deriveTrackingPin, getInstallationSecret } from '../../../auth/installation-secret.js';
import { hashSecret, secretsEqual } from '../../../auth/secrets.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { describeNextStep, describeProgress } from '../citizen-dossier.js';
import { enforceThrottle } from '../throttle.js';

/**
 * Public tracking of a dossier without signing in (tra cứu hồ sơ): the code and a second factor —
 * the last four digits of the applicant's ID number or tax code, or the 6-digit PIN printed on
 * the receipt. Guessing is slowed by counters in the database (every instance sees them): requests
 * per client address, failures per code. "No such dossier" and "wrong factor" give the same answer,
 * and both factors are always compared (in constant time), so neither answer nor timing tells which.
 */
export const TRACKING_LIMITS = {
  addressRequests: 60,
  addressWindowMs: 10 * 60 * 1000,
  codeFailures: 10,
  codeWindowMs: 15 * 60 * 1000,
} as const;

/** The digits of the applicant's identifier (12-digit ID number, or the tax code without its dash). */
const identifierDigits = (applicant: unknown): string => {
  const value = applicant as { kind?: string; idNumber?: string; taxCode?: string };
  return ((value.kind === 'organisation' ? value.taxCode : value.idNumber) ?? '').replace(/\D/g, '');
};

export const trackDossier = async (ctx: AppContext, input: { code: string; factor: string; clientAddress: string }) => {
  const now = ctx.clock.now();
  const addressKey = `track-addr:${hashSecret(input.clientAddress)}`;
  const codeKey = `track-code:${hashSecret(input.code)}`;
  await enforceThrottle(ctx, {
    key: addressKey,
    limit: TRACKING_LIMITS.addressRequests,
    windowMs: TRACKING_LIMITS.addressWindowMs,
  });
  await enforceThrottle(ctx, {
    key: codeKey,
    limit: TRACKING_LIMITS.codeFailures,
    windowMs: TRACKING_LIMITS.codeWindowMs,
  });
  await hitThrottle(ctx.db, { key: addressKey, now, windowMs: TRACKING_LIMITS.addressWindowMs });

  const dossier = (await findDossierByCode(ctx.db, input.code)) as CitizenDossierRecord | undefined;
  const secret = await getInstallationSecret(ctx);
  // Both comparisons run whether or not the dossier exists (against a value nobody can send then).
  const last4 = dossier ? identifierDigits(dossier.applicant).slice(-4) : 'none';
  const pin = deriveTrackingPin(secret, input.code);
  const factor = input.factor.trim();
  const byLast4 = secretsEqual(factor, last4);
  const byPin = secretsEqual(factor, pin);
  if (!dossier || !(byLast4 || byPin)) {
    await hitThrottle(ctx.db, { key: codeKey, now, windowMs: TRACKING_LIMITS.codeWindowMs });
    throw new AppError('TRACKING_NOT_FOUND');
  }
  const [agency, rating] = await Promise.all([
    findAgency(ctx.db, dossier.receivingAgencyId),
    findDossierRating(ctx.db, dossier.id),
  ]);
  return {
    ...(await describeProgress(ctx, dossier)),
    receivingAgency: agency ? { code: agency.code, name: agency.name } : null,
    nextStep: await describeNextStep(ctx, dossier, { rated: rating !== undefined }),
  };
};
