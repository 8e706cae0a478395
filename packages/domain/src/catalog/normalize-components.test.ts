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

describe('"one of" requirements', () => {
  // Verbatim from the national record 2.000829 (Thủ tục yêu cầu trợ giúp pháp lý), in the scrape's order.
  const CHILD = '3. Giấy tờ chứng minh là trẻ em gồm một trong các giấy tờ';
  const childProof = [
    doc('b) Văn bản của cơ quan tiến hành tố tụng xác định người có yêu cầu trợ giúp pháp lý là trẻ em;', {
      group: CHILD,
    }),
    doc(
      'Lưu ý: Việc nộp Giấy khai sinh chỉ thực hiện trong trường hợp cơ quan tiếp nhận không thể khai thác được thông tin trong Cơ sở dữ liệu hộ tịch điện tử hoặc thông tin khai thác được không đầy đủ, khôn…',
      { group: CHILD, original: 0 },
    ),
    doc(
      'c) Văn bản của cơ quan có thẩm quyền về áp dụng biện pháp xử lý hành chính hoặc xử phạt vi phạm hành chính xác định người có yêu cầu trợ giúp pháp lý là trẻ em.',
      { group: CHILD },
    ),
    doc('a) Giấy khai sinh, hộ chiếu;', { group: CHILD }),
  ];

  it('keeps the alternatives of a "gồm một trong các giấy tờ" heading as one group, in the order a, b, c', () => {
    const { components } = normalizeComponents([doc('Đơn yêu cầu trợ giúp pháp lý'), ...childProof]);
    const options = components.filter((c) => c.alternativeGroup !== undefined);
    expect(options.map((c) => c.name.slice(0, 2))).toEqual(['a)', 'b)', 'c)']);
    expect(options.map((c) => c.alternativeGroup?.order)).toEqual([0, 1, 2]);
    expect(new Set(options.map((c) => c.alternativeGroup?.key)).size).toBe(1);
    expect(options[0]?.alternativeGroup?.label).toBe(CHILD);
    expect(options[0]?.alternativeGroup?.key).toMatch(CATALOG_KEY_PATTERN);
    // The application form stays a plain requirement, the note stays a note.
    expect(components[0]).toMatchObject({ name: 'Đơn yêu cầu trợ giúp pháp lý', required: true });
    expect(components[0]?.alternativeGroup).toBeUndefined();
    expect(components.find((c) => c.group === 'note')?.alternativeGroup).toBeUndefined();
  });

  it('recognises the heading when the scrape cut it short ("gồm một tro…", "một trong những g…")', () => {
    const { components } = normalizeComponents([
      doc('a) Giấy chứng nhận hộ cận nghèo;', {
        group: '10. Giấy tờ chứng minh là người khuyết tật có khó khăn về tài chính gồm một tro…',
      }),
      doc('b) Quyết định hưởng trợ cấp xã hội hàng tháng.', {
        group: '10. Giấy tờ chứng minh là người khuyết tật có khó khăn về tài chính gồm một tro…',
      }),
      doc('(ii) Trường hợp ủy quyền cho tổ chức', {
        group: 'Trường hợp ủy quyền thực hiện thủ tục thì hồ sơ phải kèm theo một trong những g…',
      }),
      doc('(i) Trường hợp ủy quyền cho cá nhân', {
        group: 'Trường hợp ủy quyền thực hiện thủ tục thì hồ sơ phải kèm theo một trong những g…',
      }),
    ]);
    expect(components.map((c) => [c.name.slice(0, 4), c.alternativeGroup?.order])).toEqual([
      ['a) G', 0],
      ['b) Q', 1],
      ['(i) ', 0],
      ['(ii)', 1],
    ]);
    // A conditional heading stays conditional: its group is not required.
    expect(components.slice(2).every((c) => !c.required)).toBe(true);
  });

  it('makes the numbered cases under "Giấy tờ chứng minh …, cụ thể:" one group (one proof of one case suffices)', () => {
    const { components } = normalizeComponents([
      ...childProof,
      doc('Giấy tờ chứng minh người thuộc diện trợ giúp pháp lý, cụ thể:', { original: 0 }),
      doc('Giấy chứng nhận hộ nghèo.', { group: '2. Giấy tờ chứng minh người thuộc hộ nghèo là' }),
      doc('Đơn yêu cầu trợ giúp pháp lý'),
    ]);
    const options = components.filter((c) => c.alternativeGroup !== undefined);
    expect(options.map((c) => c.name.slice(0, 10))).toEqual(['Giấy chứng', 'a) Giấy kh', 'b) Văn bản', 'c) Văn bản']);
    expect(options[0]?.alternativeGroup?.label).toBe('Giấy tờ chứng minh người thuộc diện trợ giúp pháp lý');
    expect(new Set(options.map((c) => c.alternativeGroup?.key)).size).toBe(1);
  });

  it('leaves a record without such text unchanged', () => {
    const documents = [
      doc('Tờ khai đăng ký khai sinh theo mẫu'),
      doc('Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng'),
      doc('a) Văn bản ủy quyền', { group: 'Trường hợp ủy quyền thực hiện thủ tục' }),
    ];
    const { components } = normalizeComponents(documents);
    expect(components.map((c) => c.name)).toEqual([
      'Tờ khai đăng ký khai sinh theo mẫu',
      'Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng',
      'a) Văn bản ủy quyền',
    ]);
    expect(components.every((c) => !('alternativeGroup' in c))).toBe(true);
  });
});
