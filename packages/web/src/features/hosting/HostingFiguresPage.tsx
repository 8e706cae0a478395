import { Button, Flex, Grid, Input, Radio } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/hosting';
import { Callout } from '../../components/Callout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyTable } from '../../components/lazyAntd';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { useMe } from '../auth/useMe';
import { EChart } from '../reports/EChart';
import { type HostingFigures, hostingFiguresWorkbookUrl, useHostingFigures } from './useHosting';

type Row = HostingFigures['provinces'][number];

const dateVi = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const percentVi = (value: number | null) =>
  value === null ? '—' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

/** Last month in Vietnam time ('2026-11' on any day of December 2026), the period first shown. */
const lastMonth = (): string => {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const month = now.getUTCMonth();
  const year = now.getUTCFullYear() - (month === 0 ? 1 : 0);
  return `${year}-${String(month === 0 ? 12 : month).padStart(2, '0')}`;
};

/**
 * "Số liệu các tỉnh, thành phố" (issue 22 item 4): for a month or a year, each province's dossiers received and
 * resolved, the on-time rate with its count and base, the overdue dossiers still open, feedback received, officials
 * and agencies; a bar chart of the on-time rates and the Excel file.
 */
export const HostingFiguresPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const allowed = me?.hostingAdmin === true;
  const [kind, setKind] = useState<'month' | 'year'>('month');
  const [month, setMonth] = useState(lastMonth);
  const [year, setYear] = useState(() => lastMonth().slice(0, 4));
  const period = kind === 'month' ? month : year;
  // On a phone each province is a card of figures (an eight-column table would scroll sideways).
  const narrow = !Grid.useBreakpoint().md;
  const valid = kind === 'month' ? /^\d{4}-(0[1-9]|1[0-2])$/.test(month) : /^\d{4}$/.test(year);
  const figures = useHostingFigures(period, allowed && valid);
  useEffect(() => {
    document.title = `${t('hosting.figuresTitle')} — motcua`;
  }, [t]);
  const data = figures.data;
  const chartOption = useMemo(
    () =>
      data
        ? {
            grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
            xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
            yAxis: { type: 'category', inverse: true, data: data.provinces.map((p) => p.name) },
            tooltip: { trigger: 'axis' },
            series: [
              {
                name: t('hosting.chartSeries'),
                type: 'bar',
                data: data.provinces.map((p) => p.onTimePercent),
                label: { show: true, position: 'right', formatter: '{c}%' },
                itemStyle: { color: '#1d4e89' },
              },
            ],
          }
        : {},
    [data, t],
  );

  if (!allowed) {
    return <Callout type="info" title={t('hosting.notAllowed')} />;
  }
  const onTimeText = (row: HostingFigures['totals']) =>
    t('hosting.onTimeValue', {
      numerator: row.resolvedEarlyOrOnTime,
      base: row.resolved,
      percent: percentVi(row.onTimePercent),
    });
  const numberColumn = (key: keyof HostingFigures['totals'], title: string) => ({
    title,
    key,
    align: 'right' as const,
    width: 110,
    render: (_: unknown, row: Row) => (row[key] as number).toLocaleString('vi-VN'),
  });
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('hosting.figuresTitle')}
      </Title>
      <Text type="secondary">{t('hosting.figuresIntro')}</Text>
      <Panel>
        <Flex gap={12} wrap align="end">
          <Radio.Group
            aria-label={t('hosting.periodKind')}
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            options={[
              { value: 'month', label: t('hosting.month') },
              { value: 'year', label: t('hosting.year') },
            ]}
            optionType="button"
          />
          {kind === 'month' ? (
            <Input
              type="month"
              value={month}
              onChange={(event) => setMonth(event.target.value)}
              aria-label={t('hosting.period')}
              style={{ width: 180 }}
            />
          ) : (
            <Input
              inputMode="numeric"
              value={year}
              onChange={(event) => setYear(event.target.value.trim())}
              aria-label={t('hosting.period')}
              maxLength={4}
              style={{ width: 100 }}
            />
          )}
          <Button href={hostingFiguresWorkbookUrl(period)} disabled={!data || !valid}>
            {t('hosting.downloadXlsx')}
          </Button>
        </Flex>
        {data ? (
          <Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 13 }}>
            {t('hosting.asOf', { label: data.period.label.vi, asOf: dateVi(data.period.asOf) })}
          </Text>
        ) : null}
      </Panel>
      {figures.isPending && valid ? <PageLoading /> : null}
      {figures.isError ? <ErrorAlert error={figures.error} /> : null}
      {data ? (
        <>
          <Panel bodyStyle={{ padding: 12 }}>
            <EChart
              label={t('hosting.chartLabel')}
              height={Math.max(200, 60 + data.provinces.length * 36)}
              option={chartOption}
            />
          </Panel>
          <Panel bodyStyle={{ padding: 12 }}>
            {narrow ? (
              <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="hosting-figures">
                {[...data.provinces, { ...data.totals, provinceCode: '', name: t('hosting.total') }].map((row) => (
                  <li key={row.provinceCode || 'total'} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <strong>{row.name}</strong>
                    <dl className="facts" style={{ margin: '4px 0 0' }}>
                      <dt>{t('hosting.received')}</dt>
                      <dd>{row.received.toLocaleString('vi-VN')}</dd>
                      <dt>{t('hosting.resolved')}</dt>
                      <dd>{row.resolved.toLocaleString('vi-VN')}</dd>
                      <dt>{t('hosting.onTime')}</dt>
                      <dd>{onTimeText(row)}</dd>
                      <dt>{t('hosting.overdueOpen')}</dt>
                      <dd>{row.overdueOpen.toLocaleString('vi-VN')}</dd>
                      <dt>{t('hosting.paknReceived')}</dt>
                      <dd>{row.paknReceived.toLocaleString('vi-VN')}</dd>
                      <dt>{t('hosting.officials')}</dt>
                      <dd>{row.officials.toLocaleString('vi-VN')}</dd>
                      <dt>{t('hosting.agencies')}</dt>
                      <dd>{row.agencies.toLocaleString('vi-VN')}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            ) : (
              <LazyTable<Row>
                size="small"
                rowKey="provinceCode"
                scroll={{ x: 960 }}
                dataSource={data.provinces}
                pagination={false}
                aria-label={t('hosting.figuresTitle')}
                data-testid="hosting-figures"
                columns={[
                  { title: t('hosting.province'), dataIndex: 'name', key: 'name', fixed: 'left', width: 150 },
                  numberColumn('received', t('hosting.received')),
                  numberColumn('resolved', t('hosting.resolved')),
                  {
                    title: t('hosting.onTime'),
                    key: 'onTime',
                    align: 'right',
                    width: 150,
                    render: (_: unknown, row) => onTimeText(row),
                  },
                  numberColumn('overdueOpen', t('hosting.overdueOpen')),
                  numberColumn('paknReceived', t('hosting.paknReceived')),
                  numberColumn('officials', t('hosting.officials')),
                  numberColumn('agencies', t('hosting.agencies')),
                ]}
                summary={() => (
                  <tr>
                    <td>
                      <strong>{t('hosting.total')}</strong>
                    </td>
                    <td style={{ textAlign: 'right' }}>{data.totals.received.toLocaleString('vi-VN')}</td>
                    <td style={{ textAlign: 'right' }}>{data.totals.resolved.toLocaleString('vi-VN')}</td>
                    <td style={{ textAlign: 'right' }}>{onTimeText(data.totals)}</td>
                    <td style={{ textAlign: 'right' }}>{data.totals.overdueOpen.toLocaleString('vi-VN')}</td>
                    <td style={{ textAlign: 'right' }}>{data.totals.paknReceived.toLocaleString('vi-VN')}</td>
                    <td style={{ textAlign: 'right' }}>{data.totals.officials.toLocaleString('vi-VN')}</td>
                    <td style={{ textAlign: 'right' }}>{data.totals.agencies.toLocaleString('vi-VN')}</td>
                  </tr>
                )}
              />
            )}
          </Panel>
          <Text type="secondary" style={{ fontSize: 13 }}>
            {t('hosting.rule')}: {data.onTimeRule}
          </Text>
        </>
      ) : null}
    </Flex>
  );
};
