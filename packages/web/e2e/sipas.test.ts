import { DEFAULT_DEMO_PASSWORD } from '@motcua/server/seed/demo';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  findDemoSurveyPaths,
  nextResponse,
  onPostgresPass,
  PHONE,
  pickOption,
  shoot,
  signInOfficial,
  useBrowserSuite,
} from './harness';

/*
 * SIPAS in a real browser, on the demo province (seeded as `npm start` does, with last year's published
 * survey and this year's in progress): a citizen answers by the invitation's link on a phone; the same
 * link opened on a second phone before the first answer is refused with a clear message when sent; the
 * survey organiser reads the campaign dashboard. Each step waits for a state, never for a time.
 */
let paths: string[] = [];
const suite = useBrowserSuite('sipas', {
  env: { MOTCUA_DEMO: 'true' },
  seed: async (server) => {
    paths = await findDemoSurveyPaths(server, 2);
  },
});

/** Answers every question of the page: the first option of each group ("Rất hài lòng" for the scale). */
const answerAll = async (page: Page): Promise<void> => {
  const groups = page.locator('fieldset.survey-question');
  await groups.first().waitFor();
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    await groups.nth(i).locator('label.survey-option').first().click();
  }
};

describe.skipIf(onPostgresPass)('SIPAS surveys', () => {
  it('takes one answer by the link and refuses a second with a clear message', async () => {
    const [path] = paths;
    expect(path).toBeDefined();
    const first = await suite.openPage(PHONE);
    const second = await suite.openPage(PHONE);
    for (const page of [first, second]) {
      await page.goto(path ?? '');
      await page.getByRole('heading', { level: 1, name: 'Khảo sát sự hài lòng' }).waitFor();
    }
    // Nothing answered yet: sending points at the first required question.
    await first.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await first.getByText('Vui lòng trả lời câu hỏi này.').first().waitFor();
    await shoot(first, 'sipas-answer-missing');

    await answerAll(first);
    await shoot(first, 'sipas-answer-phone', { fullPage: true });
    const sent = nextResponse(first, 'POST', /\/api\/v1\/public\/sipas\/invitations\/.+\/answers$/);
    await first.getByRole('button', { name: 'Gửi ý kiến' }).click();
    expect((await sent).status()).toBe(201);
    await first.getByTestId('survey-notice').getByText('Cảm ơn ông/bà đã tham gia khảo sát').waitFor();
    await shoot(first, 'sipas-answer-thanks');

    // The second phone still shows the form; its answer is refused, and it says why.
    await answerAll(second);
    const refused = nextResponse(second, 'POST', /\/api\/v1\/public\/sipas\/invitations\/.+\/answers$/);
    await second.getByRole('button', { name: 'Gửi ý kiến' }).click();
    expect((await refused).status()).toBe(409);
    await second.getByTestId('survey-notice').getByText('Phiếu khảo sát này đã được trả lời').waitFor();
    await expect
      .poll(() => second.getByTestId('survey-notice').innerText())
      .toContain('Mỗi phiếu mời chỉ được trả lời một lần');
    await shoot(second, 'sipas-answer-refused');

    // Opening the link again: answered, no form.
    await first.goto(path ?? '');
    await first.getByText('Phiếu khảo sát này đã được trả lời').waitFor();
    expect(await first.locator('fieldset.survey-question').count()).toBe(0);
  });

  it('shows the organiser the campaigns and a published campaign’s dashboard', async () => {
    const page = await signInOfficial(await suite.openPage(DESKTOP), 'khaosat', DEFAULT_DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Khảo sát hài lòng (SIPAS)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khảo sát hài lòng (SIPAS)' }).waitFor();
    const published = page.getByRole('link', {
      name: /Khảo sát sự hài lòng của người dân, tổ chức năm \d{4} \(dữ liệu mẫu\)/,
    });
    await published.waitFor();
    await shoot(page, 'sipas-campaigns');
    await published.click();
    const dashboard = page.getByTestId('sipas-dashboard');
    await dashboard.waitFor();
    await expect.poll(() => page.getByTestId('sipas-province-index').innerText()).toMatch(/\d+,\d+%|\d+%/);
    await expect.poll(() => page.getByTestId('sipas-province-index').innerText()).toMatch(/\d+\/\d+ ý kiến hài lòng/);
    await dashboard.getByText('Kết quả đã công bố, không thay đổi.').waitFor();
    // Both charts finished drawing.
    await expect.poll(() => page.locator('[data-chart="drawn"]').count()).toBe(2);
    // The answers given with consent to be identified, with their contact; every other one is a count.
    await dashboard.getByTestId('sipas-consented').getByText('Người trả lời mẫu 1', { exact: false }).first().waitFor();
    await shoot(page, 'sipas-dashboard', { fullPage: true });

    // On a phone the dashboard still reads (390 px).
    const phone = await signInOfficial(
      await suite.openPage({ width: 390, height: 844 }),
      'khaosat',
      DEFAULT_DEMO_PASSWORD,
    );
    await phone.goto(page.url().replace(/^https?:\/\/[^/]+/, ''));
    await phone.getByTestId('sipas-province-index').waitFor();
    await shoot(phone, 'sipas-dashboard-phone', { fullPage: true });

    // This year's campaign in progress beside last year's published one: per factor and overall, with counts.
    await page.getByRole('link', { name: /Danh sách đợt khảo sát/ }).click();
    await page.getByRole('link', { name: /Khảo sát sự hài lòng năm \d{4}, đợt 1 \(dữ liệu mẫu\)/ }).click();
    const yoy = page.getByTestId('sipas-year-on-year');
    await yoy.getByText('Chỉ số hài lòng chung').waitFor();
    await expect.poll(() => yoy.innerText()).toMatch(/\d+\/\d+/);
    await shoot(page, 'sipas-year-on-year', { fullPage: true });
    await phone.goto(page.url().replace(/^https?:\/\/[^/]+/, ''));
    await phone.getByTestId('sipas-year-on-year').getByText('Chỉ số hài lòng chung').waitFor();
    await shoot(phone, 'sipas-year-on-year-phone', { fullPage: true });
  });

  it('lets the organiser add a question to the questionnaire and save a new version', async () => {
    const page = await signInOfficial(await suite.openPage(DESKTOP), 'khaosat', DEFAULT_DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Khảo sát hài lòng (SIPAS)' }).click();
    await page.getByRole('link', { name: 'Thiết kế bảng hỏi' }).click();
    const designer = page.getByTestId('sipas-designer');
    await designer.getByRole('heading', { name: 'Thiết kế bảng hỏi' }).waitFor();
    const questionTexts = designer.getByLabel(/^Câu hỏi 1\.1\.\d+: nội dung$/);
    await questionTexts.first().waitFor();
    const before = await questionTexts.count();
    await designer.getByRole('button', { name: 'Thêm câu hỏi vào tiêu chí 1.1' }).click();
    await expect.poll(() => questionTexts.count()).toBe(before + 1);

    // Saved with the new question still blank: the API refuses it and the page says where.
    const refused = nextResponse(page, 'POST', /\/api\/v1\/sipas\/questionnaires$/);
    await designer.getByRole('button', { name: 'Lưu và công bố phiên bản mới' }).click();
    expect((await refused).status()).toBe(400);
    await expect
      .poll(() => designer.getByTestId('sipas-designer-errors').innerText())
      .toContain(`Câu hỏi 1.1.${before + 1}: nội dung — `);
    await shoot(page, 'sipas-designer-error');

    await questionTexts.last().fill('Cán bộ hướng dẫn đầy đủ, dễ hiểu');
    const saved = nextResponse(page, 'POST', /\/api\/v1\/sipas\/questionnaires$/);
    await designer.getByRole('button', { name: 'Lưu và công bố phiên bản mới' }).click();
    const response = await saved;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as {
      version: number;
      definition: { factors: { criteria: { questions: { vi: string }[] }[] }[] };
    };
    expect(body.definition.factors[0]?.criteria[0]?.questions.at(-1)?.vi).toBe('Cán bộ hướng dẫn đầy đủ, dễ hiểu');
    await page.getByText(`Đã lưu và công bố bảng hỏi, phiên bản ${body.version}`).waitFor();
    await designer.getByText(`(phiên bản ${body.version})`).waitFor();
    await shoot(page, 'sipas-designer', { fullPage: true });

    // On a phone (390 px) the designer still reads and its fields fit.
    const phone = await signInOfficial(
      await suite.openPage({ width: 390, height: 844 }),
      'khaosat',
      DEFAULT_DEMO_PASSWORD,
    );
    await phone.goto('/can-bo/khao-sat/bang-hoi');
    await phone
      .getByTestId('sipas-designer')
      .getByLabel(/^Câu hỏi 1\.1\.\d+: nội dung$/)
      .first()
      .waitFor();
    await shoot(phone, 'sipas-designer-phone');
    // Nothing of the designer reaches past the screen's right edge.
    const widest = await phone
      .getByTestId('sipas-designer')
      .evaluate((root) =>
        Math.max(...[root, ...root.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
      );
    expect(widest).toBeLessThanOrEqual(390);
  });

  it('lets the organiser create a new questionnaire with every answer kind, publish it and choose it for a campaign', async () => {
    const page = await signInOfficial(await suite.openPage(DESKTOP), 'khaosat', DEFAULT_DEMO_PASSWORD);
    await page.goto('/can-bo/khao-sat/bang-hoi');
    const designer = page.getByTestId('sipas-designer');
    await designer
      .getByLabel(/^Câu hỏi 1\.1\.\d+: nội dung$/)
      .first()
      .waitFor();
    await pickOption(page.locator('#sipas-designer-family'), '+ Bảng hỏi mới');
    await designer.getByText('Bảng hỏi mới, bắt đầu từ một yếu tố').waitFor();
    await designer.getByLabel('Mã bảng hỏi mới').fill('khao-sat-dat-dai');
    await designer.getByLabel('Tên bảng hỏi').fill('Khảo sát về thủ tục đất đai');
    await designer.getByLabel('Yếu tố 1: nội dung').fill('Tiếp cận dịch vụ đất đai');
    await designer.getByLabel('Tiêu chí 1.1: nội dung').fill('Thông tin về thủ tục');
    await designer.getByLabel('Câu hỏi 1.1.1: nội dung').fill('Thông tin đầy đủ, dễ hiểu');
    // A single-choice question with its options, and a free-text one.
    await designer.getByRole('button', { name: 'Thêm câu hỏi vào tiêu chí 1.1' }).click();
    await designer.getByLabel('Câu hỏi 1.1.2: nội dung').fill('Ông/bà biết thủ tục qua đâu?');
    await pickOption(designer.getByLabel('Câu hỏi 1.1.2: loại câu hỏi'), 'Chọn một');
    const options = designer.getByLabel('Câu hỏi 1.1.2: các phương án');
    await options.fill('portal: Cổng dịch vụ công\ncounter: Bộ phận Một cửa');
    await options.blur();
    await designer.getByRole('button', { name: 'Thêm câu hỏi vào tiêu chí 1.1' }).click();
    await designer.getByLabel('Câu hỏi 1.1.3: nội dung').fill('Góp ý khác');
    await pickOption(designer.getByLabel('Câu hỏi 1.1.3: loại câu hỏi'), 'Trả lời tự do');
    // A second factor (policy) added, then removed again.
    await designer.getByRole('button', { name: 'Thêm yếu tố' }).click();
    await designer.getByLabel('Yếu tố 2: nội dung').waitFor();
    await designer.getByRole('button', { name: 'Xóa Yếu tố 2' }).click();
    await expect.poll(() => designer.getByLabel('Yếu tố 2: nội dung').count()).toBe(0);
    await shoot(page, 'sipas-designer-new', { fullPage: true });

    const saved = nextResponse(page, 'POST', /\/api\/v1\/sipas\/questionnaires$/);
    await designer.getByRole('button', { name: 'Lưu và công bố phiên bản mới' }).click();
    const response = await saved;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as {
      code: string;
      version: number;
      definition: { factors: { criteria: { questions: { type: string }[] }[] }[] };
    };
    expect(body).toMatchObject({ code: 'khao-sat-dat-dai', version: 1 });
    expect(body.definition.factors[0]?.criteria[0]?.questions.map((q) => q.type)).toEqual([
      'likert5',
      'single_choice',
      'free_text',
    ]);
    await designer.getByText('Khảo sát về thủ tục đất đai (phiên bản 1)').waitFor();

    // Published: offered when a campaign is created.
    await page.goto('/can-bo/khao-sat');
    await pickOption(
      page.getByLabel('Bảng hỏi sử dụng'),
      'Khảo sát về thủ tục đất đai — mã khao-sat-dat-dai, phiên bản 1',
    );
    await shoot(page, 'sipas-campaign-questionnaire');

    // On a phone (390 px): the campaign form with its questionnaire, and a new questionnaire in the designer.
    const phone = await signInOfficial(await suite.openPage(PHONE), 'khaosat', DEFAULT_DEMO_PASSWORD);
    await phone.goto('/can-bo/khao-sat');
    await phone.getByLabel('Bảng hỏi sử dụng').waitFor();
    await shoot(phone, 'sipas-campaigns-phone', { fullPage: true });
    await phone.goto('/can-bo/khao-sat/bang-hoi');
    await phone.getByTestId('sipas-designer').getByLabel('Câu hỏi 1.1.1: nội dung').waitFor();
    await pickOption(phone.locator('#sipas-designer-family'), '+ Bảng hỏi mới');
    await phone.getByLabel('Mã bảng hỏi mới').waitFor();
    await shoot(phone, 'sipas-designer-new-phone', { fullPage: true });
  });

  it('lets a surveyor enter a phone interview, marked as such, without seeing any figure', async () => {
    const page = await signInOfficial(await suite.openPage(DESKTOP), 'dieutravien', DEFAULT_DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Khảo sát hài lòng (SIPAS)' }).click();
    await page.getByRole('link', { name: 'Nhập phiếu khảo sát giấy, điện thoại' }).click();
    const entry = page.getByTestId('sipas-entry');
    await entry.getByLabel('Đợt khảo sát đang nhận phiếu').waitFor();
    await entry.getByRole('radio', { name: 'Điện thoại' }).check();
    await answerAll(page);
    await shoot(page, 'sipas-entry', { fullPage: true });
    const sent = nextResponse(page, 'POST', /\/api\/v1\/sipas\/campaigns\/.+\/responses$/);
    await entry.getByRole('button', { name: 'Ghi phiếu' }).click();
    const response = await sent;
    expect(response.status()).toBe(201);
    expect(await response.json()).toEqual({ received: true, mode: 'phone' });
    await entry.getByTestId('sipas-entry-count').getByText('Số phiếu đã nhập trong phiên này: 1.').waitFor();
    expect(await page.getByText('Chỉ số hài lòng').count()).toBe(0);

    const phone = await signInOfficial(await suite.openPage(PHONE), 'dieutravien', DEFAULT_DEMO_PASSWORD);
    await phone.goto('/can-bo/khao-sat/nhap-phieu');
    await phone.locator('fieldset.survey-question').first().waitFor();
    await shoot(phone, 'sipas-entry-phone', { fullPage: true });
  });
});
