import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogIssue } from './catalog-issue.js';
import { hashProcedureContent } from './content-hash.js';
import { type NormalizeResult, normalizeNationalRecord } from './normalize-national-record.js';
import { ProcedureVersionContent } from './procedure.js';

// --- the real catalog ----------------------------------------------------------------------------

const LOCAL_COPY = new URL('../../../../reference-data/tthc-catalog.json', import.meta.url);
const SHARED_COPY = '/work/shared/data/tthc-catalog.json';

type RawRecord = Record<string, unknown> & { code: string; channels: Record<string, unknown>[] };

const catalog = JSON.parse(readFileSync(existsSync(LOCAL_COPY) ? LOCAL_COPY : SHARED_COPY, 'utf8')) as {
  procedures: RawRecord[];
};
const records = catalog.procedures;
const results = records.map((record) => normalizeNationalRecord(record));

const getRecord = (code: string): RawRecord => {
  const record = records.find((candidate) => candidate.code === code);
  if (record === undefined) {
    throw new Error(`record ${code} is not in the catalog`);
  }
  return record;
};

const getAccepted = (result: NormalizeResult) => {
  if (result.status === 'rejected') {
    throw new Error(`rejected: ${result.reasons.map((reason) => reason.code).join(', ')}`);
  }
  return result;
};

const normalizeCode = (code: string) => getAccepted(normalizeNationalRecord(getRecord(code)));

const codesOf = (issues: readonly CatalogIssue[]) => issues.map((issue) => issue.code);

const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
};

describe('the national catalog as scraped (tthc-catalog.json)', () => {
  const rows = records.flatMap((record) => record.channels);

  it('has the shape the normaliser was written against', () => {
    expect(records).toHaveLength(2642);
    expect(new Set(records.map((record) => record.code)).size).toBe(2642);
    expect(records.every((record) => /^\d\.\d{6}$/.test(record.code))).toBe(true);
    expect(rows).toHaveLength(7413);
    expect(countBy(rows, (row) => String(row.time_unit))).toEqual({
      'Ngày làm việc': 4155,
      Ngày: 1577,
      Giờ: 137,
      Tháng: 14,
      null: 1530,
    });
    expect(rows.filter((row) => row.time_unit === null && row.time_value !== null)).toHaveLength(757);
    expect(rows.filter((row) => row.time_value === null)).toHaveLength(773);
    expect(rows.filter((row) => 'unparsed' in row)).toHaveLength(107);
    expect(
      countBy(rows, (row) => (typeof row.fee === 'string' ? row.fee.replace(/\d/g, '9') : String(row.fee))),
    ).toEqual(expect.objectContaining({ 'Miễn phí': 4559, null: 1723, '999,999 Việt Nam Đồng': 214, '99 USD': 24 }));
    expect(
      countBy(
        records.flatMap((record) => record.levels as string[]),
        (level) => level,
      ),
    ).toEqual({ 'Cấp bộ': 1413, 'Cấp tỉnh': 1251, 'Cấp xã': 588, 'Cơ quan khác': 51 });
  });
});

describe('normalizeNationalRecord over all 2,642 records', () => {
  it('accepts every record; 1,063 need a human look (warnings), 1,579 carry only notes', () => {
    expect(countBy(results, (result) => result.status)).toEqual({ ok: 1579, repaired: 1063 });
  });

  it('raises the issues we verified by reading samples (records per code)', () => {
    const perRecord = countBy(
      results.flatMap((result) => (result.status === 'rejected' ? [] : [...new Set(codesOf(result.repairs))])),
      (code) => code,
    );
    expect(perRecord).toEqual({
      ONLINE_LEVEL_ASSUMED_FULL: 2118,
      DOCUMENT_NAME_TRUNCATED: 1581,
      FEE_NOT_PUBLISHED: 454,
      TIME_UNIT_MISSING_ASSUMED_WORKING_DAYS: 356,
      TIME_MISSING: 247,
      CHANNEL_MULTIPLE_RULES: 187,
      DOCUMENT_INSTRUCTION_AS_NOTE: 185,
      DOCUMENT_EMPTY_DROPPED: 101,
      DUPLICATE_DOCUMENT_MERGED: 94,
      FEE_SPLIT_FROM_DESCRIPTION: 84,
      TIME_HOURS_AS_WORKING_HOURS: 82,
      DOCUMENT_COUNT_GLUED_DIGITS: 77,
      LEGAL_BASIS_SUFFIX_STRIPPED: 58,
      DOCUMENTS_MISSING: 51,
      LEVEL_OTHER_AGENCY_DROPPED: 51,
      FEE_FROM_NOTES: 48,
      CHANNEL_UNPARSED_REPAIRED: 48,
      FEE_AMOUNT_SCALE_REPAIRED: 44,
      FEE_AMOUNT_IMPLAUSIBLE: 43,
      CHANNEL_DUPLICATE_MERGED: 36,
      FEE_MULTIPLE_AMOUNTS: 32,
      LEVELS_MISSING: 28,
      LEGAL_BASIS_DUPLICATE_MERGED: 25,
      FEE_FOREIGN_CURRENCY: 23,
      DOCUMENT_COUNT_FROM_NAME: 17,
      CHANNEL_UNPARSED: 14,
      DUPLICATE_DOCUMENT_COUNTS_DIFFER: 13,
      FEE_RATE_NOT_FLAT: 9,
      TIME_MONTHS_AS_CALENDAR_DAYS: 8,
      TIME_FROM_DESCRIPTION: 4,
      FEE_CURRENCY_FROM_NOTES: 2,
      FEE_NOTE_AMOUNT_UNPARSED: 2,
      TIME_ZERO: 2,
      TIME_FRACTION_CONVERTED: 1,
    });
  });

  it('produces content the schema accepts unchanged, with a distinct hash per procedure', () => {
    const hashes = new Set<string>();
    for (const result of results) {
      const { content } = getAccepted(result);
      expect(ProcedureVersionContent.parse(content)).toEqual(content);
      hashes.add(hashProcedureContent(content));
    }
    expect(hashes.size).toBe(2642);
  });

  it('maps the published durations onto the model', () => {
    const rules = results.flatMap((result) => getAccepted(result).content.channels);
    expect(countBy(rules, (rule) => rule.duration?.unit ?? 'none')).toEqual({
      working_days: 4986,
      calendar_days: 1593,
      working_hours: 139,
      none: 567,
    });
    expect(
      countBy(rules, (rule) =>
        rule.fees.length === 0
          ? 'not published'
          : rule.fees.every((fee) => fee.amountVnd === 0)
            ? 'free'
            : rule.fees.some((fee) => fee.amountVnd === null)
              ? 'amount unknown'
              : 'amount',
      ),
    ).toEqual({ free: 4548, amount: 1268, 'not published': 1308, 'amount unknown': 161 });
  });

  it('is deterministic: normalising again gives byte-identical output (import is idempotent)', () => {
    const again = records.map((record) => normalizeNationalRecord(structuredClone(record)));
    expect(JSON.stringify(again)).toBe(JSON.stringify(results));
  });
});

// --- focused cases -------------------------------------------------------------------------------

describe('khai sinh (1.001193)', () => {
  const result = normalizeCode('1.001193');
  const { content } = result;

  it('reads the unit-less "1" as one working day on every channel, and says so', () => {
    expect(content.channels).toEqual([
      {
        channel: 'online',
        duration: { unit: 'working_days', value: 1 },
        fees: [{ name: 'Phí, lệ phí', kind: 'other', amountVnd: 0, text: 'Miễn phí' }],
        durationText: '1',
      },
      {
        channel: 'postal',
        duration: { unit: 'working_days', value: 1 },
        fees: [{ name: 'Phí, lệ phí', kind: 'other', amountVnd: 0, text: 'Miễn phí' }],
        durationText: '1',
      },
      {
        channel: 'direct',
        duration: { unit: 'working_days', value: 1 },
        fees: [{ name: 'Phí, lệ phí', kind: 'other', amountVnd: 0, text: 'Miễn phí' }],
        durationText: '1',
      },
    ]);
    expect(result.status).toBe('repaired');
    expect(result.repairs.filter((issue) => issue.code === 'TIME_UNIT_MISSING_ASSUMED_WORKING_DAYS')).toEqual([
      {
        code: 'TIME_UNIT_MISSING_ASSUMED_WORKING_DAYS',
        severity: 'warning',
        field: 'channels[0].time_value',
        message: {
          vi: 'Thời hạn "1" không có đơn vị; giả định là ngày làm việc (đơn vị phổ biến nhất trên Cơ sở dữ liệu quốc gia về TTHC).',
          en: 'Time limit "1" has no unit; assumed working days (the most common unit in the National TTHC database).',
        },
      },
      expect.objectContaining({ field: 'channels[1].time_value' }),
      expect.objectContaining({ field: 'channels[2].time_value' }),
    ]);
  });

  it('keeps the identity, level and result', () => {
    expect(content).toEqual(
      expect.objectContaining({
        nationalCode: '1.001193',
        name: 'Thủ tục đăng ký khai sinh',
        field: { name: 'Hộ tịch' },
        levels: ['commune'],
        decision: '163/QĐ-BTP',
        applicantTypes: ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'],
        onlineLevel: 'full',
        resultTypes: ['Giấy khai sinh'],
        processSteps: [],
        clockOnSupplement: 'restart',
        autoAccept: false,
        boundaryFree: false,
        sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
      }),
    );
    expect(content.legalBasis).toHaveLength(16);
    expect(content.legalBasis[0]).toEqual({ number: '85/2019/TT-BTC' });
  });

  it('sorts the documents into submit / present / note, with the "Lưu ý" notes', () => {
    expect(countBy(content.components, (component) => component.group)).toEqual({ submit: 6, present: 2, note: 25 });
    const byName = (prefix: string) => content.components.find((component) => component.name.startsWith(prefix));
    expect(byName('Tờ khai đăng ký khai sinh theo mẫu')).toEqual(
      expect.objectContaining({ group: 'submit', originals: 1, copies: 0, required: true, replaceableByData: false }),
    );
    // An alternative inside the name does not make the birth certificate optional.
    expect(byName('Giấy chứng sinh; trường hợp không có')).toEqual(
      expect.objectContaining({ group: 'submit', required: true }),
    );
    expect(byName('Trường hợp trẻ em bị bỏ rơi')).toEqual(
      expect.objectContaining({ group: 'submit', required: false }),
    );
    expect(byName('Hộ chiếu/Thẻ căn cước công dân')).toEqual(
      expect.objectContaining({ group: 'present', originals: 1, required: true, nameTruncated: true }),
    );
    expect(byName('Cá nhân có quyền lựa chọn')).toEqual(
      expect.objectContaining({ group: 'note', required: false, originals: 0, copies: 0 }),
    );
    // Rows with no copies that only explain something are notes, not documents.
    expect(byName('Người có yêu cầu đăng ký khai sinh thực hiện việc nộp/xuất trình')?.group).toBe('note');
    expect(codesOf(result.repairs)).toContain('DOCUMENT_INSTRUCTION_AS_NOTE');
  });

  it('marks the components the population / civil-status databases replace', () => {
    const replaceable = content.components.filter((component) => component.replaceableByData);
    expect(replaceable.map((component) => [component.group, component.name.slice(0, 50)])).toEqual([
      ['note', 'Trường hợp người yêu cầu đã nộp bản điện tử Giấy c'],
      ['note', 'Trường hợp không khai thác được thông tin hoặc thô'],
      ['present', 'Giấy tờ có giá trị chứng minh thông tin về cư trú '],
      ['note', 'Trường hợp các thông tin cá nhân trong các giấy tờ'],
      ['note', 'Trường hợp giấy tờ tùy thân sử dụng là: Hộ chiếu, '],
    ]);
  });

  it('hashes the same every time', () => {
    expect(hashProcedureContent(content)).toBe(hashProcedureContent(normalizeCode('1.001193').content));
    expect(hashProcedureContent(content)).toMatch(/^[0-9a-f]{14}$/);
  });
});

describe('"one of" requirements (trợ giúp pháp lý 2.000829)', () => {
  it('asks for the request form, the case papers and one proof of one eligible case, not 31 papers', () => {
    const { content } = normalizeCode('2.000829');
    const required = content.components.filter((c) => c.group === 'submit' && c.required);
    const plain = required.filter((c) => c.alternativeGroup === undefined).map((c) => c.name);
    expect(plain).toEqual([
      'Đơn yêu cầu trợ giúp pháp lý',
      'Các giấy tờ, tài liệu có liên quan đến vụ việc trợ giúp pháp lý',
    ]);
    const options = required.filter((c) => c.alternativeGroup !== undefined);
    expect(new Set(options.map((c) => c.alternativeGroup?.key)).size).toBe(1);
    expect(options[0]?.alternativeGroup?.label).toBe('Giấy tờ chứng minh người thuộc diện trợ giúp pháp lý');
    expect(options.map((c) => c.alternativeGroup?.order)).toEqual(options.map((_, index) => index));
    // Case 1 (người có công), a) to e), comes first in the text's order.
    expect(options.slice(0, 6).map((c) => c.name.slice(0, 2))).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)']);
    expect(options.length).toBeGreaterThanOrEqual(25);
  });

  it('keeps each "Một trong các tài liệu" heading of 1.002548 as its own group', () => {
    const { content } = normalizeCode('1.002548');
    const groups = new Set(content.components.flatMap((c) => c.alternativeGroup?.label ?? []));
    expect([...groups]).toEqual([
      '3. Một trong các tài liệu chứng minh đủ điều kiện để miễn phí thi hành án',
      '4. Một trong các tài liệu chứng minh đủ điều kiện để giảm phí thi hành án',
    ]);
  });

  it('leaves khai sinh (1.001193) without groups', () => {
    expect(normalizeCode('1.001193').content.components.some((c) => c.alternativeGroup !== undefined)).toBe(false);
  });
});

describe('fees published only in the description', () => {
  it('uses the description when the fee column says free (1.004359: new 40.000 đ, re-issue 20.000 đ)', () => {
    const result = normalizeCode('1.004359');
    expect(result.content.channels.map((rule) => rule.fees)).toEqual(
      Array.from({ length: 3 }, () => [
        { name: 'Lệ phí cấp mới', kind: 'le_phi', amountVnd: 40_000, text: 'Lệ phí cấp mới 40.000đồng/lần' },
        { name: 'Lệ phí cấp lại', kind: 'le_phi', amountVnd: 20_000, text: 'lệ phí cấp lại 20.000 đồng/lần.' },
      ]),
    );
    expect(result.content.channels[0]?.feeText).toBe('Lệ phí cấp mới 40.000đồng/lần; lệ phí cấp lại 20.000 đồng/lần.');
    const fromNotes = result.repairs.find((issue) => issue.code === 'FEE_FROM_NOTES');
    expect(fromNotes).toEqual({
      code: 'FEE_FROM_NOTES',
      severity: 'warning',
      field: 'channels[0].fee',
      message: {
        vi: 'Cột phí, lệ phí ghi "Miễn phí" nhưng phần mô tả có mức thu; đã dùng mức thu trong mô tả: 40.000 đồng; 20.000 đồng.',
        en: 'The fee column says "Miễn phí" but the description states amounts; used the description: 40.000 đồng; 20.000 đồng.',
      },
    });
  });

  it('takes a single amount from the description (1.002345: 150.000 đồng/giấy)', () => {
    expect(normalizeCode('1.002345').content.channels[0]?.fees).toEqual([
      { name: 'Phí, lệ phí', kind: 'other', amountVnd: 150_000, text: '150.000 đồng/giấy' },
    ]);
  });

  it('repairs an amount that lost its thousands (1.001200: "40 Việt Nam Đồng" / "40.000đ/giấy thông hành")', () => {
    const result = normalizeCode('1.001200');
    expect(result.content.channels[0]?.fees[0]).toEqual(
      expect.objectContaining({ amountVnd: 40_000, text: expect.stringContaining('40.000đ/giấy thông hành') }),
    );
    expect(codesOf(result.repairs)).toContain('FEE_AMOUNT_SCALE_REPAIRED');
  });
});

describe('district level (abolished 1 July 2025)', () => {
  const khaiSinh = getRecord('1.001193');

  it('remaps "Cấp huyện" to the commune level and records it', () => {
    const result = getAccepted(normalizeNationalRecord({ ...khaiSinh, levels: ['Cấp tỉnh', 'Cấp huyện'] }));
    expect(result.content.levels).toEqual(['province', 'commune']);
    expect(result.repairs).toContainEqual(
      expect.objectContaining({ code: 'LEVEL_DISTRICT_REMAPPED', severity: 'warning', field: 'levels[1]' }),
    );
  });

  it('does not list the commune twice when both levels are given, and accepts a bare string', () => {
    expect(
      getAccepted(normalizeNationalRecord({ ...khaiSinh, levels: ['Cấp huyện', 'Cấp xã'] })).content.levels,
    ).toEqual(['commune']);
    expect(getAccepted(normalizeNationalRecord({ ...khaiSinh, levels: 'Cấp huyện' })).content.levels).toEqual([
      'commune',
    ]);
  });

  it('drops "Cơ quan khác" (1.003563 has no other level)', () => {
    const result = normalizeCode('1.003563');
    expect(result.content.levels).toEqual([]);
    expect(codesOf(result.repairs)).toEqual(expect.arrayContaining(['LEVEL_OTHER_AGENCY_DROPPED', 'LEVELS_MISSING']));
  });
});

describe('duplicate documents (1.000802)', () => {
  it('merges the photo and the application form listed twice under the same heading', () => {
    const result = normalizeCode('1.000802');
    expect(getRecord('1.000802').documents).toHaveLength(4);
    expect(result.content.components.map((component) => component.name)).toEqual([
      'Văn bản đề nghị cấp lại Chứng chỉ hành nghề đấu giá (Mẫu 02-PLIII-ĐGTS Thông tư 08/2025/TT-BTP)Mẫu số',
      'Một ảnh màu cỡ 3cm x 4cm',
    ]);
    expect(result.repairs.filter((issue) => issue.code === 'DUPLICATE_DOCUMENT_MERGED')).toEqual([
      expect.objectContaining({ field: 'documents[2].name', severity: 'info' }),
      expect.objectContaining({ field: 'documents[3].name', severity: 'info' }),
    ]);
    expect(result.status).toBe('ok');
  });
});

describe('unparsed channel text', () => {
  it('splits "120 VNĐ(20.000 vnđ /tờ khai)" into 1 working day and 20.000 đồng (1.000014)', () => {
    const result = normalizeCode('1.000014');
    expect(result.content.channels).toEqual([
      {
        channel: 'online',
        duration: { unit: 'working_days', value: 1 },
        fees: [{ name: 'Phí, lệ phí', kind: 'other', amountVnd: 20_000, text: '20.000 vnđ /tờ khai' }],
        feeText: '20.000 vnđ /tờ khai',
        durationText: '1',
      },
      {
        channel: 'direct',
        duration: { unit: 'working_days', value: 1 },
        fees: [{ name: 'Phí, lệ phí', kind: 'other', amountVnd: 20_000, text: '20.000 vnđ /tờ khai' }],
        feeText: '20.000 vnđ /tờ khai',
        durationText: '1',
      },
    ]);
    expect(codesOf(result.repairs)).toEqual(
      expect.arrayContaining([
        'CHANNEL_UNPARSED_REPAIRED',
        'TIME_UNIT_MISSING_ASSUMED_WORKING_DAYS',
        'FEE_AMOUNT_SCALE_REPAIRED',
      ]),
    );
  });

  it('keeps "1250 VNĐ" (1 + 250 or 12 + 50?) as text with no time and no fee (2.002797)', () => {
    const result = normalizeCode('2.002797');
    expect(result.content.channels).toEqual([{ channel: 'direct', duration: null, fees: [], feeText: '1250 VNĐ' }]);
    expect(result.repairs).toContainEqual(
      expect.objectContaining({ code: 'CHANNEL_UNPARSED', severity: 'warning', field: 'channels[0].unparsed' }),
    );
    expect(result.content.onlineLevel).toBe('none');
  });
});

describe('rejections', () => {
  it.each([
    [null, ['RECORD_NOT_OBJECT']],
    ['1.001193', ['RECORD_NOT_OBJECT']],
    [[], ['RECORD_NOT_OBJECT']],
    [{}, ['MISSING_CODE_AND_NAME']],
    [{ code: ' ', name: '  ' }, ['MISSING_CODE_AND_NAME']],
    [{ code: '1.001193' }, ['MISSING_NAME']],
    [{ code: 'TTHC-01', name: 'Thủ tục thử' }, ['CODE_MALFORMED']],
    [{ code: '1.0011', name: 'Thủ tục thử' }, ['CODE_MALFORMED']],
    [{ code: { value: 1 }, name: 'Thủ tục thử' }, ['CODE_MALFORMED']],
    [{ code: 'x', name: 42 }, ['CODE_MALFORMED', 'MISSING_NAME']],
  ])('rejects %j', (raw, reasons) => {
    const result = normalizeNationalRecord(raw);
    expect(result.status).toBe('rejected');
    if (result.status === 'rejected') {
      expect(codesOf(result.reasons)).toEqual(reasons);
      expect(result.reasons.every((reason) => reason.severity === 'error')).toBe(true);
    }
  });

  it('returns the code of a rejected record when it has one', () => {
    expect(normalizeNationalRecord({ code: '1.001193', name: '' })).toEqual({
      status: 'rejected',
      code: '1.001193',
      reasons: [expect.objectContaining({ code: 'MISSING_NAME', field: 'name' })],
    });
  });

  it('accepts a bare record with a name and reports everything it lacks', () => {
    const result = getAccepted(normalizeNationalRecord({ name: 'Thủ tục thử nghiệm' }));
    expect(result.content.nationalCode).toBeNull();
    expect(codesOf(result.repairs)).toEqual([
      'MISSING_CODE',
      'FIELD_MISSING',
      'LEVELS_MISSING',
      'DOCUMENTS_MISSING',
      'CHANNELS_MISSING',
    ]);
  });

  it('repairs codes other sources produce', () => {
    const khaiSinh = getRecord('1.001193');
    const content = (code: unknown) => getAccepted(normalizeNationalRecord({ ...khaiSinh, code })).content;
    expect(content(1.00119).nationalCode).toBe('1.001190');
    expect(content(' 1.001193 ').nationalCode).toBe('1.001193');
    expect(content('1,001193').nationalCode).toBe('1.001193');
    expect(content('1.003560.000.00.00.H56')).toEqual(
      expect.objectContaining({ nationalCode: '1.003560', localCode: '1.003560.000.00.00.H56' }),
    );
  });
});

// --- properties ----------------------------------------------------------------------------------

/** A real record with some fields replaced by arbitrary JSON: the shapes a bad scrape produces. */
const mutatedRecord = fc
  .tuple(
    fc.constantFrom(...records),
    fc.dictionary(
      fc.constantFrom(
        'code',
        'name',
        'field',
        'levels',
        'applicants',
        'channels',
        'fee_notes',
        'documents',
        'legal_basis',
        'result',
        'conditions',
        'source_url',
        'decision',
      ),
      fc.oneof(fc.jsonValue(), fc.string(), fc.array(fc.string()), fc.constant(null)),
      { maxKeys: 3 },
    ),
    fc.array(
      fc.record({
        channel: fc.constantFrom('Trực tuyến', 'Trực tiếp', 'Dịch vụ bưu chính', 'Fax'),
        time_value: fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 400 }), fc.double({ noNaN: false })),
        time_unit: fc.constantFrom(null, 'Ngày làm việc', 'Ngày', 'Giờ', 'Tháng', 'Năm', 'Phút', 'Trong ngày', 'Quý'),
        fee: fc.oneof(
          fc.constantFrom(null, 'Miễn phí', 'Không', '20 VNĐ', '2,500,000 VNĐ', '10 USD'),
          fc.string({ maxLength: 30 }),
        ),
        fee_note_index: fc.constantFrom(null, 0, 1, 5),
        unparsed: fc.option(fc.constantFrom('120 VNĐ(20.000 vnđ)', '1250 VNĐ', '2 GiờMiễn phí', 'x'), {
          nil: undefined,
        }),
      }),
      { maxLength: 4 },
    ),
  )
  .map(([record, overrides, extraRows]) => ({
    ...record,
    ...overrides,
    ...(extraRows.length > 0 && Array.isArray(record.channels) ? { channels: [...record.channels, ...extraRows] } : {}),
  }));

describe('properties', () => {
  it('normalising is deterministic, and accepted content always satisfies the schema', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedRecord, fc.anything()), (raw) => {
        const first = normalizeNationalRecord(raw);
        const second = normalizeNationalRecord(structuredClone(raw));
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        if (first.status !== 'rejected') {
          expect(ProcedureVersionContent.parse(first.content)).toEqual(first.content);
          expect(first.status).toBe(first.repairs.some((issue) => issue.severity !== 'info') ? 'repaired' : 'ok');
        } else {
          expect(first.reasons.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the keys in the source record', () => {
    fc.assert(
      fc.property(fc.constantFrom(...records), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(JSON.stringify(normalizeNationalRecord(reversed))).toBe(JSON.stringify(normalizeNationalRecord(record)));
      }),
      { numRuns: 100 },
    );
  });
});
