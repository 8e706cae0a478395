import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgency } from './agencies.queries.js';
import { findLiveSessionOfficial, insertSession, listUserGrants } from './officials.queries.js';
import { getReferenceRevision } from './reference-revision.queries.js';
import { createTestDatabase, type TestDatabase } from './testing.js';
import { deleteUserRole, insertUser, insertUserRole } from './users.queries.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

/** For each session read `run` makes, whether it also read the official's grants (a statement on user_role). */
const captureGrantReads = async (run: () => Promise<unknown>): Promise<string[]> => {
  const reads: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '');
    if (text.includes('"user_session"')) {
      reads.push('unchanged');
    } else if (text.startsWith('select') && text.includes('from "user_role"') && reads.length > 0) {
      reads[reads.length - 1] = 'read';
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = query;
  }
  return reads;
};

describe('findLiveSessionOfficial', () => {
  it('answers the current grants on every read, sending them again only when they changed', async () => {
    const { db } = database;
    const now = new Date();
    const agencies = [];
    for (const [code, name] of [
      ['911.00.20.H31', 'Bộ phận một cửa số 1'],
      ['912.00.20.H31', 'Bộ phận một cửa số 2'],
    ] as const) {
      agencies.push(
        await insertAgency(
          db,
          {
            code,
            name,
            kind: 'division',
            parentId: null,
            provinceCode: '33',
            validFrom: '2025-07-01',
            searchText: name,
          },
          null,
        ),
      );
    }
    const [first, second] = agencies as [(typeof agencies)[0], (typeof agencies)[0]];
    const user = await insertUser(db, {
      username: `grants-${randomUUID().slice(0, 8)}`,
      fullName: 'Trần Thị Bình',
      title: null,
      email: null,
      phone: null,
      passwordHash: 'x',
      provinceCode: '33',
      now,
    });
    const userId = user?.id ?? '';
    await insertUserRole(db, {
      userId,
      agencyId: first.id,
      role: 'receptionist',
      includeSubagencies: false,
      grantedBy: null,
    });
    const tokenHash = randomUUID();
    const later = new Date(now.getTime() + 3_600_000);
    await insertSession(db, { tokenHash, userId, csrfToken: 'csrf', idleExpiresAt: later, expiresAt: later });

    const reads: Awaited<ReturnType<typeof findLiveSessionOfficial>>[] = [];
    const read = async () => {
      reads.push(await findLiveSessionOfficial(db, tokenHash, now));
    };
    const grantReads = await captureGrantReads(async () => {
      await read();
      await read();
      await insertUserRole(db, {
        userId,
        agencyId: second.id,
        role: 'processor',
        includeSubagencies: true,
        grantedBy: null,
      });
      await read();
      await read();
      await deleteUserRole(db, { userId, agencyId: first.id, role: 'receptionist' });
      await read();
      // A grant carries its agency's name: renaming the agency bumps the reference revision.
      await db.updateTable('agency').set({ name: 'Bộ phận một cửa số 2 (mới)' }).where('id', '=', second.id).execute();
      await read();
      await read();
    });

    const grantsOf = (index: number) => reads[index]?.grants;
    expect(grantsOf(0)).toEqual([
      {
        agencyId: first.id,
        agencyCode: '911.00.20.H31',
        agencyName: 'Bộ phận một cửa số 1',
        role: 'receptionist',
        includeSubagencies: false,
        provinceCode: '33',
      },
    ]);
    expect(grantsOf(1)).toEqual(grantsOf(0));
    expect(grantsOf(2)).toHaveLength(2);
    expect(grantsOf(3)).toEqual(grantsOf(2));
    expect(grantsOf(4)?.map((g) => [g.agencyCode, g.role, g.includeSubagencies])).toEqual([
      ['912.00.20.H31', 'processor', true],
    ]);
    expect(grantsOf(5)?.map((g) => g.agencyName)).toEqual(['Bộ phận một cửa số 2 (mới)']);
    expect(grantsOf(6)).toEqual(await listUserGrants(db, userId));
    expect(reads[6]).toMatchObject({ userId, csrfToken: 'csrf', profile: { id: userId, status: 'active' } });
    expect(reads[6]?.referenceRevision).toBe(await getReferenceRevision(db));
    expect(reads[5]?.referenceRevision).toBeGreaterThan(reads[4]?.referenceRevision ?? Number.POSITIVE_INFINITY);
    // The grants were read on the first read and after each change; the unchanged reads took them from the cache.
    expect(grantReads).toEqual(['read', 'unchanged', 'read', 'unchanged', 'read', 'read', 'unchanged']);
    expect(await findLiveSessionOfficial(db, randomUUID(), now)).toBeUndefined();
  });
});
