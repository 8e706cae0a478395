import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Badge, Card, ConfigProvider, Descriptions, Layout, Segmented, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from './i18n';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

type Readiness = { status: 'ready'; database: 'pglite' | 'postgres'; migrationVersion: number };

const fetchReadiness = async (): Promise<Readiness> => {
  const response = await fetch('/readyz', { headers: { accept: 'application/json' } });
  const body = (await response.json()) as Readiness | { detail?: string };
  if (!response.ok) {
    throw new Error('detail' in body && body.detail ? body.detail : response.statusText);
  }
  return body as Readiness;
};

const SystemStatus = () => {
  const { t } = useTranslation();
  const readiness = useQuery({ queryKey: ['readyz'], queryFn: fetchReadiness });
  return (
    <Card title={t('status.title')} style={{ maxWidth: 640, width: '100%' }}>
      {readiness.isPending ? (
        <Badge status="processing" text={t('status.checking')} />
      ) : readiness.isError ? (
        <Badge status="error" text={`${t('status.notReady')}: ${readiness.error.message}`} />
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('status.title')}>
            <Badge status="success" text={t('status.ready')} />
          </Descriptions.Item>
          <Descriptions.Item label={t('status.database')}>
            {readiness.data.database === 'pglite' ? t('status.embedded') : t('status.postgres')}
          </Descriptions.Item>
          <Descriptions.Item label={t('status.schema')}>{readiness.data.migrationVersion}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
};

const Shell = () => {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'en' ? 'en' : 'vi') as Language;
  return (
    <ConfigProvider locale={language === 'en' ? enUS : viVN} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, padding: '0 16px' }}
        >
          <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
            {t('app.shortName')}
          </Typography.Text>
          <Segmented<Language>
            aria-label={t('app.language')}
            value={language}
            onChange={(value) => void changeLanguage(value)}
            options={[
              { label: 'Tiếng Việt', value: 'vi' },
              { label: 'English', value: 'en' },
            ]}
          />
        </Layout.Header>
        <Layout.Content style={{ padding: '32px 16px' }}>
          <Space orientation="vertical" size="large" style={{ width: '100%', alignItems: 'center' }}>
            <Typography.Title level={1} style={{ textAlign: 'center', marginBottom: 0 }}>
              {t('app.systemName')}
            </Typography.Title>
            <Typography.Paragraph style={{ textAlign: 'center', maxWidth: 720 }}>
              {t('app.tagline')}
            </Typography.Paragraph>
            <SystemStatus />
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', maxWidth: 720 }}>
              {t('app.legal')}
            </Typography.Paragraph>
          </Space>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center' }}>{t('footer')}</Layout.Footer>
      </Layout>
    </ConfigProvider>
  );
};

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <Shell />
  </QueryClientProvider>
);
