import type { CSSProperties, ReactNode } from 'react';

/**
 * A light card for the portal: a bordered white box with an optional heading. antd's Card pulls in
 * Tabs, Dropdown and Menu (about 35 KB gzip), which the portal's first load cannot afford.
 */
export const Panel = ({
  title,
  titleId,
  children,
  style,
  id,
  hidden,
}: {
  title?: ReactNode;
  titleId?: string;
  children: ReactNode;
  style?: CSSProperties;
  id?: string;
  hidden?: boolean;
}) => (
  <section
    id={id}
    hidden={hidden}
    aria-labelledby={title && titleId ? titleId : undefined}
    style={{ background: '#fff', border: '1px solid #ebe6e1', borderRadius: 8, ...style }}
  >
    {title ? (
      <h2 id={titleId} style={{ fontSize: 16, margin: 0, padding: '12px 16px', borderBottom: '1px solid #f0ebe6' }}>
        {title}
      </h2>
    ) : null}
    <div style={{ padding: 16 }}>{children}</div>
  </section>
);
