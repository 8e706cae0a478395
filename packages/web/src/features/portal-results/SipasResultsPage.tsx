import { Alert, Flex, Grid } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import '../../i18n/portal-decisions';
import { usePortalSettings } from '../portal/usePortalSettings';
import { EChart } from '../reports/EChart';
import { ResultsNav } from './ResultsNav';
import { usePublicSipas } from './usePublicResults';

const cell = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', textAlign: 'right' as const };

/** The province's latest published SIPAS satisfaction survey (`/ket-qua/sipas`): chart and table with bases. */
export const SipasResultsPage = () => {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const settings = usePortalSettings();
  const province = settings.data?.provinces[0]?.code;
  const data = usePublicSipas(province);

  useEffect(() => {
    document.title = `${t('portalResults.sipasTitle')} — ${t('app.portalName')}`;
  }, [t]);

  const option = useMemo(() => {
    const rows = (data.data?.agencies ?? []).filter((a) => a.percent !== null).slice(0, 20);
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((a) => (a.name.length > 28 ? `${a.name.slice(0, 27)}…` : a.name)),
      },
      series: [{ type: 'bar', data: rows.map((a) => a.percent), itemStyle: { color: '#2f6b3a' } }],
    };
  }, [data.data]);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100, margin: '0 auto', padding: narrow ? 0 : 8 }}>
      <h1 style={{ margin: 0, fontSize: narrow ? 22 : 28 }}>{t('portalResults.sipasTitle')}</h1>
      <ResultsNav periods={[]} period={undefined} onPeriod={() => undefined} />
      {data.isPending && province !== undefined ? <PageLoading /> : null}
      {data.isError ? <Alert type="info" message={t('portalResults.sipasNone')} /> : null}
      {data.data ? (
        <>
          <Panel>
            <Flex gap={8} wrap align="center">
              <strong>{data.data.campaign.title}</strong>
              {data.data.campaign.isDemo ? <SoftTag tone="warning">{t('portalResults.demo')}</SoftTag> : null}
            </Flex>
            <p data-testid="public-sipas-overall">
              {t('portalResults.province')}: {data.data.overall.basis}
            </p>
            <div data-testid="public-chart">
              <EChart
                option={option}
                height={Math.max(240, 28 * Math.min(20, data.data.agencies.length))}
                label={t('portalResults.sipasChart')}
              />
            </div>
          </Panel>
          <Panel>
            <div style={{ overflowX: 'auto' }}>
              <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14 }}>
                <caption style={{ textAlign: 'left', fontWeight: 600, marginBottom: 8 }}>
                  {data.data.campaign.title}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" style={{ ...cell, textAlign: 'left' }}>
                      {t('portalResults.agency')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('portalResults.responses')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('portalResults.satisfaction')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.data.agencies.map((a) => (
                    <tr key={a.agencyId}>
                      <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
                        {a.name}
                      </th>
                      <td style={cell}>
                        {a.responses}/{a.sampleSize}
                      </td>
                      <td style={cell}>{a.basis}</td>
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
