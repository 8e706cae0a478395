import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Grid } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import '../../i18n/portal-decisions';
import { usePortalSettings } from '../portal/usePortalSettings';
import { EChart } from '../reports/EChart';
import { ResultsNav } from './ResultsNav';
import { publicResultUrl, usePublicPeriods, usePublicServiceIndex } from './usePublicResults';

const cell = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', textAlign: 'right' as const };

/** The Decision 766 ranking of the province's agencies (`/ket-qua/chi-so-766`): chart, table with bases, Excel. */
export const ServiceIndexResultsPage = () => {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const settings = usePortalSettings();
  const province = settings.data?.provinces[0]?.code;
  const periods = usePublicPeriods(province);
  const [choice, setChoice] = useState<string | undefined>();
  const period = choice ?? periods.data?.periods[0]?.value;
  const data = usePublicServiceIndex(province, period);

  useEffect(() => {
    document.title = `${t('portalResults.indexTitle')} — ${t('app.portalName')}`;
  }, [t]);

  const option = useMemo(() => {
    const rows = (data.data?.units ?? []).filter((u) => u.rank !== null).slice(0, 20);
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((u) => (u.name.length > 28 ? `${u.name.slice(0, 27)}…` : u.name)),
      },
      series: [{ type: 'bar', data: rows.map((u) => u.percentOfAvailable), itemStyle: { color: '#1d5c96' } }],
    };
  }, [data.data]);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100, margin: '0 auto', padding: narrow ? 0 : 8 }}>
      <h1 style={{ margin: 0, fontSize: narrow ? 22 : 28 }}>{t('portalResults.indexTitle')}</h1>
      <p style={{ margin: 0 }}>{t('portalResults.indexIntro')}</p>
      <ResultsNav periods={periods.data?.periods ?? []} period={period} onPeriod={setChoice} />
      {periods.data && periods.data.periods.length === 0 ? (
        <Alert type="info" message={t('portalResults.none')} />
      ) : null}
      {data.isPending && period !== undefined ? <PageLoading /> : null}
      {data.isError ? <Alert type="error" message={t('portalResults.loadError')} /> : null}
      {data.data && province && period ? (
        <>
          <Panel>
            <div data-testid="public-chart">
              <EChart
                option={option}
                height={Math.max(240, 28 * Math.min(20, data.data.units.length))}
                label={t('portalResults.indexChart')}
              />
            </div>
            <Button
              style={{ marginTop: 12 }}
              icon={<DownloadOutlined />}
              href={publicResultUrl('service-index.xlsx', province, period)}
              data-testid="download-xlsx"
            >
              {t('portalResults.xlsx')}
            </Button>
          </Panel>
          <Panel>
            <div style={{ overflowX: 'auto' }}>
              <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14 }}>
                <caption style={{ textAlign: 'left', fontWeight: 600, marginBottom: 8 }}>
                  {data.data.period.label.vi}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" style={cell}>
                      {t('portalResults.rank')}
                    </th>
                    <th scope="col" style={{ ...cell, textAlign: 'left' }}>
                      {t('portalResults.agency')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('portalResults.score')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.data.units.map((u) => (
                    <tr key={u.agencyId ?? u.name}>
                      <td style={cell}>{u.rank ?? '—'}</td>
                      <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
                        {u.name}
                        {u.rank === null ? (
                          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.68)' }}>{t('portalResults.unranked')}</div>
                        ) : null}
                      </th>
                      <td style={cell}>{u.basis}</td>
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
