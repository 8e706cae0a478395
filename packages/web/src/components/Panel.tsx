import type { CSSProperties, ReactNode } from 'react';

/**
 * A light card for the portal and the console: a bordered white box with an optional heading (an h2, or
 * an h3 with `level`). antd's Card pulls in Tabs, Dropdown and Menu (about 35 KB gzip), which a page's
 * first load cannot afford (issues 7 and 16).
 */
export const Panel = ({
  title,
  titleId,
  children,
  style,
  bodyStyle,
  extra,
  level = 2,
  id,
  hidden,
  ...rest
}: {
  title?: ReactNode;
  titleId?: string;
  children: ReactNode;
  style?: CSSProperties;
  bodyStyle?: CSSProperties;
  /** Beside the heading, at its end (a button, a tag), as antd Card's `extra`. */
  extra?: ReactNode;
  level?: 2 | 3;
  id?: string;
  'data-testid'?: string;
  hidden?: boolean;
}) => {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section
      id={id}
      hidden={hidden}
      aria-labelledby={title && titleId ? titleId : undefined}
      style={{ background: '#fff', border: '1px solid #ebe6e1', borderRadius: 8, ...style }}
      {...rest}
    >
      {title ? (
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            flexWrap: 'wrap',
            padding: '12px 16px',
            borderBottom: '1px solid #f0ebe6',
          }}
        >
          <Heading id={titleId} style={{ fontSize: level === 2 ? 16 : 15, margin: 0 }}>
            {title}
          </Heading>
          {extra}
        </div>
      ) : null}
      <div style={{ padding: 16, ...bodyStyle }}>{children}</div>
    </section>
  );
};
