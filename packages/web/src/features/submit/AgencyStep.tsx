import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JsonSchema, ResultDelivery } from '../../api/portal-types';
import { countIn } from '../../lib/format';
import { enumOf, rulesFor } from './schema-rules';

type Props = { schema: JsonSchema | undefined };

const column = { display: 'flex', flexDirection: 'column', gap: 8 } as const;

/** Step 3: how the result comes back and what the application is for (where it goes is chosen on step 1). */
export const AgencyStep = ({ schema }: Props) => {
  const { t, i18n } = useTranslation();
  const deliveries = enumOf(schema, ['resultDelivery']) as ResultDelivery[];
  return (
    <div>
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
