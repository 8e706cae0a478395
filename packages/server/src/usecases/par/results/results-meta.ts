import type { AppContext } from '../../../context.js';
import { type ReportMeta, vietnamNow } from '../../../reports/report-meta.js';
import { describeProvinceLetterhead } from '../../provinces/letterhead.js';

/**
 * Who the results documents are issued by: the province's People's Committee (its decision announces them), at
 * the place name of that province (never another's: issue 22 item 4).
 */
export const resultsMeta = async (ctx: AppContext, provinceCode: string): Promise<ReportMeta> => ({
  issuer: await describeProvinceLetterhead(ctx, provinceCode),
  generatedAt: vietnamNow(ctx.clock.now()),
});
