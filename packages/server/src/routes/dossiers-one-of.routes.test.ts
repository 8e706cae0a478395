import type { Component } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn, TEST_PROCEDURE_CONTENT, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

// A "one of" requirement at the counter: trợ giúp pháp lý (2.000829) asks for the request form
// and one proof of eligibility; each proof is an option of one group (Law on Legal Aid 2017 Art. 7).
let t: TestApp;
let world: World;
const clock = fixedClock('2026-11-23T09:00:00+07:00');

const GROUP = {
  key: 'oneof-tre-em',
  label: '3. Giấy tờ chứng minh là trẻ em gồm một trong các giấy tờ',
};
const option = (key: string, name: string, order: number): Component => ({
  key,
  name,
  group: 'submit',
  originals: 1,
  copies: 0,
  required: true,
  replaceableByData: false,
  alternativeGroup: { ...GROUP, order },
});

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, {
    catalog: '33',
    code: '2.000829',
    content: {
      ...TEST_PROCEDURE_CONTENT,
      name: 'Thủ tục yêu cầu trợ giúp pháp lý',
      components: [
        {
          key: 'don-yeu-cau',
          name: 'Đơn yêu cầu trợ giúp pháp lý',
          group: 'submit',
          originals: 1,
          copies: 0,
          required: true,
          replaceableByData: false,
        },
        option('giay-khai-sinh', 'a) Giấy khai sinh, hộ chiếu', 0),
        option('van-ban-to-tung', 'b) Văn bản của cơ quan tiến hành tố tụng xác định là trẻ em', 1),
        option('van-ban-xu-ly', 'c) Văn bản của cơ quan có thẩm quyền về áp dụng biện pháp xử lý hành chính', 2),
      ],
    },
  });
});

afterAll(async () => {
  await t?.close();
});

const intake = async (components: { key: string; originals: number; copies: number }[]) => {
  const desk = await signIn(t.app, 'motcua');
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: desk.headers,
    payload: {
      receivingAgencyId: world.agencies.centre?.id,
      procedureCode: '2.000829',
      channel: 'direct',
      applicant: {
        kind: 'person',
        fullName: 'Nguyễn Văn An',
        idNumber: '033090001234',
        dateOfBirth: '1990-05-20',
        gender: 'male',
        address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
        phone: '0912345678',
      },
      components,
      outcome: 'receive',
    },
  });
};

describe('counter intake with a "one of" requirement', () => {
  it('receives a dossier that holds one option of the group (b only)', async () => {
    const response = await intake([
      { key: 'don-yeu-cau', originals: 1, copies: 0 },
      { key: 'van-ban-to-tung', originals: 1, copies: 0 },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const { code } = response.json();
    const desk = await signIn(t.app, 'motcua');
    const dossier = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk.headers })).json();
    expect(dossier.status).toBe('received');
  });

  it('refuses a dossier with no option of the group, naming the group and not the options', async () => {
    const response = await intake([
      { key: 'don-yeu-cau', originals: 1, copies: 0 },
      { key: 'giay-khai-sinh', originals: 0, copies: 0 },
    ]);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'DOSSIER_INCOMPLETE' });
    expect(response.json().detail).toContain('Giấy tờ chứng minh là trẻ em');
    expect(response.json().detail).not.toContain('Giấy khai sinh, hộ chiếu');
  });

  it('still refuses when the plain requirement is missing although an option is given', async () => {
    const response = await intake([{ key: 'giay-khai-sinh', originals: 1, copies: 0 }]);
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain('Đơn yêu cầu trợ giúp pháp lý');
  });
});
