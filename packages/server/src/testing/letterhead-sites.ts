import { insertProvinceSiteIfMissing } from '@motcua/db';
import { changeProvinceSite } from '../usecases/provinces/change-site.js';
import { forgetProvinceSites } from '../usecases/provinces/province-site.js';
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
 * Makes Hưng Yên (33, the default) and Hà Nội (01) sites of the test install the way an install gets them: the row
 * (insertProvinceSiteIfMissing), its creation event, then the hosting centre setting its public address through the
 * one change path (changeProvinceSite). Forgets this process's site cache, so the next read sees them.
 */
export const seedLetterheadSites = async (t: Pick<TestApp, 'database'>, at = new Date()): Promise<void> => {
  await t.database.db.transaction().execute(async (trx) => {
    for (const [provinceCode, site] of Object.entries(LETTERHEAD_SITES)) {
      const inserted = await insertProvinceSiteIfMissing(trx, {
        provinceCode,
        name: site.name,
        placeName: site.placeName,
        isDefault: provinceCode === '33',
      });
      if (!inserted) {
        continue;
      }
      const created = await changeProvinceSite(trx, {
        provinceCode,
        expectedVersion: 1,
        at,
        actorUserId: null,
        action: 'created',
        addHosts: [site.host],
      });
      await changeProvinceSite(trx, {
        provinceCode,
        expectedVersion: created.version,
        at,
        actorUserId: null,
        action: 'public_url_changed',
        patch: { publicUrl: site.publicUrl },
      });
    }
  });
  forgetProvinceSites();
};
