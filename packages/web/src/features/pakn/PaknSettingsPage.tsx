import { Button, Flex, Form, InputNumber, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/pakn';
import '../../i18n/pakn-console';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import { hasRole, useMe } from '../auth/useMe';
import { IncomingSettingsSection } from '../eoffice-incoming/IncomingSettingsSection';
import { type PaknSettings, usePaknSettings, useSavePaknSettings } from './usePakn';

type Limits = PaknSettings['limits'];
type FieldName = 'classifyWorkingDays' | ['answerWorkingDays', keyof Limits['answerWorkingDays']];

const defaultOf = (limits: Limits, name: FieldName): number =>
  typeof name === 'string' ? limits[name] : limits.answerWorkingDays[name[1]];

/**
 * Thời hạn xử lý PAKN: the province's limits per category in working days, the legal default beside each
 * (Decree 20/2008 Art. 9 as amended; domain/pakn/pakn-deadlines.ts), reset to it, saved at the version read.
 */
export const PaknSettingsPage = () => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const { data: me } = useMe();
  const province = me?.provinceCode ?? '';
  const settings = usePaknSettings(province);
  const save = useSavePaknSettings(province);
  const [form] = Form.useForm<Limits>();
  const editable = hasRole(me, 'province_admin');
  const data = settings.data;
  useEffect(() => {
    document.title = `${t('pakn.settingsTitle')} — motcua`;
  }, [t]);
  useEffect(() => {
    if (data) {
      form.setFieldsValue(data.limits);
    }
  }, [data, form]);

  if (settings.isPending) {
    return <PageLoading />;
  }
  if (settings.isError || !data) {
    return <ErrorAlert error={settings.error} />;
  }

  const rows: { name: FieldName; label: string; basis: string }[] = [
    { name: 'classifyWorkingDays', label: t('pakn.settingsClassify'), basis: t('pakn.settingsClassifyBasis') },
    ...(['conduct', 'own_competence', 'not_competent'] as const).map((category) => ({
      name: ['answerWorkingDays', category] as FieldName,
      label: t('pakn.settingsAnswer', {
        category: category === 'not_competent' ? t('pakn.settingsForwarded') : t(`pakn.category_${category}`),
      }),
      basis: t('pakn.settingsAnswerBasis'),
    })),
  ];

  return (
    <Flex vertical gap={16} data-testid="pakn-settings">
      <Link to="/can-bo/pakn">← {t('pakn.inboxTitle')}</Link>
      <Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('pakn.settingsTitle')}
      </Title>
      <p style={{ margin: 0 }}>{t('pakn.settingsIntro')}</p>
      <div>
        <Tag color={data.limitsSource === 'default' ? 'default' : 'blue'} data-testid="pakn-settings-source">
          {data.limitsSource === 'default' ? t('pakn.settingsSourceDefault') : t('pakn.settingsSourceProvince')}
        </Tag>
      </div>
      <Panel>
        <Form<Limits>
          form={form}
          layout="vertical"
          disabled={!editable}
          initialValues={data.limits}
          onFinish={(values) =>
            save.mutate(
              {
                provinceCode: province,
                timeLimits: values,
                portalAgencyId: data.portalAgencyId,
                expectedVersion: data.version,
              },
              { onSuccess: (saved) => void message.success(t('pakn.settingsSaved', { version: saved.version })) },
            )
          }
        >
          {rows.map((row) => {
            const fallback = defaultOf(data.defaults, row.name);
            return (
              <Form.Item key={String(row.name)} label={row.label} extra={row.basis} required>
                <Flex gap={8} wrap align="center">
                  <Form.Item
                    name={row.name}
                    noStyle
                    rules={[{ required: true, type: 'integer', min: 1, max: typeof row.name === 'string' ? 30 : 90 }]}
                  >
                    <InputNumber
                      min={1}
                      max={typeof row.name === 'string' ? 30 : 90}
                      precision={0}
                      addonAfter={t('pakn.settingsDays')}
                      aria-label={row.label}
                      style={{ width: 200 }}
                    />
                  </Form.Item>
                  <span>{t('pakn.settingsDefault', { days: fallback })}</span>
                  <Button size="small" onClick={() => form.setFieldValue(row.name, fallback)}>
                    {t('pakn.settingsResetOne')}
                  </Button>
                </Flex>
              </Form.Item>
            );
          })}
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('pakn.settingsSave')}
            </Button>
            <Button onClick={() => form.setFieldsValue(data.defaults)}>{t('pakn.settingsResetAll')}</Button>
          </Flex>
          {editable ? null : <p style={{ marginBottom: 0 }}>{t('pakn.settingsReadOnly')}</p>}
        </Form>
      </Panel>
      {editable ? <IncomingSettingsSection province={province} /> : null}
    </Flex>
  );
};
