import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertLocalCitizen, insertProcedureAgencies } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { seedProcedure, seedWorld, signIn, TEST_PROCEDURE_WITH_FORM, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { DEMO_CITIZEN, seedDemoCitizen } from '../usecases/portal/account/demo-citizen.js';
import { type CitizenSession, multipartFile, samplePdf, signInCitizen } from '../usecases/portal/test-support.js';

// The citizen's path with an application form (eForms): the draft keeps a partial form and lists its
// problems, the submission is refused with pointers until the form is right, the dossier stores the
// pruned values, the official and the citizen see it, and the printed tờ khai holds what was typed.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
const PASSWORD = 'Mat-khau-cong-dan-2026';

let t: TestApp;
let world: World;
let citizen: CitizenSession;
let otherCitizen: CitizenSession;

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
  await seedDemoCitizen(t.database.db, PASSWORD);
  await insertLocalCitizen(t.database.db, {
    username: 'nguoikhac',
    passwordHash: await hashPassword(PASSWORD),
    accountKind: 'person',
    idNumber: '001085009999',
    fullName: 'Lê Văn Khác',
    dateOfBirth: '1985-01-01',
    address: 'Hà Nội',
    communeCode: null,
    phone: null,
    email: null,
    taxCode: null,
    organisationName: null,
  });
  citizen = await signInCitizen(t.app, DEMO_CITIZEN.username, PASSWORD);
  otherCitizen = await signInCitizen(t.app, 'nguoikhac', PASSWORD);
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

type Problem = { pointer: string; code: string; message: string };
type DraftView = {
  id: string;
  version: number;
  data: { form?: Record<string, unknown> };
  problems: Problem[];
  form: { applicationForm: { key: string } | null; components: { key: string }[] };
};

const saveDraft = async (draft: { id: string; version: number }, form: Record<string, unknown>) => {
  const response = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/citizen/drafts/${draft.id}`,
    headers: citizen.headers,
    payload: {
      expectedVersion: draft.version,
      data: { applicant: applicant(), receivingAgencyId: agencyId('justice'), form },
    },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as DraftView;
};

const submit = async (draft: { id: string; version: number }) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/citizen/drafts/${draft.id}/submit`,
    headers: citizen.headers,
    payload: { expectedVersion: draft.version },
  });

const pointersOf = (problems: Problem[]) => problems.map((p) => `${p.pointer} ${p.code}`).sort();

/** The text of a PDF as poppler's pdftotext reads it (what a reader, or a search, finds in the file). */
const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-eforms-'));
  try {
    const file = join(dir, 'form.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const FILLED = {
  childFullName: 'Nguyễn Thị Hồng Nhung',
  childBirthDate: '2026-11-02',
  childSex: 'female',
  birthPlace: { communeCode: '11953', detail: 'Bệnh viện Đa khoa tỉnh Hưng Yên' },
  relationship: 'me',
  // Hidden (relationship is not "khac"): dropped before the form is stored.
  relationshipOther: 'Bà ngoại',
  siblings: [{ siblingName: 'Nguyễn Văn Đức Anh', siblingAddress: { communeCode: '11983' } }],
};

describe('online submission with an application form', () => {
  let code: string;

  it('keeps a partial form in the draft and lists its problems under /data/form', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/drafts',
      headers: citizen.headers,
      payload: { catalog: '33', procedureCode: '1.001193' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const draft = started.json() as DraftView;
    // The form replaces the paper tờ khai: it is not asked for as an upload.
    expect(draft.form.applicationForm?.key).toBe('to-khai-khai-sinh');
    expect(draft.form.components.map((c) => c.key)).toEqual(['giay-chung-sinh']);
    expect(pointersOf(draft.problems)).toContain('/data/form invalid_type');

    const partial = await saveDraft(draft, { childFullName: 'Nguyễn Thị Hồng Nhung', relationship: 'khac' });
    expect(partial.data.form).toEqual({ childFullName: 'Nguyễn Thị Hồng Nhung', relationship: 'khac' });
    expect(pointersOf(partial.problems)).toEqual([
      '/data/form/birthPlace REQUIRED',
      '/data/form/childBirthDate REQUIRED',
      '/data/form/childSex REQUIRED',
      '/data/form/relationshipOther REQUIRED',
    ]);
    expect(partial.problems.find((p) => p.pointer === '/data/form/childSex')?.message).toBe('Trường này là bắt buộc.');
  });

  it('refuses the submission with pointers while the form is wrong, then accepts it', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/drafts',
      headers: citizen.headers,
      payload: { catalog: '33', procedureCode: '1.001193' },
    });
    let draft = started.json() as DraftView;
    const file = multipartFile(samplePdf('giay-chung-sinh'), 'giay-chung-sinh.pdf', 'application/pdf');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/citizen/drafts/${draft.id}/uploads?component=giay-chung-sinh`,
      headers: { ...citizen.headers, ...file.headers },
      payload: file.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);

    // A birth date after today (23/11/2026 in Vietnam) and a sex that is not an option.
    draft = await saveDraft(draft, { ...FILLED, childBirthDate: '2026-11-24', childSex: 'x' });
    const wrong = await submit(draft);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('APPLICATION_INVALID');
    expect(pointersOf(wrong.json().errors)).toEqual([
      '/data/form/childBirthDate DATE_IN_FUTURE',
      '/data/form/childSex invalid_union',
    ]);
    expect(wrong.json().errors[0].message).toBe('Ngày này không được sau ngày hôm nay.');

    // A commune that is not one of the 2025 administrative units.
    draft = await saveDraft(draft, { ...FILLED, birthPlace: { communeCode: '99999' } });
    const unknown = await submit(draft);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ pointer: '/data/form/birthPlace/communeCode', code: 'ADMIN_UNIT_UNKNOWN' }),
    ]);

    draft = await saveDraft(draft, FILLED);
    expect(draft.problems).toEqual([]);
    const accepted = await submit(draft);
    expect(accepted.statusCode, accepted.body).toBe(201);
    code = accepted.json().code;
  });

  it('shows the official the definition of the dossier’s version and the pruned values', async () => {
    const desk = await signIn(t.app, 'tiepnhan');
    const response = await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: desk.headers });
    expect(response.statusCode).toBe(200);
    const { applicationForm } = response.json();
    expect(applicationForm.definition).toEqual(TEST_PROCEDURE_WITH_FORM.applicationForm);
    const { relationshipOther: _hidden, ...stored } = FILLED;
    expect(applicationForm.values).toEqual(stored);
    expect(applicationForm.pdfUrl).toBe(`/api/v1/dossiers/${code}/application-form.pdf`);
  });

  it('prints the tờ khai with what the citizen typed, diacritics included', async () => {
    const desk = await signIn(t.app, 'tiepnhan');
    const response = await t.app.inject({
      url: `/api/v1/dossiers/${code}/application-form.pdf`,
      headers: desk.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    expect(text).toContain('Nguyễn Thị Hồng Nhung');
    expect(text).toContain('Nguyễn Văn Đức Anh');
    expect(text).toContain('Bệnh viện Đa khoa tỉnh Hưng Yên');
    expect(text).toContain('phường Phố Hiến, tỉnh Hưng Yên');
    expect(text).toContain(code);
    expect(text).not.toContain('Bà ngoại');
  });

  it('lets no other agency’s official read the form; the citizen reads their own, another citizen gets 404', async () => {
    const foreign = await signIn(t.app, 'hanoitn');
    for (const url of [`/api/v1/dossiers/${code}`, `/api/v1/dossiers/${code}/application-form.pdf`]) {
      const response = await t.app.inject({ url, headers: foreign.headers });
      expect([403, 404]).toContain(response.statusCode);
    }
    const own = await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}`, headers: citizen.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json().applicationForm).toMatchObject({
      definition: { key: 'to-khai-khai-sinh' },
      values: { childFullName: 'Nguyễn Thị Hồng Nhung' },
      pdfUrl: `/api/v1/citizen/dossiers/${code}/application-form.pdf`,
    });
    // The filled form stands for the paper tờ khai: only the birth certificate is listed, handed in as a file.
    expect(own.json().components).toEqual([
      expect.objectContaining({ key: 'giay-chung-sinh', handedIn: expect.objectContaining({ files: 1 }) }),
    ]);
    const pdf = await t.app.inject({ url: own.json().applicationForm.pdfUrl, headers: citizen.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain('Nguyễn Thị Hồng Nhung');
    const other = await t.app.inject({ url: own.json().applicationForm.pdfUrl, headers: otherCitizen.headers });
    expect(other.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}/application-form.pdf` })).statusCode).toBe(401);
  });

  it('describes the procedure form with the definition and without the replaced component', async () => {
    const response = await t.app.inject({ url: '/api/v1/public/procedures/1.001193/form?catalog=33' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().applicationForm.sections.map((s: { key: string }) => s.key)).toEqual([
      'tre',
      'nguoi-yeu-cau',
    ]);
    expect(response.json().components.map((c: { key: string }) => c.key)).toEqual(['giay-chung-sinh']);
  });
});
