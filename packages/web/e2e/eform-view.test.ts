import { seedWorld, TEST_PROCEDURE_CONTENT } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { APPLICANT, asOfficial, onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * The filled application form (tờ khai) of a dossier, read back on the officials' dossier page: the
 * values worded as the printed form words them, and the link to its PDF.
 */
const FORM = {
  key: 'to-khai-khai-sinh',
  title: 'Tờ khai đăng ký khai sinh',
  legalSource: 'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP',
  replacesComponent: 'to-khai',
  sections: [
    {
      key: 'nguoi-yeu-cau',
      title: 'Thông tin người yêu cầu',
      fields: [
        { key: 'requesterFullName', kind: 'text', label: 'Họ, chữ đệm, tên người yêu cầu', required: true },
        {
          key: 'relationship',
          kind: 'choice',
          label: 'Quan hệ với người được khai sinh',
          required: true,
          options: [
            { value: 'me', label: 'Mẹ' },
            { value: 'cha', label: 'Cha' },
          ],
        },
      ],
    },
    {
      key: 'nguoi-duoc-khai-sinh',
      title: 'Thông tin người được đăng ký khai sinh',
      fields: [
        { key: 'childFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true },
        { key: 'childDateOfBirth', kind: 'date', label: 'Ngày, tháng, năm sinh', required: true, notInFuture: true },
        { key: 'fee', kind: 'money', label: 'Lệ phí đã nộp', required: false },
        { key: 'printCopies', kind: 'checkbox', label: 'Đề nghị cấp bản sao', required: false },
        {
          key: 'siblings',
          kind: 'group',
          label: 'Anh chị em ruột',
          itemLabel: 'Người',
          required: false,
          minItems: 0,
          maxItems: 10,
          fields: [
            { key: 'siblingName', kind: 'text', label: 'Họ tên', required: true },
            { key: 'siblingBirth', kind: 'date', label: 'Ngày sinh', required: false },
          ],
        },
      ],
    },
  ],
};

let centreId = '';
let dossierCode = '';
const suite = useBrowserSuite('eform-view', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    centreId = world.agencies.centre?.id ?? '';
    const admin = await asOfficial(server, 'qttinh');
    const created = await admin.call<{ code: string }>('POST', '/api/v1/procedures', {
      catalog: '33',
      content: { ...TEST_PROCEDURE_CONTENT, applicationForm: FORM },
    });
    const code = created.code;
    const draft = await admin.call<{ rowVersion: number }>('GET', `/api/v1/procedures/${code}/versions/1?catalog=33`);
    await admin.call('POST', `/api/v1/procedures/${code}/versions/1/publish?catalog=33`, {
      expectedVersion: draft.rowVersion,
      effectiveFrom: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
    });
    const detail = await admin.call<{ rowVersion: number }>('GET', `/api/v1/procedures/${code}?catalog=33`);
    await admin.call('PUT', `/api/v1/procedures/${code}/agencies?catalog=33`, {
      expectedVersion: detail.rowVersion,
      agencies: [{ agencyId: centreId, role: 'receiving' }],
    });
    const desk = await asOfficial(server, 'motcua');
    const dossier = await desk.call<{ code: string }>('POST', '/api/v1/dossiers', {
      receivingAgencyId: centreId,
      procedureCode: code,
      channel: 'direct',
      applicant: APPLICANT,
      components: [{ key: 'giay-chung-sinh', originals: 1, copies: 0 }],
      form: {
        requesterFullName: 'Nguyễn Thị Ánh Tuyết',
        relationship: 'me',
        childFullName: 'Trần Minh Khôi',
        childDateOfBirth: '2025-10-20',
        fee: 1_500_000,
        printCopies: true,
        siblings: [{ siblingName: 'Trần Minh Khang', siblingBirth: '2020-01-05' }],
      },
      outcome: 'receive',
    });
    dossierCode = dossier.code;
  },
});

describe.skipIf(onPostgresPass)('the filled application form on the officials’ dossier page', () => {
  it('shows every value worded as the printed form, and links to the PDF', async () => {
    const page = await signInOfficial(await suite.openPage(), 'motcua');
    await page.goto(`/can-bo/ho-so/${dossierCode}`);
    await page.getByRole('tab', { name: 'Tờ khai' }).click();
    const view = page.getByTestId('eform-view');
    await view.waitFor();
    await expect.poll(() => view.innerText()).toContain('Tờ khai đăng ký khai sinh');
    const text = await view.innerText();
    for (const phrase of [
      'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP',
      'Thông tin người yêu cầu',
      'Nguyễn Thị Ánh Tuyết',
      'Mẹ',
      'Trần Minh Khôi',
      '20/10/2025',
      '1.500.000 đồng',
      'Có',
      'Trần Minh Khang',
      '05/01/2020',
    ]) {
      expect(text).toContain(phrase);
    }
    const pdf = view.getByRole('link', { name: 'Tải tờ khai (PDF)' });
    expect(await pdf.getAttribute('href')).toBe(`/api/v1/dossiers/${dossierCode}/application-form.pdf`);
    await shoot(page, 'eform-view-official');
  });
});
