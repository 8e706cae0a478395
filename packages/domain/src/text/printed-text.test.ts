import { describe, expect, it } from 'vitest';
import { tidyPrintedText } from './printed-text.js';

describe('tidyPrintedText', () => {
  it.each([
    [
      'Văn bản đề nghị cấp lại Chứng chỉ hành nghề đấu giá (Mẫu 02-PLIII-ĐGTS Thông tư 08/2025/TT-BTP)Mẫu số',
      'Văn bản đề nghị cấp lại Chứng chỉ hành nghề đấu giá (Mẫu 02-PLIII-ĐGTS Thông tư 08/2025/TT-BTP) Mẫu số',
    ],
    [
      'Giấy tờ chứng minh nơi cư trú của người yêu cầu đăng ký khai sinh ho…',
      'Giấy tờ chứng minh nơi cư trú của người yêu cầu đăng ký khai sinh …',
    ],
    ['Bản sao giấy khai sinh, ng…', 'Bản sao giấy khai sinh …'],
    ['Tờ khai  theo mẫu\n(bản chính)', 'Tờ khai theo mẫu (bản chính)'],
    ['Hộ chiếu;Căn cước', 'Hộ chiếu; Căn cước'],
    // Nothing to tidy: left as is (numbers with dots and commas, brackets followed by punctuation).
    ['Phí 1.000.000,5 đồng (bản sao).', 'Phí 1.000.000,5 đồng (bản sao).'],
    ['Giấy chứng sinh', 'Giấy chứng sinh'],
  ])('%s → %s', (input, expected) => {
    expect(tidyPrintedText(input)).toBe(expected);
  });

  it('never cuts or glues a word of clean text (property: ordinary words survive)', () => {
    const words = ['Tờ', 'khai', 'đăng', 'ký', 'khai', 'sinh', '(bản', 'chính)', 'Mẫu', 'số', '01/2025/TT-BTP'];
    for (let n = 1; n <= words.length; n += 1) {
      const text = words.slice(0, n).join(' ');
      expect(tidyPrintedText(text)).toBe(text);
    }
  });
});
