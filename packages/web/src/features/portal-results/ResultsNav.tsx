import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/portal-decisions';

/** The public result pages' links, and the period chooser they share. */
export const ResultsNav = ({
  periods,
  period,
  onPeriod,
}: {
  periods: { value: string; label: { vi: string; en: string } }[];
  period: string | undefined;
  onPeriod: (value: string) => void;
}) => {
  const { t, i18n } = useTranslation();
  return (
    <Flex gap={12} wrap align="center">
      <nav aria-label={t('portalResults.links')}>
        <Flex gap={12} wrap>
          <Link to="/ket-qua/thong-ke">{t('portalResults.statsLink')}</Link>
          <Link to="/ket-qua/chi-so-766">{t('portalResults.indexLink')}</Link>
          <Link to="/ket-qua/sipas">{t('portalResults.sipasLink')}</Link>
          <Link to="/chi-so-cchc">{t('portalResults.parLink')}</Link>
          <Link to="/quyet-dinh-cong-bo">{t('portalResults.decisionsLink')}</Link>
        </Flex>
      </nav>
      {periods.length > 0 ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <span aria-hidden>{t('portalResults.period')}</span>
          <Select
            aria-label={t('portalResults.period')}
            style={{ minWidth: 180 }}
            value={period}
            onChange={onPeriod}
            options={periods.map((p) => ({ value: p.value, label: i18n.language === 'en' ? p.label.en : p.label.vi }))}
          />
        </div>
      ) : null}
    </Flex>
  );
};
