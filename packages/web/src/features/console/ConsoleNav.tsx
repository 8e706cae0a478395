import type { ReactNode } from 'react';
import { Link } from 'react-router';

export type NavItem =
  | { key: string; icon: ReactNode; label: string }
  | { divider: true }
  /** A group's heading ("Tích hợp"); a line when the menu shows icons only (styles.css). */
  | { group: string };

/**
 * The console's navigation: a list of links (the semantics of a site's navigation; antd's Menu makes
 * them `menuitem`s and weighs 20 KB gzip with its dropdown). `collapsed` shows the icons only; each
 * link keeps its name for a screen reader and as a tooltip.
 */
export const ConsoleNav = ({
  items,
  selected,
  collapsed = false,
}: {
  items: NavItem[];
  selected: string;
  collapsed?: boolean;
}) => (
  <ul className={collapsed ? 'console-nav console-nav-collapsed' : 'console-nav'}>
    {items.map((item, index) =>
      'group' in item ? (
        <li key={item.group} className="console-nav-group">
          {item.group}
        </li>
      ) : 'divider' in item ? (
        // biome-ignore lint/suspicious/noArrayIndexKey: dividers have no identity of their own.
        <li key={`divider-${index}`} className="console-nav-divider" aria-hidden />
      ) : (
        <li key={item.key}>
          <Link
            to={item.key}
            aria-current={item.key === selected ? 'page' : undefined}
            title={collapsed ? item.label : undefined}
          >
            <span className="console-nav-icon" aria-hidden>
              {item.icon}
            </span>
            <span className={collapsed ? 'visually-hidden' : undefined}>{item.label}</span>
          </Link>
        </li>
      ),
    )}
  </ul>
);
