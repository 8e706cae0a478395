import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgency } from './agencies.queries.js';
import { findLiveSessionOfficial, insertSession, listUserGrants } from './officials.queries.js';
import { createTestDatabase, type TestDatabase } from './testing.js';
import { deleteUserRole, insertUser, insertUserRole } from './users.queries.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

/** What the database answered in the `grants` column of each session read `run` sent. */
const captureSentGrants = async (run: () => Promise<unknown>): Promise<unknown[]> => {
  const sent: unknown[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    const answer = (query as (...a: unknown[]) => unknown).apply(this, args);
    const text = typeof args[0] === 'string' ? args[0] : '';
    if (text.includes('"user_session"') && answer instanceof Promise) {
      return answer.then((result: { rows: { grants?: unknown }[] }) => {
        sent.push(result.rows[0]?.grants);
        return result;
      });
    }
    return answer;
  } as typeof query;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent;
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
    const sent = await captureSentGrants(async () => {
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
    expect(grantsOf(4)).toEqual(await listUserGrants(db, userId));
    expect(grantsOf(4)?.map((g) => [g.agencyCode, g.role, g.includeSubagencies])).toEqual([
      ['912.00.20.H31', 'processor', true],
    ]);
    expect(reads[4]).toMatchObject({ userId, csrfToken: 'csrf', profile: { id: userId, status: 'active' } });
    // Sent on the first read and after each change; the unchanged reads carried none.
    expect(sent.map((grants) => (grants === null ? 'unchanged' : 'sent'))).toEqual([
      'sent',
      'unchanged',
      'sent',
      'unchanged',
      'sent',
    ]);
    expect(await findLiveSessionOfficial(db, randomUUID(), now)).toBeUndefined();
  });
});
