import { describe, expect, it } from 'vitest';
import { buildChannelFees, classifyFeeKind } from './normalize-fees.js';
import { parseFeeColumn } from './parse-money.js';

const feesOf = (column: string | undefined, note?: string) => buildChannelFees(parseFeeColumn(column), note, 'f');
const codesOf = (column: string | undefined, note?: string) => feesOf(column, note).issues.map((issue) => issue.code);

describe('classifyFeeKind', () => {
  it.each([
    ['Lệ phí cấp giấy chứng nhận', 'le_phi'],
    ['Phí thẩm định hồ sơ', 'phi'],
    ['Phí công bố nội dung đăng ký doanh nghiệp', 'phi'],
    ['Giá dịch vụ in lại giấy chứng nhận', 'other'],
    ['Miễn phí', undefined],
    ['Phí, lệ phí', undefined],
  ])('%j → %s', (text, kind) => {
    expect(classifyFeeKind(text)).toBe(kind);
  });
});

describe('buildChannelFees', () => {
  it('reads "Miễn phí" as a zero fee and keeps the text', () => {
    expect(feesOf('Miễn phí')).toEqual({
      fees: [{ name: 'Phí, lệ phí', kind: 'other', amountVnd: 0, text: 'Miễn phí' }],
      issues: [],
    });
  });

  it('reads an amount column, naming and classifying it from the description', () => {
    expect(feesOf('100,000 VNĐ', 'Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần').fees).toEqual([
      { name: 'Phí công bố nội dung đăng ký doanh nghiệp', kind: 'phi', amountVnd: 100_000, text: '100,000 VNĐ' },
    ]);
  });

  it('uses the description when the column says free but the description states the amount', () => {
    const result = feesOf('Miễn phí', 'Lệ phí cấp mới 40.000đồng/lần; lệ phí cấp lại 20.000 đồng/lần.');
    expect(result.fees).toEqual([
      { name: 'Lệ phí cấp mới', kind: 'le_phi', amountVnd: 40_000, text: 'Lệ phí cấp mới 40.000đồng/lần' },
      { name: 'Lệ phí cấp lại', kind: 'le_phi', amountVnd: 20_000, text: 'lệ phí cấp lại 20.000 đồng/lần.' },
    ]);
    expect(result.issues.map((issue) => [issue.code, issue.severity])).toEqual([
      ['FEE_FROM_NOTES', 'warning'],
      ['FEE_MULTIPLE_AMOUNTS', 'warning'],
    ]);
  });

  it('repairs thousands the scrape dropped when the description confirms them ("20 VNĐ" / "20.000 vnđ")', () => {
    const result = feesOf('20 VNĐ', '20.000 vnđ /tờ khai');
    expect(result.fees).toEqual([
      { name: 'Phí, lệ phí', kind: 'other', amountVnd: 20_000, text: '20.000 vnđ /tờ khai' },
    ]);
    expect(result.issues.map((issue) => issue.code)).toEqual(['FEE_AMOUNT_SCALE_REPAIRED']);
  });

  it('does not guess an implausible amount the description does not confirm', () => {
    const result = feesOf('50 VNĐ', '(áp dụng mức phí 25.000 đồng/hồ sơ đến hết ngày 31/12/2026)');
    expect(result.fees).toEqual([
      {
        name: 'Phí',
        kind: 'phi',
        amountVnd: null,
        text: '50 VNĐ',
        exemptions: '(áp dụng mức phí 25.000 đồng/hồ sơ đến hết ngày 31/12/2026)',
      },
    ]);
    expect(result.issues.map((issue) => issue.code)).toEqual(['FEE_AMOUNT_IMPLAUSIBLE']);
  });

  it('recognises a column that is really in USD', () => {
    const result = feesOf('155 VNĐ', 'Thẻ tạm trú có thời hạn từ trên 02 năm đến 05 năm: 155 USD/thẻ.');
    expect(result.fees).toEqual([
      expect.objectContaining({
        amountVnd: null,
        text: 'Thẻ tạm trú có thời hạn từ trên 02 năm đến 05 năm: 155 USD/thẻ.',
      }),
    ]);
    expect(result.issues.map((issue) => issue.code)).toEqual(['FEE_CURRENCY_FROM_NOTES']);
    expect(codesOf('10 USD', '10USD/giấy')).toEqual(['FEE_FOREIGN_CURRENCY']);
  });

  it('never turns a rate or a formula into a fixed amount', () => {
    const result = feesOf(
      'Miễn phí',
      'Nộp 150.000 đồng + (số tấn thủy sản x 15.000 đồng/tấn); Tối đa 700.000 đồng/lần theo Thông tư số 118/2018/TT-BTC',
    );
    expect(result.fees.map((fee) => fee.amountVnd)).toEqual([null, null, null]);
    expect(result.issues.map((issue) => issue.code)).toContain('FEE_RATE_NOT_FLAT');
    expect(feesOf('Miễn phí', '20% của 11.000.000 đồng').fees).toEqual([
      expect.objectContaining({ amountVnd: null, text: '20% của 11.000.000 đồng' }),
    ]);
  });

  it('keeps exemptions as published', () => {
    const result = feesOf('1,000,000 VNĐ', 'Lệ phí cấp phép: 1.000.000 đồng/lần; Miễn lệ phí đối với hộ nghèo');
    expect(result.fees).toEqual([
      {
        name: 'Lệ phí cấp phép',
        kind: 'le_phi',
        amountVnd: 1_000_000,
        text: '1,000,000 VNĐ',
        exemptions: 'Miễn lệ phí đối với hộ nghèo',
      },
    ]);
  });

  it('reports an empty fee column with nothing in the description as not published (not free)', () => {
    expect(feesOf(undefined, 'nộp hồ sơ trực tiếp tại trụ sở')).toEqual({
      fees: [],
      issues: [expect.objectContaining({ code: 'FEE_NOT_PUBLISHED', severity: 'warning' })],
    });
  });

  it('keeps an unreadable fee column as text', () => {
    expect(feesOf('Theo quy định của HĐND tỉnh')).toEqual({
      fees: [{ name: 'Phí, lệ phí', kind: 'other', amountVnd: null, text: 'Theo quy định của HĐND tỉnh' }],
      issues: [expect.objectContaining({ code: 'FEE_TEXT_UNPARSED' })],
    });
  });
});
