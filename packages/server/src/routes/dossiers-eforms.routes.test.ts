import { createHash } from 'node:crypto';
import { insertProcedureAgencies } from '@motcua/db';
import { canonicalizeJson, type FormDefinition, type ProcedureVersionContent } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  seedProcedure,
  seedWorld,
  signIn,
  TEST_APPLICATION_FORM,
  TEST_PROCEDURE_WITH_FORM,
  type World,
} from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

// Counter intake with an application form (eForms): the desk sends the filled form, checked with the
// same schema as online; it stands for the paper tờ khai; the dossier keeps the form of its procedure
// version after a new version with another form is published.
const clock = fixedClock('2026-11-23T09:00:00+07:00');

let t: TestApp;
let world: World;
let desk: Record<string, string>;

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
  const birth = await seedProcedure(t, { catalog: '33', code: '1.001193', content: TEST_PROCEDURE_WITH_FORM });
  await insertProcedureAgencies(t.database.db, [
    { procedureId: birth.procedureId, agencyId: agencyId('justice'), role: 'receiving', catalog: '33' },
  ]);
  desk = (await signIn(t.app, 'tiepnhan')).headers;
});

afterAll(async () => {
  await t?.close();
});

const FORM = {
  childFullName: 'Trần Minh Khôi',
  childBirthDate: '2026-10-30',
  childSex: 'male',
  birthPlace: { communeCode: '11953', detail: 'Trạm Y tế phường Phố Hiến' },
  relationship: 'cha',
};

const intake = (body: { components: { key: string; originals: number; copies: number }[]; form?: unknown }) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: desk,
    payload: {
      receivingAgencyId: agencyId('justice'),
      procedureCode: '1.001193',
      applicant: {
        kind: 'person',
        fullName: 'Trần Văn Bố',
        idNumber: '033085001234',
        dateOfBirth: '1985-04-12',
        address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
      },
      outcome: 'receive',
      ...body,
    },
  });

const CERTIFICATE = { key: 'giay-chung-sinh', originals: 1, copies: 0 };

describe('counter intake with an application form', () => {
  it('asks for the paper tờ khai when no form is sent', async () => {
    const response = await intake({ components: [CERTIFICATE] });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'DOSSIER_INCOMPLETE' });
    expect(response.json().detail).toContain('Tờ khai đăng ký khai sinh');
  });

  it('checks the form with the schema of the definition, pointing under /form', async () => {
    const response = await intake({
      components: [CERTIFICATE],
      form: {
        ...FORM,
        childBirthDate: '2026-12-01',
        relationship: 'khac',
        siblings: [{ siblingAddress: { communeCode: '11953' } }],
        unknownField: 'x',
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('APPLICATION_INVALID');
    expect(
      response
        .json()
        .errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`)
        .sort(),
    ).toEqual([
      '/form unrecognized_keys',
      '/form/childBirthDate DATE_IN_FUTURE',
      '/form/relationshipOther REQUIRED',
      '/form/siblings/0/siblingName REQUIRED',
    ]);
    const unknownCommune = await intake({
      components: [CERTIFICATE],
      form: { ...FORM, siblings: [{ siblingName: 'Trần An', siblingAddress: { communeCode: '00001' } }] },
    });
    expect(unknownCommune.statusCode).toBe(422);
    expect(unknownCommune.json().errors).toEqual([
      expect.objectContaining({ pointer: '/form/siblings/0/siblingAddress/communeCode', code: 'ADMIN_UNIT_UNKNOWN' }),
    ]);
  });

  it('receives the dossier with the filled form standing for the paper tờ khai', async () => {
    const response = await intake({ components: [CERTIFICATE], form: FORM });
    expect(response.statusCode, response.body).toBe(201);
    const view = await t.app.inject({ url: `/api/v1/dossiers/${response.json().code}`, headers: desk });
    expect(view.json().status).toBe('received');
    expect(view.json().applicationForm).toEqual({
      definition: TEST_APPLICATION_FORM,
      values: FORM,
      pdfUrl: `/api/v1/dossiers/${response.json().code}/application-form.pdf`,
      // The commune of the address, written in full as the PDF writes it.
      places: { '11953': expect.stringMatching(/^phường Phố Hiến, tỉnh Hưng Yên$/) },
    });
    // The first event of the hash-chained history vouches for the stored values.
    const events = await t.app.inject({ url: `/api/v1/dossiers/${response.json().code}/events`, headers: desk });
    expect(events.json().items[0].payload.applicationForm).toEqual({
      key: 'to-khai-khai-sinh',
      sha256: createHash('sha256').update(canonicalizeJson(FORM)).digest('hex'),
    });
    // The dossier's export holds the filled form with its definition, and the history.
    const exported = await t.app.inject({ url: `/api/v1/dossiers/${response.json().code}/export.json`, headers: desk });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-disposition']).toBe(`attachment; filename="${response.json().code}.json"`);
    expect(exported.json()).toMatchObject({
      format: 'motcua.dossier-export/1',
      exportedAt: '2026-11-23T09:00:00+07:00',
      dossier: { code: response.json().code, applicationForm: { definition: TEST_APPLICATION_FORM, values: FORM } },
    });
    expect(exported.json().events.map((e: { hash: string }) => e.hash)).toEqual(
      events.json().items.map((e: { hash: string }) => e.hash),
    );
    // A dossier received on paper alone has no filled form, and no PDF of one.
    const paper = await intake({ components: [CERTIFICATE, { key: 'to-khai', originals: 1, copies: 0 }] });
    expect(paper.statusCode, paper.body).toBe(201);
    const paperView = await t.app.inject({ url: `/api/v1/dossiers/${paper.json().code}`, headers: desk });
    expect(paperView.json().applicationForm).toBeNull();
    const noPdf = await t.app.inject({
      url: `/api/v1/dossiers/${paper.json().code}/application-form.pdf`,
      headers: desk,
    });
    expect(noPdf.statusCode).toBe(404);
  });

  it('keeps the form of the dossier’s procedure version after a new version changes the form', async () => {
    const before = await intake({ components: [CERTIFICATE], form: FORM });
    expect(before.statusCode, before.body).toBe(201);
    const code = before.json().code as string;

    // The province publishes version 2, whose form asks for the child's ethnicity.
    const admin = (await signIn(t.app, 'qttinh')).headers;
    const rowVersion = async () =>
      (await t.app.inject({ url: '/api/v1/procedures/1.001193?catalog=33', headers: admin })).json()
        .rowVersion as number;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedures/1.001193/versions?catalog=33',
      headers: admin,
      payload: { expectedVersion: await rowVersion() },
    });
    expect(created.statusCode, created.body).toBe(201);
    const changedForm: FormDefinition = {
      ...TEST_APPLICATION_FORM,
      sections: TEST_APPLICATION_FORM.sections.map((section) =>
        section.key === 'tre'
          ? {
              ...section,
              fields: [...section.fields, { key: 'ethnicity', kind: 'text', label: 'Dân tộc', required: true }],
            }
          : section,
      ),
    };
    const content: ProcedureVersionContent = { ...TEST_PROCEDURE_WITH_FORM, applicationForm: changedForm };
    const edited = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/procedures/1.001193/versions/2?catalog=33',
      headers: admin,
      payload: { expectedVersion: await rowVersion(), content },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const published = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedures/1.001193/versions/2/publish?catalog=33',
      headers: admin,
      payload: { expectedVersion: await rowVersion(), effectiveFrom: '2026-11-23' },
    });
    expect(published.statusCode, published.body).toBe(200);

    // The dossier in flight shows the form it was received with.
    const view = await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk });
    expect(view.json().applicationForm.definition).toEqual(TEST_APPLICATION_FORM);
    expect(view.json().applicationForm.values).toEqual(FORM);
    const pdf = await t.app.inject({ url: `/api/v1/dossiers/${code}/application-form.pdf`, headers: desk });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // A new dossier answers the new form: the old values lack the ethnicity.
    const stale = await intake({ components: [CERTIFICATE], form: FORM });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().errors).toEqual([expect.objectContaining({ pointer: '/form/ethnicity', code: 'REQUIRED' })]);
    const fresh = await intake({ components: [CERTIFICATE], form: { ...FORM, ethnicity: 'Kinh' } });
    expect(fresh.statusCode, fresh.body).toBe(201);
    const freshView = await t.app.inject({ url: `/api/v1/dossiers/${fresh.json().code}`, headers: desk });
    expect(freshView.json().applicationForm.definition).toEqual(changedForm);
    expect(freshView.json().procedure.versionId).not.toBe(view.json().procedure.versionId);
  });
});
