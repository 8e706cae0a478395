import { LoginOutlined, UserOutlined } from '@ant-design/icons';
import { portalTitleOf } from '@motcua/domain';
import { ConfigProvider, Grid, Layout } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageLoading } from '../../components/PageLoading';
import { SkipLink } from '../../components/SkipLink';
import { StatusFooter } from '../../components/StatusFooter';
import { useFocusMainAfterNavigation } from '../../lib/useFocusMainAfterNavigation';
import { siteCssVariables, siteTheme } from '../../theme';
import { useCitizen } from '../citizen/useCitizen';
import { usePortalSettings } from './usePortalSettings';

/** Which main section a path belongs to (for aria-current in the navigation). */
const sectionOf = (path: string): string => {
  if (path.startsWith('/tra-cuu-ho-so')) {
    return 'tracking';
  }
  if (path.startsWith('/phan-anh-kien-nghi')) {
    return 'pakn';
  }
  if (path.startsWith('/ca-nhan')) {
    return 'mine';
  }
  if (path.startsWith('/chi-so-cchc')) {
    return 'parIndex';
  }
  if (path.startsWith('/lich-cong-tac')) {
    return 'schedule';
  }
  if (path.startsWith('/ket-qua')) {
    return 'results';
  }
  if (path.startsWith('/quyet-dinh-cong-bo')) {
    return 'decisions';
  }
  if (path === '/' || path.startsWith('/thu-tuc') || path.startsWith('/nop-ho-so')) {
    return 'procedures';
  }
  return '';
};

/**
 * The citizens' portal frame: the header (site name, language, the citizen's account or sign-in),
 * the main navigation, the page, and the footer with the officials' entrance. Kept to light
 * components: every visitor downloads it first. A province's site (the host name's, issue 22 item 4) gives
 * the header its portal and province name, emblem and colours, and the footer its contacts; without one the
 * portal looks as the install's default.
 */
export const PortalLayout = () => {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const citizen = useCitizen().data;
  const section = sectionOf(useLocation().pathname);
  const site = usePortalSettings().data?.site ?? null;
  useFocusMainAfterNavigation();
  const links = [
    { key: 'procedures', to: '/', label: t('portalNav.procedures') },
    { key: 'tracking', to: '/tra-cuu-ho-so', label: t('portalNav.tracking') },
    { key: 'pakn', to: '/phan-anh-kien-nghi', label: t('portalNav.pakn') },
    { key: 'parIndex', to: '/chi-so-cchc', label: t('portalNav.parIndex') },
    { key: 'schedule', to: '/lich-cong-tac', label: t('portalNav.schedule') },
    // The news pages are rendered by the server (readable without JavaScript): a plain link leaves the SPA.
    { key: 'news', to: '/tin-tuc', label: t('portalNav.news'), server: true },
    { key: 'results', to: '/ket-qua/thong-ke', label: t('portalNav.results') },
    { key: 'decisions', to: '/quyet-dinh-cong-bo', label: t('portalNav.decisions') },
    { key: 'mine', to: '/ca-nhan/ho-so', label: t('portalNav.myDossiers') },
  ];
  const accountLabel = citizen ? t('portalNav.account', { name: citizen.fullName }) : t('portalNav.signIn');
  return (
    <ConfigProvider theme={site ? siteTheme(site) : undefined}>
      <Layout style={{ minHeight: '100vh', background: '#faf8f6', ...(site ? siteCssVariables(site) : {}) }}>
        <SkipLink />
        <Layout.Header
          className={site ? 'portal-header-site' : undefined}
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
            {site?.emblemUrl ? (
              <img
                src={site.emblemUrl}
                alt={t('site.emblemAlt', { name: site.name })}
                width={36}
                height={36}
                style={{ objectFit: 'contain', flex: 'none' }}
              />
            ) : (
              <img src="/favicon.svg" alt="" width={28} height={28} />
            )}
            <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25, minWidth: 0 }}>
              {site ? (
                // A province's name is long ("Cổng Dịch vụ công Thành phố Hồ Chí Minh"): it wraps on a phone.
                <strong
                  style={{ fontSize: narrow ? 14 : 17, whiteSpace: narrow ? 'normal' : 'nowrap', padding: '6px 0' }}
                >
                  {portalTitleOf(site)}
                </strong>
              ) : (
                <strong style={{ fontSize: narrow ? 15 : 17, whiteSpace: 'nowrap' }}>{t('app.portalName')}</strong>
              )}
              {narrow ? null : <span style={{ fontSize: 12, opacity: 0.92 }}>{t('app.systemName')}</span>}
            </span>
          </Link>
          <div style={{ flex: 1 }} />
          <LanguageSwitch size="small" compact={narrow} />
          <Link
            to={citizen ? '/ca-nhan/ho-so' : '/dang-nhap'}
            className="portal-account"
            aria-label={accountLabel}
            title={accountLabel}
          >
            {citizen ? <UserOutlined aria-hidden /> : <LoginOutlined aria-hidden />}
            {narrow ? null : (
              <span className="portal-account-name">{citizen ? citizen.fullName : t('portalNav.signIn')}</span>
            )}
          </Link>
        </Layout.Header>
        <nav aria-label={t('portalNav.label')} className="portal-nav">
          <ul>
            {links.map((link) => (
              <li key={link.key}>
                {'server' in link ? (
                  <a href={link.to}>{link.label}</a>
                ) : (
                  <Link to={link.to} aria-current={section === link.key ? 'page' : undefined}>
                    {link.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
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
          {site && (site.contactPhone || site.contactAddress) ? (
            <address style={{ textAlign: 'center', margin: '8px 0 0', fontSize: 13, fontStyle: 'normal' }}>
              <strong>{portalTitleOf(site)}</strong>
              {site.contactPhone ? (
                <span style={{ display: 'block' }}>{t('site.hotline', { phone: site.contactPhone })}</span>
              ) : null}
              {site.contactAddress ? (
                <span style={{ display: 'block' }}>{t('site.address', { address: site.contactAddress })}</span>
              ) : null}
            </address>
          ) : null}
          <p style={{ textAlign: 'center', margin: '8px 0 0', fontSize: 13 }}>
            <Link to="/can-bo/dang-nhap">{t('app.officialSignIn')}</Link>
          </p>
        </Layout.Footer>
      </Layout>
    </ConfigProvider>
  );
};
