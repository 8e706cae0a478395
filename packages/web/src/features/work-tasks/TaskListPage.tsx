import { Button, Empty, Flex, Segmented, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import '../../i18n/work-tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { hasRole, useMe } from '../auth/useMe';
import { type TaskListItem, type TaskView, useTaskList } from './useTasks';

/** A line of a list: title, state, lead, deadline — overdue in red (a list: readable at 390 px). */
export const TaskLine = ({ item }: { item: TaskListItem }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <li
      style={{
        borderBottom: '1px solid #f0f0f0',
        padding: '10px 8px',
        background: item.overdue ? '#fff1f0' : undefined,
      }}
      data-testid="task-line"
      data-overdue={item.overdue ? 'true' : 'false'}
    >
      <Flex justify="space-between" gap={8} wrap>
        <Link to={`/can-bo/cong-viec/${item.id}`} style={{ fontWeight: 600 }}>
          {item.title}
        </Link>
        <Flex gap={4} wrap>
          {item.urgent ? <SoftTag tone="danger">{t('tasks.urgent')}</SoftTag> : null}
          {item.confidential ? <SoftTag tone="warning">{t('tasks.confidential')}</SoftTag> : null}
          {item.overdue ? <SoftTag tone="danger">{t('tasks.overdue')}</SoftTag> : null}
          {item.completionClass ? (
            <SoftTag tone={item.completionClass === 'late' ? 'danger' : 'success'}>
              {t(`tasks.completion_${item.completionClass}`)}
            </SoftTag>
          ) : (
            <SoftTag>{item.statusLabel[language]}</SoftTag>
          )}
        </Flex>
      </Flex>
      <Text type="secondary" style={{ fontSize: 13 }}>
        {t('tasks.lead')}: {item.leadUserName ?? item.leadUnitName ?? '—'} · {t('tasks.assignedBy')}:{' '}
        {item.assignedByName ?? '—'} · {t('tasks.progress')} {item.progressPercent}%
      </Text>
      <div style={{ fontSize: 13, color: item.overdue ? '#b42318' : undefined }}>
        {t('tasks.due')} {formatDateTime(item.dueAt)}
        {item.dueAt !== item.originalDueAt ? ` (${t('tasks.originalDue')} ${formatDateTime(item.originalDueAt)})` : ''}
      </div>
    </li>
  );
};

/** "Công việc": my tasks, the tasks I assigned, my units' — in deadline order, overdue highlighted. */
export const TaskListPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const leader = hasRole(me, 'agency_head', 'unit_head');
  const views: TaskView[] = ['mine', ...(leader ? (['assigned_by_me', 'unit'] as const) : [])];
  const [params, setParams] = useSearchParams();
  const requested = params.get('xem') ?? '';
  const view = (views as string[]).includes(requested) ? (requested as TaskView) : 'mine';
  const status = params.get('trang-thai') === 'all' ? 'all' : 'open';
  const list = useTaskList(view, status);
  useEffect(() => {
    document.title = `${t('tasks.title')} — motcua`;
  }, [t]);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('tasks.title')}
      </Title>
      {leader ? (
        <Flex gap={8} wrap>
          <Link to="/can-bo/cong-viec/giao-viec">
            <Button type="primary">{t('tasks.assign')}</Button>
          </Link>
          <Link to="/can-bo/cong-viec/theo-doi">
            <Button>{t('tasks.tracking')}</Button>
          </Link>
        </Flex>
      ) : null}
      <Flex gap={8} wrap>
        <Segmented<TaskView>
          value={view}
          onChange={(next) => setParams({ xem: next, 'trang-thai': status })}
          options={views.map((value) => ({ value, label: t(`tasks.view_${value}`) }))}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        <Select
          value={status}
          onChange={(next) => setParams({ xem: view, 'trang-thai': next })}
          options={[
            { value: 'open', label: t('tasks.openOnly') },
            { value: 'all', label: t('tasks.all') },
          ]}
          style={{ minWidth: 150 }}
          aria-label={t('tasks.openOnly')}
        />
      </Flex>
      <Panel>
        {list.isPending ? <PageLoading /> : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isSuccess && items.length === 0 ? <Empty description={t('tasks.empty')} /> : null}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="task-list">
          {items.map((item) => (
            <TaskLine key={item.id} item={item} />
          ))}
        </ul>
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ marginTop: 12 }}>
            {t('tasks.more')}
          </Button>
        ) : null}
      </Panel>
    </Flex>
  );
};
