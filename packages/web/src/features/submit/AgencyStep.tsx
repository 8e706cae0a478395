import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JsonSchema, ReceivingAgency, ResultDelivery } from '../../api/portal-types';
import { countIn } from '../../lib/format';
import { enumOf, rulesFor } from './schema-rules';

type Props = { schema: JsonSchema | undefined; agencies: ReceivingAgency[]; boundaryFree: boolean };

const column = { display: 'flex', flexDirection: 'column', gap: 8 } as const;

/** Step 3: where the dossier goes, how the result comes back, and what the application is for. */
export const AgencyStep = ({ schema, agencies, boundaryFree }: Props) => {
  const { t, i18n } = useTranslation();
  const deliveries = enumOf(schema, ['resultDelivery']) as ResultDelivery[];
  return (
    <div>
      {agencies.length === 0 ? <Alert type="warning" showIcon title={t('citizen.submit.noAgency')} /> : null}
      <Form.Item
        name="receivingAgencyId"
        label={t('intake.receivingAgency')}
        extra={boundaryFree ? t('citizen.submit.boundaryFree') : undefined}
        rules={[{ required: true, message: t('citizen.submit.agencyRequired') }]}
      >
        <Radio.Group style={column} options={agencies.map((a) => ({ value: a.agencyId, label: a.name }))} />
      </Form.Item>
      <Form.Item name="resultDelivery" label={t('citizen.submit.delivery')}>
        <Radio.Group
          style={column}
          options={(deliveries.length > 0 ? deliveries : (['online', 'counter', 'post'] as const)).map((value) => ({
            value,
            label: t(`citizen.submit.delivery_${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('citizen.submit.summary')}
        extra={t('citizen.submit.summaryHelp')}
        rules={rulesFor(t, schema, ['summary'], 'person', { field: t('citizen.submit.summary') })}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount={countIn(i18n.language)} />
      </Form.Item>
    </div>
  );
};
