import { findProvinceCommittee } from '@motcua/db';
import type { AppContext } from '../../context.js';
import { placeNameOf, type ReportMeta, vietnamNow } from '../../reports/report-meta.js';
import type { ResolvedScope } from './scope.js';

/**
 * Who a report is issued by (the agency block of Decree 30/2020): for a province, its People's
 * Committee; for an agency, the agency under its parent.
 */
export const buildReportMeta = async (
  ctx: AppContext,
  scope: Pick<ResolvedScope, 'kind' | 'provinceCode' | 'agency'>,
): Promise<ReportMeta> => {
  const committee = await findProvinceCommittee(ctx.reader, scope.provinceCode);
  const provinceName = committee?.name ?? `Tỉnh ${scope.provinceCode}`;
  const issuer =
    scope.agency && scope.kind !== 'province'
      ? {
          ...(scope.agency.parentName ? { parentName: scope.agency.parentName } : {}),
          agencyName: scope.agency.name,
          placeName: placeNameOf(provinceName),
        }
      : { agencyName: provinceName, placeName: placeNameOf(provinceName) };
  return { issuer, generatedAt: vietnamNow(ctx.clock.now()) };
};
