import '../../../i18n/par-scorecard';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAR_ROUND_DEADLINES as DEADLINES, useCreateParRound } from './useParScorecard';

/** The organiser's form of a new round (loaded after the rounds page: antd Form and InputNumber are heavy; issue 16). */
export const CreateParRoundForm = ({ provinceCode: province }: { provinceCode: string }) => {
  const { t } = useTranslation();
  const create = useCreateParRound();
  return (
    <Form
      layout="vertical"
      onFinish={(values: Record<string, string | number>) =>
        create.mutate({
          provinceCode: province,
          year: Number(values.year),
          title: String(values.title),
          deadlines: Object.fromEntries(DEADLINES.filter((f) => values[f]).map((f) => [f, String(values[f])])),
        })
      }
    >
      <Form.Item name="year" label={t('parScorecard.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2999} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="title" label={t('parScorecard.title')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      {DEADLINES.map((field) => (
        <Form.Item key={field} name={field} label={t(`parScorecard.deadline_${field}`)}>
          <Input type="date" />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('parScorecard.create')}
      </Button>
      {create.error && <Alert type="error" message={create.error.message} style={{ marginTop: 8 }} />}
    </Form>
  );
};
