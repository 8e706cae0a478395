import { insertProvinceSiteIfMissing } from '@motcua/db';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../dossiers/audit.js';
import { changeProvinceSite } from './change-site.js';

describe('audit verify: the province sites’ chains', () => {
  let database: TestDatabase;
  const at = new Date('2026-12-07T02:00:00.000Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const [code, name, placeName] of [
      ['46', 'Thành phố Huế', 'Huế'],
      ['68', 'Tỉnh Lâm Đồng', 'Lâm Đồng'],
    ] as const) {
      await insertProvinceSiteIfMissing(database.db, { provinceCode: code, name, placeName });
      await database.db.transaction().execute(async (trx) => {
        await changeProvinceSite(trx, {
          provinceCode: code,
          expectedVersion: 1,
          at,
          actorUserId: null,
          action: 'created',
          addHosts: [`${code}.localhost`],
        });
        await changeProvinceSite(trx, {
          provinceCode: code,
          expectedVersion: 2,
          at,
          actorUserId: null,
          action: 'public_url_changed',
          patch: { publicUrl: `https://p${code}.gov.vn` },
        });
      });
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  // Past the append-only trigger, as an attacker with database access would.
  const tamper = async (statement: ReturnType<typeof sql>) => {
    await database.db.transaction().execute(async (trx) => {
      await sql`alter table province_site_event disable trigger province_site_event_append_only`.execute(trx);
      await statement.execute(trx);
      await sql`alter table province_site_event enable trigger province_site_event_append_only`.execute(trx);
    });
  };

  it('finds every chain intact, then names the edited event and the dropped tail', async () => {
    const clean = await verifyAuditChains({ db: database.db });
    expect(clean).toMatchObject({ sites: 2, siteEvents: 4, findings: [] });

    // Someone points Huế's recorded public address elsewhere after the fact.
    await tamper(
      sql`update province_site_event set payload = jsonb_set(payload, '{changed,publicUrl}', '"https://evil.example"')
          where province_code = '46' and seq = 2`,
    );
    // And removes Lâm Đồng's last event.
    await tamper(sql`delete from province_site_event where province_code = '68' and seq = 2`);

    const report = await verifyAuditChains({ db: database.db });
    expect(report.findings.map(({ dossierCode, seq, kind }) => ({ dossierCode, seq, kind }))).toEqual([
      { dossierCode: 'site:46', seq: 2, kind: 'edited' },
      { dossierCode: 'site:68', seq: 2, kind: 'tail_deleted' },
    ]);
  });
});
