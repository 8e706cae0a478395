import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { Title } from '../../components/typography';
import '../../i18n/par-sets';

/**
 * The tabs of the console's PAR Index section (Chỉ số CCHC). Each PAR page adds its tab here: a path under
 * /can-bo/chi-so-cchc and the key of its label (`par.tabs.*`).
 */
export const PAR_TABS: { path: string; label: 'par.tabs.rounds' | 'par.tabs.sets' }[] = [
  { path: '/can-bo/chi-so-cchc/dot-danh-gia', label: 'par.tabs.rounds' },
  { path: '/can-bo/chi-so-cchc/bo-tieu-chi', label: 'par.tabs.sets' },
];

/** The section's heading and tabs (links, so each tab has its address), then the tab's page. */
export const ParSection = () => {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div>
      <Title level={2} style={{ fontSize: 22 }}>
        {t('par.section')}
      </Title>
      <nav aria-label={t('par.section')} className="par-tabs">
        {PAR_TABS.map((tab) => (
          <Link
            key={tab.path}
            to={tab.path}
            aria-current={location.pathname.startsWith(tab.path) ? 'page' : undefined}
            className="par-tab"
          >
            {t(tab.label)}
          </Link>
        ))}
      </nav>
      <Outlet />
    </div>
  );
};
