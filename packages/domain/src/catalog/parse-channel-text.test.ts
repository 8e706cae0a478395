import { describe, expect, it } from 'vitest';
import { splitDescriptionPrefix, splitUnparsedChannelText } from './parse-channel-text.js';

describe('splitUnparsedChannelText', () => {
  it.each([
    // A unit-less time glued to the fee; the description confirms the amount (×1,000).
    ['120 VNĐ(20.000 vnđ /tờ khai)', { timeValue: 1, timeText: '1', fee: '20 VNĐ', note: '20.000 vnđ /tờ khai' }],
    ['220 VNĐ(lệ phí hải quan 20.000 đồng/ tờ khai hải quan.)', { timeValue: 2, fee: '20 VNĐ' }],
    ['120,000 VNĐ(Theo khoản 1 Điều 3 Thông tư số 172/2010/TT-BTC)', { timeValue: 1, fee: '20,000 VNĐ' }],
    ['1100,000 VNĐ(- Phí công bố: 100.000 đồng/lần)', { timeValue: 1, fee: '100,000 VNĐ' }],
    ['140,000 Việt Nam Đồng(- Xe ô tô từ 10 chỗ trở lên)', { timeValue: 1, fee: '40,000 Việt Nam Đồng' }],
    // 1 + 23 is confirmed by "23.000 đồng"; 12 + 3 is not.
    ['123 VNĐ(- Giá dịch vụ in lại: 23.000 đồng/01 Giấy)', { timeValue: 1, fee: '23 VNĐ' }],
    // Only one split gives a well-formed amount.
    ['1200 VNĐ', { timeValue: 1, fee: '200 VNĐ', note: '' }],
    // The unit is there but glued to the fee cell.
    ['2 GiờMiễn phí', { timeValue: 2, timeUnit: 'Giờ', timeText: '2 Giờ', fee: 'Miễn phí', note: '' }],
    ['1Miễn phí(Miễn phí đối với: người di cư từ Lào)', { timeValue: 1, fee: 'Miễn phí' }],
  ])('splits %j', (text, expected) => {
    expect(splitUnparsedChannelText(text)).toEqual(expect.objectContaining(expected));
  });

  it.each([
    // 1 + 250 or 12 + 50: nothing tells them apart.
    ['1250 VNĐ'],
    ['125 VNĐ(- Lệ phí đăng ký doanh nghiệp: Bằng 50% mức thu lệ phí)'],
    ['Theo quy định'],
  ])('leaves %j alone', (text) => {
    expect(splitUnparsedChannelText(text)).toBeUndefined();
  });
});

describe('splitDescriptionPrefix', () => {
  it('takes a fee and a time glued to the start of a description', () => {
    expect(
      splitDescriptionPrefix('Miễn phí15 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ', { time: true, fee: true }),
    ).toEqual({
      timeValue: 15,
      timeUnit: 'ngày làm việc',
      timeText: '15 ngày làm việc',
      fee: 'Miễn phí',
      note: '15 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ',
    });
    expect(
      splitDescriptionPrefix('150,000 Việt Nam Đồng(- Mức lệ phí cụ thể do HĐND tỉnh quyết định)', {
        time: false,
        fee: true,
      }),
    ).toEqual({ fee: '150,000 Việt Nam Đồng', note: '- Mức lệ phí cụ thể do HĐND tỉnh quyết định' });
  });

  it('reads "Trong thời hạn N ngày" as a time', () => {
    expect(splitDescriptionPrefix('Trong thời hạn 05 ngày kể từ ngày nhận hồ sơ', { time: true, fee: false })).toEqual(
      expect.objectContaining({ timeValue: 5, timeUnit: 'ngày' }),
    );
  });

  it('takes no time when the description lists several (one per case)', () => {
    const text = 'Miễn phí28 ngày làm việc (đối với trường hợp cấp mới), 02 ngày làm việc (đối với trường hợp cấp lại)';
    expect(splitDescriptionPrefix(text, { time: true, fee: true })).toEqual({
      fee: 'Miễn phí',
      note: '28 ngày làm việc (đối với trường hợp cấp mới), 02 ngày làm việc (đối với trường hợp cấp lại)',
    });
  });

  it('drops "Không có thông tin" placeholders and leaves other descriptions alone', () => {
    expect(splitDescriptionPrefix('Không có thông tinnộp hồ sơ trực tiếp', { time: true, fee: true })).toEqual({
      note: 'nộp hồ sơ trực tiếp',
    });
    expect(splitDescriptionPrefix(': nộp hồ sơ trực tuyến qua Cổng', { time: true, fee: true })).toEqual({
      note: ': nộp hồ sơ trực tuyến qua Cổng',
    });
  });
});
