import type { AgencyRecord } from '@motcua/db';
import { toLocalDate, toLocalMinutes } from '@motcua/domain';
import type { AppContext } from '../../context.js';
import { describeAgencyLetterhead } from '../provinces/letterhead.js';

/**
 * What every receipt (biên lai) prints the same way, whether the fee was paid online or at the counter:
 * the issuing agency under its parent, the place line, and a payment's local date and time.
 */

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant, as a receipt prints them. */
export const toReceiptTime = (at: Date) => {
  const minutes = toLocalMinutes(at.getTime());
  return {
    date: toLocalDate(at.getTime()),
    time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
  };
};

/** The issuer block of a receipt: the agency, its parent when it has one, and the place it is issued at. */
export const describeReceiptIssuer = async (ctx: AppContext, agency: AgencyRecord) =>
  describeAgencyLetterhead(ctx, agency);
