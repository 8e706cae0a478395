import { insertWorkNotices } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

const clock = fixedClock('2026-11-25T09:00:00+07:00');
let t: TestApp;
let world: World;
const headers: Record<string, Record<string, string>> = {};
const TASK_ID = '11111111-1111-4111-8111-111111111111';
const userOf = (username: string) => world.users[username]?.id ?? '';

type Notice = { id: string; title: string; createdAt: string; readAt: string | null; recordKind: string };
type NoticePage = { items: Notice[]; nextCursor: string | null; unreadCount: number };

const list = async (who: string, query = '') => {
  const response = await t.app.inject({ url: `/api/v1/work/notices${query}`, headers: headers[who] });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as NoticePage;
};
/** Every page of a list, following nextCursor. */
const listAll = async (who: string, query: string) => {
  const pages: NoticePage[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(who, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
};
const markRead = (who: string, id: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/work/notices/${id}/read`, headers: headers[who] });

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  for (const username of ['chuyenvien', 'tiepnhan']) {
    headers[username] = (await signIn(t.app, username)).headers;
  }
  // 23 notices to the processor (chuyenvien), five of them written in the same millisecond (the keyset
  // breaks the tie on the id), and 2 to the receptionist (tiepnhan).
  const base = Date.parse('2026-11-20T02:00:00Z');
  await t.database.db
    .insertInto('workNotice')
    .values(
      Array.from({ length: 23 }, (_, i) => ({
        provinceCode: '33',
        userId: userOf('chuyenvien'),
        kind: 'task-assigned',
        recordKind: 'task',
        recordId: TASK_ID,
        dedupeKey: `test:${i}`,
        title: `Nhiệm vụ mới số ${i + 1}`,
        body: null,
        createdAt: new Date(base + (i < 5 ? 0 : i) * 60_000),
      })),
    )
    .execute();
  await insertWorkNotices(t.database.db, [
    {
      provinceCode: '33',
      userId: userOf('tiepnhan'),
      kind: 'consultation_to_answer',
      recordKind: 'consultation',
      recordId: TASK_ID,
      dedupeKey: 'test:a',
      title: 'Xin ý kiến dự thảo',
      body: 'Hạn trả lời 30/11/2026',
    },
    {
      provinceCode: '33',
      userId: userOf('tiepnhan'),
      kind: 'evaluation',
      recordKind: 'evaluation_sheet',
      recordId: TASK_ID,
      dedupeKey: 'test:b',
      title: 'Phiếu đánh giá cần nhận xét',
      body: null,
    },
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('an official’s notices', () => {
  it('lists only my own, newest first, in keyset pages without gaps or repeats', async () => {
    const pages = await listAll('chuyenvien', '?limit=10');
    expect(pages.map((page) => page.items.length)).toEqual([10, 10, 3]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const items = pages.flatMap((page) => page.items);
    expect(new Set(items.map((item) => item.id)).size).toBe(23);
    expect(items.every((item) => item.title.startsWith('Nhiệm vụ mới'))).toBe(true);
    const instants = items.map((item) => item.createdAt);
    expect([...instants].sort().reverse()).toEqual(instants);
    expect(items[0]).toMatchObject({ title: 'Nhiệm vụ mới số 23', recordKind: 'task', readAt: null });
    expect(pages[0]?.unreadCount).toBe(23);

    const theirs = await list('tiepnhan');
    expect(theirs.items.map((item) => item.title).sort()).toEqual([
      'Phiếu đánh giá cần nhận xét',
      'Xin ý kiến dự thảo',
    ]);
    expect(theirs.unreadCount).toBe(2);
  });

  it('marks one read once (idempotent), and nobody else can read or mark it', async () => {
    const [first] = (await list('chuyenvien', '?limit=1')).items;
    const id = first?.id ?? '';
    // Another official: as if it did not exist, and it stays unread.
    const foreign = await markRead('tiepnhan', id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect((await list('chuyenvien', '?limit=1')).items[0]?.readAt).toBeNull();
    expect((await list('tiepnhan')).items.map((item) => item.id)).not.toContain(id);

    const read = await markRead('chuyenvien', id);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id, readAt: clock.now().toISOString(), unreadCount: 22 });
    const again = await markRead('chuyenvien', id);
    expect(again.json()).toEqual(read.json());
    expect((await markRead('chuyenvien', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const count = await t.app.inject({ url: '/api/v1/work/notices/unread-count', headers: headers.chuyenvien });
    expect(count.json()).toEqual({ unreadCount: 22 });
    expect((await list('tiepnhan')).unreadCount).toBe(2);

    // The unread filter leaves it out, page by page.
    const unread = (await listAll('chuyenvien', '?unread=true&limit=7')).flatMap((page) => page.items);
    expect(unread).toHaveLength(22);
    expect(unread.map((item) => item.id)).not.toContain(id);
    expect(unread.every((item) => item.readAt === null)).toBe(true);
  });

  it('marks all of mine read, once; the others’ stay unread', async () => {
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work/notices/read-all',
      headers: headers.chuyenvien,
    });
    expect(all.json()).toEqual({ marked: 22, unreadCount: 0 });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work/notices/read-all',
      headers: headers.chuyenvien,
    });
    expect(again.json()).toEqual({ marked: 0, unreadCount: 0 });
    expect((await list('chuyenvien', '?unread=true')).items).toEqual([]);
    expect((await list('tiepnhan', '?unread=true')).items).toHaveLength(2);
  });

  it('refuses the anonymous and a forged cursor', async () => {
    expect((await t.app.inject({ url: '/api/v1/work/notices' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/work/notices/read-all' })).statusCode).toBe(401);
    const forged = await t.app.inject({
      url: '/api/v1/work/notices?cursor=bm90LWEtY3Vyc29y',
      headers: headers.tiepnhan,
    });
    expect(forged.statusCode).toBe(400);
  });
});
