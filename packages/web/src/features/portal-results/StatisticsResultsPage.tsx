import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Grid, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import '../../i18n/portal-decisions';
import { usePortalSettings } from '../portal/usePortalSettings';
import { EChart } from '../reports/EChart';
import { ResultsNav } from './ResultsNav';
import { publicResultUrl, usePublicPeriods, usePublicStatistics } from './usePublicResults';

const cell = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', textAlign: 'right' as const };

/**
 * The province's published on-time rates by agency (`/ket-qua/thong-ke`): a chart, the table with each rate
 * over its base ("4.431/4.788 (92,54%)"), and the Excel and CSV downloads — closed periods only.
 */
export const StatisticsResultsPage = () => {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const settings = usePortalSettings();
  const province = settings.data?.provinces[0]?.code;
  const periods = usePublicPeriods(province);
  const [choice, setChoice] = useState<string | undefined>();
  const period = choice ?? periods.data?.periods[0]?.value;
  const data = usePublicStatistics(province, period);

  useEffect(() => {
    document.title = `${t('portalResults.title')} — ${t('app.portalName')}`;
  }, [t]);

  const option = useMemo(() => {
    const rows = (data.data?.agencies ?? []).filter((a) => a.onTimeRate.value !== null).slice(0, 20);
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((a) => (a.name.length > 28 ? `${a.name.slice(0, 27)}…` : a.name)),
      },
      series: [{ type: 'bar', data: rows.map((a) => a.onTimeRate.value), itemStyle: { color: '#8e1515' } }],
    };
  }, [data.data]);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100, margin: '0 auto', padding: narrow ? 0 : 8 }}>
      <h1 style={{ margin: 0, fontSize: narrow ? 22 : 28 }}>{t('portalResults.title')}</h1>
      <p style={{ margin: 0 }}>{t('portalResults.intro')}</p>
      <ResultsNav periods={periods.data?.periods ?? []} period={period} onPeriod={setChoice} />
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
            <div data-testid="public-chart">
              <EChart
                option={option}
                height={Math.max(240, 28 * Math.min(20, data.data.agencies.length))}
                label={t('portalResults.chart')}
              />
            </div>
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
          <Panel>
            <div style={{ overflowX: 'auto' }}>
              <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14 }}>
                <caption style={{ textAlign: 'left', fontWeight: 600, marginBottom: 8 }}>
                  {data.data.period.label.vi}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" style={{ ...cell, textAlign: 'left' }}>
                      {t('portalResults.agency')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('portalResults.totalToProcess')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('portalResults.resolved')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('portalResults.onTimeRate')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.data.agencies.map((a) => (
                    <tr key={a.agencyId ?? a.name}>
                      <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
                        {a.name}
                      </th>
                      <td style={cell}>{a.totalToProcess.toLocaleString('vi-VN')}</td>
                      <td style={cell}>{a.resolved.toLocaleString('vi-VN')}</td>
                      <td style={cell}>{a.onTimeRate.basis}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Panel>
        </>
      ) : null}
    </Flex>
  );
};
