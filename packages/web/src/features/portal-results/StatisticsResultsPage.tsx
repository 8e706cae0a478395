import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { AgencyPercentChart, PeriodResultsLayout, ResultsTable, resultCell, resultNameCell } from './ResultsParts';
import { publicResultUrl, usePublicPeriodChoice, usePublicStatistics } from './usePublicResults';

/**
 * The province's published on-time rates by agency (`/ket-qua/thong-ke`): a chart, the table with each rate
 * over its base ("4.431/4.788 (92,54%)"), and the Excel and CSV downloads — closed periods only.
 */
export const StatisticsResultsPage = () => {
  const { t } = useTranslation();
  const choice = usePublicPeriodChoice();
  const data = usePublicStatistics(choice.province, choice.period);

  return (
    <PeriodResultsLayout
      title={t('portalResults.title')}
      intro={t('portalResults.intro')}
      choice={choice}
      figures={data}
    >
      {(figures, province, period) => (
        <>
          <Panel>
            <p style={{ marginTop: 0 }} data-testid="public-totals">
              <strong>
                {t('portalResults.province')} — {figures.period.label.vi}:
              </strong>{' '}
              {t('portalResults.onTimeRate')} {figures.totals.onTimeRate.basis}
            </p>
            <AgencyPercentChart
              rows={figures.agencies.map((a) => ({ name: a.name, percent: a.onTimeRate.value }))}
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
            caption={figures.period.label.vi}
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
            {figures.agencies.map((a) => (
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
      )}
    </PeriodResultsLayout>
  );
};
