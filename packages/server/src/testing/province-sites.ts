import { findProvinceSite, insertProvinceSiteIfMissing, listProvinceHostNames } from '@motcua/db';
import type { TestDatabase } from '@motcua/db/testing';
import { changeProvinceSite } from '../usecases/provinces/change-site.js';
import { forgetProvinceSites } from '../usecases/provinces/province-site.js';

/** The host names of the two test sites (inject `headers: { host }`). */
export const HUNG_YEN_HOST = 'hungyen.localhost';
export const HA_NOI_HOST = 'hanoi.localhost';

/**
 * Two province sites on one install, as the test world's two provinces: 33 Hưng Yên (the default site, host
 * hungyen.localhost) and 01 Hà Nội (host hanoi.localhost). A site that exists already (the demo seed's) gets the
 * host name added. Written through the one change path of a site; the process's site cache is forgotten so the
 * next request reads them.
 */
export const seedTwoProvinceSites = async (t: { database: Pick<TestDatabase, 'db'> }): Promise<void> => {
  const sites = [
    { provinceCode: '33', name: 'Tỉnh Hưng Yên', placeName: 'Hưng Yên', isDefault: true, host: HUNG_YEN_HOST },
    { provinceCode: '01', name: 'Thành phố Hà Nội', placeName: 'Hà Nội', isDefault: false, host: HA_NOI_HOST },
  ];
  for (const site of sites) {
    const inserted = await insertProvinceSiteIfMissing(t.database.db, {
      provinceCode: site.provinceCode,
      name: site.name,
      placeName: site.placeName,
      isDefault: site.isDefault,
    });
    const row = await findProvinceSite(t.database.db, site.provinceCode);
    if (!row) {
      throw new Error(`no site ${site.provinceCode}`);
    }
    if (!(await listProvinceHostNames(t.database.db, site.provinceCode)).includes(site.host)) {
      await t.database.db.transaction().execute((trx) =>
        changeProvinceSite(trx, {
          provinceCode: site.provinceCode,
          expectedVersion: row.version,
          at: new Date(),
          actorUserId: null,
          action: inserted ? 'created' : 'hosts_changed',
          addHosts: [site.host],
        }),
      );
    }
  }
  forgetProvinceSites();
};
