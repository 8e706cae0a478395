/**
 * Several provinces on one install (issue 22 item 4): a request's host name decides which province's portal it
 * sees; each province has its own name, colours, emblem, place name on documents and public address. These are
 * the pure rules: what a host name is, which colours and addresses a site may hold, and what a site shows when a
 * field was never set. The place name (địa danh) is printed as Decree 30/2020/NĐ-CP Appendix I wants it:
 * "<địa danh>, ngày … tháng … năm …".
 */

/** The Host header's name as stored: lower case, without port, brackets or trailing dot; undefined if not a DNS name. */
export const normalizeHostName = (host: string | undefined): string | undefined => {
  if (!host) {
    return undefined;
  }
  let name = host.trim().toLowerCase();
  if (name.startsWith('[')) {
    return undefined; // an IPv6 literal is never a province's host name
  }
  const colon = name.lastIndexOf(':');
  if (colon >= 0) {
    name = name.slice(0, colon);
  }
  if (name.endsWith('.')) {
    name = name.slice(0, -1);
  }
  return isHostName(name) ? name : undefined;
};

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A DNS host name of ASCII labels (IDN in punycode), at most 253 characters. */
export const isHostName = (name: string): boolean =>
  name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL.test(label));

/** A colour as the site stores it: #rrggbb, lower case. */
export const normalizeColour = (colour: string): string | undefined => {
  const value = colour.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(value)) {
    return value;
  }
  if (/^#[0-9a-f]{3}$/.test(value)) {
    return `#${[...value.slice(1)].map((c) => c + c).join('')}`;
  }
  return undefined;
};

/**
 * The contrast ratio of two #rrggbb colours (WCAG 2.1, 1.4.3): a site's primary colour carries white text in the
 * portal's header and buttons, so it must reach 4.5 against white.
 */
export const contrastRatio = (a: string, b: string): number => {
  const luminance = (hex: string): number => {
    const [r, g, b2] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

export const MIN_HEADER_CONTRAST = 4.5;

/** The public origin of a site (https://host[:port], no path): where its QR codes and links point. */
export const normalizePublicUrl = (url: string): string | undefined => {
  try {
    const parsed = new URL(url.trim());
    if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) {
      return undefined;
    }
    if ((parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search || parsed.hash) {
      return undefined;
    }
    return parsed.origin;
  } catch {
    return undefined;
  }
};

/**
 * The place name of a province's documents from its 2025 name: "Thành phố Huế" → "Huế", "Tỉnh Lâm Đồng" →
 * "Lâm Đồng" (the administrative unit's short name when the catalogue has one).
 */
export const placeNameOfProvince = (name: string, shortName?: string | null): string =>
  shortName?.trim() || name.replace(/^(Tỉnh|Thành phố)\s+/iu, '').trim();

/** The defaults a site shows for what was never set (migration 0050 holds the same). */
export const DEFAULT_SITE_BRANDING = {
  portalName: 'Cổng Dịch vụ công',
  colourPrimary: '#a61d24',
  colourAccent: '#d4a017',
} as const;

/**
 * The portal's title: its name followed by the province's, written as Vietnamese writes a unit's kind inside a
 * phrase ("Cổng Dịch vụ công tỉnh Hưng Yên", "… thành phố Hà Nội"); a portal name that already names the place
 * ("Cổng Dịch vụ công Thủ đô Hà Nội") stands alone.
 */
export const portalTitleOf = (site: { portalName: string; name: string; placeName: string }): string => {
  const portalName = site.portalName.trim();
  if (
    site.placeName.trim() !== '' &&
    portalName.toLocaleLowerCase('vi').includes(site.placeName.trim().toLocaleLowerCase('vi'))
  ) {
    return portalName;
  }
  const name = site.name.trim().replace(/^(Tỉnh|Thành phố)(?=\s)/u, (kind) => kind.toLocaleLowerCase('vi'));
  return `${portalName} ${name}`;
};
