import { Button } from 'antd';
import type { CSSProperties } from 'react';

/** What the button needs of a keyset-paginated list (TanStack's useInfiniteQuery answers it). */
type Pages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

/** "Xem thêm": asks a keyset-paginated list for its next page; nothing once the last page is in. */
export const LoadMoreButton = ({ pages, label, style }: { pages: Pages; label: string; style?: CSSProperties }) =>
  pages.hasNextPage ? (
    <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage} style={style}>
      {label}
    </Button>
  ) : null;
