/** A lower-case ASCII slug for catalog keys ("Giấy chứng sinh" → "giay-chung-sinh-4f2a"). */
export const slugify = (text: string): string => {
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  const suffix = Math.random().toString(36).slice(2, 6);
  return base ? `${base}-${suffix}` : `muc-${suffix}`;
};
