import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Form, Input, Radio, Select, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureContent } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Text } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { dueQueryOf, findDirectDuration, findDirectRule, useProcedureText } from '../../lib/useProcedureText';
import { TEXT_WARNING } from '../../theme';
import { type ComponentValues, findMissingComponents } from './component-values';
import { fetchDueDate } from './useIntake';
import '../../i18n/console-work';

type Props = { content: ProcedureContent; agencyId: string; from: string; filledByForm?: string | undefined };

/** Step 4 of intake: fees, the appointment computed in legal working time, and the desk's decision. */
export const ReviewPanel = ({ content, agencyId, from, filledByForm }: Props) => {
  const { t } = useTranslation();
  const text = useProcedureText();
  const form = Form.useFormInstance();
  const values = Form.useWatch('components', form) as ComponentValues | undefined;
  const outcome = Form.useWatch('outcome', form) as 'receive' | 'supplement' | 'refuse' | undefined;
  const missing = findMissingComponents(content.components, values, filledByForm);
  const duration = findDirectDuration(content);
  const rule = findDirectRule(content);
  const due = useQuery({
    queryKey: ['due', agencyId, from, duration],
    queryFn: ({ signal }) =>
      fetchDueDate({ from, agency: agencyId, ...(duration ? dueQueryOf(duration) : {}) }, signal),
    enabled: duration !== null,
  });
  const fees = rule?.fees ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('intake.appointment')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('intake.duration')}>
            {text.duration(duration, rule?.durationText)}
          </Descriptions.Item>
          <Descriptions.Item label={t('intake.appointment')}>
            {duration === null ? (
              t('intake.appointmentNone')
            ) : due.isPending ? (
              <Skeleton.Input active size="small" />
            ) : due.isError ? (
              <ErrorAlert error={due.error} />
            ) : (
              <Space orientation="vertical" size={0}>
                <Text strong style={{ fontSize: 18 }} data-testid="appointment">
                  {formatDateTime(due.data.dueAt)}
                </Text>
                <Text type="secondary">{t('intake.appointmentHelp')}</Text>
                {due.data.provisional ? (
                  <Text style={{ color: TEXT_WARNING }}>{t('intake.appointmentProvisional')}</Text>
                ) : null}
              </Space>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('intake.fees')}>
            {fees.length === 0 ? (
              t('intake.noFees')
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {fees.map((fee) => (
                  <li key={`${fee.name}-${fee.text}`}>
                    {fee.name}: {text.fee(fee)}
                  </li>
                ))}
              </ul>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Form.Item
        label={t('intake.outcome')}
        name="outcome"
        rules={[{ required: true, message: t('common.requiredSelect', { field: t('intake.outcome') }) }]}
      >
        <Radio.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={[
            { value: 'receive', label: t('intake.outcomeReceive'), disabled: missing.length > 0 },
            { value: 'supplement', label: t('intake.outcomeSupplement') },
            { value: 'refuse', label: t('intake.outcomeRefuse') },
          ]}
        />
      </Form.Item>
      {missing.length > 0 ? <Alert type="warning" showIcon title={t('intake.incompleteCannotReceive')} /> : null}
      {outcome === 'supplement' ? (
        <Form.Item
          label={t('intake.missingItems')}
          name="missing"
          initialValue={missing.map((m) => m.key)}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('intake.missingItems') }) }]}
        >
          <Select
            mode="multiple"
            options={[
              ...missing
                .filter((m) => m.kind === 'group')
                .map((m) => ({ value: m.key, label: t('intake.oneOfMissing', { name: m.name }) })),
              ...content.components.filter((c) => c.group !== 'note').map((c) => ({ value: c.key, label: c.name })),
            ]}
          />
        </Form.Item>
      ) : null}
      {outcome === 'supplement' || outcome === 'refuse' ? (
        <Form.Item
          label={t(outcome === 'supplement' ? 'intake.reasonSupplement' : 'intake.reasonRefuse')}
          name="reason"
          rules={[
            { required: true, whitespace: true, min: 3, message: t('common.required', { field: t('common.reason') }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      ) : null}
      <Form.Item label={t('intake.summary')} name="summary">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </Space>
  );
};
