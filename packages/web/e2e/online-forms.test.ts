import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertProcedureAgencies } from '@motcua/db';
import type { RunningServer } from '@motcua/server';
import type { DemoApplicationForm } from '@motcua/server/seed/forms/demo-form';
import { HOUSEHOLD_BUSINESS_FORM } from '@motcua/server/seed/forms/ho-kinh-doanh';
import { MARRIAGE_REGISTRATION_FORM } from '@motcua/server/seed/forms/ket-hon';
import { BIRTH_REGISTRATION_FORM } from '@motcua/server/seed/forms/khai-sinh';
import { seedProcedure, seedWorld, signIn, TEST_PROCEDURE_CONTENT } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { seedDemoCitizen } from '@motcua/server/usecases/portal/account/demo-citizen';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  buildPdf,
  DESKTOP,
  nextResponse,
  onPostgresPass,
  pickOption,
  shoot,
  signInOfficial,
  useBrowserSuite,
} from './harness';

/*
 * The application form (tờ khai) filled online on a 390 px phone, for three demo procedures with their
 * real form definitions (packages/server/src/seed/forms): đăng ký khai sinh, đăng ký kết hôn and đăng ký
 * hộ kinh doanh (with its repeating groups). The citizen types the form on the step "Tờ khai" (their own
 * details prefilled from the VNeID profile), a CCCD that disagrees with the date of birth is refused next
 * to the field, the review shows the form, the dossier is submitted; then the official reads the filled
 * form on the dossier page, and the printed tờ khai (PDF) holds what the citizen typed (pdftotext).
 *
 * Every wait is on a state (a locator, expect.poll, the response of a request), never on a delay.
 */

const CITIZEN = { username: 'congdan', password: 'MotCua-2026', name: 'Nguyễn Văn Dân', idNumber: '033090004321' };
const PHONE_390 = { width: 390, height: 844 };
const CENTRE = 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên';
const BIRTH_YEAR_MISMATCH = 'Chữ số thứ 5–6 không khớp với năm sinh (phải là hai số cuối của năm sinh)';

/** Each procedure as the province adopted it: the demo's form replaces its paper tờ khai. */
const withForm = (code: string, name: string, form: DemoApplicationForm, files: 'birth-certificate' | 'none') => ({
  ...TEST_PROCEDURE_CONTENT,
  nationalCode: code,
  name,
  components: TEST_PROCEDURE_CONTENT.components.filter(
    (c) =>
      c.key === 'to-khai' || c.group !== 'submit' || (files === 'birth-certificate' && c.key === 'giay-chung-sinh'),
  ),
  applicationForm: { ...form.definition, replacesComponent: 'to-khai' },
});

const PROCEDURES = [
  withForm('1.001193', 'Thủ tục đăng ký khai sinh', BIRTH_REGISTRATION_FORM, 'birth-certificate'),
  withForm('1.000894', 'Thủ tục đăng ký kết hôn', MARRIAGE_REGISTRATION_FORM, 'none'),
  withForm('1.001612', 'Thủ tục đăng ký hộ kinh doanh', HOUSEHOLD_BUSINESS_FORM, 'none'),
];

const suite = useBrowserSuite('online-forms', {
  seed: async (server) => {
    const database = server.app.motcua.database;
    const world = await seedWorld({ database } as unknown as TestApp);
    const centre = world.agencies.centre?.id ?? '';
    for (const content of PROCEDURES) {
      const seeded = await seedProcedure({ database } as unknown as TestApp, {
        catalog: '33',
        code: content.nationalCode,
        content,
      });
      await insertProcedureAgencies(database.db, [
        { procedureId: seeded.procedureId, agencyId: centre, role: 'receiving', catalog: '33' },
      ]);
    }
    await seedDemoCitizen(database.db, CITIZEN.password);
  },
});

/** A date `days` before today in Vietnam, as stored (YYYY-MM-DD) and as typed (dd/mm/yyyy). */
const daysAgo = (days: number) => {
  const iso = new Date(Date.now() + 7 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, typed: `${d}/${m}/${y}` };
};

/** The element of a form field (ids are the renderer's: idPrefix "submit-form" and the field's path). */
const field = (page: Page, ...path: (string | number)[]) => page.locator(`#${['submit-form', ...path].join('-')}`);

/** Types into a searchable select and picks the option with that exact name from the open list. */
const pick = (page: Page, id: string, typed: string, option: string) =>
  pickOption(page.locator(`#${id}`), option, typed);

/** An address of the 2025 units: Hưng Yên, a commune found by a name typed without diacritics, the street. */
const typeAddress = async (page: Page, path: (string | number)[], commune: [string, string], detail: string) => {
  const id = ['submit-form', ...path].join('-');
  await pick(page, id, 'hung yen', 'Tỉnh Hưng Yên');
  await expect.poll(() => page.locator(`#${id}-communeCode`).isEnabled()).toBe(true);
  await pick(page, `${id}-communeCode`, commune[0], commune[1]);
  await page.locator(`#${id}-detail`).fill(detail);
};

/** "Tiếp tục": the draft is saved (one PUT) and the next step shows. */
const nextStep = async (page: Page, heading: string) => {
  const saved = nextResponse(page, 'PUT', /\/api\/v1\/citizen\/drafts\/[^/]+$/);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  expect((await saved).ok()).toBe(true);
  await page.getByTestId('wizard-step').filter({ hasText: heading }).waitFor();
};

/** From the procedure's page, signed in on the way, to the step "Tờ khai" with its fields drawn. */
const openForm = async (page: Page, code: string, name: string) => {
  await page.goto(`/thu-tuc/${code}?catalog=33`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).first().click();
  await page.waitForURL(/\/dang-nhap\?next=/);
  await page.getByLabel('Tên đăng nhập').fill(CITIZEN.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(CITIZEN.password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/nop-ho-so/${code}` && url.searchParams.has('nhap'));
  await page.getByTestId('wizard-step').filter({ hasText: 'Bước 1/5: Người yêu cầu' }).waitFor();
  await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe(CITIZEN.name);
  await expect
    .poll(() =>
      page
        .getByTestId('receiving-office')
        .locator('.ant-select-content, .ant-select-selection-item')
        .first()
        .innerText()
        .catch(() => ''),
    )
    .toBe(CENTRE);
  await nextStep(page, 'Bước 2/5: Tờ khai');
  await page.getByTestId('application-form').locator('.eform-field').first().waitFor();
};

/** Files (when the procedure asks for one besides the form), result, review with the form, submit. */
const finish = async (page: Page, label: string, upload: string | null, reviewed: string[]) => {
  await nextStep(page, 'Bước 3/5: Giấy tờ');
  // The paper tờ khai is filled on screen: it is not asked for as an upload.
  expect(await page.locator('#file-to-khai').count()).toBe(0);
  if (upload) {
    const answer = nextResponse(page, 'POST', /\/uploads$/);
    await page
      .locator(`#file-${upload}`)
      .setInputFiles({ name: `${upload}.pdf`, mimeType: 'application/pdf', buffer: buildPdf(upload) });
    expect((await answer).ok()).toBe(true);
    await page.getByRole('link', { name: `${upload}.pdf`, exact: true }).waitFor();
  }
  await nextStep(page, 'Bước 4/5: Nhận kết quả');
  await nextStep(page, 'Bước 5/5: Xem lại và nộp');
  const review = page.getByTestId('review-form');
  await review.waitFor();
  await expect.poll(() => review.innerText()).toContain('phường Phố Hiến, tỉnh Hưng Yên');
  const shown = await review.innerText();
  for (const text of reviewed) {
    expect(shown).toContain(text);
  }
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(PHONE_390.width);
  await shoot(page, `online-form-review-${label}`);
  await page.getByLabel(/Tôi cam đoan/).check();
  const submitted = nextResponse(page, 'POST', /\/api\/v1\/citizen\/drafts\/[^/]+\/submit$/);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const answer = await submitted;
  expect(answer.status()).toBe(201);
  const code = ((await answer.json()) as { code: string }).code;
  await page.getByTestId('submit-done').waitFor();
  return code;
};

/** The citizen's own dossier page shows the filled form too. */
const checkCitizenView = async (page: Page, code: string, expected: string[]) => {
  await page.goto(`/ca-nhan/ho-so/${code}`);
  const view = page.getByTestId('eform-view');
  await view.waitFor();
  await expect.poll(() => view.innerText()).toContain(expected[0] ?? '');
  const text = await view.innerText();
  for (const value of expected) {
    expect(text).toContain(value);
  }
};

const hasPdftotext = (): boolean => !spawnSync('pdftotext', ['-v']).error;

/** The text of a PDF as poppler's pdftotext reads it. */
const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-online-form-'));
  try {
    const file = join(dir, 'to-khai.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (run.status !== 0) {
      throw new Error(`pdftotext failed: ${run.stderr}`);
    }
    return run.stdout.replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * The official (the centre's desk) reads the filled form on the dossier page, and its PDF
 * (applicationForm.pdfUrl of the dossier, fetched as that official) holds what the citizen typed.
 * Returns false when pdftotext is missing (the PDF text is then not checked).
 */
const checkOfficialView = async (server: RunningServer, code: string, shown: string[], printed: string[]) => {
  const page = await signInOfficial(await suite.openPage(DESKTOP), 'motcua');
  await page.goto(`/can-bo/ho-so/${code}`);
  await page.getByRole('tab', { name: 'Tờ khai' }).click();
  const view = page.getByTestId('eform-view');
  await view.waitFor();
  await expect.poll(() => view.innerText()).toContain(shown[0] ?? '');
  const text = await view.innerText();
  for (const value of shown) {
    expect(text).toContain(value);
  }
  const session = await signIn(server.app, 'motcua');
  const detail = await server.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}`,
    headers: session.headers,
  });
  expect(detail.statusCode).toBe(200);
  const pdfUrl = (detail.json() as { applicationForm: { pdfUrl: string } | null }).applicationForm?.pdfUrl;
  expect(pdfUrl).toBe(`/api/v1/dossiers/${code}/application-form.pdf`);
  const pdf = await server.app.inject({ method: 'GET', url: pdfUrl ?? '', headers: session.headers });
  expect(pdf.statusCode).toBe(200);
  expect(pdf.headers['content-type']).toContain('application/pdf');
  if (!hasPdftotext()) {
    console.warn('online-forms: pdftotext (poppler-utils) is not installed; the PDF text is not checked');
    return false;
  }
  const words = pdfText(pdf.rawPayload);
  for (const value of printed) {
    expect(words).toContain(value);
  }
  return true;
};

describe.skipIf(onPostgresPass)('application forms filled online on a 390 px phone', () => {
  it('đăng ký khai sinh: prefilled from the profile, a wrong CCCD refused next to the field, kept in the draft', async (context) => {
    const page = await suite.openPage(PHONE_390);
    await openForm(page, '1.001193', 'Thủ tục đăng ký khai sinh');

    // The requester is the signed-in citizen: name, CCCD and residence come from the VNeID profile.
    await expect.poll(() => field(page, 'applicantFullName').inputValue()).toBe(CITIZEN.name);
    expect(await field(page, 'applicantIdNumber').inputValue()).toBe(CITIZEN.idNumber);
    await expect.poll(() => field(page, 'applicantResidence', 'detail').inputValue()).toBe('Số 12 phố Nguyễn Văn Linh');

    // Nothing typed yet: "Tiếp tục" stays on the step, says why, and puts the focus on the first field.
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.getByTestId('step-blocked').innerText()).toContain('Chưa thể sang bước tiếp theo');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('submit-form-applicantRelationship');
    await page.getByTestId('wizard-step').filter({ hasText: 'Bước 2/5: Tờ khai' }).waitFor();

    const born = daysAgo(12);
    await pick(page, 'submit-form-applicantRelationship', 'cha', 'Cha');
    await field(page, 'childFullName').fill('Nguyễn Minh Khôi');
    await field(page, 'childDateOfBirth').fill(born.typed);
    await field(page, 'childSex').check();
    await field(page, 'childEthnicity').fill('Kinh');
    await field(page, 'childNationality').fill('Việt Nam');
    await field(page, 'childBirthFacility').fill('Bệnh viện Đa khoa tỉnh Hưng Yên');
    await typeAddress(page, ['childBirthPlace'], ['pho hien', 'Phường Phố Hiến'], 'Số 2 đường Nguyễn Văn Linh');
    await field(page, 'childHometown').fill('xã Tân Hưng, tỉnh Hưng Yên');
    await field(page, 'motherFullName').fill('Trần Thị Thu Hà');
    await field(page, 'motherDateOfBirth').fill('12/03/1995');
    await field(page, 'motherEthnicity').fill('Kinh');
    await field(page, 'motherNationality').fill('Việt Nam');
    // Born in 1995, but the 5th and 6th digits say 90.
    await field(page, 'motherIdNumber').fill('033190004512');
    await typeAddress(page, ['motherResidence'], ['pho hien', 'Phường Phố Hiến'], 'Số 12 phố Nguyễn Văn Linh');
    await field(page, 'fatherFullName').fill(CITIZEN.name);

    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.locator('#submit-form-motherIdNumber-error').innerText()).toBe(BIRTH_YEAR_MISMATCH);
    expect(await field(page, 'motherIdNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await field(page, 'motherIdNumber').getAttribute('aria-describedby')).toContain(
      'submit-form-motherIdNumber-error',
    );
    await expect.poll(() => page.getByTestId('step-blocked').innerText()).toContain(BIRTH_YEAR_MISMATCH);
    expect(await page.getByTestId('step-blocked').getAttribute('role')).toBe('alert');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('submit-form-motherIdNumber');
    await page.getByTestId('wizard-step').filter({ hasText: 'Bước 2/5: Tờ khai' }).waitFor();
    await shoot(page, 'online-form-khai-sinh-cccd-390');

    await field(page, 'motherIdNumber').fill('033195004512');
    await expect.poll(() => page.locator('#submit-form-motherIdNumber-error').count()).toBe(0);
    await nextStep(page, 'Bước 3/5: Giấy tờ');

    // The form is saved with the draft: a reload brings it back.
    await page.reload();
    await page.getByTestId('wizard-step').filter({ hasText: 'Bước 3/5: Giấy tờ' }).waitFor();
    await page.getByRole('button', { name: 'Quay lại bước trước' }).click();
    await page.getByTestId('wizard-step').filter({ hasText: 'Bước 2/5: Tờ khai' }).waitFor();
    await expect.poll(() => field(page, 'childFullName').inputValue()).toBe('Nguyễn Minh Khôi');
    expect(await field(page, 'motherIdNumber').inputValue()).toBe('033195004512');
    expect(await field(page, 'childDateOfBirth').inputValue()).toBe(born.typed);

    const code = await finish(page, 'khai-sinh-390', 'giay-chung-sinh', [
      'Nguyễn Minh Khôi',
      born.typed,
      'Trần Thị Thu Hà',
      '033195004512',
      'Cha',
    ]);
    await checkCitizenView(page, code, ['Nguyễn Minh Khôi', 'Trần Thị Thu Hà']);
    const printed = await checkOfficialView(
      suite.server,
      code,
      [
        'Nguyễn Minh Khôi',
        born.typed,
        'Trần Thị Thu Hà',
        '033195004512',
        CITIZEN.name,
        'phường Phố Hiến, tỉnh Hưng Yên',
      ],
      ['Nguyễn Minh Khôi', born.typed, 'Trần Thị Thu Hà', '033195004512', CITIZEN.idNumber, 'xã Tân Hưng'],
    );
    if (!printed) {
      context.skip('pdftotext (poppler-utils) is missing: the PDF text was not checked');
    }
  });

  it('đăng ký kết hôn: both parties on one form', async (context) => {
    const page = await suite.openPage(PHONE_390);
    await openForm(page, '1.000894', 'Thủ tục đăng ký kết hôn');
    const parties = [
      ['bride', 'Phạm Thị Lan Anh', '04/11/1998', '033198006630', ['my hao', 'Phường Mỹ Hào'], 'Khu phố Bần'],
      [
        'groom',
        CITIZEN.name,
        '15/03/1990',
        CITIZEN.idNumber,
        ['pho hien', 'Phường Phố Hiến'],
        'Số 12 phố Nguyễn Văn Linh',
      ],
    ] as const;
    for (const [prefix, name, born, id, commune, street] of parties) {
      await field(page, `${prefix}FullName`).fill(name);
      await field(page, `${prefix}DateOfBirth`).fill(born);
      await field(page, `${prefix}Ethnicity`).fill('Kinh');
      await field(page, `${prefix}Nationality`).fill('Việt Nam');
      await typeAddress(page, [`${prefix}Residence`], [...commune], street);
      await field(page, `${prefix}IdNumber`).fill(id);
      await field(page, `${prefix}MarriageOrdinal`).fill('1');
    }
    const code = await finish(page, 'ket-hon-390', null, [
      'Phạm Thị Lan Anh',
      '04/11/1998',
      CITIZEN.name,
      '15/03/1990',
    ]);
    const printed = await checkOfficialView(
      suite.server,
      code,
      ['Phạm Thị Lan Anh', '033198006630', CITIZEN.name, 'phường Mỹ Hào, tỉnh Hưng Yên'],
      ['Phạm Thị Lan Anh', '04/11/1998', '033198006630', CITIZEN.name, CITIZEN.idNumber, 'Khu phố Bần'],
    );
    if (!printed) {
      context.skip('pdftotext (poppler-utils) is missing: the PDF text was not checked');
    }
  });

  it('đăng ký hộ kinh doanh: lines of business and household members as repeating groups', async (context) => {
    const page = await suite.openPage(PHONE_390);
    await openForm(page, '1.001612', 'Thủ tục đăng ký hộ kinh doanh');
    await field(page, 'businessName').fill('Hộ kinh doanh Bánh cuốn Hà Thu');
    await typeAddress(page, ['businessAddress'], ['pho hien', 'Phường Phố Hiến'], 'Số 27 phố Nguyễn Thiện Thuật');
    // The first line of business is ready to fill (at least one); a second one is added.
    await field(page, 'businessLines', 0, 'lineName').fill('Nhà hàng và các dịch vụ ăn uống phục vụ lưu động');
    await field(page, 'businessLines', 0, 'lineCode').fill('5610');
    await field(page, 'businessLines', 0, 'lineIsMain').check();
    await field(page, 'businessLines', 'add').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('submit-form-businessLines-1-lineName');
    await field(page, 'businessLines', 1, 'lineName').fill('Dịch vụ phục vụ đồ uống');
    await field(page, 'businessLines', 1, 'lineCode').fill('5630');
    await field(page, 'capital').fill('150000000');
    await expect.poll(() => field(page, 'capital').inputValue()).toBe('150.000.000');
    await field(page, 'ownerFullName').fill('ĐINH THỊ THU');
    await field(page, 'ownerDateOfBirth').fill('03/04/1982');
    await field(page, 'ownerSex', 'female').check();
    await field(page, 'ownerEthnicity').fill('Kinh');
    await field(page, 'ownerNationality').fill('Việt Nam');
    await field(page, 'ownerIdNumber').fill('033182005561');
    await typeAddress(page, ['ownerResidence'], ['pho hien', 'Phường Phố Hiến'], 'Số 27 phố Nguyễn Thiện Thuật');
    await field(page, 'ownerPhone').fill('0978123456');
    // Founded by the household: its members' list shows, with one member to fill.
    await field(page, 'foundedBy', 'ho-gia-dinh').check();
    await field(page, 'members', 0, 'memberFullName').fill('Nguyễn Văn Hà');
    await field(page, 'members', 0, 'memberDateOfBirth').fill('19/12/1980');
    await field(page, 'members', 0, 'memberSex').check();
    await field(page, 'members', 0, 'memberNationality').fill('Việt Nam');
    await field(page, 'members', 0, 'memberEthnicity').fill('Kinh');
    await field(page, 'members', 0, 'memberIdNumber').fill('033080003902');
    await typeAddress(
      page,
      ['members', 0, 'memberResidence'],
      ['pho hien', 'Phường Phố Hiến'],
      'Số 27 phố Nguyễn Thiện Thuật',
    );
    await field(page, 'members', 0, 'memberCapital').fill('50000000');
    await field(page, 'members', 0, 'memberCapitalShare').fill('33');
    const code = await finish(page, 'ho-kinh-doanh-390', null, [
      'Hộ kinh doanh Bánh cuốn Hà Thu',
      'Dịch vụ phục vụ đồ uống',
      '5630',
      '150.000.000',
      'Nguyễn Văn Hà',
    ]);
    const printed = await checkOfficialView(
      suite.server,
      code,
      [
        'Hộ kinh doanh Bánh cuốn Hà Thu',
        '5610',
        'Dịch vụ phục vụ đồ uống',
        'ĐINH THỊ THU',
        'Nguyễn Văn Hà',
        '033080003902',
      ],
      [
        'Hộ kinh doanh Bánh cuốn Hà Thu',
        '5610',
        '5630',
        'ĐINH THỊ THU',
        '033182005561',
        'Nguyễn Văn Hà',
        '033080003902',
      ],
    );
    if (!printed) {
      context.skip('pdftotext (poppler-utils) is missing: the PDF text was not checked');
    }
  });
});
