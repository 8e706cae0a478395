import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

type Page = { items: { code: string; name: string; level: string }[]; total: number; at: string };

const get = async (query: string) => {
  const response = await t.app.inject({ url: `/api/v1/administrative-units?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json() as Page;
};

describe('GET /api/v1/administrative-units', () => {
  it('finds "Hà Nội" from "ha noi", today by default', async () => {
    const page = await get('q=ha%20noi&level=province');
    expect(page.items.map((u) => u.name)).toEqual(['Thành phố Hà Nội']);
    expect(page.at).toBe('2026-11-22');
  });

  it('finds the pre-2025 province Thừa Thiên Huế at 2024-01-01', async () => {
    const page = await get('q=thua%20thien%20hue&at=2024-01-01');
    expect(page.items[0]).toMatchObject({ code: '46', level: 'province', name: 'Tỉnh Thừa Thiên Huế' });
  });

  it('counts 34 provinces today and 63 in 2024, 3,321 communes today', async () => {
    expect((await get('level=province&pageSize=1')).total).toBe(34);
    expect((await get('level=province&at=2024-01-01&pageSize=1')).total).toBe(63);
    expect((await get('level=district&at=2024-01-01&pageSize=1')).total).toBe(696);
    expect((await get('level=commune&pageSize=1')).total).toBe(3321);
    expect((await get('level=commune&at=2025-06-30&pageSize=1')).total).toBe(10035);
  });

  it('paginates the communes of Hưng Yên without overlap', async () => {
    const first = await get('level=commune&parent=33&pageSize=50&page=1');
    const third = await get('level=commune&parent=33&pageSize=50&page=3');
    expect(first.total).toBe(104);
    expect(first.items).toHaveLength(50);
    expect(third.items).toHaveLength(4);
    expect(first.items.some((u) => third.items.some((v) => v.code === u.code))).toBe(false);
  });

  it('rejects a malformed parent code with a clear message', async () => {
    const response = await t.app.inject({ url: '/api/v1/administrative-units?parent=abc' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toMatch(/Mã đơn vị hành chính/);
  });
});
