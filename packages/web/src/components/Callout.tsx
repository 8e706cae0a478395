import { CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { CSSProperties, ReactNode } from 'react';

type Kind = 'error' | 'warning' | 'info';

const ICONS: Record<Kind, ReactNode> = {
  error: <CloseCircleFilled />,
  warning: <ExclamationCircleFilled />,
  info: <InfoCircleFilled />,
};

/**
 * A message in a coloured box with its icon, drawn as antd's Alert (`role="alert"` as antd's): error
 * messages and the warnings a page shows first. antd's Alert is 4 KB gzip of a page's first load, and
 * every page has an error message (issue 16).
 */
export const Callout = ({
  type,
  title,
  description,
  action,
  style,
}: {
  type: Kind;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  style?: CSSProperties;
}) => (
  <div
    role="alert"
    className={`callout callout-${type}${description ? ' callout-with-description' : ''}`}
    style={style}
  >
    <span className="callout-icon" aria-hidden>
      {ICONS[type]}
    </span>
    <div className="callout-content">
      <div className="callout-title">{title}</div>
      {description ? <div className="callout-description">{description}</div> : null}
    </div>
    {action ? <div className="callout-action">{action}</div> : null}
  </div>
);
