import { Flex, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/integration-dvcqg';
import { ErrorAlert } from '../../components/ErrorAlert';
import { lazyWidget } from '../../components/lazyWidget';
import { PageLoading } from '../../components/PageLoading';
import { Title } from '../../components/typography';
import { useMe } from '../auth/useMe';
import { useDvcqgSettings } from './useDvcqg';

const DvcqgSettingsForm = lazyWidget(() =>
  import('./DvcqgSettingsForm').then((m) => ({ default: m.DvcqgSettingsForm })),
);

/**
 * "Kết nối Cổng Dịch vụ công quốc gia": the province's connection to the national portal (issue 21) — endpoint,
 * authentication, the write-only password, agency codes, the 766 on-time rule and the backlog alert; saved at the
 * version read by the province administrator, read by the auditor.
 */
export const DvcqgSettingsPage = () => {
  const { t } = useTranslation();
  const province = useMe().data?.provinceCode ?? '';
  const settings = useDvcqgSettings(province);
  const data = settings.data;
  useEffect(() => {
    document.title = `${t('dvcqg.settingsTitle')} — motcua`;
  }, [t]);

  if (settings.isPending) {
    return <PageLoading />;
  }
  if (settings.isError || !data) {
    return <ErrorAlert error={settings.error} />;
  }

  return (
    <Flex vertical gap={16} data-testid="dvcqg-settings">
      <Link to="/can-bo/tich-hop/dvcqg">← {t('dvcqg.toMonitor')}</Link>
      <Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('dvcqg.settingsTitle')}
      </Title>
      <p style={{ margin: 0 }}>{t('dvcqg.settingsIntro')}</p>
      <div>
        <Tag color={data.enabled ? 'green' : 'default'}>{data.enabled ? t('dvcqg.enabled') : t('dvcqg.syncOff')}</Tag>
        <Tag>{t('dvcqg.version', { version: data.version })}</Tag>
      </div>
      <DvcqgSettingsForm data={data} province={province} />
    </Flex>
  );
};
