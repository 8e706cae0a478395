import { describe, expect, it } from 'vitest';
import { FormDefinition } from './definition.js';
import { listFormCommunes } from './places.js';

const form = FormDefinition.parse({
  key: 'to-khai-thu',
  title: 'Tờ khai thử',
  legalSource: 'Mẫu thử',
  sections: [
    {
      key: 'chung',
      title: 'Chung',
      fields: [
        { key: 'fullName', kind: 'text', label: 'Họ tên', required: true },
        { key: 'residence', kind: 'address', label: 'Nơi cư trú', required: true },
        { key: 'birthPlace', kind: 'address', label: 'Nơi sinh', required: false, foreignAllowed: true },
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
            { key: 'memberAddress', kind: 'address', label: 'Nơi ở', required: false },
          ],
        },
      ],
    },
  ],
});

describe('listFormCommunes', () => {
  it('lists the communes of address fields and group items with their paths, in the form order', () => {
    expect(
      listFormCommunes(form, {
        fullName: 'Lê Văn Bình',
        residence: { communeCode: '11953', detail: 'Thôn Đông' },
        birthPlace: { abroad: 'Paris, Cộng hòa Pháp' },
        members: [{ memberName: 'A' }, { memberName: 'B', memberAddress: { communeCode: '00070' } }],
      }),
    ).toEqual([
      { path: ['residence', 'communeCode'], communeCode: '11953' },
      { path: ['members', 1, 'memberAddress', 'communeCode'], communeCode: '00070' },
    ]);
  });

  it('ignores empty codes, places abroad and values of the wrong shape', () => {
    expect(
      listFormCommunes(form, {
        residence: { communeCode: '' },
        birthPlace: 'Hà Nội' as never,
        members: 'none' as never,
      }),
    ).toEqual([]);
  });
});
