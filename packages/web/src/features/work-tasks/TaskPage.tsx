import { Button, Flex, Form, Input, InputNumber, Radio, Select, Timeline } from 'antd';
import TextArea from 'antd/es/input/TextArea';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import '../../i18n/work-tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { hasRole, useMe } from '../auth/useMe';
import { TaskLine } from './TaskListPage';
import {
  type TaskActionInput,
  type TaskDetail,
  type TaskFileUpload,
  taskFileUrl,
  useTask,
  useTaskAction,
  useUploadTaskFile,
} from './useTasks';

type FormValues = {
  action: TaskActionInput['action'];
  note?: string;
  percent?: number;
  requestedDueOn?: string;
  assigneeUserId?: string;
};

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div
    style={{ display: 'grid', gridTemplateColumns: 'min(38%, 180px) 1fr', columnGap: 16, rowGap: 4, padding: '4px 0' }}
  >
    <Text type="secondary">{label}</Text>
    <div>{children}</div>
  </div>
);

/** The next step: start, report progress (percent, files), submit, accept or return, extension, dispatch, cancel. */
const ActionForm = ({ task }: { task: TaskDetail }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const [form] = Form.useForm<FormValues>();
  const change = useTaskAction(task.id);
  const upload = useUploadTaskFile(task.id);
  const [files, setFiles] = useState<TaskFileUpload[]>([]);
  const [done, setDone] = useState(false);
  const action = Form.useWatch('action', form) ?? task.actions[0]?.action;
  useEffect(() => {
    form.setFieldsValue({ action: task.actions[0]?.action, percent: task.progressPercent });
  }, [form, task.actions, task.progressPercent]);
  if (task.actions.length === 0) {
    return null;
  }
  const needsNote = action === 'return' || action === 'request_extension';
  return (
    <Panel title={t('tasks.actions')} level={2}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="task-action"
        onFinish={(values) => {
          setDone(false);
          const body: TaskActionInput = { action: values.action, expectedVersion: task.version };
          if (values.note) {
            body.note = values.note;
          }
          if (values.action === 'report_progress') {
            body.percent = values.percent ?? 0;
            body.files = files;
          }
          if (values.action === 'request_extension') {
            body.requestedDueOn = values.requestedDueOn;
          }
          if (values.action === 'dispatch') {
            body.assigneeUserId = values.assigneeUserId;
          }
          change.mutate(body, {
            onSuccess: () => {
              setDone(true);
              setFiles([]);
              form.resetFields(['note']);
            },
          });
        }}
      >
        <Form.Item name="action" label={t('tasks.step')}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={task.actions.map((a) => ({ value: a.action, label: a.label[language] }))}
          />
        </Form.Item>
        {action === 'report_progress' ? (
          <>
            <Form.Item name="percent" label={t('tasks.percent')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item label={t('tasks.files')}>
              <input
                type="file"
                aria-label={t('tasks.chooseFile')}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) {
                    upload.mutate(file, { onSuccess: (stored) => setFiles((list) => [...list, stored]) });
                  }
                }}
              />
              {files.map((file) => (
                <div key={file.sha256}>{t('tasks.uploaded', { name: file.fileName })}</div>
              ))}
              {upload.isError ? <ErrorAlert error={upload.error} /> : null}
            </Form.Item>
          </>
        ) : null}
        {action === 'request_extension' ? (
          <Form.Item name="requestedDueOn" label={t('tasks.requestedDueOn')} rules={[{ required: true }]}>
            <Input type="date" style={{ maxWidth: 200 }} />
          </Form.Item>
        ) : null}
        {action === 'dispatch' ? (
          <Form.Item name="assigneeUserId" label={t('tasks.dispatchTo')} rules={[{ required: true }]}>
            <Select options={task.dispatchOfficials.map((o) => ({ value: o.userId, label: o.fullName }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={needsNote ? t('tasks.reason') : t('tasks.note')}
          rules={[{ required: needsNote, max: 4000 }]}
        >
          <TextArea rows={2} />
        </Form.Item>
        {change.isError ? <ErrorAlert error={change.error} /> : null}
        {done ? <p role="status">{t('tasks.done')}</p> : null}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {task.actions.find((a) => a.action === action)?.label[language] ?? t('tasks.actions')}
        </Button>
      </Form>
    </Panel>
  );
};

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
      <ActionForm task={task} />
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
