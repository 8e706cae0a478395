import type { AppContext } from '../../context.js';
import { type ReportMeta, vietnamNow } from '../../reports/report-meta.js';
import { describeProvinceLetterhead } from '../provinces/letterhead.js';
import type { ResolvedScope } from './scope.js';

/**
 * Who a report is issued by (the agency block of Decree 30/2020): for a province, its People's
 * Committee; for an agency, the agency under its parent.
 */
export const buildReportMeta = async (
  ctx: AppContext,
  scope: Pick<ResolvedScope, 'kind' | 'provinceCode' | 'agency'>,
): Promise<ReportMeta> => {
  // The province of the report, never the install's first or default one (issue 22 item 4).
  const province = await describeProvinceLetterhead(ctx, scope.provinceCode);
  const issuer =
    scope.agency && scope.kind !== 'province'
      ? {
          ...(scope.agency.parentName ? { parentName: scope.agency.parentName } : {}),
          agencyName: scope.agency.name,
          placeName: province.placeName,
        }
      : province;
  return { issuer, generatedAt: vietnamNow(ctx.clock.now()) };
};
