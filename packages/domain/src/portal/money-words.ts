/**
 * An amount of đồng in Vietnamese words, as receipts write it under the figure ("Bằng chữ: …"):
 * 1 250 000 → "Một triệu hai trăm năm mươi nghìn đồng". Rules of Vietnamese numerals: "mười" for
 * ten, "mươi" for the other tens, "mốt" for a final one after twenty, "lăm" for a final five after
 * ten, "linh" for a zero ten inside a group, and a full "không trăm" for groups after the first.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ'];

const readGroup = (n: number, full: boolean): string => {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (full || hundreds > 0) {
    words.push(DIGITS[hundreds] ?? '', 'trăm');
  }
  if (tens === 0) {
    if (units > 0 && (full || hundreds > 0)) {
      words.push('linh');
    }
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens] ?? '', 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens > 1) {
      words.push('mốt');
    } else if (units === 5 && tens > 0) {
      words.push('lăm');
    } else {
      words.push(DIGITS[units] ?? '');
    }
  }
  return words.join(' ');
};

export const formatVndInWords = (amount: number): string => {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`not a whole amount of đồng: ${amount}`);
  }
  if (amount === 0) {
    return 'Không đồng';
  }
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 1000)) {
    groups.push(rest % 1000);
  }
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) {
      continue;
    }
    parts.push([readGroup(group, i < groups.length - 1), SCALES[i]].filter(Boolean).join(' '));
  }
  const text = `${parts.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** "1.250.000 đồng": the figure with dots between thousands, as Vietnamese documents print amounts. */
export const formatVnd = (amount: number): string => `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
