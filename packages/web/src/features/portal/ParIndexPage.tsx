import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Grid, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageLoading';
import '../../i18n/par-results';
import { ParRanking } from '../par/results/ParRanking';
import { parExportUrl, usePublishedParResults, usePublishedParRounds } from '../par/results/useParResults';
import { portalProvinceOf, usePortalSettings } from './usePortalSettings';

const formatDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/**
 * The portal's public page of the PAR Index: the published ranking of the province's departments and communes,
 * the chart per area, each unit's results over the years, and the summary table and appendix to download —
 * readable without signing in.
 */
export const ParIndexPage = () => {
  const { t, i18n } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const settings = usePortalSettings();
  const provinces = settings.data?.provinces ?? [];
  const [provinceChoice, setProvinceChoice] = useState<string | undefined>();
  const province = provinceChoice ?? portalProvinceOf(settings.data);
  const rounds = usePublishedParRounds(province);
  const [yearChoice, setYearChoice] = useState<number | undefined>();
  const year = yearChoice ?? rounds.data?.items[0]?.year;
  const results = usePublishedParResults(province, year);
  const round = results.data?.round;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100, margin: '0 auto', padding: narrow ? 12 : 24 }}>
      <h1 style={{ margin: 0, fontSize: narrow ? 22 : 28 }}>{t('parResults.publicTitle')}</h1>
      <p style={{ margin: 0 }}>{t('parResults.publicIntro')}</p>
      {/* A province's own portal shows its own results; the chooser is for an install without sites. */}
      {provinces.length > 1 && !settings.data?.site ? (
        <Segmented
          value={province}
          onChange={(value) => {
            setProvinceChoice(String(value));
            setYearChoice(undefined);
          }}
          options={provinces.map((p) => ({ value: p.code, label: p.committeeName }))}
        />
      ) : null}
      {rounds.isPending && province !== undefined ? <PageLoading /> : null}
      {rounds.data && rounds.data.items.length === 0 ? (
        <Alert type="info" message={t('parResults.noPublished')} />
      ) : null}
      {rounds.data && rounds.data.items.length > 0 ? (
        <Segmented
          aria-label={t('parResults.year')}
          value={year}
          onChange={(value) => setYearChoice(Number(value))}
          options={rounds.data.items.map((r) => ({ value: r.year, label: String(r.year) }))}
        />
      ) : null}
      {round ? (
        <Flex gap={8} wrap align="center" data-testid="par-public-round">
          <span>
            {t('parResults.publishedBy', { number: round.decisionNumber, date: formatDate(round.decisionDate) })}
          </span>
          {round.isDemo ? <Tag color="gold">{t('parResults.demo')}</Tag> : null}
        </Flex>
      ) : null}
      {round && province && year ? (
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={parExportUrl('summary.xlsx', { province, year })}>
            {t('parResults.summaryXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} href={parExportUrl('appendix.pdf', { province, year })}>
            {t('parResults.appendixPdf')}
          </Button>
        </Space>
      ) : null}
      {results.isError ? <Alert type="error" message={t('parResults.loadError')} /> : null}
      {results.data ? (
        <div data-testid="par-public-results" lang={i18n.language}>
          <ParRanking groups={results.data.groups} narrow={narrow} />
        </div>
      ) : null}
    </Flex>
  );
};
