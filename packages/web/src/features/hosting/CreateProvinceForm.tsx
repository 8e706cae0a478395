import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazySelect } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { type CreatedProvince, useCreateProvince, useProvinceUnits } from './useHosting';

type Values = {
  provinceCode: string;
  hosts: string;
  publicUrl?: string;
  adminUsername: string;
  adminFullName: string;
  agencyCodeSuffix?: string;
};

/** Opens a province chosen among the 2025 units; the answer (with the one-time password) goes to the page. */
export const CreateProvinceForm = ({ onCreated }: { onCreated: (created: CreatedProvince) => void }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const units = useProvinceUnits(true);
  const create = useCreateProvince();
  const [form] = Form.useForm<Values>();
  return (
    <Panel title={t('hosting.create')} data-testid="province-create">
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={(values) =>
          create.mutate(
            {
              provinceCode: values.provinceCode,
              hosts: values.hosts
                .split(/[\s,]+/)
                .map((host) => host.trim())
                .filter((host) => host !== ''),
              ...(values.publicUrl?.trim() ? { publicUrl: values.publicUrl.trim() } : {}),
              adminUsername: values.adminUsername,
              adminFullName: values.adminFullName,
              ...(values.agencyCodeSuffix?.trim() ? { agencyCodeSuffix: values.agencyCodeSuffix.trim() } : {}),
            },
            {
              onSuccess: (created) => {
                form.resetFields();
                message.success(t('hosting.created'));
                onCreated(created);
              },
            },
          )
        }
      >
        <Form.Item
          name="provinceCode"
          label={t('hosting.province')}
          extra={t('hosting.provinceHelp')}
          rules={[{ required: true }]}
        >
          <LazySelect<string>
            showSearch
            optionFilterProp="label"
            loading={units.isPending}
            options={(units.data?.items ?? []).map((unit) => ({
              value: unit.code,
              label: `${unit.code} — ${unit.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="hosts" label={t('hosting.hosts')} extra={t('hosting.hostsHelp')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="publicUrl" label={t('hosting.publicUrl')} extra={t('hosting.publicUrlHelp')}>
          <Input placeholder="https://" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="adminUsername"
          label={t('hosting.adminUsername')}
          rules={[{ required: true, pattern: /^[a-zA-Z0-9._-]{3,64}$/ }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="adminFullName"
          label={t('hosting.adminFullName')}
          rules={[{ required: true, min: 2, max: 200 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="agencyCodeSuffix"
          label={t('hosting.agencyCode')}
          extra={t('hosting.agencyCodeHelp')}
          rules={[{ pattern: /^H\d{2}$/ }]}
        >
          <Input placeholder="H31" autoComplete="off" style={{ maxWidth: 120 }} />
        </Form.Item>
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('hosting.create')}
        </Button>
      </Form>
    </Panel>
  );
};
