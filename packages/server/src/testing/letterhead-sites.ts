import { seedSites } from './province-sites.js';
import type { TestApp } from './test-app.js';

/** The two provinces of the test world as sites of one install, each with its own public address and place name. */
export const LETTERHEAD_SITES = {
  '33': {
    name: 'Tỉnh Hưng Yên',
    placeName: 'Hưng Yên',
    publicUrl: 'https://dichvucong.hungyen.gov.vn',
    host: 'dichvucong.hungyen.gov.vn',
  },
  '01': {
    name: 'Thành phố Hà Nội',
    placeName: 'Hà Nội',
    publicUrl: 'https://dichvucong.hanoi.gov.vn',
    host: 'dichvucong.hanoi.gov.vn',
  },
} as const;

/**
 * Makes Hưng Yên (33, the default) and Hà Nội (01) sites of the test install, each with its public address set by
 * the hosting centre through the one change path (seedSites).
 */
export const seedLetterheadSites = (t: Pick<TestApp, 'database'>, at = new Date()): Promise<void> =>
  seedSites(
    t,
    Object.entries(LETTERHEAD_SITES).map(([provinceCode, site]) => ({
      provinceCode,
      name: site.name,
      placeName: site.placeName,
      isDefault: provinceCode === '33',
      hosts: [site.host],
      patch: { action: 'public_url_changed' as const, fields: { publicUrl: site.publicUrl } },
    })),
    at,
  );
