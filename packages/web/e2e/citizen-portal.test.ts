import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedWorld, signIn } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { seedDemoCitizen } from '@motcua/server/usecases/portal/account/demo-citizen';
import { multipartFile } from '@motcua/server/usecases/portal/test-support';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  asOfficial,
  buildPdf,
  nextResponse,
  onPostgresPass,
  PHONE,
  performAction,
  seedCatalog,
  shoot,
  signInOfficial,
  useBrowserSuite,
  waitForStatus,
} from './harness';

/*
 * The citizen's side of the portal in a real browser: sign in with the local demo account, submit a
 * procedure online with real PDF uploads (the draft survives a reload), the desk receives it in the
 * console, the citizen pays in the payment sandbox and gets the e-receipt, tracks the dossier without
 * signing in, downloads and verifies the result and rates it once; then a feedback (PAKN) is sent
 * and tracked. Screenshots of each page at 1366 × 768 and 360 × 740. Like the console's suite, it
 * runs on its own server on PGlite and is skipped on the PostgreSQL pass.
 *
 * Every wait is on a state (a locator's text or visibility, polled with expect.poll, or the response
 * of the request that carries the change), never on a delay: the suite must pass on a busy machine.
 */

const CITIZEN = { username: 'congdan', password: 'MotCua-2026', last4: '4321', name: 'Nguyễn Văn Dân' };
/** A small upload limit (MOTCUA_UPLOAD_MAX_BYTES): the browser checks files against the server's own. */
const UPLOAD_MAX_BYTES = 200 * 1024;
const CODE_PATTERN = /000\.00\.10\.H31-\d{6}-\d{4}/;
const RESULT_PDF = buildPdf('Giay khai sinh so 215/2026 - ban dien tu');

const suite = useBrowserSuite('citizen', {
  env: { MOTCUA_UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) },
  seed: async (server) => {
    const database = server.app.motcua.database;
    const world = await seedWorld({ database } as unknown as TestApp);
    await seedCatalog(server, [world.agencies.centre?.id ?? '']);
    await seedDemoCitizen(database.db, CITIZEN.password);
  },
});
const openPage = suite.openPage;
let citizen: Page;
let dossierCode = '';

/** Nothing wider than the screen (a phone browser widens its layout to fit: compare with the device's width). */
const noHorizontalScroll = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);

let phone: Page | undefined;
/** The same page on a 360 px phone (with the desktop page's cookies): no sideways scrolling, and a screenshot. */
const onPhone = async (path: string, name: string, ready: (page: Page) => Promise<unknown>) => {
  phone ??= await openPage(PHONE);
  // The desktop page's cookies as they are now (signed in or not).
  await phone.context().clearCookies();
  await phone.context().addCookies(await citizen.context().cookies());
  await phone.goto(path);
  await ready(phone);
  await noHorizontalScroll(phone);
  await shoot(phone, `${name}-360`);
};

/** An official's action through the API, at the dossier's current version. */
const act = async (username: string, action: string, params: object = {}, extra: object = {}) => {
  const official = await asOfficial(suite.server, username);
  const current = await official.call<{ version: number }>('GET', `/api/v1/dossiers/${dossierCode}`);
  return official.call('POST', `/api/v1/dossiers/${dossierCode}/actions/${action}`, {
    expectedVersion: current.version,
    params,
    ...extra,
  });
};

const availableActions = async (username: string): Promise<string[]> => {
  const official = await asOfficial(suite.server, username);
  const answer = await official.call<{ actions: { action: string }[] }>(
    'GET',
    `/api/v1/dossiers/${dossierCode}/actions`,
  );
  return answer.actions.map((a) => a.action);
};

const choose = (page: Page, question: RegExp, answer: string) =>
  page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();

const upload = (page: Page, component: string, name: string, buffer: Buffer) =>
  page.locator(`#file-${component}`).setInputFiles({ name, mimeType: 'application/pdf', buffer });

const fileLink = (page: Page | Locator, name: string) => page.getByRole('link', { name, exact: true });

/** Uploads a file and waits for the server's answer to the upload (the file is then in the draft). */
const uploaded = async (page: Page, upload: () => Promise<void>) => {
  const answer = nextResponse(page, 'POST', /\/uploads$/);
  await upload();
  expect((await answer).ok()).toBe(true);
};

/**
 * "Tiếp tục": the wizard saves the draft (one PUT) and shows the next step. Waiting for the save means
 * a reload, another tab or the submit later reads what this step holds.
 */
const nextStep = async (page: Page) => {
  const saved = nextResponse(page, 'PUT', /\/api\/v1\/citizen\/drafts\/[^/]+$/);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  expect((await saved).ok()).toBe(true);
};

/**
 * Sends the tracking form once it is ready (antd ignores a click on a button still loading the last
 * answer) and returns the server's answer.
 */
const lookUp = async (page: Page) => {
  const button = page.getByRole('button', { name: 'Tra cứu' });
  await expect.poll(() => button.getAttribute('class')).not.toContain('ant-btn-loading');
  const [answer] = await Promise.all([
    nextResponse(page, 'GET', /^\/api\/v1\/public\/dossiers\/[^/]+$/),
    button.click(),
  ]);
  return answer;
};

describe.skipIf(onPostgresPass)('the citizen portal', () => {
  it('signs a citizen in and submits a procedure online with uploads, through a saved draft', async () => {
    citizen = await openPage();
    const requested: string[] = [];
    citizen.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await citizen.goto('/thu-tuc/1.001193?catalog=33');
    await citizen.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();

    // Not signed in: the sign-in page, then back to the wizard.
    await citizen.waitForURL(/\/dang-nhap\?next=/);
    await citizen.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await citizen.getByText('Vui lòng đăng nhập để tiếp tục.').waitFor();
    // The settings say how citizens sign in (no identity provider here): no VNeID button, and the
    // sign-in start (which records a login request and sets a cookie) is never probed.
    // (The page shows its form only once the settings have answered.)
    await citizen.getByLabel('Tên đăng nhập').waitFor();
    expect(requested).toContain('/api/v1/public/settings');
    expect(requested).not.toContain('/api/v1/citizen/auth/start');
    expect(await citizen.getByRole('link', { name: /VNeID/ }).count()).toBe(0);
    await shoot(citizen, 'portal-sign-in');
    await onPhone('/dang-nhap', 'portal-sign-in', (p) =>
      p.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor(),
    );
    await citizen.getByLabel('Tên đăng nhập').fill(CITIZEN.username);
    await citizen.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
    const refused = nextResponse(citizen, 'POST', '/api/v1/citizen/auth/login');
    await citizen.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    expect((await refused).status()).toBe(401);
    await citizen.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    await citizen.getByLabel('Mật khẩu', { exact: true }).fill(CITIZEN.password);
    await citizen.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await citizen.waitForURL(/\/nop-ho-so\/1\.001193\?catalog=33&nhap=[0-9a-f-]+/);

    // 1. The applicant, prefilled from the profile (identity read-only). The form is filled in an
    // effect after the step shows: the values are polled, not read once.
    const step = citizen.getByTestId('wizard-step');
    await step.filter({ hasText: 'Bước 1/4: Người yêu cầu' }).waitFor();
    await expect.poll(() => citizen.getByLabel('Họ và tên').inputValue()).toBe(CITIZEN.name);
    await expect.poll(() => citizen.getByLabel('Số định danh cá nhân (CCCD)').getAttribute('readonly')).not.toBeNull();
    await expect.poll(() => citizen.getByLabel('Ngày sinh').inputValue()).toBe('15/03/1990');
    await citizen.getByRole('link', { name: /Tài khoản: Nguyễn Văn Dân/ }).waitFor();
    // The only office that receives this procedure is chosen for the citizen on this first step.
    await expect
      .poll(() => citizen.getByTestId('receiving-office').innerText())
      .toContain('Trung tâm Phục vụ hành chính công tỉnh Hưng Yên');
    const wizardUrl = new URL(citizen.url());
    await shoot(citizen, 'submit-1-applicant');
    await onPhone(`${wizardUrl.pathname}${wizardUrl.search}`, 'submit-1-applicant', (p) =>
      p.getByTestId('wizard-step').filter({ hasText: 'Bước 1/4' }).waitFor(),
    );
    await nextStep(citizen);

    // 2. The files, checked in the browser against the server's limits (its settings): a file that is
    // not a PDF, JPG or PNG and a file over the limit are refused before upload; a real PDF goes up.
    await step.filter({ hasText: 'Bước 2/4: Giấy tờ' }).waitFor();
    await citizen.getByText('tệp PDF, JPG hoặc PNG, mỗi tệp không quá 200 KB, mỗi giấy tờ tối đa 10 tệp').waitFor();
    await upload(citizen, 'to-khai', 'to-khai.pdf', Buffer.from('<html><body>not a PDF</body></html>'));
    await citizen.getByText('Tệp “to-khai.pdf” không phải PDF, JPG hoặc PNG').waitFor();
    const uploadsBefore = requested.filter((path) => path.endsWith('/uploads')).length;
    await upload(
      citizen,
      'to-khai',
      'to-khai-lon.pdf',
      Buffer.concat([buildPdf('To khai'), Buffer.alloc(UPLOAD_MAX_BYTES, 0x20)]),
    );
    await citizen.getByText(/^Tệp “to-khai-lon\.pdf” có dung lượng \d+ KB, vượt quá giới hạn 200 KB\.$/).waitFor();
    expect(requested.filter((path) => path.endsWith('/uploads')).length).toBe(uploadsBefore);
    await uploaded(citizen, () =>
      upload(citizen, 'to-khai', 'to-khai.pdf', buildPdf('To khai dang ky khai sinh - Nguyen Van An')),
    );
    await fileLink(citizen, 'to-khai.pdf').waitFor();
    // Going on without the second required paper is refused.
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await citizen.getByText('Chưa có tệp cho giấy tờ bắt buộc: Giấy chứng sinh').first().waitFor();

    // The draft is on the server: a reload brings back the step and the file.
    await citizen.reload();
    await step.filter({ hasText: 'Bước 2/4: Giấy tờ' }).waitFor();
    await fileLink(citizen, 'to-khai.pdf').waitFor();
    await uploaded(citizen, () =>
      upload(citizen, 'giay-chung-sinh', 'giay-chung-sinh.pdf', buildPdf('Giay chung sinh so 123')),
    );
    await fileLink(citizen, 'giay-chung-sinh.pdf').waitFor();
    await shoot(citizen, 'submit-2-files');
    await onPhone(`${wizardUrl.pathname}${wizardUrl.search}&buoc=2`, 'submit-2-files', (p) =>
      p.getByRole('link', { name: 'giay-chung-sinh.pdf', exact: true }).waitFor(),
    );
    await nextStep(citizen);

    // 3. The result comes online.
    await step.filter({ hasText: 'Bước 3/4: Nhận kết quả' }).waitFor();
    await expect.poll(() => citizen.getByLabel('Nhận kết quả điện tử trên Cổng dịch vụ công').isChecked()).toBe(true);
    await citizen.getByLabel('Nội dung đề nghị (không bắt buộc)').fill('Đăng ký khai sinh cho con Nguyễn Văn An');
    await shoot(citizen, 'submit-3-agency');
    await nextStep(citizen);

    // 4. Review, declaration, submit.
    await step.filter({ hasText: 'Bước 4/4: Xem lại và nộp' }).waitFor();
    await citizen.locator('dd').filter({ hasText: 'Đăng ký khai sinh cho con Nguyễn Văn An' }).waitFor();
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await citizen.getByText('Vui lòng xác nhận lời cam đoan').waitFor();
    await citizen.getByLabel(/Tôi cam đoan/).check();
    await shoot(citizen, 'submit-4-review');
    await onPhone(`${wizardUrl.pathname}${wizardUrl.search}&buoc=4`, 'submit-4-review', (p) =>
      p.getByTestId('wizard-step').filter({ hasText: 'Bước 4/4' }).waitFor(),
    );
    const submitted = nextResponse(citizen, 'POST', /\/api\/v1\/citizen\/drafts\/[^/]+\/submit$/);
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    expect((await submitted).ok()).toBe(true);
    const done = citizen.getByTestId('submit-done');
    await done.waitFor();
    await expect.poll(() => citizen.getByTestId('dossier-code').innerText()).toMatch(CODE_PATTERN);
    dossierCode = (await citizen.getByTestId('dossier-code').innerText()).trim();
    expect(dossierCode).toMatch(CODE_PATTERN);
    await expect.poll(() => citizen.getByTestId('tracking-pin').innerText()).toMatch(/^\d{6}$/);
    await done.locator('dd').filter({ hasText: 'Mới đăng ký' }).waitFor();
    await shoot(citizen, 'submit-done');

    // My dossiers: the new one, waiting for the desk.
    await citizen.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
    await citizen.getByTestId('my-dossier-code').filter({ hasText: dossierCode }).waitFor();
    await citizen.getByText('Chờ Bộ phận Một cửa kiểm tra và tiếp nhận hồ sơ trực tuyến').waitFor();
    await shoot(citizen, 'my-dossiers');
    await onPhone('/ca-nhan/ho-so', 'my-dossiers', (p) => p.getByTestId('my-dossier-code').first().waitFor());

    // A second application left as a draft, continued from "Hồ sơ đang khai".
    await citizen.goto('/nop-ho-so/1.009994?catalog=33');
    await step.filter({ hasText: 'Bước 1/4' }).waitFor();
    await citizen.waitForURL(/nhap=/);
    await citizen.goto('/ca-nhan/nhap');
    const draft = citizen.getByRole('link', { name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ' });
    await draft.waitFor();
    // The list has come from the server in one answer: the submitted one is not in it.
    await expect.poll(() => citizen.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).count()).toBe(0);
    await shoot(citizen, 'my-drafts');
    await onPhone('/ca-nhan/nhap', 'my-drafts', (p) =>
      p.getByRole('link', { name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ' }).waitFor(),
    );
  });

  it('is received by the desk in the console, which then asks for the fee', async () => {
    expect(dossierCode).toMatch(CODE_PATTERN);
    const desk = await signInOfficial(await openPage(), 'motcua');
    await desk.goto(`/can-bo/ho-so/${dossierCode}`);
    await waitForStatus(desk, 'Mới đăng ký');
    // The dialog zooms in: the click waits until it stands still, then for the server's answer.
    await performAction(desk, 'receive');
    await waitForStatus(desk, 'Đã tiếp nhận');

    await act('motcua', 'forward');
    await act('chuyenvien', 'accept_handoff');
    await act('chuyenvien', 'request_payment', { reason: 'Lệ phí đăng ký khai sinh', amountVnd: 50_000 });
  });

  it('lets the citizen pay in the sandbox and download the e-receipt', async () => {
    await citizen.goto(`/ca-nhan/ho-so/${dossierCode}`);
    await waitForStatus(citizen, 'Chờ thực hiện nghĩa vụ tài chính');
    // The receiving agency, and each paper the procedure asks for with what was handed in for it.
    await citizen.getByTestId('dossier-facts').getByText('Trung tâm Phục vụ hành chính công tỉnh Hưng Yên').waitFor();
    const papers = citizen.getByTestId('components');
    for (const key of ['to-khai', 'giay-chung-sinh']) {
      const paper = papers.locator(`[data-component="${key}"]`);
      await expect.poll(() => paper.innerText()).toContain('Bắt buộc');
      await expect.poll(() => paper.innerText()).toContain('1 tệp');
    }
    await papers
      .locator('[data-component="giay-chung-sinh"]')
      .getByText('giay-chung-sinh.pdf', { exact: true })
      .waitFor();
    const next = citizen.getByTestId('next-step');
    await next.getByText('Nộp phí, lệ phí hoặc thực hiện nghĩa vụ tài chính').waitFor();
    await expect.poll(() => next.innerText()).toContain('50.000 đồng');
    await shoot(citizen, 'my-dossier-pay');
    await onPhone(`/ca-nhan/ho-so/${dossierCode}`, 'my-dossier-pay', (p) =>
      p.getByRole('button', { name: 'Thanh toán trực tuyến' }).waitFor(),
    );

    await citizen.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await citizen.waitForURL(/\/api\/v1\/payments\/sandbox\//);
    await citizen.getByText('Cổng thanh toán thử nghiệm (sandbox)').waitFor();
    await citizen.getByRole('button', { name: 'Thanh toán thành công' }).click();

    // The platform sends the payer back to their dossier's page, which reads the dossier afresh.
    await citizen.waitForURL(new RegExp(`/ca-nhan/ho-so/${dossierCode.replace(/\./g, '\\.')}$`));
    await citizen.getByTestId('payment-return').filter({ hasText: 'Thanh toán thành công' }).waitFor();
    await waitForStatus(citizen, 'Đang xử lý');
    const receipt = citizen.getByTestId('receipt-link');
    await receipt.waitFor();
    await shoot(citizen, 'my-dossier-paid');
    const pdf = await citizen.context().request.get((await receipt.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('is completed with a result document and returned (API)', async () => {
    await act('chuyenvien', 'complete_step');
    const approver = await signIn(suite.server.app, 'lanhdao');
    const file = multipartFile(RESULT_PDF, 'giay-khai-sinh.pdf', 'application/pdf');
    const attached = await suite.server.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossierCode}/documents?kind=result&name=${encodeURIComponent('Giấy khai sinh')}&documentNo=${encodeURIComponent('215/2026')}`,
      headers: { ...approver.headers, ...file.headers },
      payload: file.payload,
    });
    expect(attached.statusCode, attached.body).toBe(201);
    const resultId = attached.json().id as string;
    await act(
      'lanhdao',
      'complete',
      { outcome: 'approved' },
      { results: [{ name: 'Giấy khai sinh', documentNo: '215/2026', documentId: resultId }] },
    );
    if ((await availableActions('motcua')).includes('accept_handoff')) {
      await act('motcua', 'accept_handoff');
    }
    await act('motcua', 'return_result', { channel: 'online' });
  });

  it('tracks the dossier without signing in: a wrong check value is "not found", the right one shows it', async () => {
    for (const viewport of [undefined, PHONE]) {
      const suffix = viewport ? '-360' : '';
      const page = await openPage(viewport);
      // The QR code on the receipt opens the page with the code filled in.
      await page.goto(`/tra-cuu-ho-so?ma=${dossierCode}`);
      await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
      await expect.poll(() => page.getByLabel('Mã hồ sơ').inputValue()).toBe(dossierCode);
      const factor = page.getByLabel('Mã xác thực');
      await factor.fill('0000');
      expect((await lookUp(page)).status()).toBe(404);
      const notFound = page.getByRole('alert').filter({ hasText: 'Không tìm thấy hồ sơ' });
      await notFound.waitFor();
      await expect.poll(() => notFound.innerText()).toContain('4 số cuối số định danh');
      if (!viewport) {
        await shoot(page, 'tracking-not-found');
      }
      await factor.fill(CITIZEN.last4);
      expect((await lookUp(page)).status()).toBe(200);
      await page.getByTestId('progress-status').filter({ hasText: 'Đã trả kết quả' }).waitFor();
      await page.getByTestId('next-step').filter({ hasText: 'Đánh giá mức độ hài lòng' }).waitFor();
      await expect.poll(() => page.getByTestId('progress-steps').innerText()).toContain('Sở Tư pháp tỉnh Hưng Yên');
      // Nothing private: neither the applicant's name nor the ID number.
      const text = await page.locator('main').innerText();
      expect(text).not.toContain(CITIZEN.name);
      expect(text).not.toContain('033090004321');
      await noHorizontalScroll(page);
      await shoot(page, `tracking${suffix}`);
    }

    // Guessing is slowed down: after 10 wrong values for a code, a 429 says when to try again, in minutes.
    // Each value is one request, and the next is sent only once its answer is in (counted, not timed).
    const page = await openPage();
    await page.goto(`/tra-cuu-ho-so?ma=${dossierCode}`);
    const factor = page.getByLabel('Mã xác thực');
    const wait = page.getByTestId('retry-after');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12 && !statuses.includes(429); attempt += 1) {
      await factor.fill(String(1000 + attempt));
      statuses.push((await lookUp(page)).status());
    }
    expect(statuses.at(-1), statuses.join(' ')).toBe(429);
    await page.getByRole('alert').filter({ hasText: 'Quá nhiều yêu cầu' }).waitFor();
    await expect.poll(() => wait.innerText()).toMatch(/Vui lòng thử lại sau (\d+ phút|\d+ giây)\.$/);
  });

  it('downloads and verifies the result, and rates the dossier once (a second rating is refused)', async () => {
    await citizen.goto(`/ca-nhan/ho-so/${dossierCode}`);
    await waitForStatus(citizen, 'Đã trả kết quả');
    const results = citizen.getByTestId('results');
    await results.getByText('Giấy khai sinh', { exact: true }).waitFor();
    const download = results.getByRole('link', { name: /Tải về/ });
    const file = await citizen.context().request.get((await download.getAttribute('href')) ?? '');
    expect(file.status()).toBe(200);
    expect((await file.body()).equals(RESULT_PDF)).toBe(true);

    // A second tab with the same page: the rating form in both.
    const second = await citizen.context().newPage();
    await second.goto(`/ca-nhan/ho-so/${dossierCode}`);
    await second.getByRole('button', { name: 'Gửi đánh giá' }).waitFor();

    await choose(citizen, /Mức độ hài lòng chung/, 'Rất hài lòng');
    await choose(citizen, /Mức độ thuận tiện/, 'Hài lòng');
    await choose(citizen, /Thái độ của cán bộ/, 'Rất hài lòng');
    await shoot(citizen, 'my-dossier-rating');
    await onPhone(`/ca-nhan/ho-so/${dossierCode}`, 'my-dossier-rating', (p) =>
      p.getByRole('button', { name: 'Gửi đánh giá' }).waitFor(),
    );
    const rated = nextResponse(citizen, 'POST', /\/rating$/);
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    expect((await rated).ok()).toBe(true);
    await citizen.getByTestId('rated').filter({ hasText: 'Bạn đã đánh giá hồ sơ này: Rất hài lòng' }).waitFor();

    await choose(second, /Mức độ hài lòng chung/, 'Không hài lòng');
    await choose(second, /Mức độ thuận tiện/, 'Không hài lòng');
    await second.getByRole('button', { name: 'Gửi đánh giá' }).click();
    const refused = second.getByRole('alert').filter({ hasText: 'Hồ sơ đã được đánh giá' });
    await refused.waitFor();
    await expect.poll(() => refused.innerText()).toContain('Mỗi hồ sơ chỉ được đánh giá một lần.');
    await refused.scrollIntoViewIfNeeded();
    await second.screenshot({ path: join(tmpdir(), 'motcua-rating-refused.png') });
    await second.close();

    // The result's public verification page (from "Xác minh").
    await citizen.getByRole('link', { name: /Xác minh/ }).click();
    await citizen.waitForURL(/\/xac-minh\/[0-9a-f]{64}$/);
    const facts = citizen.getByTestId('verify-facts');
    await facts.getByText('Sở Tư pháp tỉnh Hưng Yên').waitFor();
    await facts.getByText('215/2026').waitFor();
    // The file the citizen holds matches (hashed in the browser).
    await citizen.locator('#compare-file').setInputFiles({
      name: 'giay-khai-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: RESULT_PDF,
    });
    await citizen.getByText('Tệp “giay-khai-sinh.pdf” khớp với văn bản đã cấp.').waitFor();
    await shoot(citizen, 'verify');
    await onPhone(new URL(citizen.url()).pathname, 'verify', (p) =>
      p.getByTestId('verify-facts').getByText('215/2026').waitFor(),
    );

    // My dossiers says it is over and rated (the list has both from the server).
    await citizen.goto('/ca-nhan/ho-so');
    const item = citizen.getByRole('listitem').filter({ hasText: dossierCode });
    const next = item.getByTestId('my-dossier-next');
    await next.filter({ hasText: 'Hồ sơ đã kết thúc' }).waitFor();
    await expect.poll(() => next.innerText()).toContain('Đã đánh giá');
  });

  it('sends a feedback on a regulation (PAKN) and tracks it by its code', async () => {
    const page = await openPage();
    await page.goto('/thu-tuc/1.009994?catalog=33');
    await page.getByRole('link', { name: 'Phản ánh, kiến nghị về thủ tục này' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị về quy định hành chính' }).waitFor();
    // The province and the procedure come from where the reader came from.
    const province = page.getByLabel('Tỉnh, thành phố nhận phản ánh, kiến nghị');
    await expect.poll(() => province.inputValue()).toBe('33');
    await expect
      .poll(() => page.getByLabel('Quy định, thủ tục hành chính được phản ánh, kiến nghị').inputValue())
      .toBe('Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ');
    await page.getByLabel('Kiến nghị', { exact: true }).check();
    await page.getByLabel('Sáng kiến cải cách thủ tục hành chính').check();
    await page
      .getByLabel('Nội dung phản ánh, kiến nghị')
      .fill('Đề nghị cho phép nộp bản vẽ thiết kế dạng tệp điện tử thay cho hai bộ bản vẽ giấy.');
    await page.getByLabel('Họ và tên (tên cá nhân, tổ chức)').fill('Trần Thị Góp Ý');
    await page.getByLabel('Số điện thoại').fill('0987');
    await page.getByLabel('Địa chỉ').fill('Số 8 phố Điện Biên, phường Phố Hiến, tỉnh Hưng Yên');
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.getByText('Số điện thoại không hợp lệ').waitFor();
    await page.getByLabel('Số điện thoại').fill('0987654321');
    await shoot(page, 'pakn');
    await onPhone('/phan-anh-kien-nghi', 'pakn', (p) => p.getByLabel('Nội dung phản ánh, kiến nghị').waitFor());
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    const code = page.getByTestId('pakn-code');
    await code.waitFor();
    await expect.poll(() => code.innerText()).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
    await shoot(page, 'pakn-sent');

    await page.getByRole('button', { name: 'Tra cứu phản ánh, kiến nghị này' }).click();
    const status = page.getByTestId('pakn-status');
    await status.getByText('Đã tiếp nhận, chờ phân loại').waitFor();
    await expect.poll(() => status.innerText()).toContain('Sáng kiến cải cách thủ tục hành chính');
    await shoot(page, 'pakn-track');

    // The citizen pages are complete in English too (their texts load when the reader switches).
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Feedback on administrative regulations' }).waitFor();
    await page.getByTestId('pakn-status').getByText('Received, to be classified').waitFor();
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị về quy định hành chính' }).waitFor();
  });
});
