import type { ProvinceSiteRecord } from '@motcua/db';

/** The public address of a site's emblem; `v` changes with the emblem so browsers may keep it long. */
export const publicEmblemUrlOf = (site: Pick<ProvinceSiteRecord, 'emblemSha256'>): string | null =>
  site.emblemSha256 ? `/api/v1/public/site/emblem?v=${site.emblemSha256.slice(0, 16)}` : null;

/**
 * What a portal shows of its province (issue 22 item 4): its names, colours, emblem (served by
 * /api/v1/public/site/emblem) and contact — the public settings' `site` and the base of the officials' view.
 */
export const describePublicSite = (site: ProvinceSiteRecord) => ({
  provinceCode: site.provinceCode,
  name: site.name,
  portalName: site.portalName,
  placeName: site.placeName,
  colourPrimary: site.colourPrimary,
  colourAccent: site.colourAccent,
  emblemUrl: publicEmblemUrlOf(site),
  contactPhone: site.contactPhone,
  contactAddress: site.contactAddress,
});
