import BellOutlined from '@ant-design/icons/BellOutlined';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/work-notices';
import { useUnreadWorkNotices } from './useWorkNotices';

/**
 * The bell in the console's header: a link to the notices page with the unread count on it. Loaded after
 * the page (ConsoleLayout), so no console page's first load carries it (issue 16).
 */
export const NoticeBell = () => {
  const { t } = useTranslation();
  const unread = useUnreadWorkNotices().data?.unreadCount ?? 0;
  return (
    <Link
      to="/can-bo/thong-bao"
      aria-label={unread > 0 ? t('notices.bellUnread', { count: unread }) : t('notices.bell')}
      title={unread > 0 ? t('notices.bellUnread', { count: unread }) : t('notices.bell')}
      data-testid="notice-bell"
      style={{ position: 'relative', display: 'inline-flex', color: '#fff', fontSize: 18, padding: 4 }}
    >
      <BellOutlined aria-hidden />
      {unread > 0 ? (
        <span
          data-testid="notice-badge"
          aria-hidden
          style={{
            position: 'absolute',
            top: -4,
            right: -8,
            minWidth: 18,
            height: 18,
            padding: '0 5px',
            borderRadius: 9,
            background: '#c41d1d',
            color: '#fff',
            fontSize: 11,
            fontWeight: 600,
            lineHeight: '18px',
            textAlign: 'center',
          }}
        >
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
};
