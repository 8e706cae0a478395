import { Flex, Form } from 'antd';
import Input from 'antd/es/input/Input';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/pakn';
import '../../i18n/pakn-console';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import { EChart } from '../reports/EChart';
import { usePaknStatistics } from './usePakn';

const FIGURES = [
  'received',
  'answeredOnTime',
  'answeredLate',
  'openWithinTime',
  'openLate',
  'forwarded',
  'rejected',
] as const;

const yearToDate = () => {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
};

/** PAKN received, answered on time, late, forwarded, rejected — in total, by agency (with a chart) and by field. */
export const PaknStatisticsPage = () => {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(yearToDate);
  const stats = usePaknStatistics(period);
  useEffect(() => {
    document.title = `${t('pakn.statsTitle')} — motcua`;
  }, [t]);
  const data = stats.data;
  const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value} %`);
  return (
    <Flex vertical gap={16}>
      <Link to="/can-bo/pakn">← {t('pakn.inboxTitle')}</Link>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('pakn.statsTitle')}
      </Title>
      <Form layout="inline" initialValues={period} onValuesChange={(_, all) => setPeriod(all as typeof period)}>
        <Form.Item name="from" label={t('pakn.from')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="to" label={t('pakn.to')}>
          <Input type="date" />
        </Form.Item>
      </Form>
      {stats.isPending ? <PageLoading /> : null}
      {stats.isError ? <ErrorAlert error={stats.error} /> : null}
      {data ? (
        <>
          <Panel>
            <dl className="facts" data-testid="pakn-totals">
              {FIGURES.map((key) => (
                <div key={key} style={{ display: 'contents' }}>
                  <dt>{t(`pakn.${key}`)}</dt>
                  <dd>{data.total[key]}</dd>
                </div>
              ))}
              <dt>{t('pakn.onTimePercent')}</dt>
              <dd>{percent(data.onTimePercent)}</dd>
              <dt>{t('pakn.satisfiedPercent')}</dt>
              <dd>{percent(data.satisfiedPercent)}</dd>
            </dl>
          </Panel>
          <Panel title={t('pakn.byAgency')} level={2}>
            <EChart
              label={t('pakn.chartLabel')}
              height={Math.max(200, data.byAgency.length * 48 + 80)}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: {
                  type: 'category',
                  data: data.byAgency.map((a) => a.agencyName ?? '—'),
                  axisLabel: { width: 140, overflow: 'truncate' },
                },
                series: (['answeredOnTime', 'answeredLate', 'openWithinTime', 'openLate'] as const).map((key) => ({
                  name: t(`pakn.${key}`),
                  type: 'bar',
                  stack: 'all',
                  data: data.byAgency.map((a) => a[key]),
                })),
              }}
            />
            <table className="summary-table" style={{ width: '100%', marginTop: 12 }}>
              <thead>
                <tr>
                  <th scope="col">{t('pakn.agency')}</th>
                  <th scope="col">{t('pakn.received')}</th>
                  <th scope="col">{t('pakn.answeredOnTime')}</th>
                  <th scope="col">{t('pakn.answeredLate')}</th>
                  <th scope="col">{t('pakn.forwarded')}</th>
                </tr>
              </thead>
              <tbody>
                {data.byAgency.map((a) => (
                  <tr key={a.agencyId ?? 'none'}>
                    <td>{a.agencyName ?? '—'}</td>
                    <td>{a.received}</td>
                    <td>{a.answeredOnTime}</td>
                    <td>{a.answeredLate}</td>
                    <td>{a.forwarded}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          <Panel title={t('pakn.byTopic')} level={2}>
            <table className="summary-table" style={{ width: '100%' }}>
              <tbody>
                {data.byTopic.map((row) => (
                  <tr key={row.topic}>
                    <td>{t(`citizen.pakn.topic_${row.topic}`)}</td>
                    <td>{row.received}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
        </>
      ) : null}
    </Flex>
  );
};
