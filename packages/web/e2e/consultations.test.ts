import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertUser, insertUserRole } from '@motcua/db';
import { hashPassword } from '@motcua/server/auth/passwords';
import type { AppContext } from '@motcua/server/context';
import { renderDemoDraftPdf } from '@motcua/server/seed/demo-eoffice-outgoing';
import { seedWorld, TEST_PASSWORD } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, pickOption, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * Lấy ý kiến dự thảo: the drafter of Sở Tư pháp sends a draft to Sở Xây dựng at the desk, Sở Xây dựng's director
 * comments on an article on a phone, the drafter explains, closes and finalises the summary, whose PDF reads as the
 * table of Decree 30 layout.
 */
const PEOPLE = [
  { username: 'soanthao', fullName: 'Hoàng Thị Soạn Thảo', role: 'specialist', agency: 'justice' },
  { username: 'giamdocxd', fullName: 'Vũ Văn Giám Đốc Xây Dựng', role: 'agency_head', agency: 'construction' },
] as const;

let draftPdf = Buffer.alloc(0);

const suite = useBrowserSuite('consultations', {
  seed: async (server) => {
    const ctx = server.app.motcua as AppContext;
    const world = await seedWorld({ database: ctx.database } as unknown as TestApp);
    const hash = await hashPassword(TEST_PASSWORD);
    for (const person of PEOPLE) {
      const user = await insertUser(ctx.db, {
        username: person.username,
        fullName: person.fullName,
        title: null,
        email: null,
        phone: null,
        passwordHash: hash,
        provinceCode: '33',
        now: new Date(),
      });
      await insertUserRole(ctx.db, {
        userId: user?.id ?? '',
        agencyId: world.agencies[person.agency]?.id ?? '',
        role: person.role,
        includeSubagencies: true,
        grantedBy: null,
      });
    }
    draftPdf = await renderDemoDraftPdf({
      type: 'QĐ',
      subject: 'Quy chế phối hợp',
      body: ['Điều 1. Phạm vi.', 'Điều 2. Trách nhiệm.'],
    });
  },
});

const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-consultation-'));
  try {
    const file = join(dir, 'tong-hop.pdf');
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

const localInput = (at: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T17:00`;
};

describe.skipIf(onPostgresPass)('consultation on a draft', () => {
  it('is sent, answered on a phone, responded to and summarised as a PDF table', async () => {
    const desk = await signInOfficial(await suite.openPage({ width: 1280, height: 800 }), 'soanthao');
    await desk.goto('/can-bo/lay-y-kien/moi');
    await desk.getByLabel('Tên dự thảo').fill('Dự thảo Quy chế phối hợp liên ngành');
    await desk.getByLabel('Hạn góp ý').fill(localInput(new Date(Date.now() + 7 * 86_400_000)));
    await desk.getByLabel('Tệp dự thảo (PDF, DOCX)').setInputFiles({
      name: 'du-thao.pdf',
      mimeType: 'application/pdf',
      buffer: draftPdf,
    });
    await desk.getByText('Đã tải lên: du-thao.pdf').waitFor();
    await pickOption(
      desk.getByRole('combobox', { name: 'Cơ quan được lấy ý kiến' }),
      'Sở Xây dựng tỉnh Hưng Yên',
      'Xây',
    );
    await desk.getByRole('button', { name: 'Tạo đợt lấy ý kiến' }).last().click();
    await desk.getByRole('heading', { name: 'Dự thảo Quy chế phối hợp liên ngành' }).waitFor();
    await desk.getByRole('button', { name: 'Gửi lấy ý kiến' }).click();
    await desk.getByRole('button', { name: 'Kết thúc lấy ý kiến' }).waitFor();
    const consultationUrl = desk.url();

    const phone = await signInOfficial(await suite.openPage({ width: 390, height: 844 }), 'giamdocxd');
    await phone.goto('/can-bo/lay-y-kien?xem=to_answer');
    await phone.getByRole('link', { name: 'Dự thảo Quy chế phối hợp liên ngành' }).click();
    await phone.getByTestId('answer-form').waitFor();
    await phone.getByLabel('Điều, khoản (để trống nếu là ý kiến chung) 1').fill('khoản 2 Điều 2');
    await phone.getByLabel('Nội dung góp ý 1').fill('Đề nghị quy định thời hạn phối hợp là 05 ngày làm việc.');
    await shoot(phone, 'consultation-answer-390');
    await phone.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await phone.getByText('Đã gửi ý kiến.').waitFor();
    const hasHorizontalScroll = await phone.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(hasHorizontalScroll).toBe(false);

    await desk.goto(consultationUrl);
    await desk.getByRole('heading', { name: 'khoản 2 Điều 2' }).waitFor();
    await desk.getByRole('button', { name: 'Kết thúc lấy ý kiến' }).click();
    await desk.getByText('Còn 1 ý kiến chưa tiếp thu, giải trình.').waitFor();
    await pickOption(desk.getByRole('combobox', { name: 'Tiếp thu, giải trình' }), 'Giải trình');
    await desk.getByLabel('Nội dung tiếp thu, giải trình').fill('Thời hạn đã quy định tại Điều 5 của dự thảo.');
    await desk.getByRole('button', { name: 'Lưu ý kiến tiếp thu' }).click();
    await desk
      .getByTestId('consultation-comment')
      .filter({ hasText: 'Thời hạn đã quy định tại Điều 5' })
      .locator('.soft-tag')
      .waitFor();
    await desk.getByRole('button', { name: 'Chốt bảng tổng hợp' }).click();
    await desk.getByText('Đã tổng hợp').waitFor();
    await shoot(desk, 'consultation-summarised-1280');

    const href = await desk.getByRole('link', { name: 'Bảng tổng hợp (PDF)' }).getAttribute('href');
    const pdf = await desk.request.get(href ?? '');
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = pdfText(await pdf.body());
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý');
    expect(text).toContain('Sở Xây dựng tỉnh');
    expect(text).toContain('khoản 2');
    expect(text).toContain('Giải trình: Thời hạn đã quy');
  });
});
