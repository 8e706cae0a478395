import { findTrackedDossier, hitThrottles, type ThrottleRow } from '@motcua/db';
import { decideTrackingGate, findApplicantNextStep, TRACKING_LIMITS, type TrackingGate } from '@motcua/domain';
import { deriveTrackingPin, getInstallationSecret } from '../../../auth/installation-secret.js';
import { hashSecret, secretsEqual } from '../../../auth/secrets.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { presentNextStep, presentProgress } from '../citizen-dossier.js';
import { getTrackingLocks } from './tracking-locks.js';

/**
 * Public tracking of a dossier without signing in (tra cứu hồ sơ): the code and a second factor —
 * the last four digits of the applicant's ID number or tax code, or the 6-digit PIN printed on
 * the receipt. "No such dossier" and "wrong factor" give the same answer, and both factors are always
 * compared (in constant time), so neither answer nor timing tells which.
 *
 * Cost: one statement for an answered lookup (the dossier, its history and the failure counters
 * together) and nothing written; a failed one adds one statement counting the failure. Guessing is
 * bounded by failure counters in the database (domain portal/tracking-throttle.ts), so the limits hold
 * across any number of API processes: each lookup reads the shared counters in its own statement, and
 * at most the lookups already in flight when a key reaches its limit can get past it. Each process
 * also remembers the keys it saw locked until their window ends (tracking-locks.ts), so a flood on a
 * locked key costs no statement at all.
 */
export const trackDossier = async (
  ctx: AppContext,
  input: { code: string; factor: string; clientAddress: string; provinceCode?: string | undefined },
) => {
  const now = ctx.clock.now();
  const keys = {
    address: `track-addr:${hashSecret(input.clientAddress)}`,
    code: `track-code:${hashSecret(input.code)}`,
  };
  const locks = getTrackingLocks(ctx.database);
  const lockedUntil = locks.findLockedUntil([keys.address, keys.code], now.getTime());
  if (lockedUntil !== undefined) {
    throw new AppError('RATE_LIMITED', { retryAfter: Math.max(1, Math.ceil((lockedUntil - now.getTime()) / 1000)) });
  }
  const gateOf = (throttles: readonly ThrottleRow[]): TrackingGate => {
    const counter = (key: string) => {
      const row = throttles.find((t) => t.key === key);
      return row ? { attempts: row.attempts, windowStartedAt: row.windowStartedAt.getTime() } : undefined;
    };
    const gate = decideTrackingGate({ address: counter(keys.address), code: counter(keys.code), now: now.getTime() });
    if (gate.kind === 'locked') {
      for (const [which, until] of Object.entries(gate.until) as ['address' | 'code', number][]) {
        locks.remember(keys[which], until, now.getTime());
      }
    }
    return gate;
  };

  const secret = await getInstallationSecret(ctx);
  // On a province's portal only its own dossiers are tracked: another province's answers like an unknown code,
  // through the same path (the province is part of the one statement's condition).
  const { throttles, dossier } = await findTrackedDossier(ctx.database, {
    code: input.code,
    provinceCode: input.provinceCode,
    throttleKeys: [keys.address, keys.code],
  });
  const gate = gateOf(throttles);
  if (gate.kind === 'locked') {
    throw new AppError('RATE_LIMITED', { retryAfter: gate.retryAfterSeconds });
  }
  // Both comparisons run whether or not the dossier exists (against a value nobody can send then).
  const last4 = dossier ? identifierDigits(dossier.applicant).slice(-4) : 'none';
  const pin = deriveTrackingPin(secret, input.code);
  const factor = input.factor.trim();
  const byLast4 = secretsEqual(factor, last4);
  const byPin = secretsEqual(factor, pin);
  if (!dossier || !(byLast4 || byPin)) {
    // The only write of the tracking: a failure, counted for the address and the code at once. This
    // failure is still answered 404; the counters it leaves refuse the next lookups of a locked key.
    gateOf(
      await hitThrottles(ctx.db, {
        hits: [
          { key: keys.address, windowMs: TRACKING_LIMITS.addressWindowMs },
          { key: keys.code, windowMs: TRACKING_LIMITS.codeWindowMs },
        ],
        now,
      }),
    );
    throw new AppError('TRACKING_NOT_FOUND');
  }
  const step = findApplicantNextStep(dossier.status, { rated: dossier.rated });
  return {
    ...presentProgress(now, dossier, dossier.steps, dossier.events),
    receivingAgency: dossier.receivingAgency,
    nextStep: presentNextStep(
      step,
      step === 'supplement' ? dossier.supplementRequest : step === 'pay' ? dossier.paymentRequest : null,
    ),
  };
};

/** The digits of the applicant's identifier (12-digit ID number, or the tax code without its dash). */
const identifierDigits = (applicant: unknown): string => {
  const value = applicant as { kind?: string; idNumber?: string; taxCode?: string };
  return ((value.kind === 'organisation' ? value.taxCode : value.idNumber) ?? '').replace(/\D/g, '');
};
