import { createHash } from 'node:crypto';
import { insertProcedureAgencies, listDocumentSignatures, listTrustedRootCertificates } from '@motcua/db';
import type { ProcedureVersionContent } from '@motcua/domain';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdfSignatures } from '../signing/verify-pdf.js';
import { seedProcedure, seedWorld, signIn, TEST_PROCEDURE_WITH_FORM, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { DEMO_CITIZEN, seedDemoCitizen } from '../usecases/portal/account/demo-citizen.js';
import { type CitizenSession, multipartFile, samplePdf, signInCitizen } from '../usecases/portal/test-support.js';
import { issueTestCredentialUnchecked } from '../usecases/signing/credentials.js';

// Result documents: generated from the result template of the procedure version (filled from the dossier
// and its filled application form), stored content-addressed, listed on the dossier and the control slip,
// downloaded by the citizen once returned online, verified publicly by hash and by the id its QR code
// prints; an online return without a result file is refused.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
const PASSWORD = 'Mat-khau-cong-dan-2026';

const CONTENT: ProcedureVersionContent = {
  ...TEST_PROCEDURE_WITH_FORM,
  resultTemplate: {
    key: 'giay-khai-sinh',
    title: 'Giấy khai sinh',
    subject: 'Bản điện tử cấp cho {{form.childFullName}}',
    paragraphs: [
      { text: 'Họ, chữ đệm, tên: {{form.childFullName}}; giới tính: {{form.childSex}}.' },
      { text: 'Ngày sinh: {{form.childBirthDate}}; nơi sinh: {{form.birthPlace}}.' },
      { text: 'Quan hệ khác với người được khai sinh: {{form.relationshipOther}}.', optional: true },
      { text: 'Người đi đăng ký: {{applicant.fullName}}. Số: {{document.number}}, ngày {{document.date}}.' },
    ],
    signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch' },
  },
};

let t: TestApp;
let world: World;
let citizen: CitizenSession;
let code = '';

const agencyId = (key: string) => {
  const agency = world.agencies[key];
  if (!agency) {
    throw new Error(key);
  }
  return agency.id;
};

const as = async (who: string) => (await signIn(t.app, who)).headers;

const act = async (who: string, dossierCode: string, action: string, params: object = {}, extra: object = {}) => {
  const current = await t.app.inject({ url: `/api/v1/dossiers/${dossierCode}`, headers: await as('motcua') });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossierCode}/actions/${action}`,
    headers: await as(who),
    payload: { expectedVersion: current.json().version, params, ...extra },
  });
};

const generate = async (who: string, dossierCode: string, documentNo = '215/2026/GKS') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossierCode}/results/generate`,
    headers: await as(who),
    payload: { documentNo },
  });

const pdfText = async (pdf: Buffer): Promise<string> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`;
  }
  return text.replace(/\s+/g, ' ').normalize('NFC');
};

const FORM = {
  childFullName: 'Trần Minh Khôi',
  childBirthDate: '2026-10-30',
  childSex: 'male',
  birthPlace: { communeCode: '11953', detail: 'Trạm Y tế phường Phố Hiến' },
  relationship: 'cha',
};

/** A dossier at the counter with the filled form, brought to the approver's step. */
const counterDossierAtApprover = async (): Promise<string> => {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: await as('motcua'),
    payload: {
      receivingAgencyId: agencyId('centre'),
      procedureCode: '1.001193',
      applicant: {
        kind: 'person',
        fullName: 'Trần Văn Bố',
        idNumber: '033085001234',
        dateOfBirth: '1985-04-12',
        address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
      },
      components: [{ key: 'giay-chung-sinh', originals: 1, copies: 0 }],
      form: FORM,
      outcome: 'receive',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const dossierCode = created.json().code as string;
  for (const [who, action] of [
    ['motcua', 'forward'],
    ['chuyenvien', 'accept_handoff'],
    ['chuyenvien', 'complete_step'],
  ] as const) {
    const done = await act(who, dossierCode, action);
    expect(done.statusCode, `${action}: ${done.body}`).toBe(200);
  }
  return dossierCode;
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  const birth = await seedProcedure(t, { catalog: '33', code: '1.001193', content: CONTENT });
  await insertProcedureAgencies(t.database.db, [
    { procedureId: birth.procedureId, agencyId: agencyId('centre'), role: 'receiving', catalog: '33' },
  ]);
  await seedDemoCitizen(t.database.db, PASSWORD);
  citizen = await signInCitizen(t.app, DEMO_CITIZEN.username, PASSWORD);
  // The citizen submits online with the filled form; the desk receives it and it reaches the approver.
  const draft = (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/drafts',
      headers: citizen.headers,
      payload: {
        catalog: '33',
        procedureCode: '1.001193',
        data: {
          applicant: {
            kind: 'person',
            fullName: DEMO_CITIZEN.fullName,
            idNumber: DEMO_CITIZEN.idNumber,
            dateOfBirth: DEMO_CITIZEN.dateOfBirth,
            gender: 'male',
            address: { text: DEMO_CITIZEN.address, communeCode: DEMO_CITIZEN.communeCode },
            phone: DEMO_CITIZEN.phone,
          },
          receivingAgencyId: agencyId('centre'),
          form: FORM,
        },
      },
    })
  ).json();
  const file = multipartFile(samplePdf('giay-chung-sinh'), 'giay-chung-sinh.pdf', 'application/pdf');
  const uploaded = await t.app.inject({
    method: 'POST',
    url: `/api/v1/citizen/drafts/${draft.id}/uploads?component=giay-chung-sinh`,
    headers: { ...citizen.headers, ...file.headers },
    payload: file.payload,
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/citizen/drafts/${draft.id}/submit`,
    headers: citizen.headers,
    payload: { expectedVersion: draft.version },
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  code = submitted.json().code;
  for (const [who, action] of [
    ['motcua', 'receive'],
    ['motcua', 'forward'],
    ['chuyenvien', 'accept_handoff'],
    ['chuyenvien', 'complete_step'],
  ] as const) {
    const done = await act(who, code, action);
    expect(done.statusCode, `${action}: ${done.body}`).toBe(200);
  }
});

afterAll(async () => {
  await t?.close();
});

describe('a generated result document, from the template to the citizen and the verification page', () => {
  let result: { id: string; sha256: string; verifyUrl: string };

  it('is generated by the approver from the template, the dossier and its filled form, and stored by its hash', async () => {
    // The desk of another province cannot; the approver can.
    expect((await generate('hanoitn', code)).statusCode).toBe(404);
    const generated = await generate('lanhdao', code);
    expect(generated.statusCode, generated.body).toBe(201);
    result = generated.json();
    expect(generated.json()).toMatchObject({
      kind: 'result',
      name: 'Giấy khai sinh',
      documentNo: '215/2026/GKS',
      mediaType: 'application/pdf',
      origin: 'generated',
      verifyUrl: `http://localhost:3000/v/${result.id}`,
    });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is listed on the dossier, and the official downloads the very bytes of its hash, a Decree 30 document', async () => {
    const view = (await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: await as('lanhdao') })).json();
    expect(view.resultTemplate).toEqual({ key: 'giay-khai-sinh', title: 'Giấy khai sinh' });
    expect(view.documents.filter((d: { kind: string }) => d.kind === 'result')).toEqual([
      expect.objectContaining({
        id: result.id,
        sha256: result.sha256,
        origin: 'generated',
        downloadUrl: `/api/v1/dossiers/${code}/documents/${result.id}`,
        verifyUrl: result.verifyUrl,
      }),
    ]);
    const download = await t.app.inject({
      url: `/api/v1/dossiers/${code}/documents/${result.id}`,
      headers: await as('lanhdao'),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(result.sha256);
    const text = await pdfText(download.rawPayload);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 215/2026/GKS',
      'GIẤY KHAI SINH',
      'Bản điện tử cấp cho Trần Minh Khôi',
      'Họ, chữ đệm, tên: Trần Minh Khôi; giới tính: Nam.',
      'Ngày sinh: 30/10/2026',
      `Người đi đăng ký: ${DEMO_CITIZEN.fullName}. Số: 215/2026/GKS, ngày 23/11/2026.`,
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Lê Văn Lãnh Đạo',
      'Nơi nhận:',
    ]) {
      expect(text).toContain(expected);
    }
    // The optional paragraph whose value is empty is left out; no placeholder is printed.
    expect(text).not.toContain('Quan hệ khác');
    expect(text).not.toContain('{{');
  });

  it('is not verifiable before the dossier has its result; the completion names it by id', async () => {
    expect((await t.app.inject({ url: `/api/v1/public/documents/${result.sha256}` })).statusCode).toBe(404);
    const unknown = await act(
      'lanhdao',
      code,
      'complete',
      { outcome: 'approved' },
      { results: [{ name: 'Giấy khai sinh', documentId: '00000000-0000-4000-8000-000000000000' }] },
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('RESULT_DOCUMENT_UNKNOWN');
    const completed = await act(
      'lanhdao',
      code,
      'complete',
      { outcome: 'approved' },
      { results: [{ name: 'Giấy khai sinh', documentNo: '215/2026/GKS', documentId: result.id }] },
    );
    expect(completed.statusCode, completed.body).toBe(200);
    const events = (await t.app.inject({ url: `/api/v1/dossiers/${code}/events`, headers: await as('motcua') })).json()
      .items;
    expect(events.at(-1).payload.resultFiles).toEqual([
      { id: result.id, name: 'Giấy khai sinh', documentNo: '215/2026/GKS', sha256: result.sha256 },
    ]);
  });

  it('prints the result with its hash on the control slip', async () => {
    const slip = await t.app.inject({
      url: `/api/v1/dossiers/${code}/forms/control_slip.pdf`,
      headers: await as('motcua'),
    });
    expect(slip.statusCode).toBe(200);
    const text = await pdfText(slip.rawPayload);
    expect(text).toContain('Kết quả giải quyết hồ sơ:');
    expect(text).toContain('1. Giấy khai sinh , số 215/2026/GKS; tệp điện tử, mã SHA-256:');
    expect(text.replace(/ /g, '')).toContain(result.sha256);
  });

  it('is returned online, downloaded by the citizen byte for byte and verified by its hash and its QR code', async () => {
    const returned = await act('motcua', code, 'return_result', { channel: 'online' });
    expect(returned.statusCode, returned.body).toBe(200);
    const mine = (await t.app.inject({ url: `/api/v1/citizen/dossiers/${code}`, headers: citizen.headers })).json();
    const listed = mine.documents.find((d: { kind: string }) => d.kind === 'result');
    expect(listed).toMatchObject({ id: result.id, sha256: result.sha256 });
    const download = await t.app.inject({ url: listed.downloadUrl, headers: citizen.headers });
    expect(download.statusCode).toBe(200);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(result.sha256);

    for (const key of [result.sha256, result.id]) {
      const verified = await t.app.inject({ url: `/api/v1/public/documents/${key}` });
      expect(verified.statusCode, verified.body).toBe(200);
      expect(verified.json()).toMatchObject({
        valid: true,
        id: result.id,
        sha256: result.sha256,
        name: 'Giấy khai sinh',
        documentNo: '215/2026/GKS',
        origin: 'generated',
        signedAt: null,
        issuer: { name: expect.any(String) },
      });
    }
    const page = await t.app.inject({ url: `/v/${result.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(result.sha256);
  });
});

describe('rules around result documents', () => {
  it('refuses to return online without a result file, with a stable problem in Vietnamese and English', async () => {
    const dossierCode = await counterDossierAtApprover();
    const completed = await act(
      'lanhdao',
      dossierCode,
      'complete',
      { outcome: 'approved' },
      { results: [{ name: 'Giấy khai sinh', documentNo: '216/2026' }] },
    );
    expect(completed.statusCode, completed.body).toBe(200);
    const online = await act('motcua', dossierCode, 'return_result', { channel: 'online' });
    expect(online.statusCode).toBe(422);
    expect(online.json()).toMatchObject({ code: 'RESULT_FILE_REQUIRED', title: 'Chưa có tệp kết quả điện tử' });
    const current = await t.app.inject({ url: `/api/v1/dossiers/${dossierCode}`, headers: await as('motcua') });
    const english = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossierCode}/actions/return_result`,
      headers: { ...(await as('motcua')), 'accept-language': 'en' },
      payload: { expectedVersion: current.json().version, params: { channel: 'online' } },
    });
    expect(english.json()).toMatchObject({ code: 'RESULT_FILE_REQUIRED', title: 'No electronic result' });
    expect(current.json().status).toBe('completed');

    // The desk attaches the signed PDF (a result must be a PDF); then the online return goes through.
    const image = multipartFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'kq.png', 'image/png');
    const notPdf = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossierCode}/documents?kind=result&name=${encodeURIComponent('Giấy khai sinh')}`,
      headers: { ...(await as('motcua')), ...image.headers },
      payload: image.payload,
    });
    expect(notPdf.json().code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const pdf = multipartFile(samplePdf('giay-khai-sinh-216'), 'giay-khai-sinh.pdf', 'application/pdf');
    const attached = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossierCode}/documents?kind=result&name=${encodeURIComponent('Giấy khai sinh')}&documentNo=216%2F2026`,
      headers: { ...(await as('motcua')), ...pdf.headers },
      payload: pdf.payload,
    });
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json()).toMatchObject({
      origin: 'uploaded',
      verifyUrl: `http://localhost:3000/v/${attached.json().sha256}`,
    });
    expect((await act('motcua', dossierCode, 'return_result', { channel: 'online' })).statusCode).toBe(200);
  });

  it('leaves the signer blank when a processor drafts it, and names every value the template lacks', async () => {
    const dossierCode = await counterDossierAtApprover();
    const drafted = await generate('chuyenvien', dossierCode, '217/2026');
    expect(drafted.statusCode, drafted.body).toBe(201);
    const pdf = await t.app.inject({
      url: `/api/v1/dossiers/${dossierCode}/documents/${drafted.json().id}`,
      headers: await as('chuyenvien'),
    });
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Số: 217/2026');
    expect(text).not.toContain('Lê Văn Lãnh Đạo');
    expect((await generate('lanhdao', dossierCode, ' ')).statusCode).toBe(400);

    // A dossier received with the paper tờ khai has no filled form: the form's values are missing.
    const paper = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: await as('motcua'),
      payload: {
        receivingAgencyId: agencyId('centre'),
        procedureCode: '1.001193',
        applicant: {
          kind: 'person',
          fullName: 'Trần Văn Bố',
          idNumber: '033085001234',
          dateOfBirth: '1985-04-12',
          address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
        },
        components: [
          { key: 'to-khai', originals: 1, copies: 0 },
          { key: 'giay-chung-sinh', originals: 1, copies: 0 },
        ],
        outcome: 'receive',
      },
    });
    expect(paper.statusCode, paper.body).toBe(201);
    const paperCode = paper.json().code as string;
    expect((await generate('motcua', paperCode)).json().code).toBe('ACTION_NOT_ALLOWED');
    expect((await act('motcua', paperCode, 'forward')).statusCode).toBe(200);
    const incomplete = await generate('chuyenvien', paperCode);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({
      code: 'RESULT_TEMPLATE_INCOMPLETE',
      detail:
        'Hồ sơ chưa có thông tin cho 4 mục của mẫu văn bản kết quả: Họ, chữ đệm, tên (tờ khai); Giới tính (tờ khai); ' +
        'Ngày, tháng, năm sinh (tờ khai); Nơi sinh (tờ khai).',
    });
  });
});

// Issue 19: once the approver and the deciding agency hold certificates, a generated result is signed by both
// through signPdf (the approver's image at the signature block, the agency's seal over its left third).
describe('a generated result with certificates', () => {
  it('is signed by the approver then the agency; the signatures are recorded with the dossier', async () => {
    const dossierCode = await counterDossierAtApprover();
    const detail = (await t.app.inject({ url: `/api/v1/dossiers/${dossierCode}`, headers: await as('motcua') })).json();
    const justice = agencyId('justice');
    await issueTestCredentialUnchecked(
      t.ctx,
      { ownerKind: 'official', agencyId: justice, userId: world.users.lanhdao?.id ?? '' },
      null,
    );
    await issueTestCredentialUnchecked(t.ctx, { ownerKind: 'agency', agencyId: justice }, null);
    const generated = await generate('lanhdao', dossierCode, '218/2026/GKS');
    expect(generated.statusCode, generated.body).toBe(201);
    const pdf = await t.app.inject({
      url: `/api/v1/dossiers/${dossierCode}/documents/${generated.json().id}`,
      headers: await as('lanhdao'),
    });
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(generated.json().sha256);
    const verified = verifyPdfSignatures(pdf.rawPayload, await listTrustedRootCertificates(t.ctx.db));
    expect(verified.signatures.map((s) => [s.valid, s.coversWholeDocument])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(verified.signatures[0]?.certificate?.subject).toContain('Lê Văn Lãnh Đạo');
    const rows = await listDocumentSignatures(t.ctx.db, { dossierId: detail.id });
    expect(rows.map((row) => [row.kind, row.outputSha256 === generated.json().sha256])).toEqual([
      ['signer', false],
      ['organisation', true],
    ]);
    expect(await pdfText(pdf.rawPayload)).toContain('Số: 218/2026/GKS');

    // Completed with it, the dossier counts for Decision 766 indicator 11 (results with legal value) of the
    // agency holding certificates; an agency without any keeps "chưa có dữ liệu".
    const completed = await act(
      'lanhdao',
      dossierCode,
      'complete',
      { outcome: 'approved' },
      { results: [{ name: 'Giấy khai sinh', documentNo: '218/2026/GKS', documentId: generated.json().id }] },
    );
    expect(completed.statusCode, completed.body).toBe(200);
    const report = (
      await t.app.inject({
        url: '/api/v1/reports/service-index?period=2026-11&level=agency',
        headers: await as('qttinh'),
      })
    ).json();
    const legalValue = (unitId: string) =>
      report.units
        .find((unit: { id: string }) => unit.id === unitId)
        ?.result.groups.flatMap((group: { indicators: { code: string }[] }) => group.indicators)
        .find((indicator: { code: string }) => indicator.code === 'ORIGINAL_RESULT_AVAILABLE');
    const signedUnit = legalValue(justice);
    expect(signedUnit).toMatchObject({ status: 'scored' });
    expect(signedUnit.ratio.numerator).toBeGreaterThanOrEqual(1);
    expect(signedUnit.ratio.numerator).toBeLessThanOrEqual(signedUnit.ratio.base);
    const others = report.units.filter((unit: { id: string }) => unit.id !== justice);
    for (const unit of others) {
      expect(legalValue(unit.id)?.status).not.toBe('scored');
    }

    // A processor's draft is not the approver's: only the agency signs it.
    const other = await counterDossierAtApprover();
    const drafted = await generate('chuyenvien', other, '219/2026');
    const draftPdf = await t.app.inject({
      url: `/api/v1/dossiers/${other}/documents/${drafted.json().id}`,
      headers: await as('chuyenvien'),
    });
    expect(verifyPdfSignatures(draftPdf.rawPayload, []).signatures).toHaveLength(1);
  });
});
