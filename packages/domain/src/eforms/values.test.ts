import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormDefinition } from './definition.js';
import { buildFormValuesSchema, pruneHiddenValues } from './values.js';

const form = FormDefinition.parse({
  key: 'to-khai-thu',
  title: 'Tờ khai thử',
  legalSource: 'Mẫu thử',
  sections: [
    {
      key: 'nguoi-khai',
      title: 'Người khai',
      fields: [
        { key: 'fullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true },
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
        { key: 'abroad', kind: 'checkbox', label: 'Sinh ở nước ngoài', required: false },
        {
          key: 'birthPlace',
          kind: 'address',
          label: 'Nơi sinh',
          required: true,
          visibleWhen: { field: 'abroad', equals: false },
        },
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
          required: false,
          minItems: 0,
          maxItems: 3,
          fields: [
            { key: 'memberName', kind: 'text', label: 'Họ tên', required: true },
            { key: 'memberFee', kind: 'money', label: 'Số tiền', required: false },
          ],
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
  abroad: false,
  birthPlace: { communeCode: '12345', detail: 'Thôn Đông' },
  members: [{ memberName: 'Trần Thị Bình', memberFee: 50_000 }],
};

const codesOf = (values: unknown, today = '2026-12-06') => {
  const result = buildFormValuesSchema(form, { today }).safeParse(values);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('the values of a form', () => {
  it('accepts a complete, consistent form', () => {
    expect(codesOf(valid)).toEqual([]);
  });

  it('names each missing required field, and only visible ones', () => {
    expect(codesOf({ abroad: true })).toEqual([
      'fullName:msg:REQUIRED',
      'dateOfBirth:msg:REQUIRED',
      'sex:msg:REQUIRED',
      'idNumber:msg:REQUIRED',
    ]);
    expect(codesOf({ ...valid, birthPlace: undefined })).toEqual(['birthPlace:msg:REQUIRED']);
    expect(codesOf({ ...valid, members: [{ memberFee: 1 }] })).toEqual(['members.0.memberName:msg:REQUIRED']);
  });

  it('checks the CCCD against the date of birth and sex of the same person', () => {
    expect(codesOf({ ...valid, sex: 'female' })).toEqual(['idNumber:msg:ID_CENTURY_SEX_MISMATCH']);
    expect(codesOf({ ...valid, dateOfBirth: '1991-03-15' })).toEqual(['idNumber:msg:ID_BIRTH_YEAR_MISMATCH']);
    expect(codesOf({ ...valid, idNumber: '03309000432' })).toEqual(['idNumber:msg:ID_FORMAT']);
  });

  it('refuses a date in the future, an unknown option, an unknown field and too many items', () => {
    expect(codesOf({ ...valid, dateOfBirth: '2027-01-01', idNumber: '033227004321' })).toContain(
      'dateOfBirth:msg:DATE_IN_FUTURE',
    );
    expect(codesOf({ ...valid, sex: 'other' })).toEqual(['sex:msg:CHOICE']);
    expect(codesOf({ ...valid, nickname: 'An' })).toHaveLength(1);
    expect(
      codesOf({
        ...valid,
        members: [{ memberName: 'A' }, { memberName: 'B' }, { memberName: 'C' }, { memberName: 'D' }],
      }),
    ).toHaveLength(1);
  });

  it('drops hidden and empty values; pruning twice changes nothing and keeps a valid form valid', () => {
    const pruned = pruneHiddenValues(form, { ...valid, abroad: true, members: [] });
    expect(pruned).not.toHaveProperty('birthPlace');
    expect(pruned).not.toHaveProperty('members');
    fc.assert(
      fc.property(fc.boolean(), fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), (abroad, name) => {
        const values = { ...valid, abroad, fullName: name };
        const once = pruneHiddenValues(form, values);
        expect(pruneHiddenValues(form, once)).toEqual(once);
        if (codesOf(values).length === 0) {
          expect(codesOf(once)).toEqual([]);
        }
      }),
    );
  });

  it('refuses a definition whose condition names an unknown field or whose keys repeat', () => {
    const broken = structuredClone(form) as unknown as {
      sections: { fields: { visibleWhen?: unknown; key: string }[] }[];
    };
    const first = broken.sections[0]?.fields[5];
    if (first) {
      first.visibleWhen = { field: 'nowhere', equals: true };
    }
    expect(FormDefinition.safeParse(broken).success).toBe(false);
    const twice = structuredClone(form) as unknown as { sections: { fields: { key: string }[] }[] };
    const second = twice.sections[0]?.fields[1];
    if (second) {
      second.key = 'fullName';
    }
    expect(FormDefinition.safeParse(twice).success).toBe(false);
  });
});
