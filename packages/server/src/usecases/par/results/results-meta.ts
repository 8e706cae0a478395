import { findProvinceCommittee } from '@motcua/db';
import type { AppContext } from '../../../context.js';
import { placeNameOf, type ReportMeta, vietnamNow } from '../../../reports/report-meta.js';

/** Who the results documents are issued by: the province's People's Committee (its decision announces them). */
export const resultsMeta = async (ctx: AppContext, provinceCode: string): Promise<ReportMeta> => {
  const committee = await findProvinceCommittee(ctx.reader, provinceCode);
  const provinceName = committee?.name ?? `Tỉnh ${provinceCode}`;
  return {
    issuer: { agencyName: provinceName, placeName: placeNameOf(provinceName) },
    generatedAt: vietnamNow(ctx.clock.now()),
  };
};
