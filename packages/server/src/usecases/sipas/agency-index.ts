import { findAgency, listPublishedSipasCampaigns } from '@motcua/db';
import type { AppContext } from '../../context.js';
import type { SipasReport } from './sipas-report.js';

export type AgencySatisfactionIndex = {
  campaignId: string;
  campaignTitle: string;
  year: number;
  /** The agency's overall SIPAS index, % with two decimals. */
  percent: number;
  /** Satisfied answers and valid answers behind it (pooled over the counted factors). */
  numerator: number;
  base: number;
  responses: number;
  marginOfError: number | null;
  rule: string;
};

/**
 * An agency's SIPAS satisfaction index for a year: its figure in the latest campaign of that year the
 * province published (the published, frozen figures — never recomputed). Nothing when no published
 * campaign sampled the agency or it has no valid answer. The PAR Index reads it as its
 * 'sipas_satisfaction' system measure (QĐ 876/QĐ-BNV: the satisfaction survey is part of the index).
 */
export const findAgencySatisfactionIndex = async (
  ctx: AppContext,
  input: { agencyId: string; year: number },
): Promise<AgencySatisfactionIndex | undefined> => {
  const agency = await findAgency(ctx.reader, input.agencyId);
  if (!agency?.provinceCode) {
    return undefined;
  }
  for (const campaign of await listPublishedSipasCampaigns(ctx.reader, {
    provinceCode: agency.provinceCode,
    year: input.year,
  })) {
    const report = campaign.publishedResult as unknown as SipasReport | null;
    const figures = report?.agencies.find((a) => a.agencyId === input.agencyId);
    if (figures && figures.index.percent !== null) {
      return {
        campaignId: campaign.id,
        campaignTitle: campaign.title,
        year: campaign.year,
        percent: figures.index.percent,
        numerator: figures.index.numerator,
        base: figures.index.base,
        responses: figures.responses,
        marginOfError: figures.marginOfError,
        rule: figures.index.rule,
      };
    }
  }
  return undefined;
};
