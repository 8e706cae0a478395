import { Button, Empty, Flex, Segmented } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import '../../i18n/work-tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { LazySelect } from '../../components/lazyAntd';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import { hasRole, useMe } from '../auth/useMe';
import { TaskLine } from './TaskLine';
import { type TaskView, useTaskList } from './useTasks';

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
        <LazySelect
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
        <LoadMoreButton pages={list} label={t('tasks.more')} style={{ marginTop: 12 }} />
      </Panel>
    </Flex>
  );
};
