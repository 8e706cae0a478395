import { FormDefinition } from '@motcua/domain/eforms/definition';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { eformsEn } from '../../i18n/eforms-en';
import { eformsVi } from '../../i18n/eforms-vi';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { formatDateText, formatMoney, parseDateText } from './EFormInputs';
import { fieldIdOf, prepareEFormValues, validateEForm } from './validate';

const form = FormDefinition.parse({
  key: 'to-khai-thu',
  title: 'Tờ khai thử',
  legalSource: 'Mẫu thử',
  sections: [
    {
      key: 'nguoi-khai',
      title: 'Người khai',
      fields: [
        { key: 'fullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true, maxLength: 50 },
        { key: 'dateOfBirth', kind: 'date', label: 'Ngày sinh', required: true, notInFuture: true },
        {
          key: 'sex',
          kind: 'choice',
          label: 'Giới tính',
          required: true,
          options: [
            { value: 'male', label: 'Nam' },
            { value: 'female', label: 'Nữ' },
          ],
        },
        {
          key: 'idNumber',
          kind: 'cccd',
          label: 'Số định danh cá nhân',
          required: true,
          dateOfBirthField: 'dateOfBirth',
          sexField: 'sex',
        },
        { key: 'bornAbroad', kind: 'checkbox', label: 'Sinh ở nước ngoài', required: false },
        {
          key: 'birthPlace',
          kind: 'address',
          label: 'Nơi sinh',
          required: true,
          visibleWhen: { field: 'bornAbroad', equals: false },
        },
        { key: 'phone', kind: 'phone', label: 'Số điện thoại', required: false },
        { key: 'fee', kind: 'money', label: 'Lệ phí', required: false, max: 1_000_000 },
      ],
    },
    {
      key: 'gia-dinh',
      title: 'Gia đình',
      fields: [
        {
          key: 'members',
          kind: 'group',
          label: 'Thành viên',
          itemLabel: 'Người',
          required: true,
          minItems: 2,
          maxItems: 3,
          fields: [{ key: 'memberName', kind: 'text', label: 'Họ tên thành viên', required: true }],
        },
      ],
    },
  ],
});

const valid = {
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-03-15',
  sex: 'male',
  idNumber: '033090004321',
  birthPlace: { communeCode: '12345', detail: 'Thôn Đông' },
  members: [{ memberName: 'Trần Thị Bình' }, { memberName: 'Nguyễn Văn Cường' }],
};

const TODAY = '2026-12-06';
const t = i18next.createInstance();

beforeAll(async () => {
  await t.init({
    resources: { vi: { translation: { ...vi, ...eformsVi } }, en: { translation: { ...en, ...eformsEn } } },
    lng: 'vi',
    interpolation: { escapeValue: false },
  });
});

const check = (values: Record<string, unknown>, language: 'vi' | 'en' = 'vi') =>
  validateEForm(form, values as never, t.getFixedT(language), TODAY);

describe('validateEForm', () => {
  it('accepts a complete form, a never-ticked checkbox counting as unticked', () => {
    expect(check(valid)).toEqual({});
  });

  it('names the field that is missing, by its label, under its pointer', () => {
    const { fullName: _, sex: __, ...rest } = valid;
    expect(check(rest)).toEqual({
      '/fullName': 'Vui lòng nhập Họ, chữ đệm, tên',
      '/sex': 'Vui lòng chọn Giới tính',
    });
    expect(check(rest, 'en')['/fullName']).toBe('Please enter Họ, chữ đệm, tên');
  });

  it('places errors inside a repeating group on the item and says how many items are needed', () => {
    expect(check({ ...valid, members: [{ memberName: 'An' }, {}] })).toEqual({
      '/members/1/memberName': 'Vui lòng nhập Họ tên thành viên',
    });
    expect(check({ ...valid, members: [{ memberName: 'An' }] })).toEqual({
      '/members': 'Cần khai ít nhất 2 Người',
    });
    expect(check({ ...valid, members: [] })).toEqual({ '/members': 'Vui lòng khai ít nhất 2 Người' });
  });

  it('turns the schema messages into texts: future date, bad date, bad phone, CCCD against the birth date', () => {
    expect(check({ ...valid, dateOfBirth: '2027-01-01' })).toMatchObject({
      '/dateOfBirth': 'Ngày sinh không được sau ngày hôm nay',
    });
    expect(check({ ...valid, dateOfBirth: '31/02/1990' })['/dateOfBirth']).toMatch(/^Ngày sinh: ngày không hợp lệ/);
    expect(check({ ...valid, phone: '12345' })).toEqual({ '/phone': 'Số điện thoại không hợp lệ' });
    expect(check({ ...valid, idNumber: '03309000432' })).toEqual({
      '/idNumber': vi.intake.idNumberViolation.ID_FORMAT,
    });
    expect(check({ ...valid, sex: 'female' })).toEqual({
      '/idNumber': vi.intake.idNumberViolation.ID_CENTURY_SEX_MISMATCH,
    });
  });

  it('checks lengths and amounts with the field label and limit', () => {
    expect(check({ ...valid, fullName: 'A'.repeat(51) })).toEqual({
      '/fullName': 'Họ, chữ đệm, tên: tối đa 50 ký tự',
    });
    expect(check({ ...valid, fee: 2_000_000 })).toEqual({ '/fee': 'Lệ phí không được lớn hơn 1.000.000' });
  });

  it('asks for the commune of an address with only a street, under the commune pointer', () => {
    expect(check({ ...valid, birthPlace: { detail: 'Thôn Đông' } })).toEqual({
      '/birthPlace': 'Vui lòng chọn Nơi sinh',
    });
    expect(check({ ...valid, birthPlace: { communeCode: '1234' } })).toEqual({
      '/birthPlace/communeCode': 'Nơi sinh: xã, phường không hợp lệ',
    });
  });

  it('never holds the form back for a hidden field, and sends no hidden or empty value', () => {
    const abroad = { ...valid, bornAbroad: true, birthPlace: { communeCode: 'bad' }, phone: '' };
    expect(check(abroad)).toEqual({});
    expect(prepareEFormValues(form, abroad as never)).toEqual({
      ...valid,
      birthPlace: undefined,
      bornAbroad: true,
    } as never);
    expect(Object.keys(prepareEFormValues(form, abroad as never))).not.toContain('birthPlace');
  });
});

describe('the inputs’ text forms', () => {
  it.each([
    ['15/03/2020', '2020-03-15'],
    ['5/3/2020', '2020-03-05'],
    ['15.03.2020', '2020-03-15'],
    ['15032020', '2020-03-15'],
    ['31/02/2020', undefined],
    ['2020-03-15', undefined],
    ['15/03', undefined],
  ])('reads the date %s as %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it('shows dates and amounts the Vietnamese way', () => {
    expect(formatDateText('2020-03-15')).toBe('15/03/2020');
    expect(formatDateText('15/0')).toBe('15/0');
    expect(formatMoney(1_500_000)).toBe('1.500.000');
    expect(formatMoney(999)).toBe('999');
    expect(formatMoney(undefined)).toBe('');
  });

  it('gives each field an element id from its pointer', () => {
    expect(fieldIdOf('eform', '/members/0/memberName')).toBe('eform-members-0-memberName');
    expect(fieldIdOf('intake', '/birthPlace/communeCode')).toBe('intake-birthPlace-communeCode');
  });
});
