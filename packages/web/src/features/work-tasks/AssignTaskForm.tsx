import { Button, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import TextArea from 'antd/es/input/TextArea';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import '../../i18n/work-tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { type TaskInput, useAssignTask, useTaskOptions } from './useTasks';

type FormValues = {
  title: string;
  description?: string;
  leadKind: 'person' | 'unit';
  leadUserId?: string;
  leadUnitId?: string;
  cooperatorUserIds?: string[];
  cooperatorUnitIds?: string[];
  deadlineKind: 'days' | 'date';
  workingDays?: number;
  dueOn?: string;
  confidential?: boolean;
  urgent?: boolean;
};

/**
 * The assign form: lead (an official or a unit), co-operators, a deadline in working days or a date. Loaded
 * after AssignTaskPage shows (antd Form, Select, InputNumber and Radio are heavy; issue 16).
 */
export const AssignTaskForm = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const incomingId = params.get('van-ban-den') ?? undefined;
  // From a calendar entry's "Tạo nhiệm vụ": the meeting is the task's source.
  const meetingId = incomingId ? undefined : (params.get('lich') ?? undefined);
  const parentTaskId = params.get('nhiem-vu-cha') ?? undefined;
  const [agencyId, setAgencyId] = useState<string | undefined>(params.get('co-quan') ?? undefined);
  const options = useTaskOptions(true, agencyId);
  const assign = useAssignTask();
  const [form] = Form.useForm<FormValues>();
  const leadKind = Form.useWatch('leadKind', form) ?? 'person';
  const deadlineKind = Form.useWatch('deadlineKind', form) ?? 'days';
  if (options.isPending) {
    return <PageLoading />;
  }
  if (options.isError || !options.data) {
    return <ErrorAlert error={options.error} onRetry={() => void options.refetch()} />;
  }
  const data = options.data;
  const officials = data.officials.map((o) => ({ value: o.userId, label: o.fullName }));
  const units = data.units.map((u) => ({ value: u.id, label: u.name }));
  return (
    <Panel>
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="assign-task"
        initialValues={{
          title: params.get('tieu-de') ?? '',
          leadKind: 'person',
          deadlineKind: 'days',
          workingDays: 5,
        }}
        onFinish={(values) => {
          const body: TaskInput = {
            agencyId: data.agencyId,
            title: values.title,
            description: values.description || null,
            confidential: values.confidential ?? false,
            urgent: values.urgent ?? false,
            cooperatorUserIds: values.cooperatorUserIds ?? [],
            cooperatorUnitIds: values.cooperatorUnitIds ?? [],
            ...(values.leadKind === 'person' ? { leadUserId: values.leadUserId } : { leadUnitId: values.leadUnitId }),
            ...(values.deadlineKind === 'days' ? { workingDays: values.workingDays } : { dueOn: values.dueOn }),
            ...(incomingId ? { sourceKind: 'incoming_document' as const, sourceId: incomingId } : {}),
            ...(meetingId ? { sourceKind: 'schedule_entry' as const, sourceId: meetingId } : {}),
            ...(parentTaskId ? { parentTaskId } : {}),
          };
          assign.mutate(body, { onSuccess: (created) => void navigate(`/can-bo/cong-viec/${created.id}`) });
        }}
      >
        {incomingId ? (
          <p data-testid="assign-source">{t('tasks.form_fromIncoming', { subject: params.get('tieu-de') ?? '' })}</p>
        ) : null}
        {meetingId ? (
          <p data-testid="assign-source">{t('tasks.form_fromMeeting', { subject: params.get('tieu-de') ?? '' })}</p>
        ) : null}
        {data.agencies.length > 1 ? (
          <Form.Item label={t('tasks.form_agency')}>
            <Select
              value={data.agencyId}
              onChange={setAgencyId}
              options={data.agencies.map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="title" label={t('tasks.form_titleField')} rules={[{ required: true, max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('tasks.form_description')} rules={[{ max: 8000 }]}>
          <TextArea rows={3} />
        </Form.Item>
        <Form.Item name="leadKind" label={t('tasks.form_leadKind')}>
          <Radio.Group
            options={[
              { value: 'person', label: t('tasks.form_leadPerson') },
              { value: 'unit', label: t('tasks.form_leadUnit') },
            ]}
          />
        </Form.Item>
        {leadKind === 'person' ? (
          <Form.Item name="leadUserId" label={t('tasks.form_leadUser')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={officials} />
          </Form.Item>
        ) : (
          <Form.Item name="leadUnitId" label={t('tasks.form_leadUnitField')} rules={[{ required: true }]}>
            <Select options={units} />
          </Form.Item>
        )}
        <Form.Item name="cooperatorUserIds" label={t('tasks.form_cooperators')}>
          <Select mode="multiple" optionFilterProp="label" options={officials} />
        </Form.Item>
        <Form.Item name="cooperatorUnitIds" label={t('tasks.form_cooperatorUnits')}>
          <Select mode="multiple" options={units} />
        </Form.Item>
        <Form.Item name="deadlineKind" label={t('tasks.form_deadlineKind')}>
          <Radio.Group
            options={[
              { value: 'days', label: t('tasks.form_workingDays') },
              { value: 'date', label: t('tasks.form_dueOn') },
            ]}
          />
        </Form.Item>
        {deadlineKind === 'days' ? (
          <Form.Item name="workingDays" label={t('tasks.form_workingDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={365} />
          </Form.Item>
        ) : (
          <Form.Item name="dueOn" label={t('tasks.form_dueOn')} rules={[{ required: true }]}>
            <Input type="date" style={{ maxWidth: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="urgent" valuePropName="checked">
          <Checkbox>{t('tasks.form_urgent')}</Checkbox>
        </Form.Item>
        <Form.Item name="confidential" valuePropName="checked">
          <Checkbox>{t('tasks.form_confidential')}</Checkbox>
        </Form.Item>
        {assign.isError ? <ErrorAlert error={assign.error} /> : null}
        <Button type="primary" htmlType="submit" loading={assign.isPending}>
          {t('tasks.form_submit')}
        </Button>
      </Form>
    </Panel>
  );
};
