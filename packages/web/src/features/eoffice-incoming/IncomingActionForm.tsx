import { Button, Form, Radio, Select } from 'antd';
import Input from 'antd/es/input/Input';
import TextArea from 'antd/es/input/TextArea';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/eoffice-incoming';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { type IncomingActionInput, type IncomingDetail, useIncomingAction, useIncomingOptions } from './useIncoming';

type FormValues = {
  action: IncomingActionInput['action'];
  presentTo?: string;
  note?: string;
  leadUnit?: string;
  cooperateUnits?: string[];
  dueOn?: string;
  assigneeUserId?: string;
};

/**
 * The next step of the document: present to a head (the clerk), direct with an instruction, a lead unit,
 * co-operating units and a deadline (the head), start or finish handling (an assigned unit), return it.
 */
export const IncomingActionForm = ({ doc, agencyId }: { doc: IncomingDetail; agencyId: string }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const [form] = Form.useForm<FormValues>();
  const change = useIncomingAction(doc.id);
  const [done, setDone] = useState(false);
  const action = Form.useWatch('action', form) ?? doc.actions[0]?.action;
  const options = useIncomingOptions(action === 'present' || action === 'direct' ? agencyId : undefined);
  useEffect(() => {
    form.setFieldsValue({ action: doc.actions[0]?.action });
  }, [form, doc.actions]);
  if (doc.actions.length === 0) {
    return null;
  }
  const units = options.data?.units ?? [];
  return (
    <Panel title={t('incoming.actions')} level={2}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="incoming-action"
        onFinish={(values) => {
          setDone(false);
          const body: IncomingActionInput = { action: values.action, expectedVersion: doc.version };
          if (values.action === 'present') {
            body.presentTo = values.presentTo;
          }
          if (values.action === 'direct') {
            body.note = values.note;
            body.units = [
              ...(values.leadUnit ? [{ unitId: values.leadUnit, role: 'lead' as const }] : []),
              ...(values.cooperateUnits ?? [])
                .filter((id) => id !== values.leadUnit)
                .map((unitId) => ({ unitId, role: 'cooperate' as const })),
            ];
            if (values.dueOn) {
              body.dueOn = values.dueOn;
            }
          }
          if (values.action === 'return') {
            body.note = values.note;
          }
          if (values.action === 'assign') {
            body.assigneeUserId = values.assigneeUserId;
          }
          change.mutate(body, { onSuccess: () => setDone(true) });
        }}
      >
        <Form.Item name="action" label={t('incoming.step')}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={doc.actions.map((a) => ({ value: a.action, label: a.label[language] }))}
          />
        </Form.Item>
        {action === 'present' ? (
          <Form.Item name="presentTo" label={t('incoming.presentTo')} rules={[{ required: true }]}>
            <Select
              loading={options.isPending}
              options={(options.data?.heads ?? []).map((head) => ({
                value: head.userId,
                label: head.title ? `${head.fullName} — ${head.title}` : head.fullName,
              }))}
            />
          </Form.Item>
        ) : null}
        {action === 'direct' ? (
          <>
            <Form.Item name="note" label={t('incoming.note')} rules={[{ required: true, max: 4000 }]}>
              <TextArea rows={3} />
            </Form.Item>
            <Form.Item name="leadUnit" label={t('incoming.leadUnit')} rules={[{ required: true }]}>
              <Select
                loading={options.isPending}
                options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
              />
            </Form.Item>
            <Form.Item name="cooperateUnits" label={t('incoming.cooperateUnits')}>
              <Select mode="multiple" options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
            </Form.Item>
            <Form.Item name="dueOn" label={t('incoming.dueOn')}>
              <Input type="date" style={{ maxWidth: 200 }} />
            </Form.Item>
          </>
        ) : null}
        {action === 'assign' ? (
          <Form.Item name="assigneeUserId" label={t('incoming.assignee')} rules={[{ required: true }]}>
            <Select options={doc.assignableOfficials.map((o) => ({ value: o.userId, label: o.fullName }))} />
          </Form.Item>
        ) : null}
        {action === 'return' ? (
          <Form.Item name="note" label={t('incoming.reason')} rules={[{ required: true, max: 2000 }]}>
            <TextArea rows={2} />
          </Form.Item>
        ) : null}
        {change.isError ? <ErrorAlert error={change.error} /> : null}
        {done ? <p role="status">{t('incoming.done')}</p> : null}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {doc.actions.find((a) => a.action === action)?.label[language] ?? t('incoming.actions')}
        </Button>
      </Form>
    </Panel>
  );
};
