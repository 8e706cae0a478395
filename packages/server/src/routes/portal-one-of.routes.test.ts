import { insertProcedureAgencies } from '@motcua/db';
import type { Component } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, TEST_PROCEDURE_CONTENT, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { DEMO_CITIZEN, seedDemoCitizen } from '../usecases/portal/account/demo-citizen.js';
import { type CitizenSession, multipartFile, samplePdf, signInCitizen } from '../usecases/portal/test-support.js';

// A "one of" requirement online: trợ giúp pháp lý (2.000829) asks for the request form and one
// proof of eligibility; an upload for any one option satisfies the group.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
const PASSWORD = 'Mat-khau-cong-dan-2026';
const LABEL = '3. Giấy tờ chứng minh là trẻ em gồm một trong các giấy tờ';

let t: TestApp;
let world: World;
let citizen: CitizenSession;

const option = (key: string, name: string, order: number): Component => ({
  key,
  name,
  group: 'submit',
  originals: 1,
  copies: 0,
  required: true,
  replaceableByData: false,
  alternativeGroup: { key: 'oneof-tre-em', label: LABEL, order },
});

const agencyId = (key: string) => {
  const agency = world.agencies[key];
  if (!agency) {
    throw new Error(key);
  }
  return agency.id;
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  const legalAid = await seedProcedure(t, {
    catalog: '33',
    code: '2.000829',
    content: {
      ...TEST_PROCEDURE_CONTENT,
      nationalCode: '2.000829',
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
      ],
    },
  });
  await insertProcedureAgencies(t.database.db, [
    { procedureId: legalAid.procedureId, agencyId: agencyId('centre'), role: 'receiving', catalog: '33' },
  ]);
  await seedDemoCitizen(t.database.db, PASSWORD);
  citizen = await signInCitizen(t.app, DEMO_CITIZEN.username, PASSWORD);
});

afterAll(async () => {
  await t?.close();
});

const applicant = () => ({
  kind: 'person',
  fullName: DEMO_CITIZEN.fullName,
  idNumber: DEMO_CITIZEN.idNumber,
  dateOfBirth: DEMO_CITIZEN.dateOfBirth,
  gender: 'male',
  address: { text: DEMO_CITIZEN.address, communeCode: DEMO_CITIZEN.communeCode },
  phone: DEMO_CITIZEN.phone,
});

const startDraft = async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/citizen/drafts',
    headers: citizen.headers,
    payload: {
      catalog: '33',
      procedureCode: '2.000829',
      data: { applicant: applicant(), receivingAgencyId: agencyId('centre') },
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; form: { components: Record<string, unknown>[] } };
};

const upload = async (draftId: string, component: string) => {
  const body = multipartFile(samplePdf(component), `${component}.pdf`, 'application/pdf');
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/citizen/drafts/${draftId}/uploads?component=${component}`,
    headers: { ...citizen.headers, ...body.headers },
    payload: body.payload,
  });
  expect(response.statusCode, response.body).toBe(201);
};

const submit = async (draft: { id: string; version: number }) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/citizen/drafts/${draft.id}/submit`,
    headers: citizen.headers,
    payload: { expectedVersion: draft.version },
  });

describe('online submission with a "one of" requirement', () => {
  it('describes the options of the group in the form', async () => {
    const draft = await startDraft();
    expect(draft.form.components.map((c) => c.alternativeGroup)).toEqual([
      null,
      { key: 'oneof-tre-em', label: LABEL, order: 0 },
      { key: 'oneof-tre-em', label: LABEL, order: 1 },
    ]);
  });

  it('refuses a submission without any option of the group, naming the group', async () => {
    const draft = await startDraft();
    await upload(draft.id, 'don-yeu-cau');
    const response = await submit(draft);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'DOSSIER_INCOMPLETE' });
    expect(response.json().detail).toContain('Giấy tờ chứng minh là trẻ em');
  });

  it('accepts a submission with one option of the group (b only)', async () => {
    const draft = await startDraft();
    await upload(draft.id, 'don-yeu-cau');
    await upload(draft.id, 'van-ban-to-tung');
    const response = await submit(draft);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().code).toBeTruthy();
  });
});
