import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './definition.js';
import {
  fillResultTemplate,
  findUnknownPlaceholders,
  listPlaceholders,
  ResultTemplate,
  type ResultTemplateInput,
} from './result-template.js';

const FORM: FormDefinition = {
  key: 'to-khai-khai-sinh',
  title: 'Tờ khai đăng ký khai sinh',
  legalSource: 'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP',
  sections: [
    {
      key: 'tre',
      title: 'Người được khai sinh',
      fields: [
        { key: 'childFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true },
        { key: 'childBirthDate', kind: 'date', label: 'Ngày, tháng, năm sinh', required: true },
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
        { key: 'birthPlace', kind: 'address', label: 'Nơi sinh', required: true },
        { key: 'fatherFullName', kind: 'text', label: 'Họ tên cha', required: false },
        {
          key: 'siblings',
          kind: 'group',
          label: 'Anh chị em',
          itemLabel: 'Người',
          required: false,
          minItems: 0,
          maxItems: 3,
          fields: [{ key: 'siblingName', kind: 'text', label: 'Họ tên', required: true }],
        },
      ],
    },
  ],
};

const TEMPLATE = ResultTemplate.parse({
  key: 'giay-khai-sinh',
  title: 'Giấy khai sinh',
  subject: 'Cấp cho {{form.childFullName}}',
  paragraphs: [
    { text: 'Họ, chữ đệm, tên: {{form.childFullName}}; giới tính: {{form.childSex}}.' },
    { text: 'Ngày sinh: {{form.childBirthDate}}; nơi sinh: {{form.birthPlace}}.' },
    { text: 'Họ tên cha: {{form.fatherFullName}}.', optional: true },
    { text: 'Người đi đăng ký khai sinh: {{ applicant.fullName }}, số định danh {{applicant.idNumber}}.' },
  ],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'Chủ tịch' },
});

const input = (values: Record<string, unknown>, dossier: ResultTemplateInput['dossier'] = {}): ResultTemplateInput => ({
  dossier: { 'applicant.fullName': 'Trần Văn Bố', 'applicant.idNumber': '033085001234', ...dossier },
  form: { definition: FORM, values: values as never },
  places: { '11953': 'phường Phố Hiến, tỉnh Hưng Yên' },
});

const CHILD = {
  childFullName: 'Trần Minh Khôi',
  childBirthDate: '2026-10-30',
  childSex: 'male',
  birthPlace: { communeCode: '11953', detail: 'Trạm Y tế phường' },
};

describe('result templates', () => {
  it('lists the placeholders of a text once each, spaces inside the braces allowed', () => {
    expect(listPlaceholders('{{a.b}} và {{ a.b }}, {{form.x}}; {{}} {x}')).toEqual(['a.b', 'form.x']);
  });

  it.each([
    ['{{applicant.fullName}}', []],
    ['{{form.childFullName}}', []],
    ['{{form.unknown}}', ['form.unknown']],
    ['{{form.siblings}}', ['form.siblings']],
    ['{{form.siblingName}}', ['form.siblingName']],
    ['{{applicant.secret}}', ['applicant.secret']],
  ])('finds what %s names: unknown %j', (text, unknown) => {
    const template = { ...TEMPLATE, paragraphs: [{ text }] };
    expect(findUnknownPlaceholders(template, FORM)).toEqual(unknown);
  });

  it('names form fields as unknown when the version has no application form', () => {
    expect(findUnknownPlaceholders(TEMPLATE, undefined)).toEqual([
      'form.childFullName',
      'form.childSex',
      'form.childBirthDate',
      'form.birthPlace',
      'form.fatherFullName',
    ]);
  });

  it('fills the paragraphs with the printed values (choice label, date, full address), leaving out an empty optional one', () => {
    const filled = fillResultTemplate(TEMPLATE, input(CHILD));
    expect(filled).toEqual({
      ok: true,
      result: {
        title: 'Giấy khai sinh',
        subject: 'Cấp cho Trần Minh Khôi',
        paragraphs: [
          'Họ, chữ đệm, tên: Trần Minh Khôi; giới tính: Nam.',
          'Ngày sinh: 30/10/2026; nơi sinh: Trạm Y tế phường, phường Phố Hiến, tỉnh Hưng Yên.',
          'Người đi đăng ký khai sinh: Trần Văn Bố, số định danh 033085001234.',
        ],
      },
    });
    const withFather = fillResultTemplate(TEMPLATE, input({ ...CHILD, fatherFullName: 'Trần Văn Bố' }));
    expect(withFather.ok && withFather.result.paragraphs[2]).toBe('Họ tên cha: Trần Văn Bố.');
  });

  it('reports every empty required placeholder once, with its label, and fills nothing', () => {
    const filled = fillResultTemplate(
      TEMPLATE,
      input({ childSex: 'female', birthPlace: CHILD.birthPlace }, { 'applicant.idNumber': '  ' }),
    );
    expect(filled).toEqual({
      ok: false,
      missing: [
        {
          placeholder: 'form.childFullName',
          label: { vi: 'Họ, chữ đệm, tên (tờ khai)', en: 'Họ, chữ đệm, tên (application form)' },
        },
        {
          placeholder: 'form.childBirthDate',
          label: { vi: 'Ngày, tháng, năm sinh (tờ khai)', en: 'Ngày, tháng, năm sinh (application form)' },
        },
        {
          placeholder: 'applicant.idNumber',
          label: { vi: 'Số định danh / mã số thuế của người yêu cầu', en: 'Applicant’s ID number or tax code' },
        },
      ],
    });
  });

  it('refuses a template with whitespace around its texts or no paragraph', () => {
    expect(ResultTemplate.safeParse({ ...TEMPLATE, title: ' Giấy khai sinh' }).success).toBe(false);
    expect(ResultTemplate.safeParse({ ...TEMPLATE, paragraphs: [] }).success).toBe(false);
  });
});
