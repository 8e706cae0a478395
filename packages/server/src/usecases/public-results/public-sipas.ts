import { findProvinceCommittee, listPublishedSipasCampaigns } from '@motcua/db';
import { formatPercentVi, formatRateWithBasisVi } from '@motcua/domain';
import { type AppContext, todayInVietnam } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { buildSipasReport } from '../sipas/sipas-report.js';

const SURVEY = { vi: 'kết quả khảo sát SIPAS đã công bố', en: 'published SIPAS result' } as const;

/**
 * The province's latest published SIPAS satisfaction survey (of the last three years), as the portal shows it:
 * the index of the province and of each agency surveyed, each over its base, from the campaign's frozen
 * publication — the same figures the organisers published. None published: 404.
 */
export const describePublicSipasResults = async (ctx: AppContext, input: { province: string }) => {
  const committee = await findProvinceCommittee(ctx.reader, input.province);
  if (!committee) {
    throw new AppError('NOT_FOUND', { resource: SURVEY });
  }
  const year = Number(todayInVietnam(ctx.clock).slice(0, 4));
  for (const candidate of [year, year - 1, year - 2]) {
    const [campaign] = await listPublishedSipasCampaigns(ctx.db, { provinceCode: input.province, year: candidate });
    if (!campaign) {
      continue;
    }
    const report = await buildSipasReport(ctx, campaign);
    const present = (index: { percent: number | null; numerator: number; base: number }) => ({
      percent: index.percent,
      text: formatPercentVi(index.percent),
      basis: formatRateWithBasisVi({ numerator: index.numerator, base: index.base, value: index.percent }),
    });
    return {
      province: { code: input.province, name: committee.name },
      campaign: { id: campaign.id, year: campaign.year, title: campaign.title, isDemo: campaign.isDemo },
      overall: {
        responses: report.province.responses,
        sampleSize: report.province.sampleSize,
        ...present(report.province.index),
      },
      agencies: report.agencies
        .map((a) => ({
          agencyId: a.agencyId,
          name: a.agencyName,
          responses: a.responses,
          sampleSize: a.sampleSize,
          ...present(a.index),
        }))
        .sort((a, b) => (b.percent ?? -1) - (a.percent ?? -1) || a.name.localeCompare(b.name, 'vi')),
    };
  }
  throw new AppError('NOT_FOUND', { resource: SURVEY });
};
