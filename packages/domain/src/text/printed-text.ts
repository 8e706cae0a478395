/**
 * Text from the national catalogue as it should read on a printed form. The scrape of the national
 * database of administrative procedures (CSDLQG về TTHC) runs cells together and clips long names
 * mid-word, e.g. "Văn bản đề nghị … (Mẫu 02-PLIII-ĐGTS Thông tư 08/2025/TT-BTP)Mẫu số" or
 * "… của người yêu cầu đăng ký khai sinh ho…". A form handed to an applicant (Circular 01/2018/TT-VPCP
 * Mẫu 01: the list of components received) must read as written text: words apart, no word cut.
 * The stored catalogue text is left as published; only what is printed is tidied.
 */
export const tidyPrintedText = (text: string): string => {
  let tidy = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    // A closing bracket or a full stop glued to the next word: "TT-BTP)Mẫu" → "TT-BTP) Mẫu".
    .replace(/([)\]])(?=[\p{L}\p{N}])/gu, '$1 ')
    .replace(/([;,])(?=\p{L})/gu, '$1 ');
  // Clipped at the source in the middle of a word: drop the cut word and keep the mark of the cut.
  const clipped = /^(.*\S)\s+\S*\p{L}…$/u.exec(tidy);
  if (clipped?.[1]) {
    tidy = `${clipped[1].replace(/[\s,;:]+$/u, '')} …`;
  }
  return tidy;
};
