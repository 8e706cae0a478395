import { Button, Empty, Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import '../../i18n/work-notices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import {
  noticeTarget,
  useMarkAllWorkNoticesRead,
  useMarkWorkNoticeRead,
  useWorkNotices,
  type WorkNotice,
} from './useWorkNotices';

/** A line of the list: what happened, when, a link to what it is about (opening it marks it read). */
const NoticeLine = ({ notice, onRead }: { notice: WorkNotice; onRead: (id: string) => void }) => {
  const { t } = useTranslation();
  const unread = notice.readAt === null;
  const target = noticeTarget(notice);
  return (
    <li
      style={{ borderBottom: '1px solid #f0f0f0', padding: '10px 8px', background: unread ? '#f0f7ff' : undefined }}
      data-testid="notice-line"
      data-unread={unread ? 'true' : 'false'}
    >
      <Flex justify="space-between" gap={8} wrap>
        <span style={{ fontWeight: unread ? 600 : 400 }}>{notice.title}</span>
        {unread ? <SoftTag tone="info">{t('notices.unread')}</SoftTag> : null}
      </Flex>
      {notice.body ? <div style={{ fontSize: 13 }}>{notice.body}</div> : null}
      <Flex gap={12} wrap align="center" style={{ fontSize: 13, marginTop: 4 }}>
        <Text type="secondary">{formatDateTime(notice.createdAt)}</Text>
        {target ? (
          <Link to={target} onClick={() => unread && onRead(notice.id)}>
            {t(`notices.open_${notice.recordKind}` as 'notices.open_task')}
          </Link>
        ) : null}
        {unread ? (
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onRead(notice.id)}>
            {t('notices.markRead')}
          </Button>
        ) : null}
      </Flex>
    </li>
  );
};

/**
 * "Thông báo": what the e-office told me (task warnings and steps, consultations to answer, evaluation sheets,
 * calendar changes), newest first; all or the unread ones; mark one or all read.
 */
export const NoticesPage = () => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('xem') === 'chua-doc';
  const list = useWorkNotices(unreadOnly);
  const markRead = useMarkWorkNoticeRead();
  const markAll = useMarkAllWorkNoticesRead();
  useEffect(() => {
    document.title = `${t('notices.title')} — motcua`;
  }, [t]);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('notices.title')}
      </Title>
      <Flex gap={8} wrap align="center">
        <Button type={unreadOnly ? 'default' : 'primary'} aria-pressed={!unreadOnly} onClick={() => setParams({})}>
          {t('notices.all')}
        </Button>
        <Button
          type={unreadOnly ? 'primary' : 'default'}
          aria-pressed={unreadOnly}
          onClick={() => setParams({ xem: 'chua-doc' })}
        >
          {t('notices.unreadOnly')}
        </Button>
        <span style={{ flex: 1 }} />
        <Text data-testid="notice-unread-count">{t('notices.unreadCount', { count: unreadCount })}</Text>
        <Button
          disabled={unreadCount === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notice-mark-all"
        >
          {t('notices.markAllRead')}
        </Button>
      </Flex>
      <span role="status" className="visually-hidden">
        {markAll.data ? t('notices.markedAll', { count: markAll.data.marked }) : ''}
      </span>
      {markRead.isError ? <ErrorAlert error={markRead.error} /> : null}
      {markAll.isError ? <ErrorAlert error={markAll.error} /> : null}
      <Panel>
        {list.isPending ? <PageLoading /> : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isSuccess && items.length === 0 ? (
          <Empty description={unreadOnly ? t('notices.noneUnread') : t('notices.empty')} />
        ) : null}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="notice-list">
          {items.map((notice) => (
            <NoticeLine key={notice.id} notice={notice} onRead={(id) => markRead.mutate(id)} />
          ))}
        </ul>
        <LoadMoreButton pages={list} label={t('notices.more')} style={{ marginTop: 12 }} />
      </Panel>
    </Flex>
  );
};
