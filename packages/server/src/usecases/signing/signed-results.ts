import { listAgenciesWithSigningCredentials, sumSignedResultDossiers } from '@motcua/db';
import { addDays, parseInstant, type SignedResultCounts } from '@motcua/domain';
import type { AppContext } from '../../context.js';

/**
 * Decision 766 indicator 11 (results with legal value): the dossiers resolved in the period whose result motcua
 * signed, per province and per agency — only for units holding a signing certificate in motcua (a unit without
 * one gets no counts: its indicator stays "chưa có dữ liệu", as before signing existed).
 */
export const readSignedResultCounts = async (
  ctx: AppContext,
  input: { provinceCodes: readonly string[]; agencyIds: readonly string[] | null; from: string; to: string },
): Promise<{
  ofProvince: (provinceCode: string) => SignedResultCounts | undefined;
  ofAgency: (agencyId: string) => SignedResultCounts | undefined;
}> => {
  const holders = await listAgenciesWithSigningCredentials(ctx.reader, input.provinceCodes);
  const rows =
    holders.length === 0
      ? []
      : await sumSignedResultDossiers(ctx.reader, {
          provinceCodes: input.provinceCodes,
          agencyIds: input.agencyIds,
          from: new Date(parseInstant(`${input.from}T00:00:00+07:00`)),
          to: new Date(parseInstant(`${addDays(input.to, 1)}T00:00:00+07:00`)),
        });
  const total = (selected: typeof rows) => ({
    signedResults: selected.reduce((sum, row) => sum + row.signedResults, 0),
  });
  return {
    ofProvince: (provinceCode) =>
      holders.some((holder) => holder.provinceCode === provinceCode)
        ? total(rows.filter((row) => row.provinceCode === provinceCode))
        : undefined,
    ofAgency: (agencyId) =>
      holders.some((holder) => holder.agencyId === agencyId)
        ? total(rows.filter((row) => row.agencyId === agencyId))
        : undefined,
  };
};
