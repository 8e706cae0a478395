import { Button, Flex, Form, InputNumber, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/eoffice-incoming';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import { type IncomingDocumentSettings, useIncomingSettings, useSaveIncomingSettings } from './useIncoming';

type Values = IncomingDocumentSettings['settings'];
type Field = keyof Values;

/**
 * The province's time limits of incoming documents (app_setting eoffice.incoming.<province>): the
 * registration allowance of urgent documents in working minutes and the default handling deadline in working
 * days, each with motcua's documented default beside it and its own reset; saved at the version read.
 * Shown to the province administrator (on the PAKN settings page: both are the province's time limits).
 */
export const IncomingSettingsSection = ({ province }: { province: string }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const settings = useIncomingSettings(province);
  const save = useSaveIncomingSettings(province);
  const [form] = Form.useForm<Values>();
  const data = settings.data;
  useEffect(() => {
    if (data) {
      form.setFieldsValue(data.settings);
    }
  }, [data, form]);

  if (settings.isPending) {
    return <PageLoading />;
  }
  if (settings.isError || !data) {
    return <ErrorAlert error={settings.error} />;
  }
  const rows: { name: Field; label: string; basis: string; unit: string }[] = [
    {
      name: 'urgentWorkingMinutes',
      label: t('incoming.settings.urgent'),
      basis: t('incoming.settings.urgentBasis'),
      unit: t('incoming.settings.urgentUnit'),
    },
    {
      name: 'defaultHandlingWorkingDays',
      label: t('incoming.settings.handling'),
      basis: t('incoming.settings.handlingBasis'),
      unit: t('incoming.settings.handlingUnit'),
    },
  ];

  return (
    <section aria-labelledby="incoming-settings-title" data-testid="incoming-settings">
      <Title level={2} id="incoming-settings-title" style={{ fontSize: 20, marginTop: 8 }}>
        {t('incoming.settings.title')}
      </Title>
      <p style={{ marginTop: 0 }}>{t('incoming.settings.intro')}</p>
      <Panel>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={data.settings}
          onFinish={(values) =>
            save.mutate(
              { provinceCode: province, settings: values, expectedVersion: data.version },
              { onSuccess: (saved) => void message.success(t('incoming.settings.saved', { version: saved.version })) },
            )
          }
        >
          {rows.map((row) => {
            const range = data.ranges[row.name];
            const fallback = data.defaults[row.name];
            return (
              <Form.Item key={row.name} label={row.label} extra={row.basis} required>
                <Flex gap={8} wrap align="center">
                  <Form.Item
                    name={row.name}
                    noStyle
                    rules={[{ required: true, type: 'integer', min: range.min, max: range.max }]}
                  >
                    <InputNumber
                      min={range.min}
                      max={range.max}
                      precision={0}
                      addonAfter={row.unit}
                      aria-label={row.label}
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                  <span>{t('incoming.settings.defaultValue', { value: `${fallback} ${row.unit}` })}</span>
                  <Tag color={data.source[row.name] === 'default' ? 'default' : 'blue'}>
                    {data.source[row.name] === 'default'
                      ? t('incoming.settings.sourceDefault')
                      : t('incoming.settings.sourceProvince')}
                  </Tag>
                  <Button size="small" onClick={() => form.setFieldValue(row.name, fallback)}>
                    {t('incoming.settings.resetOne')}
                  </Button>
                </Flex>
              </Form.Item>
            );
          })}
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('incoming.settings.save')}
            </Button>
            <Button onClick={() => form.setFieldsValue(data.defaults)}>{t('incoming.settings.resetAll')}</Button>
          </Flex>
        </Form>
      </Panel>
    </section>
  );
};
