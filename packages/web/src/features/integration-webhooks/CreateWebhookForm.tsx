import { Button, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { type NewWebhook, useCreateWebhook, type WebhookSecretIssued } from './useWebhooks';

/** Subscribes a URL of the province to events; the secret of the answer is handed to the page to show once. */
export const CreateWebhookForm = ({
  province,
  onCreated,
}: {
  province: string;
  onCreated: (issued: WebhookSecretIssued) => void;
}) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const create = useCreateWebhook();
  const [form] = Form.useForm<Omit<NewWebhook, 'provinceCode'>>();
  return (
    <Panel title={t('webhooks.create')} data-testid="webhook-create">
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ events: ['dossier.changed'] }}
        onFinish={(values) =>
          create.mutate(
            { ...values, provinceCode: province },
            {
              onSuccess: (issued) => {
                onCreated(issued);
                form.resetFields();
                message.success(t('webhooks.created'));
              },
            },
          )
        }
      >
        <Form.Item name="name" label={t('webhooks.name')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          extra={t('webhooks.urlHelp')}
          rules={[{ required: true, type: 'url', max: 2000 }]}
        >
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item name="events" label={t('webhooks.events')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group
            options={[
              { value: 'dossier.changed', label: t('webhooks.event_dossier') },
              { value: 'pakn.changed', label: t('webhooks.event_pakn') },
            ]}
          />
        </Form.Item>
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('webhooks.create')}
        </Button>
      </Form>
    </Panel>
  );
};
