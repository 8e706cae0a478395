import { foldVietnamese } from '../text/fold.js';

/**
 * The full address printed on a form: what the applicant wrote (house, street, hamlet), then the
 * commune and the province it lies in. Circular 01/2018/TT-VPCP forms 01–06 (Circular 03/2025/TT-VPCP)
 * ask for the address of the applicant; since the two-level local government of 1 July 2025 an
 * address is "…, xã/phường …, tỉnh/thành phố …" with no district (Resolution 202/2025/QH15), so a
 * commune chosen from the list but not typed is added, and a name already written is not repeated.
 */
export const formatFullAddress = (input: {
  text: string;
  /** The commune's full name, e.g. "Phường Phố Hiến". */
  communeName?: string | undefined;
  /** The province's full name, e.g. "Tỉnh Hưng Yên". */
  provinceName?: string | undefined;
}): string => {
  const parts = [input.text.trim().replace(/[\s,;.]+$/, '')];
  const written = (name: string): boolean => {
    // Compare without accents, case or the unit word's spelling variants ("P. Phố Hiến", "phường Phố Hiến").
    const bare = foldVietnamese(name.replace(/^(Xã|Phường|Thị trấn|Đặc khu|Tỉnh|Thành phố)\s+/iu, ''));
    return ` ${foldVietnamese(parts.join(', '))} `.includes(` ${bare} `);
  };
  for (const name of [input.communeName, input.provinceName]) {
    if (name && !written(name)) {
      // Lower-case the unit word inside the line, as addresses are written: "…, phường Phố Hiến, tỉnh Hưng Yên".
      parts.push(name.replace(/^(Xã|Phường|Thị trấn|Đặc khu|Tỉnh|Thành phố)(?=\s)/u, (word) => word.toLowerCase()));
    }
  }
  return parts.filter((part) => part !== '').join(', ');
};
