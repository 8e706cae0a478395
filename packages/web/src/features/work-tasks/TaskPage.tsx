import { Button, Flex, Timeline } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import '../../i18n/work-tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { lazyWidget } from '../../components/lazyWidget';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { hasRole, useMe } from '../auth/useMe';
import { TaskLine } from './TaskLine';
import { taskFileUrl, useTask } from './useTasks';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div
    style={{ display: 'grid', gridTemplateColumns: 'min(38%, 180px) 1fr', columnGap: 16, rowGap: 4, padding: '4px 0' }}
  >
    <Text type="secondary">{label}</Text>
    <div>{children}</div>
  </div>
);

/** The step form loads after the page shows, fetched at once (issue 16: first load ≤ 300 KB gzip). */
const ActionForm = lazyWidget(() => import('./TaskActionForm').then((m) => ({ default: m.TaskActionForm })));

/** One task: details, assignees, progress timeline, extensions, sub-tasks, the next step and its history. */
export const TaskPage = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const { id = '' } = useParams();
  const query = useTask(id);
  const task = query.data;
  const me = useMe().data;
  useEffect(() => {
    document.title = `${task?.title ?? t('tasks.title')} — motcua`;
  }, [t, task?.title]);
  if (query.isPending) {
    return <PageLoading />;
  }
  if (query.isError || !task) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Flex vertical gap={16}>
      <Link to="/can-bo/cong-viec">← {t('tasks.back')}</Link>
      <Title level={1} style={{ fontSize: 22 }}>
        {task.title}
      </Title>
      <Flex gap={4} wrap data-testid="task-status">
        <SoftTag tone="info">{task.statusLabel[language]}</SoftTag>
        {task.overdue ? <SoftTag tone="danger">{t('tasks.overdue')}</SoftTag> : null}
        {task.completionClass ? (
          <SoftTag tone={task.completionClass === 'late' ? 'danger' : 'success'}>
            {t(`tasks.completion_${task.completionClass}`)}
          </SoftTag>
        ) : null}
        {task.confidential ? <SoftTag tone="warning">{t('tasks.confidential')}</SoftTag> : null}
        {task.urgent ? <SoftTag tone="danger">{t('tasks.urgent')}</SoftTag> : null}
      </Flex>
      <Panel title={t('tasks.info')} level={2}>
        {task.description ? <Row label={t('tasks.description')}>{task.description}</Row> : null}
        <Row label={t('tasks.assignedBy')}>
          {task.assignedByName} · {formatDateTime(task.assignedAt)}
        </Row>
        <Row label={t('tasks.due')}>
          <span style={{ color: task.overdue ? '#b42318' : undefined }} data-testid="task-due">
            {formatDateTime(task.dueAt)}
          </span>
        </Row>
        {task.dueAt !== task.originalDueAt ? (
          <Row label={t('tasks.originalDue')}>{formatDateTime(task.originalDueAt)}</Row>
        ) : null}
        <Row label={t('tasks.progress')}>{task.progressPercent}%</Row>
        {task.completedAt ? <Row label={t('tasks.completedAt')}>{formatDateTime(task.completedAt)}</Row> : null}
        {task.returnedCount > 0 ? <Row label={t('tasks.returnedCount')}>{task.returnedCount}</Row> : null}
        {task.sourceKind === 'incoming_document' && task.sourceId ? (
          <Row label={t('tasks.source_incoming_document')}>
            <Link to={`/can-bo/van-ban-den/${task.sourceId}`}>{t('tasks.openSource')}</Link>
          </Row>
        ) : null}
        {task.sourceKind === 'schedule_entry' ? (
          <Row label={t('tasks.source_schedule_entry')}>
            {task.sourceMeeting ? (
              <span data-testid="task-source-meeting">
                {task.sourceMeeting.title} ({formatDateTime(task.sourceMeeting.startsAt)}) —{' '}
                <Link
                  to={`/can-bo/lich-cong-tac?${new URLSearchParams({ tuan: task.sourceMeeting.weekStart, 'co-quan': task.sourceMeeting.agencyId })}`}
                >
                  {t('tasks.openMeeting')}
                </Link>
              </span>
            ) : (
              '✓'
            )}
          </Row>
        ) : null}
      </Panel>
      <Panel title={t('tasks.assignees')} level={2}>
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {task.assignees.map((row) => (
            <li key={`${row.part}-${row.userId ?? row.unitId}`}>
              <strong>{row.name}</strong> — {t(`tasks.part_${row.part}`)}
            </li>
          ))}
        </ul>
      </Panel>
      {task.actions.length > 0 ? <ActionForm task={task} /> : null}
      <Panel title={t('tasks.timeline')} level={2}>
        {task.progress.length === 0 ? <Text type="secondary">{t('tasks.noProgress')}</Text> : null}
        <Timeline
          items={task.progress.map((row) => ({
            key: row.id,
            children: (
              <div>
                <strong>{row.percent}%</strong> · {formatDateTime(row.at)} · {row.userName}
                {row.note ? <div>{row.note}</div> : null}
                {row.files.map((file) => (
                  <div key={file.sha256}>
                    <a href={taskFileUrl(task.id, file.sha256)} target="_blank" rel="noreferrer">
                      {file.fileName}
                    </a>
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      </Panel>
      {task.extensions.length > 0 ? (
        <Panel title={t('tasks.extensions')} level={2}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {task.extensions.map((row) => (
              <li key={row.id}>
                {row.requestedByName} · {formatDateTime(row.requestedAt)} — {t('tasks.requestedDue')}{' '}
                {formatDateTime(row.requestedDueAt)}: {row.reason} —{' '}
                <strong>{t(`tasks.extension_${row.decision ?? 'pending'}`)}</strong>
                {row.decidedByName ? ` (${row.decidedByName})` : ''}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {hasRole(me, 'agency_head', 'unit_head') && task.status !== 'completed' && task.status !== 'cancelled' ? (
        <Flex gap={8} wrap>
          <Link to={`/can-bo/cong-viec/giao-viec?${new URLSearchParams({ 'nhiem-vu-cha': task.id })}`}>
            <Button>{t('tasks.addSubTask')}</Button>
          </Link>
        </Flex>
      ) : null}
      {task.subTasks.length > 0 ? (
        <Panel title={t('tasks.subTasks')} level={2}>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {task.subTasks.map((item) => (
              <TaskLine key={item.id} item={item} />
            ))}
          </ul>
        </Panel>
      ) : null}
      <Panel title={t('tasks.history')} level={2}>
        <Timeline
          items={task.events.map((event) => ({
            key: event.seq,
            children: (
              <div>
                <strong>{event.actionLabel[language]}</strong> · {formatDateTime(event.at)}
                {event.actorName ? ` · ${event.actorName}` : ''}
                {event.note ? <div>{event.note}</div> : null}
              </div>
            ),
          }))}
        />
      </Panel>
    </Flex>
  );
};
