import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { TEXT_SUCCESS, TEXT_WARNING } from '../theme';

/*
 * Headings, paragraphs and text of the console, drawn as antd's Typography draws them. antd's
 * Typography brings its copy, edit and ellipsis machinery (with a tooltip and a text area) to every
 * page, 8 KB gzip of the 300 KB a page may load first (issue 16); the portal uses plain elements too.
 * The colours are the theme's (./theme.ts), AA on white.
 */
type Tone = 'secondary' | 'success' | 'warning' | 'danger';

const COLORS: Record<Tone, string> = {
  secondary: 'rgba(0, 0, 0, 0.68)',
  success: TEXT_SUCCESS,
  warning: TEXT_WARNING,
  danger: '#c41d1d',
};

/** `rows`: at most that many lines, cut with "…"; `tooltip`: the whole text on hover. */
type Ellipsis = { rows?: number; tooltip?: string };

type Props<E> = HTMLAttributes<E> & {
  type?: Tone | undefined;
  strong?: boolean;
  ellipsis?: Ellipsis;
  children?: ReactNode;
  'data-testid'?: string;
};

const toneStyle = (type: Tone | undefined, strong: boolean | undefined): CSSProperties => ({
  ...(type ? { color: COLORS[type] } : {}),
  ...(strong ? { fontWeight: 600 } : {}),
});

const ellipsisStyle = (ellipsis: Ellipsis | undefined, inline: boolean): CSSProperties =>
  !ellipsis
    ? {}
    : ellipsis.rows && ellipsis.rows > 1
      ? { display: '-webkit-box', WebkitLineClamp: ellipsis.rows, WebkitBoxOrient: 'vertical', overflow: 'hidden' }
      : {
          display: inline ? 'inline-block' : 'block',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          verticalAlign: 'bottom',
        };

export const Text = ({ type, strong, ellipsis, style, title, ...rest }: Props<HTMLSpanElement>) => (
  <span
    title={title ?? ellipsis?.tooltip}
    style={{ ...toneStyle(type, strong), ...ellipsisStyle(ellipsis, true), ...style }}
    {...rest}
  />
);

export const Paragraph = ({ type, strong, ellipsis, style, title, ...rest }: Props<HTMLParagraphElement>) => (
  <p
    title={title ?? ellipsis?.tooltip}
    style={{
      marginTop: 0,
      marginBottom: '1em',
      ...toneStyle(type, strong),
      ...ellipsisStyle(ellipsis, false),
      ...style,
    }}
    {...rest}
  />
);

const TITLE_SIZES = { 1: 38, 2: 30, 3: 24, 4: 20, 5: 16 } as const;
const TITLE_LINE_HEIGHTS = { 1: 1.21, 2: 1.27, 3: 1.33, 4: 1.4, 5: 1.5 } as const;

export const Title = ({
  level = 1,
  type,
  style,
  ...rest
}: Props<HTMLHeadingElement> & { level?: 1 | 2 | 3 | 4 | 5 }) => {
  const Heading = `h${level}` as const;
  return (
    <Heading
      style={{
        marginTop: 0,
        marginBottom: '0.5em',
        color: 'rgba(0, 0, 0, 0.88)',
        fontWeight: 600,
        fontSize: TITLE_SIZES[level],
        lineHeight: TITLE_LINE_HEIGHTS[level],
        ...toneStyle(type, false),
        ...style,
      }}
      {...rest}
    />
  );
};
