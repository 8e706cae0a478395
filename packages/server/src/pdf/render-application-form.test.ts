import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FormDefinition } from '@motcua/domain/eforms/definition';
import type { FormValues } from '@motcua/domain/eforms/values';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { type ApplicationFormInput, renderApplicationForm } from './render-application-form.js';

// Set MOTCUA_PDF_PREVIEW_DIR=/tmp/forms to keep the rendered files for a look with a PDF viewer.
const previewDir = process.env.MOTCUA_PDF_PREVIEW_DIR;

const birthForm = FormDefinition.parse({
  key: 'to-khai-khai-sinh',
  title: 'Tờ khai đăng ký khai sinh',
  legalSource: 'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP ngày 06/6/2024 của Bộ trưởng Bộ Tư pháp',
  replacesComponent: 'to-khai',
  declaration:
    'Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật. Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
  sections: [
    {
      key: 'nguoi-yeu-cau',
      title: 'Thông tin người yêu cầu',
      fields: [
        { key: 'requesterFullName', kind: 'text', label: 'Họ, chữ đệm, tên người yêu cầu', required: true },
        { key: 'requesterIdNumber', kind: 'cccd', label: 'Số định danh cá nhân', required: true },
        { key: 'requesterResidence', kind: 'address', label: 'Nơi cư trú', required: true },
        {
          key: 'relationship',
          kind: 'choice',
          label: 'Quan hệ với người được khai sinh',
          required: true,
          options: [
            { value: 'me', label: 'Mẹ' },
            { value: 'cha', label: 'Cha' },
            { value: 'ong-ba', label: 'Ông, bà' },
          ],
        },
        { key: 'requesterPhone', kind: 'phone', label: 'Số điện thoại', required: false },
      ],
    },
    {
      key: 'nguoi-duoc-khai-sinh',
      title: 'Thông tin người được đăng ký khai sinh',
      fields: [
        { key: 'childFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true },
        { key: 'childDateOfBirth', kind: 'date', label: 'Ngày, tháng, năm sinh', required: true, notInFuture: true },
        {
          key: 'childSex',
          kind: 'choice',
          label: 'Giới tính',
          required: true,
          options: [
            { value: 'male', label: 'Nam' },
            { value: 'female', label: 'Nữ' },
          ],
        },
        { key: 'childEthnicity', kind: 'text', label: 'Dân tộc', required: true },
        { key: 'bornAbroad', kind: 'checkbox', label: 'Sinh ở nước ngoài', required: false },
        {
          key: 'childBirthPlace',
          kind: 'address',
          label: 'Nơi sinh',
          required: true,
          visibleWhen: { field: 'bornAbroad', equals: false },
        },
        {
          key: 'childBirthPlaceAbroad',
          kind: 'text',
          label: 'Nơi sinh ở nước ngoài',
          required: true,
          visibleWhen: { field: 'bornAbroad', equals: true },
        },
        { key: 'hometown', kind: 'text', label: 'Quê quán', required: true },
        { key: 'notes', kind: 'textarea', label: 'Ghi chú', required: false },
      ],
    },
    {
      key: 'de-nghi',
      title: 'Đề nghị',
      fields: [
        { key: 'copies', kind: 'number', label: 'Số bản sao trích lục đề nghị cấp', required: false, unit: 'bản' },
        { key: 'fee', kind: 'money', label: 'Lệ phí đã nộp', required: false },
        { key: 'printCopies', kind: 'checkbox', label: 'Đề nghị cấp bản sao', required: false },
      ],
    },
  ],
});

const places = {
  '12345': 'xã Tân Hưng, tỉnh Hưng Yên',
  '23456': 'phường Hiến Nam, tỉnh Hưng Yên',
};

const birthValues: FormValues = {
  requesterFullName: 'Nguyễn Thị Ánh Tuyết',
  requesterIdNumber: '033190012345',
  requesterResidence: { communeCode: '23456', detail: 'Số 12 đường Nguyễn Văn Linh' },
  relationship: 'me',
  requesterPhone: '0912345678',
  childFullName: 'Trần Minh Khôi',
  childDateOfBirth: '2026-10-20',
  childSex: 'male',
  childEthnicity: 'Kinh',
  bornAbroad: false,
  childBirthPlace: { communeCode: '12345', detail: 'Trạm y tế xã Tân Hưng' },
  childBirthPlaceAbroad: 'Không được in vì bị ẩn',
  hometown: 'Xã Ứng Hòa, thành phố Hà Nội',
  notes: 'Cháu sinh đôi; người em là Trần Minh Khang.',
  copies: 2,
  fee: 1_500_000,
  printCopies: true,
};

const birthInput: ApplicationFormInput = {
  definition: birthForm,
  values: birthValues,
  procedureName: 'Thủ tục đăng ký khai sinh',
  agencyName: 'Ủy ban nhân dân xã Tân Hưng',
  dossierCode: '000.00.00.H31-261102-0007',
  submittedAt: '2026-11-02T01:15:00.000Z',
  places,
};

const teamForm = FormDefinition.parse({
  key: 'danh-sach-thanh-vien',
  title: 'Danh sách thành viên hộ gia đình',
  legalSource: 'Mẫu số 01 ban hành kèm theo Thông tư số 99/2026/TT-BXX',
  sections: [
    {
      key: 'chu-ho',
      title: 'Chủ hộ',
      fields: [{ key: 'applicantFullName', kind: 'text', label: 'Họ và tên chủ hộ', required: true }],
    },
    {
      key: 'thanh-vien',
      title: 'Các thành viên',
      fields: [
        {
          key: 'members',
          kind: 'group',
          label: 'Danh sách thành viên',
          itemLabel: 'Thành viên',
          required: true,
          minItems: 1,
          maxItems: 100,
          fields: [
            { key: 'memberName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true },
            { key: 'memberBirth', kind: 'date', label: 'Ngày sinh', required: true },
            { key: 'memberIncome', kind: 'money', label: 'Thu nhập hằng tháng', required: false },
          ],
        },
      ],
    },
  ],
});

const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hạnh', 'Khánh', 'Lộc', 'Mỹ', 'Ngọc'];
const members = Array.from({ length: 40 }, (_, i) => ({
  memberName: `Phạm Thị ${GIVEN[i % GIVEN.length]} ${i + 1}`,
  memberBirth: `19${String(60 + i).padStart(2, '0')}-0${(i % 9) + 1}-1${i % 10}`,
  memberIncome: (i + 1) * 250_000,
}));

type Extracted = { pages: string[]; text: string; overlaps: string[] };

/** Text of each page through pdfjs (no system tools needed), whitespace collapsed, NFC; overlapping text noted. */
const extract = async (pdf: Buffer): Promise<Extracted> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const overlaps: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    let text = '';
    let lastY: number | undefined;
    const boxes: { text: string; x0: number; x1: number; y0: number; y1: number }[] = [];
    for (const item of content.items) {
      if (!('str' in item)) {
        continue;
      }
      const [, , , size = 0, x = 0, y = 0] = item.transform;
      text += `${lastY !== undefined && y !== lastY ? ' ' : ''}${item.str}${item.hasEOL ? ' ' : ''}`;
      lastY = y;
      if (item.str.trim() !== '') {
        boxes.push({
          text: item.str,
          x0: x + 0.5,
          x1: x + item.width - 0.5,
          y0: y - size * 0.2 + 0.5,
          y1: y + size * 0.8 - 0.5,
        });
      }
    }
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) {
          overlaps.push(`page ${n}: "${a.text}" / "${b.text}"`);
        }
      }
    });
    pages.push(text.replace(/\s+/g, ' ').trim().normalize('NFC'));
  }
  await doc.destroy();
  return { pages, overlaps, text: pages.join(' ') };
};

const render = async (name: string, input: ApplicationFormInput): Promise<{ pdf: Buffer } & Extracted> => {
  const pdf = await renderApplicationForm(input);
  if (previewDir) {
    mkdirSync(previewDir, { recursive: true });
    writeFileSync(join(previewDir, `${name}.pdf`), pdf);
  }
  const extracted = await extract(pdf);
  expect(extracted.overlaps).toEqual([]);
  return { pdf, ...extracted };
};

describe('the printed application form (tờ khai)', () => {
  it('prints the motto, the title, the addressee and every value typed, with its diacritics', async () => {
    const { pdf, pages, text } = await render('to-khai-khai-sinh', birthInput);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages).toHaveLength(1);
    for (const phrase of [
      'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TỜ KHAI ĐĂNG KÝ KHAI SINH',
      'Kính gửi: Ủy ban nhân dân xã Tân Hưng',
      '1. Thông tin người yêu cầu',
      'Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Ánh Tuyết',
      'Số định danh cá nhân: 033190012345',
      'Nơi cư trú: Số 12 đường Nguyễn Văn Linh, phường Hiến Nam, tỉnh Hưng Yên',
      'Quan hệ với người được khai sinh: Mẹ',
      'Số điện thoại: 0912345678',
      'Họ, chữ đệm, tên: Trần Minh Khôi',
      'Ngày, tháng, năm sinh: 20/10/2026',
      'Giới tính: Nam',
      'Dân tộc: Kinh',
      'Sinh ở nước ngoài: Không',
      'Nơi sinh: Trạm y tế xã Tân Hưng, xã Tân Hưng, tỉnh Hưng Yên',
      'Quê quán: Xã Ứng Hòa, thành phố Hà Nội',
      'Ghi chú: Cháu sinh đôi; người em là Trần Minh Khang.',
      'Số bản sao trích lục đề nghị cấp: 2 bản',
      'Lệ phí đã nộp: 1.500.000 đồng',
      'Đề nghị cấp bản sao: Có',
      'Tôi cam đoan nội dung đề nghị đăng ký khai sinh',
      'Ngày 02 tháng 11 năm 2026',
      'NGƯỜI YÊU CẦU',
      '(Ký, ghi rõ họ, tên)',
      'Mã hồ sơ: 000.00.00.H31-261102-0007',
      'Nộp lúc 08 giờ 15 phút, ngày 02/11/2026',
    ]) {
      expect(text).toContain(phrase);
    }
    // The signer's name under the signature, after the place for the signature.
    expect(text.lastIndexOf('Nguyễn Thị Ánh Tuyết')).toBeGreaterThan(text.indexOf('NGƯỜI YÊU CẦU'));
    // A field hidden by its condition is not printed, even with a value left over.
    expect(text).not.toContain('Không được in vì bị ẩn');
    expect(text).not.toContain('Nơi sinh ở nước ngoài');
    // No dotted blanks on a complete form.
    expect(text).not.toContain('.....');
  });

  it('gives equal bytes for equal input, and other bytes when the submission time differs', async () => {
    const first = await renderApplicationForm(birthInput);
    const second = await renderApplicationForm(structuredClone(birthInput));
    expect(second.equals(first)).toBe(true);
    const later = await renderApplicationForm({ ...birthInput, submittedAt: '2026-11-03T01:15:00.000Z' });
    expect(later.equals(first)).toBe(false);
  });

  it('prints a draft: required empty fields as dotted lines, no footer, an undated place-and-date line', async () => {
    const values: FormValues = { ...birthValues };
    delete values.childEthnicity;
    delete values.hometown;
    delete values.requesterPhone;
    const draft = { ...birthInput, values, dossierCode: null, submittedAt: null };
    const { text } = await render('to-khai-khai-sinh-nhap', draft);
    expect(text).toMatch(/Dân tộc: \.{20,}/);
    expect(text).toMatch(/Quê quán: \.{20,}/);
    // An optional empty field is left out.
    expect(text).not.toContain('Số điện thoại');
    expect(text).not.toContain('Mã hồ sơ');
    expect(text).toContain('ngày …… tháng …… năm ……');
    expect((await renderApplicationForm(draft)).equals(await renderApplicationForm(draft))).toBe(true);
  });

  it('prints a 40-item group as a table across pages, every item whole, the header row repeated', async () => {
    const { pages, text } = await render('danh-sach-thanh-vien', {
      ...birthInput,
      definition: teamForm,
      values: { applicantFullName: 'Phạm Văn Hùng', members },
    });
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [index, member] of members.entries()) {
      // Each row on one page: number, name, date and income together.
      const [year, month, day] = member.memberBirth.split('-');
      const income = `${(member.memberIncome).toLocaleString('de-DE')} đồng`;
      expect(
        pages.some((page) => page.includes(`${index + 1} ${member.memberName} ${day}/${month}/${year} ${income}`)),
      ).toBe(true);
    }
    // The table's header row starts every page it continues on; pages from the second are numbered.
    for (const [index, page] of pages.entries()) {
      if (index > 0) {
        expect(page).toMatch(/^STT Họ, chữ đệm, tên Ngày sinh Thu nhập hằng tháng \d+ Phạm Thị/);
        expect(page.endsWith(` ${index + 1}`)).toBe(true);
      }
      expect(page).toContain('Mã hồ sơ: 000.00.00.H31-261102-0007');
    }
    expect(text).toContain('Phạm Văn Hùng');
    expect(pages.at(-1)).toContain('NGƯỜI YÊU CẦU');
  });

  it('prints a group with many fields as a numbered list, each item whole on a page', async () => {
    const wide = FormDefinition.parse({
      ...teamForm,
      sections: [
        teamForm.sections[0],
        {
          key: 'thanh-vien',
          title: 'Các thành viên',
          fields: [
            {
              key: 'members',
              kind: 'group',
              label: 'Danh sách thành viên',
              itemLabel: 'Thành viên',
              required: true,
              minItems: 1,
              maxItems: 100,
              fields: [
                { key: 'memberName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true },
                { key: 'memberBirth', kind: 'date', label: 'Ngày sinh', required: true },
                { key: 'memberIncome', kind: 'money', label: 'Thu nhập hằng tháng', required: false },
                { key: 'memberJob', kind: 'text', label: 'Nghề nghiệp', required: true },
                { key: 'memberPlace', kind: 'address', label: 'Nơi ở hiện tại', required: true },
              ],
            },
          ],
        },
      ],
    });
    const items = members.slice(0, 25).map((member) => ({
      ...member,
      memberJob: 'Giáo viên tiểu học',
      memberPlace: { communeCode: '12345', detail: 'Thôn Đông Hưng' },
    }));
    const { pages } = await render('danh-sach-thanh-vien-dai', {
      ...birthInput,
      definition: wide,
      values: { applicantFullName: 'Phạm Văn Hùng', members: items },
    });
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // Every item whole on one page: its title, then each of its lines in order.
    for (const [index, item] of items.entries()) {
      const [year, month, day] = item.memberBirth.split('-');
      const whole = [
        `Thành viên thứ ${index + 1}: Họ, chữ đệm, tên: ${item.memberName}`,
        `Ngày sinh: ${day}/${month}/${year}`,
        `Thu nhập hằng tháng: ${item.memberIncome.toLocaleString('de-DE')} đồng`,
        'Nghề nghiệp: Giáo viên tiểu học',
        'Nơi ở hiện tại: Thôn Đông Hưng, xã Tân Hưng, tỉnh Hưng Yên',
      ].join(' ');
      expect(pages.filter((page) => page.includes(whole))).toHaveLength(1);
    }
  });
});
