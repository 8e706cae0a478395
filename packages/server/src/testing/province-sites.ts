import {
  findProvinceSite,
  insertProvinceSiteIfMissing,
  listProvinceHostNames,
  type ProvinceSitePatch,
} from '@motcua/db';
import type { TestDatabase } from '@motcua/db/testing';
import { changeProvinceSite, type ProvinceSiteAction } from '../usecases/provinces/change-site.js';
import { forgetProvinceSites } from '../usecases/provinces/province-site.js';

/** The host names of the two test sites (inject `headers: { host }`; Chromium and Node resolve *.localhost). */
export const HUNG_YEN_HOST = 'hungyen.localhost';
export const HA_NOI_HOST = 'hanoi.localhost';

/** A province site a test wants: its row, the host names it must hold, and a change to apply once. */
export type TestSiteSpec = {
  provinceCode: string;
  name: string;
  placeName: string;
  isDefault?: boolean;
  hosts: readonly string[];
  patch?: { action: ProvinceSiteAction; fields: ProvinceSitePatch };
};

/**
 * Makes province sites of the test install the way an install gets them: the row (insertProvinceSiteIfMissing), its
 * host names through the one change path (the creation event for a new row, a host change for one that exists, such
 * as the demo seed's), then the test's change (branding, public address) once, when the row was new. Forgets this
 * process's site cache, so the next request reads them.
 */
export const seedSites = async (
  t: { database: Pick<TestDatabase, 'db'> },
  specs: readonly TestSiteSpec[],
  at = new Date(),
): Promise<void> => {
  for (const spec of specs) {
    const inserted = await insertProvinceSiteIfMissing(t.database.db, {
      provinceCode: spec.provinceCode,
      name: spec.name,
      placeName: spec.placeName,
      isDefault: spec.isDefault ?? false,
    });
    const row = await findProvinceSite(t.database.db, spec.provinceCode);
    if (!row) {
      throw new Error(`no site ${spec.provinceCode}`);
    }
    const held = await listProvinceHostNames(t.database.db, spec.provinceCode);
    const missing = spec.hosts.filter((host) => !held.includes(host));
    await t.database.db.transaction().execute(async (trx) => {
      let version = row.version;
      if (missing.length > 0 || inserted) {
        version = (
          await changeProvinceSite(trx, {
            provinceCode: spec.provinceCode,
            expectedVersion: version,
            at,
            actorUserId: null,
            action: inserted ? 'created' : 'hosts_changed',
            addHosts: missing,
          })
        ).version;
      }
      if (inserted && spec.patch) {
        await changeProvinceSite(trx, {
          provinceCode: spec.provinceCode,
          expectedVersion: version,
          at,
          actorUserId: null,
          action: spec.patch.action,
          patch: spec.patch.fields,
        });
      }
    });
  }
  forgetProvinceSites();
};

/**
 * Two province sites on one install, as the test world's two provinces: 33 Hưng Yên (the default site, host
 * hungyen.localhost) and 01 Hà Nội (host hanoi.localhost).
 */
export const seedTwoProvinceSites = (t: { database: Pick<TestDatabase, 'db'> }): Promise<void> =>
  seedSites(t, [
    { provinceCode: '33', name: 'Tỉnh Hưng Yên', placeName: 'Hưng Yên', isDefault: true, hosts: [HUNG_YEN_HOST] },
    { provinceCode: '01', name: 'Thành phố Hà Nội', placeName: 'Hà Nội', hosts: [HA_NOI_HOST] },
  ]);
