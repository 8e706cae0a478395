import { describe, expect, it } from 'vitest';
import { classifyComponentHeading, isReplaceableByData, normalizeComponents } from './normalize-components.js';
import { CATALOG_KEY_PATTERN } from './procedure.js';

const doc = (name: string, extra: Record<string, unknown> = {}) => ({
  group: null,
  name,
  template: null,
  original: 1,
  copy: 0,
  ...extra,
});

describe('classifyComponentHeading', () => {
  it.each([
    [undefined, { group: 'submit' }],
    ['Giấy tờ phải nộp', { group: 'submit' }],
    ['a) Thành phần hồ sơ', { group: 'submit' }],
    ['Giấy tờ phải xuất trình', { group: 'present' }],
    ['Các giấy tờ phải xuất trình (bản chính), bao gồm', { group: 'present' }],
    ['Lưu ý', { group: 'note' }],
    [
      'Trường hợp ủy quyền thực hiện thủ tục',
      { group: 'submit', section: 'Trường hợp ủy quyền thực hiện thủ tục', conditional: true },
    ],
    [
      'Hồ sơ của người nhận con nuôi',
      { group: 'submit', section: 'Hồ sơ của người nhận con nuôi', conditional: false },
    ],
  ])('%j → %j', (heading, expected) => {
    expect(classifyComponentHeading(heading)).toEqual(expected);
  });
});

describe('isReplaceableByData', () => {
  it.each([
    'Trường hợp các thông tin cá nhân trong các giấy tờ này đã có trong Cơ sở dữ liệu quốc gia về dân cư thì không phải nộp',
    'Giấy tờ chứng minh nơi cư trú trong trường hợp cơ quan đăng ký hộ tịch không thể khai thác được thông tin về nơi cư trú',
    'Chứng minh nhân dân trong trường hợp cơ sở dữ liệu quốc gia về dân cư chưa đưa vào vận hành',
  ])('true for %j', (text) => {
    expect(isReplaceableByData(text)).toBe(true);
  });

  it.each([
    'Tờ khai đăng ký khai sinh theo mẫu',
    'Bản sao hoặc bản điện tử hoặc bản sao điện tử Báo cáo kết quả công tác',
    'Danh sách cá nhân ghi rõ số định danh cá nhân hoặc số hộ chiếu',
  ])('false for %j', (text) => {
    expect(isReplaceableByData(text)).toBe(false);
  });
});

describe('normalizeComponents', () => {
  it('maps counts, templates, requiredness and stable keys', () => {
    const result = normalizeComponents([
      doc('Tờ khai đăng ký khai sinh theo mẫu;', { template: 'TK1.docx' }),
      doc('Văn bản ủy quyền (nếu có)', { original: 0, copy: 1 }),
      doc('Hộ chiếu hoặc thẻ căn cước', { group: 'Giấy tờ phải xuất trình' }),
    ]);
    expect(result.issues).toEqual([]);
    expect(result.components.map(({ key, ...rest }) => rest)).toEqual([
      {
        name: 'Tờ khai đăng ký khai sinh theo mẫu',
        group: 'submit',
        originals: 1,
        copies: 0,
        required: true,
        templateName: 'TK1.docx',
        replaceableByData: false,
      },
      {
        name: 'Văn bản ủy quyền (nếu có)',
        group: 'submit',
        originals: 0,
        copies: 1,
        required: false,
        replaceableByData: false,
      },
      {
        name: 'Hộ chiếu hoặc thẻ căn cước',
        group: 'present',
        originals: 1,
        copies: 0,
        required: true,
        replaceableByData: false,
      },
    ]);
    for (const component of result.components) {
      expect(component.key).toMatch(CATALOG_KEY_PATTERN);
    }
    expect(normalizeComponents([doc('Tờ khai đăng ký khai sinh theo mẫu')]).components[0]?.key).toBe(
      result.components[0]?.key,
    );
  });

  it('merges exact duplicates under the same heading, keeping the larger counts', () => {
    const result = normalizeComponents([
      doc('Một ảnh màu cỡ 3cm x 4cm', { group: 'Hồ sơ cấp lại' }),
      doc('Một  ảnh màu cỡ 3cm x 4cm.', { group: 'Hồ sơ cấp lại' }),
      doc('Một ảnh màu cỡ 3cm x 4cm', { group: 'Hồ sơ cấp lại', original: 2 }),
      doc('Một ảnh màu cỡ 3cm x 4cm', { group: 'Hồ sơ cấp mới' }),
    ]);
    expect(result.components.map((c) => [c.section, c.originals])).toEqual([
      ['Hồ sơ cấp lại', 2],
      ['Hồ sơ cấp mới', 1],
    ]);
    expect(result.issues.map((issue) => [issue.code, issue.field])).toEqual([
      ['DUPLICATE_DOCUMENT_MERGED', 'documents[1].name'],
      ['DUPLICATE_DOCUMENT_COUNTS_DIFFER', 'documents[2].name'],
    ]);
  });

  it('drops empty and punctuation-only names', () => {
    const result = normalizeComponents([doc(''), doc(';'), doc(' . '), doc('và'), doc('Đơn đề nghị')]);
    expect(result.components.map((c) => c.name)).toEqual(['Đơn đề nghị']);
    expect(result.issues.map((issue) => issue.code)).toEqual([
      'DOCUMENT_EMPTY_DROPPED',
      'DOCUMENT_EMPTY_DROPPED',
      'DOCUMENT_EMPTY_DROPPED',
      'DOCUMENT_EMPTY_DROPPED',
    ]);
  });

  it('flags names the source cut short', () => {
    const result = normalizeComponents([doc('Giấy chứng nhận đăng ký doanh nghiệp hoặc giấy tờ tương đương…')]);
    expect(result.components[0]).toEqual(
      expect.objectContaining({
        name: 'Giấy chứng nhận đăng ký doanh nghiệp hoặc giấy tờ tương đương…',
        nameTruncated: true,
      }),
    );
    expect(result.issues).toEqual([expect.objectContaining({ code: 'DOCUMENT_NAME_TRUNCATED', severity: 'info' })]);
  });

  it('gives back the digits the scrape glued onto the count ("…01/01/" + "2026" + "1 bản chính")', () => {
    const result = normalizeComponents([
      doc('Tờ khai theo Mẫu số 02a.ĐKT ban hành kèm theo Thông tư số 02/2026/TT-BNNMT ngày 01/01/', {
        original: 20261,
        copy: 1,
      }),
      doc('Văn bản đề nghị theo Mẫu số', { original: 181 }),
    ]);
    expect(result.components.map((c) => [c.name, c.originals, c.copies])).toEqual([
      ['Tờ khai theo Mẫu số 02a.ĐKT ban hành kèm theo Thông tư số 02/2026/TT-BNNMT ngày 01/01/2026', 1, 1],
      ['Văn bản đề nghị theo Mẫu số 18', 1, 0],
    ]);
    expect(result.issues.map((issue) => issue.code)).toEqual([
      'DOCUMENT_COUNT_GLUED_DIGITS',
      'DOCUMENT_COUNT_GLUED_DIGITS',
    ]);
  });

  it('turns instructions and headings with no copies into notes', () => {
    const result = normalizeComponents([
      doc('Người có yêu cầu thực hiện việc nộp các giấy tờ sau:', { original: 0 }),
      doc('Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm bản sao có chứng thực', { original: 0 }),
      doc('Văn bản xác nhận phối hợp thực hiện dự án (Mẫu số 04)', { original: 0 }),
    ]);
    expect(result.components.map((c) => c.group)).toEqual(['note', 'note', 'submit']);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'DOCUMENT_INSTRUCTION_AS_NOTE' })]);
  });

  it('reads the count written in the name when the count columns are empty', () => {
    const result = normalizeComponents([
      doc('b) Hóa đơn thương mại: 01 bản chụp;', { original: 0 }),
      doc('Giấy phép nhập khẩu: 01 bản chính', { original: 0 }),
    ]);
    expect(result.components.map((c) => [c.originals, c.copies])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(result.issues.map((issue) => issue.code)).toEqual(['DOCUMENT_COUNT_FROM_NAME', 'DOCUMENT_COUNT_FROM_NAME']);
  });

  it('reports missing or malformed documents', () => {
    expect(normalizeComponents([]).issues.map((issue) => issue.code)).toEqual(['DOCUMENTS_MISSING']);
    expect(normalizeComponents('x').issues.map((issue) => issue.code)).toEqual([
      'VALUE_TYPE_INVALID',
      'DOCUMENTS_MISSING',
    ]);
    expect(normalizeComponents([doc('A', { original: -2 })]).issues.map((issue) => issue.code)).toEqual([
      'DOCUMENT_COUNT_INVALID',
    ]);
  });
});
