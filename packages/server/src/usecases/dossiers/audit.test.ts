import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { verifyAuditChains } from './audit.js';

let t: TestApp;
let world: World;
const codes: string[] = [];

const intakeAndForward = async () => {
  const desk = await signIn(t.app, 'motcua');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: desk.headers,
    payload: {
      receivingAgencyId: world.agencies.centre?.id,
      procedureCode: '1.001193',
      applicant: {
        kind: 'person',
        fullName: 'Trần Văn Bình',
        idNumber: '033080004321',
        dateOfBirth: '1980-02-02',
        address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên' },
      },
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
    },
  });
  const code = created.json().code as string;
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/forward`,
    headers: desk.headers,
    payload: { expectedVersion: 2, params: {} },
  });
  const specialist = await signIn(t.app, 'chuyenvien');
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/accept_handoff`,
    headers: specialist.headers,
    payload: { expectedVersion: 3, params: {} },
  });
  return code;
};

// Tampering needs to get past the append-only trigger, as an attacker with database access would.
const tamper = async (statement: ReturnType<typeof sql>) => {
  await t.database.db.transaction().execute(async (trx) => {
    await sql`alter table dossier_event disable trigger dossier_event_no_update`.execute(trx);
    await statement.execute(trx);
    await sql`alter table dossier_event enable trigger dossier_event_no_update`.execute(trx);
  });
};

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  for (let i = 0; i < 4; i++) {
    codes.push(await intakeAndForward());
  }
});

afterAll(async () => {
  await t?.close();
});

describe('the dossier history', () => {
  it('refuses updates and deletes at the database level', async () => {
    await expect(sql`update dossier_event set note = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from dossier_event`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('verifies clean chains', async () => {
    const report = await verifyAuditChains(t.ctx);
    expect(report).toMatchObject({ dossiers: 4, events: 12, findings: [] });
  });

  it('names an edited row', async () => {
    await tamper(
      sql`update dossier_event set note = 'sửa trái phép' where dossier_id = (select id from dossier where code = ${codes[0]}) and seq = 2`,
    );
    const report = await verifyAuditChains(t.ctx);
    expect(report.findings).toEqual([expect.objectContaining({ dossierCode: codes[0], seq: 2, kind: 'edited' })]);
    const one = await verifyAuditChains(t.ctx, { dossierCode: codes[1] });
    expect(one).toMatchObject({ dossiers: 1, findings: [] });
  });

  it('names a deleted row and a deleted tail', async () => {
    await tamper(
      sql`delete from dossier_event where dossier_id = (select id from dossier where code = ${codes[1]}) and seq = 2`,
    );
    await tamper(
      sql`delete from dossier_event where dossier_id = (select id from dossier where code = ${codes[2]}) and seq = 3`,
    );
    const report = await verifyAuditChains(t.ctx);
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dossierCode: codes[1], seq: 2, kind: 'deleted' }),
        expect.objectContaining({ dossierCode: codes[1], seq: 3, kind: 'inserted' }),
        expect.objectContaining({ dossierCode: codes[2], seq: 3, kind: 'tail_deleted' }),
      ]),
    );
  });

  it('names an inserted row', async () => {
    await tamper(sql`
      insert into dossier_event (dossier_id, seq, at, actor_kind, action, from_status, to_status, payload, prev_hash, hash)
      select dossier_id, 4, now(), 'official', 'complete', 'processing', 'completed', '{}'::jsonb, 'forged', 'forged'
      from dossier_event where dossier_id = (select id from dossier where code = ${codes[3]}) and seq = 1`);
    const report = await verifyAuditChains(t.ctx, { dossierCode: codes[3] });
    expect(report.findings.map((f) => [f.seq, f.kind])).toEqual(
      expect.arrayContaining([
        [4, 'inserted'],
        [4, 'unanchored'],
      ]),
    );
  });
});
