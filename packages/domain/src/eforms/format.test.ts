import { describe, expect, it } from 'vitest';
import { FormDefinition, type ScalarField } from './definition.js';
import {
  describeFilledForm,
  findSignerName,
  formatAddress,
  formatFieldValue,
  formatFormDate,
  formatItemTitle,
  formatWholeNumber,
} from './format.js';

const places = { '12345': 'xã Tân Hưng, tỉnh Hưng Yên' };
const base = { label: 'Trường', required: false } as const;

describe('formatting one value', () => {
  it.each<[string, ScalarField, unknown, string | undefined]>([
    ['text, trimmed', { ...base, key: 'a', kind: 'text' }, '  Trần Minh Khôi ', 'Trần Minh Khôi'],
    ['empty text', { ...base, key: 'a', kind: 'text' }, '   ', undefined],
    ['missing value', { ...base, key: 'a', kind: 'text' }, undefined, undefined],
    ['ticked box', { ...base, key: 'a', kind: 'checkbox' }, true, 'Có'],
    ['unticked box', { ...base, key: 'a', kind: 'checkbox' }, false, 'Không'],
    [
      'choice: its option label',
      { ...base, key: 'a', kind: 'choice', options: [{ value: 'female', label: 'Nữ' }] },
      'female',
      'Nữ',
    ],
    [
      'choice: an unknown value as it is',
      { ...base, key: 'a', kind: 'choice', options: [{ value: 'female', label: 'Nữ' }] },
      'other',
      'other',
    ],
    ['date', { ...base, key: 'a', kind: 'date' }, '2026-02-05', '05/02/2026'],
    ['money', { ...base, key: 'a', kind: 'money' }, 1_500_000, '1.500.000 đồng'],
    ['zero money', { ...base, key: 'a', kind: 'money' }, 0, '0 đồng'],
    ['number with unit', { ...base, key: 'a', kind: 'number', unit: 'm²' }, 1250, '1.250 m²'],
    ['number', { ...base, key: 'a', kind: 'number' }, 3, '3'],
    [
      'address in a commune',
      { ...base, key: 'a', kind: 'address' },
      { communeCode: '12345', detail: 'Số 12 đường Lê Lợi' },
      'Số 12 đường Lê Lợi, xã Tân Hưng, tỉnh Hưng Yên',
    ],
    ['address abroad', { ...base, key: 'a', kind: 'address' }, { abroad: 'Berlin, Đức' }, 'Berlin, Đức'],
    ['address without a commune', { ...base, key: 'a', kind: 'address' }, { detail: 'Thôn Đông' }, undefined],
    ['CCCD', { ...base, key: 'a', kind: 'cccd' }, '033190012345', '033190012345'],
    ['phone', { ...base, key: 'a', kind: 'phone' }, '0912345678', '0912345678'],
  ])('%s', (_, field, value, expected) => {
    expect(formatFieldValue(field, value as never, { places })).toBe(expected);
  });

  it('writes dates, numbers, item titles and unknown communes readably', () => {
    expect(formatFormDate('2026-12-31')).toBe('31/12/2026');
    expect(formatFormDate('31/12/2026')).toBe('31/12/2026');
    expect(formatWholeNumber(999)).toBe('999');
    expect(formatWholeNumber(1000)).toBe('1.000');
    expect(formatWholeNumber(-1234567)).toBe('-1.234.567');
    expect(formatItemTitle('Người', 2)).toBe('Người thứ 2');
    expect(formatItemTitle('Người thứ', 2)).toBe('Người thứ 2');
    expect(formatAddress({ communeCode: '99999' }, places)).toBe('đơn vị hành chính mã 99999');
  });
});

const form = FormDefinition.parse({
  key: 'to-khai-thu',
  title: 'Tờ khai thử',
  legalSource: 'Mẫu thử',
  sections: [
    {
      key: 'nguoi-yeu-cau',
      title: 'Người yêu cầu',
      fields: [
        { key: 'requesterFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true },
        { key: 'abroad', kind: 'checkbox', label: 'Ở nước ngoài', required: false },
        {
          key: 'residence',
          kind: 'address',
          label: 'Nơi cư trú',
          required: true,
          visibleWhen: { field: 'abroad', equals: false },
        },
        { key: 'phone', kind: 'phone', label: 'Số điện thoại', required: false },
      ],
    },
    {
      key: 'ghi-chu',
      title: 'Ghi chú',
      fields: [{ key: 'note', kind: 'textarea', label: 'Ghi chú', required: false }],
    },
    {
      key: 'thanh-vien',
      title: 'Thành viên',
      fields: [
        {
          key: 'members',
          kind: 'group',
          label: 'Danh sách',
          itemLabel: 'Người',
          required: false,
          minItems: 0,
          maxItems: 5,
          fields: [
            { key: 'memberName', kind: 'text', label: 'Họ tên', required: true },
            { key: 'memberMarried', kind: 'checkbox', label: 'Đã kết hôn', required: false },
            {
              key: 'spouseName',
              kind: 'text',
              label: 'Họ tên vợ/chồng',
              required: true,
              visibleWhen: { field: 'memberMarried', equals: true },
            },
            { key: 'memberNote', kind: 'text', label: 'Ghi chú', required: false },
          ],
        },
      ],
    },
  ],
});

describe('describing a filled form', () => {
  it('lists the visible values, blanks for required empty fields, and leaves out the rest', () => {
    const sections = describeFilledForm(
      form,
      { abroad: false, phone: '', members: [{ memberName: 'An', memberMarried: true }, { memberName: 'Bình' }] },
      { places },
    );
    expect(sections.map((section) => section.key)).toEqual(['nguoi-yeu-cau', 'thanh-vien']);
    expect(sections[0]?.entries).toEqual([
      { kind: 'blank', key: 'requesterFullName', label: 'Họ, chữ đệm, tên' },
      { kind: 'value', key: 'abroad', label: 'Ở nước ngoài', text: 'Không', multiline: false },
      { kind: 'blank', key: 'residence', label: 'Nơi cư trú' },
    ]);
    const group = sections[1]?.entries[0];
    expect(group?.kind).toBe('group');
    if (group?.kind !== 'group') {
      return;
    }
    // A column shows when one item shows it; the note column, empty everywhere, does not.
    expect(group.columns.map((column) => column.key)).toEqual(['memberName', 'memberMarried', 'spouseName']);
    expect(group.items.map((item) => item.title)).toEqual(['Người thứ 1', 'Người thứ 2']);
    expect(group.items[0]?.cells).toEqual([
      { kind: 'value', key: 'memberName', label: 'Họ tên', text: 'An', multiline: false },
      { kind: 'value', key: 'memberMarried', label: 'Đã kết hôn', text: 'Có', multiline: false },
      { kind: 'blank', key: 'spouseName', label: 'Họ tên vợ/chồng' },
    ]);
    // The second item's spouse is hidden (not married): nothing, not a blank.
    expect(group.items[1]?.cells).toEqual([
      { kind: 'value', key: 'memberName', label: 'Họ tên', text: 'Bình', multiline: false },
      undefined,
      undefined,
    ]);
    expect(group.items[1]?.lines.map((line) => line.key)).toEqual(['memberName']);
  });

  it('drops hidden values left over, marks long text, and names the signer', () => {
    const values = {
      requesterFullName: 'Nguyễn Văn An',
      abroad: true,
      residence: { communeCode: '12345' },
      note: 'Dòng một\nDòng hai',
    };
    const sections = describeFilledForm(form, values, { places });
    const keys = sections.flatMap((section) => section.entries.map((entry) => entry.key));
    expect(keys).toEqual(['requesterFullName', 'abroad', 'note']);
    expect(sections[1]?.entries[0]).toMatchObject({ kind: 'value', multiline: true, text: 'Dòng một\nDòng hai' });
    expect(findSignerName(form, values)).toBe('Nguyễn Văn An');
    expect(findSignerName(form, {})).toBeUndefined();
  });

  it('finds the signer by the label when the key says nothing', () => {
    const byLabel = FormDefinition.parse({
      ...form,
      sections: [
        {
          key: 'a',
          title: 'A',
          fields: [
            { key: 'childName', kind: 'text', label: 'Họ, chữ đệm, tên người được khai sinh', required: true },
            { key: 'personName', kind: 'text', label: 'Họ, chữ đệm, tên người yêu cầu', required: true },
          ],
        },
      ],
    });
    expect(findSignerName(byLabel, { childName: 'Khôi', personName: 'Tuyết' })).toBe('Tuyết');
  });

  it('marks a required group with no items as a blank', () => {
    const required = FormDefinition.parse({
      ...form,
      sections: [{ ...form.sections[2], fields: [{ ...form.sections[2]?.fields[0], required: true }] }],
    });
    expect(describeFilledForm(required, {}, { places })[0]?.entries).toEqual([
      { kind: 'blank', key: 'members', label: 'Danh sách' },
    ]);
  });
});
