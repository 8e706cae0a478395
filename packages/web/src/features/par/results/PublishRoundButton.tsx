import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyModal } from '../../../components/lazyAntd';
import '../../../i18n/par-results';
import { type ParRoundSummary, usePublishParRound } from './useParResults';

/** Publishing a round with its decision (loaded after the page: antd Form is heavy; issue 16). */
export const PublishRoundButton = ({ round }: { round: ParRoundSummary }) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const publish = usePublishParRound(round.id);
  const [form] = Form.useForm<{ decisionNumber: string; decisionDate: string }>();
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('parResults.publish')}
      </Button>
      <LazyModal
        open={open}
        title={t('parResults.publishTitle')}
        onCancel={() => setOpen(false)}
        okText={t('parResults.publish')}
        confirmLoading={publish.isPending}
        onOk={() => {
          void form
            .validateFields()
            .then((values) =>
              publish.mutate({ ...values, expectedVersion: round.version }, { onSuccess: () => setOpen(false) }),
            );
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="decisionNumber"
            label={t('parResults.decisionNumber')}
            rules={[{ required: true, max: 100 }]}
          >
            <Input placeholder="512/QĐ-UBND" />
          </Form.Item>
          <Form.Item
            name="decisionDate"
            label={t('parResults.decisionDate')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input type="date" />
          </Form.Item>
          {publish.error ? <Alert type="error" message={publish.error.message} /> : null}
        </Form>
      </LazyModal>
    </>
  );
};
