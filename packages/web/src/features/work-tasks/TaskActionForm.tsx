import { Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import TextArea from 'antd/es/input/TextArea';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/work-tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import {
  type TaskActionInput,
  type TaskDetail,
  type TaskFileUpload,
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

/**
 * The next step: start, report progress (percent, files), submit, accept or return, extension, dispatch, cancel.
 * Loaded after the task page (antd Form, Select, InputNumber and Radio are heavy; issue 16).
 */
export const TaskActionForm = ({ task }: { task: TaskDetail }) => {
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
