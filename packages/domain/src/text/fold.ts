/**
 * Accent-insensitive folding for Vietnamese search.
 *
 * "Đăng ký khai sinh" → "dang ky khai sinh", "Thừa Thiên Huế" → "thua thien hue".
 * Both the stored search column and the user's query go through this function, so the
 * comparison is exact on folded text. NFD splits a precomposed letter into its base and its
 * combining marks (tone marks and the circumflex/breve/horn); we drop every mark in the
 * Combining Diacritical Marks block. "đ/Đ" is a separate letter in Unicode, not a base plus
 * a mark, so it is mapped explicitly. Both tone-mark styles ("Hòa" and "Hoà") fold the same.
 */
export const foldVietnamese = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Normalises Vietnamese text to NFC with single spaces, the form we store.
 * Data from different sources mixes NFC and NFD; comparing or hashing them raw gives false
 * mismatches.
 */
export const normalizeVietnamese = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();
