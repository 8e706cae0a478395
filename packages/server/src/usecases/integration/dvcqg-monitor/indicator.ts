import { countDossierSyncIndicator } from '@motcua/db';
import { addDays, type DossierSyncCounts, parseInstant } from '@motcua/domain';
import type { AppContext } from '../../../context.js';

/**
 * Decision 766 indicator 4's counts for the service index, per province and per agency, for the days from..to
 * (Vietnam time). A province whose sync was never on has none (the indicator then says "no data" and why).
 */
export const readDossierSyncCounts = async (
  ctx: AppContext,
  input: { provinceCodes: readonly string[]; agencyIds: readonly string[] | null; from: string; to: string },
) => {
  const { provinces, rows } = await countDossierSyncIndicator(ctx.reader, {
    provinceCodes: input.provinceCodes,
    agencyIds: input.agencyIds,
    from: new Date(parseInstant(`${input.from}T00:00:00+07:00`)),
    to: new Date(parseInstant(`${addDays(input.to, 1)}T00:00:00+07:00`)),
  });
  const rules = new Map(provinces.map((p) => [p.provinceCode, p.onTimeMinutes]));
  const sum = (provinceCode: string, selected: typeof rows): DossierSyncCounts | undefined => {
    const onTimeMinutes = rules.get(provinceCode);
    if (onTimeMinutes === undefined) {
      return undefined;
    }
    return {
      onTimeMinutes,
      base: selected.reduce((total, row) => total + row.base, 0),
      syncedOnTime: selected.reduce((total, row) => total + row.syncedOnTime, 0),
    };
  };
  return {
    ofProvince: (provinceCode: string) =>
      sum(
        provinceCode,
        rows.filter((row) => row.provinceCode === provinceCode),
      ),
    /** An agency's counts ('code:…' imported agencies have no sync in motcua: none). */
    ofAgency: (agencyId: string, provinceCode: string | undefined) => {
      if (agencyId.startsWith('code:')) {
        return undefined;
      }
      const selected = rows.filter((row) => row.agencyId === agencyId);
      const province = selected[0]?.provinceCode ?? provinceCode;
      return province === undefined ? undefined : sum(province, selected);
    },
  };
};
