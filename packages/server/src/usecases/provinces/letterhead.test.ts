import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertProvinceSiteIfMissing } from '@motcua/db';
import type { ProcedureVersionContent } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupUrlOf } from '../../notifications/deliver.js';
import { seedProcedure, seedWorld, signIn, TEST_PROCEDURE_CONTENT, type World } from '../../testing/fixtures.js';
import { LETTERHEAD_SITES, seedLetterheadSites } from '../../testing/letterhead-sites.js';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.js';
import { paknPublicUrlOf } from '../pakn/pakn-documents.js';
import { multipartFile, samplePdf } from '../portal/test-support.js';
import { surveyUrlOf } from '../sipas/sipas-access.js';
import {
  describeAgencyLetterhead,
  describeProvinceLetterhead,
  findPlaceNameOfAgency,
  placeNameFromAgencyName,
} from './letterhead.js';
import { forgetProvinceSites, publicUrlOf } from './province-site.js';

// Issue 22 item 4: two provinces on one install, each with "letterheads on every document" and its own host name.
// A Hưng Yên record prints Hưng Yên's agency, place name and public address; a Hà Nội record Hà Nội's; neither
// prints anything of the other, and a province without an address of its own falls back to MOTCUA_PUBLIC_URL.

const INSTALL_URL = 'https://motcua.trungtamdulieu.gov.vn';
const HUNG_YEN = LETTERHEAD_SITES['33'].publicUrl;
const HA_NOI = LETTERHEAD_SITES['01'].publicUrl;

const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-letterhead-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The text with its line breaks as spaces: an agency's name wraps in the letterhead. */
const spaced = (text: string) => text.replace(/\s+/g, ' ');

/** The text with every space and line break taken out: a long address may wrap anywhere on the page. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

const RESULT_TEMPLATE: ProcedureVersionContent['resultTemplate'] = {
  key: 'giay-khai-sinh',
  title: 'Giấy khai sinh',
  subject: 'Bản điện tử',
  paragraphs: [{ text: 'Người đi đăng ký: {{applicant.fullName}}; mã hồ sơ {{dossier.code}}.' }],
  signer: { authority: 'KT. Giám đốc', title: 'Phó Giám đốc' },
};

/** The test procedure, decided at the Department of Justice of the given province. */
const procedureDecidedAt = (justiceCode: string): ProcedureVersionContent => ({
  ...TEST_PROCEDURE_CONTENT,
  resultTemplate: RESULT_TEMPLATE,
  processSteps: TEST_PROCEDURE_CONTENT.processSteps.map((step) =>
    step.agency.kind === 'fixed' ? { ...step, agency: { kind: 'fixed', agencyCode: justiceCode } } : step,
  ),
});

let t: TestApp;
let world: World;
const clock = fixedClock('2026-11-23T09:00:00+07:00');

const agencyOf = (key: string) => {
  const agency = world.agencies[key];
  if (!agency) {
    throw new Error(key);
  }
  return agency;
};

beforeAll(async () => {
  t = await createTestApp({ clock, config: { publicUrl: INSTALL_URL } });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193', content: procedureDecidedAt('000.00.01.H31') });
  await seedProcedure(t, { catalog: '01', code: '1.001193', content: procedureDecidedAt('000.00.01.H26') });
  await seedLetterheadSites(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** A dossier received at the desk of `agency` by `desk`, for an applicant whose address names no province. */
const receive = async (desk: string, agency: string, applicant: { fullName: string; idNumber: string }) => {
  const session = await signIn(t.app, desk);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: session.headers,
    payload: {
      receivingAgencyId: agencyOf(agency).id,
      procedureCode: '1.001193',
      channel: 'direct',
      applicant: {
        kind: 'person',
        ...applicant,
        dateOfBirth: '1990-05-20',
        gender: 'female',
        address: { text: 'Số 5, tổ dân phố 3' },
      },
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const code = created.json().code as string;
  // Forwarded for processing: the desk may then attach or generate its result.
  const forwarded = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/forward`,
    headers: session.headers,
    payload: { expectedVersion: created.json().version, params: {} },
  });
  expect(forwarded.statusCode, forwarded.body).toBe(200);
  return { code, headers: session.headers };
};

describe('two provinces on one install print their own letterheads', () => {
  let hungYen: { code: string; headers: Record<string, string> };
  let haNoi: { code: string; headers: Record<string, string> };

  beforeAll(async () => {
    hungYen = await receive('motcua', 'centre', { fullName: 'Nguyễn Thị Ánh Tuyết', idNumber: '033190001234' });
    haNoi = await receive('hanoitn', 'foreignDepartment', { fullName: 'Lê Minh Châu', idNumber: '001190005678' });
  });

  const receiptOf = async (dossier: { code: string; headers: Record<string, string> }) => {
    const response = await t.app.inject({
      url: `/api/v1/dossiers/${dossier.code}/forms/receipt.pdf`,
      headers: dossier.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return pdfText(response.rawPayload);
  };

  it('prints on a Hưng Yên receipt its agency, its place name and its lookup address, and nothing of Hà Nội', async () => {
    const text = await receiptOf(hungYen);
    expect(spaced(text)).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH HƯNG YÊN');
    expect(text).toContain('Hưng Yên, ngày 23 tháng 11 năm 2026');
    expect(squeezed(text)).toContain(`${HUNG_YEN}/tra-cuu-ho-so?ma=${hungYen.code}`);
    expect(text).not.toMatch(/Hà Nội|HÀ NỘI|hanoi/);
    expect(text).not.toContain(INSTALL_URL);
  });

  it('prints on a Hà Nội receipt its agency, its place name and its lookup address, and nothing of Hưng Yên', async () => {
    const text = await receiptOf(haNoi);
    expect(spaced(text)).toContain('SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI');
    expect(text).toContain('Hà Nội, ngày 23 tháng 11 năm 2026');
    expect(squeezed(text)).toContain(`${HA_NOI}/tra-cuu-ho-so?ma=${haNoi.code}`);
    expect(text).not.toMatch(/Hưng Yên|HƯNG YÊN|hungyen/);
    expect(text).not.toContain(INSTALL_URL);
  });

  it('puts the verification page of a result on the address of the dossier’s own province', async () => {
    for (const [dossier, origin, other, agency] of [
      [hungYen, HUNG_YEN, HA_NOI, 'SỞ TƯ PHÁP TỈNH HƯNG YÊN'],
      [haNoi, HA_NOI, HUNG_YEN, 'SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI'],
    ] as const) {
      // A result the desk generates from the template: its QR code and footer name the province's own page.
      const generated = await t.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${dossier.code}/results/generate`,
        headers: dossier.headers,
        payload: { documentNo: '15/2026/GKS' },
      });
      expect(generated.statusCode, generated.body).toBe(201);
      const result = generated.json() as { id: string; verifyUrl: string };
      expect(result.verifyUrl).toBe(`${origin}/v/${result.id}`);
      const file = await t.app.inject({
        url: `/api/v1/dossiers/${dossier.code}/documents/${result.id}`,
        headers: dossier.headers,
      });
      expect(file.statusCode).toBe(200);
      const printed = pdfText(file.rawPayload);
      expect(squeezed(printed)).toContain(`${origin}/v/${result.id}`);
      expect(spaced(printed)).toContain(agency);
      expect(printed).not.toContain(other);

      // An uploaded result, and the dossier as the official reads it.
      const upload = multipartFile(samplePdf(dossier.code), 'ket-qua.pdf', 'application/pdf');
      const attached = await t.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${dossier.code}/documents?kind=result&name=${encodeURIComponent('Giấy khai sinh')}`,
        headers: { ...dossier.headers, ...upload.headers },
        payload: upload.payload,
      });
      expect(attached.statusCode, attached.body).toBe(201);
      expect(attached.json().verifyUrl).toBe(`${origin}/v/${attached.json().sha256}`);
      const view = await t.app.inject({ url: `/api/v1/dossiers/${dossier.code}`, headers: dossier.headers });
      const urls = (view.json().documents as { verifyUrl: string | null }[]).map((d) => d.verifyUrl);
      expect(urls).toHaveLength(2);
      for (const url of urls) {
        expect(url?.startsWith(`${origin}/v/`)).toBe(true);
      }
    }
  });

  it('links SIPAS invitations, PAKN answers and e-mailed lookups to the record’s own province', async () => {
    expect(await surveyUrlOf(t.ctx, '33', 'abc_DEF-123')).toBe(`${HUNG_YEN}/khao-sat/abc_DEF-123`);
    expect(await surveyUrlOf(t.ctx, '01', 'abc_DEF-123')).toBe(`${HA_NOI}/khao-sat/abc_DEF-123`);
    expect(await paknPublicUrlOf(t.ctx, { provinceCode: '01', code: 'PAKN-261123-0001' })).toBe(
      `${HA_NOI}/phan-anh-kien-nghi/cong-khai/PAKN-261123-0001`,
    );
    expect(await paknPublicUrlOf(t.ctx, { provinceCode: '33', code: 'PAKN-261123-0002' })).toBe(
      `${HUNG_YEN}/phan-anh-kien-nghi/cong-khai/PAKN-261123-0002`,
    );
    expect(await lookupUrlOf(t.ctx, { code: haNoi.code, provinceCode: '01' })).toBe(
      `${HA_NOI}/tra-cuu-ho-so?ma=${haNoi.code}`,
    );
  });

  it('names the issuer and the place of a document from the record’s own agency and province', async () => {
    expect(await describeAgencyLetterhead(t.ctx, agencyOf('foreignDepartment'))).toEqual({
      parentName: 'Ủy ban nhân dân thành phố Hà Nội',
      agencyName: 'Sở Tư pháp thành phố Hà Nội',
      placeName: 'Hà Nội',
    });
    expect(await describeAgencyLetterhead(t.ctx, agencyOf('justice'))).toMatchObject({ placeName: 'Hưng Yên' });
    // A commune's agency prints its commune (Decree 30/2020 Appendix I), as the catalogue names commune 12064.
    expect(await findPlaceNameOfAgency(t.ctx, agencyOf('commune'))).toBe('Nguyễn Văn Linh');
    expect(await describeProvinceLetterhead(t.ctx, '01')).toEqual({
      agencyName: 'Ủy ban nhân dân thành phố Hà Nội',
      placeName: 'Hà Nội',
    });
  });
});

describe('the public address of a province', () => {
  it('falls back to MOTCUA_PUBLIC_URL for a province whose site has no address, or that has no site', async () => {
    await insertProvinceSiteIfMissing(t.database.db, { provinceCode: '46', name: 'Thành phố Huế', placeName: 'Huế' });
    forgetProvinceSites();
    expect(await publicUrlOf(t.ctx, '46')).toBe(INSTALL_URL);
    expect(await publicUrlOf(t.ctx, '79')).toBe(INSTALL_URL);
    expect(await publicUrlOf(t.ctx, null)).toBe(INSTALL_URL);
    expect(await surveyUrlOf(t.ctx, '46', 'tok')).toBe(`${INSTALL_URL}/khao-sat/tok`);
    // The site's place name is what its documents print, whatever the catalogue's long name.
    expect(
      await findPlaceNameOfAgency(t.ctx, {
        name: 'Sở Tư pháp thành phố Huế',
        provinceCode: '46',
        adminUnitLevel: null,
        adminUnitCode: null,
      }),
    ).toBe('Huế');
  });

  it('reads a place name from the agency’s own name when nothing else names it', () => {
    expect(placeNameFromAgencyName('Sở Tư pháp tỉnh Hưng Yên')).toBe('Hưng Yên');
    expect(placeNameFromAgencyName('Ủy ban nhân dân thành phố Hà Nội')).toBe('Hà Nội');
    expect(placeNameFromAgencyName('Ủy ban nhân dân xã Văn Giang')).toBe('Văn Giang');
    expect(placeNameFromAgencyName('Bộ Tư pháp')).toBe('Bộ Tư pháp');
  });
});
