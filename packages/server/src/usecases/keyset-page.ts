/**
 * Cuts one keyset page from rows read with `limit + 1` (the extra row only says that more follow): the page's items
 * and the cursor of its last row, or null on the last page. Every list of the API reads this way, in index order.
 */
export const cutKeysetPage = <Row, Item>(
  rows: readonly Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => string,
): { items: Item[]; nextCursor: string | null } => {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toItem), nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
};
