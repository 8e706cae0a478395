import { LoginOutlined } from '@ant-design/icons';
import { Button, Grid, Layout } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageLoading } from '../../components/PageLoading';
import { SkipLink } from '../../components/SkipLink';
import { StatusFooter } from '../../components/StatusFooter';

/**
 * The citizens' portal frame: header with the site name, language and the officials' entrance,
 * the page, and the footer. Phase-2 pages (tracking, my dossiers, sign-in for citizens) render
 * inside the same Outlet.
 */
export const PortalLayout = () => {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  return (
    <Layout style={{ minHeight: '100vh', background: '#faf8f6' }}>
      <SkipLink />
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          height: 'auto',
          minHeight: 56,
          padding: narrow ? '0 12px' : '0 24px',
        }}
      >
        <Link to="/" style={{ color: '#fff', display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25, minWidth: 0 }}>
            <strong style={{ fontSize: narrow ? 15 : 17, whiteSpace: 'nowrap' }}>{t('app.portalName')}</strong>
            {narrow ? null : <span style={{ fontSize: 12, opacity: 0.92 }}>{t('app.systemName')}</span>}
          </span>
        </Link>
        <div style={{ flex: 1 }} />
        <LanguageSwitch size="small" compact={narrow} />
        <Link to="/can-bo/dang-nhap" aria-label={t('app.officialSignIn')}>
          <Button type="text" tabIndex={-1} icon={<LoginOutlined aria-hidden />} style={{ color: '#fff' }}>
            {narrow ? null : t('app.officialSignIn')}
          </Button>
        </Link>
      </Layout.Header>
      <Layout.Content
        id="main"
        tabIndex={-1}
        style={{ width: '100%', maxWidth: 1120, margin: '0 auto', padding: narrow ? '16px 12px' : '24px' }}
      >
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ padding: '16px 12px', background: '#f0ebe6' }}>
        <StatusFooter />
      </Layout.Footer>
    </Layout>
  );
};
