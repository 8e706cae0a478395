import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { usePortalSettings } from '../portal/usePortalSettings';
import { ResultsNav } from './ResultsNav';
import { AgencyPercentChart, ResultsLayout, ResultsTable, resultCell, resultNameCell } from './ResultsParts';
import { publicResultUrl, usePublicPeriods, usePublicStatistics } from './usePublicResults';

/**
 * The province's published on-time rates by agency (`/ket-qua/thong-ke`): a chart, the table with each rate
 * over its base ("4.431/4.788 (92,54%)"), and the Excel and CSV downloads — closed periods only.
 */
export const StatisticsResultsPage = () => {
  const { t } = useTranslation();
  const settings = usePortalSettings();
  const province = settings.data?.site?.provinceCode ?? settings.data?.provinces[0]?.code;
  const periods = usePublicPeriods(province);
  const [choice, setChoice] = useState<string | undefined>();
  const period = choice ?? periods.data?.periods[0]?.value;
  const data = usePublicStatistics(province, period);

  return (
    <ResultsLayout
      title={t('portalResults.title')}
      intro={t('portalResults.intro')}
      nav={<ResultsNav periods={periods.data?.periods ?? []} period={period} onPeriod={setChoice} />}
    >
      {periods.data && periods.data.periods.length === 0 ? (
        <Alert type="info" message={t('portalResults.none')} />
      ) : null}
      {data.isPending && period !== undefined ? <PageLoading /> : null}
      {data.isError ? <Alert type="error" message={t('portalResults.loadError')} /> : null}
      {data.data && province && period ? (
        <>
          <Panel>
            <p style={{ marginTop: 0 }} data-testid="public-totals">
              <strong>
                {t('portalResults.province')} — {data.data.period.label.vi}:
              </strong>{' '}
              {t('portalResults.onTimeRate')} {data.data.totals.onTimeRate.basis}
            </p>
            <AgencyPercentChart
              rows={data.data.agencies.map((a) => ({ name: a.name, percent: a.onTimeRate.value }))}
              color="#8e1515"
              label={t('portalResults.chart')}
            />
            <Space wrap style={{ marginTop: 12 }}>
              <Button
                icon={<DownloadOutlined />}
                href={publicResultUrl('statistics.xlsx', province, period)}
                data-testid="download-xlsx"
              >
                {t('portalResults.xlsx')}
              </Button>
              <Button icon={<DownloadOutlined />} href={publicResultUrl('statistics.csv', province, period)}>
                {t('portalResults.csv')}
              </Button>
            </Space>
          </Panel>
          <ResultsTable
            caption={data.data.period.label.vi}
            head={
              <>
                <th scope="col" style={{ ...resultCell, textAlign: 'left' }}>
                  {t('portalResults.agency')}
                </th>
                <th scope="col" style={resultCell}>
                  {t('portalResults.totalToProcess')}
                </th>
                <th scope="col" style={resultCell}>
                  {t('portalResults.resolved')}
                </th>
                <th scope="col" style={resultCell}>
                  {t('portalResults.onTimeRate')}
                </th>
              </>
            }
          >
            {data.data.agencies.map((a) => (
              <tr key={a.agencyId ?? a.name}>
                <th scope="row" style={resultNameCell}>
                  {a.name}
                </th>
                <td style={resultCell}>{a.totalToProcess.toLocaleString('vi-VN')}</td>
                <td style={resultCell}>{a.resolved.toLocaleString('vi-VN')}</td>
                <td style={resultCell}>{a.onTimeRate.basis}</td>
              </tr>
            ))}
          </ResultsTable>
        </>
      ) : null}
    </ResultsLayout>
  );
};
