import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMoneyAmounts, hasUnreadableMoney, parseAmountToken, parseFeeColumn } from './parse-money.js';

describe('parseAmountToken', () => {
  it.each([
    ['50.000', 50_000],
    ['50,000', 50_000],
    ['2,500,000', 2_500_000],
    ['1.000.000', 1_000_000],
    ['1200', 1200],
    ['0', 0],
  ])('reads %s as %d', (token, value) => {
    expect(parseAmountToken(token)).toBe(value);
  });

  it.each([['10.000.0000'], ['3000.000'], ['1,5'], ['1.000,000'], ['abc'], ['']])('refuses malformed %j', (token) => {
    expect(parseAmountToken(token)).toBeUndefined();
  });

  it('reads every consistently grouped number back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom('.', ','), (value, separator) => {
        const grouped = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
        expect(parseAmountToken(grouped)).toBe(value);
      }),
    );
  });
});

describe('findMoneyAmounts', () => {
  it.each([
    ['50.000 đồng', 50_000, 'VND'],
    ['50,000đ', 50_000, 'VND'],
    ['100.000 Đồng/hồ sơ', 100_000, 'VND'],
    ['20.000 vnđ /tờ khai', 20_000, 'VND'],
    ['20.000Đ/tờ khai', 20_000, 'VND'],
    ['40.000đồng/lần', 40_000, 'VND'],
    ['150,000 Việt Nam Đồng', 150_000, 'VND'],
    ['10USD/giấy', 10, 'USD'],
    ['155 USD/thẻ.', 155, 'USD'],
    ['01 triệu đồng/lần cấp', 1_000_000, 'VND'],
    ['1,5 triệu đồng', 1_500_000, 'VND'],
  ])('reads %j', (text, amount, currency) => {
    expect(findMoneyAmounts(text)).toEqual([expect.objectContaining({ amount, currency })]);
  });

  it('reads several amounts in order', () => {
    expect(
      findMoneyAmounts('Lệ phí cấp mới 40.000đồng/lần; lệ phí cấp lại 20.000 đồng/lần.').map((match) => match.amount),
    ).toEqual([40_000, 20_000]);
  });

  it.each([
    ['ngày 01/7/2025'],
    ['Thông tư số 64/2025/TT-BTC'],
    ['10.000.0000 đồng (Cấp lần đầu)'],
    ['dung tích từ 1.600 đ…'],
    ['20 đối tượng'],
    ['05 ngày làm việc'],
  ])('finds no amount in %j', (text) => {
    expect(findMoneyAmounts(text)).toEqual([]);
  });

  it('notices money it cannot read', () => {
    expect(hasUnreadableMoney('10.000.0000 đồng (Cấp lần đầu)')).toBe(true);
    expect(hasUnreadableMoney('100.000 đồng/lần')).toBe(false);
    expect(hasUnreadableMoney('Miễn phí')).toBe(false);
  });
});

describe('parseFeeColumn', () => {
  it.each([['Miễn phí'], ['Không'], ['không thu'], ['MIỄN PHÍ.'], ['0 đồng']])('reads %j as free', (text) => {
    expect(parseFeeColumn(text)).toEqual({ kind: 'free', text });
  });

  it.each([
    ['2,500,000 VNĐ', 2_500_000, 'VND'],
    ['150,000 Việt Nam Đồng', 150_000, 'VND'],
    ['50.000 đồng', 50_000, 'VND'],
    ['20 VNĐ', 20, 'VND'],
    ['10 USD', 10, 'USD'],
  ])('reads %j as an amount', (text, amount, currency) => {
    expect(parseFeeColumn(text)).toEqual({ kind: 'amount', amount, currency, text });
  });

  it('keeps "not published" apart from "free"', () => {
    expect(parseFeeColumn(undefined)).toEqual({ kind: 'absent' });
    expect(parseFeeColumn('   ')).toEqual({ kind: 'absent' });
    expect(parseFeeColumn('Không có thông tin')).toEqual({ kind: 'absent', text: 'Không có thông tin' });
  });

  it('keeps anything else as text', () => {
    expect(parseFeeColumn('Theo quy định của HĐND tỉnh')).toEqual({
      kind: 'text',
      text: 'Theo quy định của HĐND tỉnh',
    });
    expect(parseFeeColumn('50.000 đồng/lần cấp')).toEqual({ kind: 'text', text: '50.000 đồng/lần cấp' });
  });
});
