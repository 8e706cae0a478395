import { type AdministrativeLevel, type AdministrativeUnitRecord, searchAdministrativeUnits } from '@motcua/db';
import { foldVietnamese } from '@motcua/domain';
import { type AppContext, todayInVietnam } from '../../context.js';

export type SearchAdministrativeUnitsInput = {
  q?: string | undefined;
  level?: AdministrativeLevel | undefined;
  parent?: string | undefined;
  at?: string | undefined;
  page: number;
  pageSize: number;
};

/**
 * Administrative units in force on a date (today in Vietnam by default), searched without regard to
 * diacritics: "ha noi" finds "Hà Nội"; at 2024-01-01 "thua thien hue" finds the old province.
 */
export const findAdministrativeUnits = async (
  ctx: AppContext,
  input: SearchAdministrativeUnitsInput,
): Promise<{ items: AdministrativeUnitRecord[]; total: number; at: string }> => {
  const at = input.at ?? todayInVietnam(ctx.clock);
  const folded = input.q ? foldVietnamese(input.q) : '';
  const result = await searchAdministrativeUnits(ctx.db, {
    ...(folded ? { foldedQuery: folded } : {}),
    ...(input.level ? { level: input.level } : {}),
    ...(input.parent ? { parentCode: input.parent } : {}),
    at,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { ...result, at };
};
