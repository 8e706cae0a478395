import { Button, Form, Radio } from 'antd';
import TextArea from 'antd/es/input/TextArea';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/pakn';
import '../../i18n/pakn-console';
import { AgencySelect } from '../../components/AgencySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { type PaknActionInput, type PaknDetail, usePaknAction } from './usePakn';

const CATEGORIES = ['rejected', 'conduct', 'own_competence', 'not_competent'] as const;

type ActionValues = Omit<PaknActionInput, 'expectedVersion'>;

/** The step form: the step, then only what it needs (category, competent agency, answer, reason). */
export const PaknActionForm = ({ entry }: { entry: PaknDetail }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const [form] = Form.useForm<ActionValues>();
  const change = usePaknAction(entry.code);
  const [done, setDone] = useState<string | null>(null);
  const action = Form.useWatch('action', form) ?? entry.actions[0]?.action;
  const chosen = entry.actions.find((a) => a.action === action);
  useEffect(() => {
    form.setFieldsValue({ action: entry.actions[0]?.action, answer: entry.answerText ?? undefined });
  }, [form, entry.actions, entry.answerText]);
  if (entry.actions.length === 0) {
    return null;
  }
  return (
    <Panel title={t('pakn.actions')} level={2}>
      <Form<ActionValues>
        form={form}
        layout="vertical"
        name="pakn-action"
        onFinish={(values) =>
          change.mutate(
            { ...values, expectedVersion: entry.version },
            { onSuccess: (result) => setDone(result.status) },
          )
        }
      >
        <Form.Item name="action" label={t('pakn.action')}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={entry.actions.map((a) => ({ value: a.action, label: a.label[language] }))}
          />
        </Form.Item>
        {action === 'classify' ? (
          <Form.Item name="category" label={t('pakn.category')} rules={[{ required: true }]}>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={CATEGORIES.map((value) => ({ value, label: t(`pakn.category_${value}`) }))}
            />
          </Form.Item>
        ) : null}
        {action === 'forward' ? (
          <Form.Item name="targetAgencyId" label={t('pakn.target')} rules={[{ required: true }]}>
            <AgencySelect placeholder={t('pakn.targetSearch')} exclude={entry.agencyId ? [entry.agencyId] : []} />
          </Form.Item>
        ) : null}
        {action === 'draft_answer' ? (
          <Form.Item name="answer" label={t('pakn.answer')} rules={[{ required: true, whitespace: true }]}>
            <TextArea rows={6} />
          </Form.Item>
        ) : null}
        {chosen?.needsNote ? (
          <Form.Item name="note" label={t('pakn.note')} rules={[{ required: true, whitespace: true }]}>
            <TextArea rows={3} />
          </Form.Item>
        ) : null}
        {change.isError ? <ErrorAlert error={change.error} /> : null}
        {done && !change.isPending ? (
          <p role="status" data-testid="pakn-done">
            {t('pakn.done')}
          </p>
        ) : null}
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="pakn-do">
          {t('pakn.doAction')}
        </Button>
      </Form>
    </Panel>
  );
};
