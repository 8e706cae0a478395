import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Flex, Row, Segmented, Space, Statistic, Switch, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { LazyDatePicker, LazyRangePicker, LazySelect, LazySummaryTable, LazyTable } from '../../components/lazyAntd';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Paragraph, Text, Title } from '../../components/typography';
import '../../i18n/reports';
import type { ReportsMessages } from '../../i18n/reports-vi';
import { hasRole, useMe } from '../auth/useMe';
import {
  type AgencyOption,
  exportUrl,
  type FigureDossier,
  type Figures,
  fetchFigureDossiers,
  fetchServiceIndex,
  fetchStatistics,
  type ReportFilters,
  type ServiceUnit,
  type StatisticsGroup,
  searchAgencies,
} from './api';
import { EChart } from './EChart';
import { formatCount, formatDate, formatDateTime, formatDecimal, formatPercent } from './format';

// The dossiers behind a figure open in a drawer when a figure is chosen: its code loads then (issue 16).
const Drawer = lazy(() => import('antd/es/drawer'));

type Lang = 'vi' | 'en';
type PeriodKind = 'month' | 'quarter' | 'year' | 'range';

type TextKey = keyof ReportsMessages;

const CHANNELS = ['online', 'direct', 'postal'] as const;

/** The report query for the chosen period (named periods are sent as such: 2026, 2026-Q4, 2026-11). */
const toPeriod = (
  kind: PeriodKind,
  value: Dayjs,
  range: [Dayjs, Dayjs],
): Pick<ReportFilters, 'period' | 'from' | 'to'> => {
  if (kind === 'month') {
    return { period: value.format('YYYY-MM') };
  }
  if (kind === 'quarter') {
    return { period: `${value.year()}-Q${Math.floor(value.month() / 3) + 1}` };
  }
  if (kind === 'year') {
    return { period: String(value.year()) };
  }
  return { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
};

const Kpi = ({
  title,
  value,
  detail,
  tooltip,
}: {
  title: string;
  value: string;
  detail?: string;
  tooltip?: string;
}) => (
  <Panel style={{ height: '100%' }} bodyStyle={{ padding: 12 }} data-testid="kpi">
    <Tooltip title={tooltip}>
      <Statistic title={title} value={value} />
    </Tooltip>
    {detail ? (
      <Text type="secondary" data-testid="kpi-detail">
        {detail}
      </Text>
    ) : null}
  </Panel>
);

export const ReportsPage = () => {
  const { i18n, t: translate } = useTranslation();
  const canImport = hasRole(useMe().data, 'province_admin');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const t = (key: TextKey) => translate(`reports.${key}`);

  const [periodKind, setPeriodKind] = useState<PeriodKind>('year');
  const [periodValue, setPeriodValue] = useState<Dayjs>(dayjs());
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [scope, setScope] = useState<'own' | 'province' | 'agency'>('own');
  const [decimals, setDecimals] = useState<1 | 2>(2);
  const [agency, setAgency] = useState<string | undefined>();
  const [subagencies, setSubagencies] = useState(true);
  const [channels, setChannels] = useState<string[]>([]);
  const [agencySearch, setAgencySearch] = useState('');
  const [drill, setDrill] = useState<{ figure: string; title: string } | null>(null);
  // The drawer stays once opened, so that it can close with its animation.
  const [drillUsed, setDrillUsed] = useState(false);

  const filters: ReportFilters = useMemo(
    () => ({
      ...toPeriod(periodKind, periodValue, range),
      ...(scope === 'province' ? { scope: 'province' as const } : {}),
      ...(scope === 'agency' && agency ? { scope: 'agency' as const, agency, subagencies } : {}),
      channels,
    }),
    [periodKind, periodValue, range, scope, agency, subagencies, channels],
  );
  const timeBucket = periodKind === 'month' ? 'day' : 'month';
  const enabled = scope !== 'agency' || agency !== undefined;

  const overTime = useQuery({
    queryKey: ['reports', 'statistics', filters, timeBucket],
    queryFn: ({ signal }) => fetchStatistics(filters, [timeBucket], signal),
    enabled,
  });
  const byAgency = useQuery({
    queryKey: ['reports', 'statistics', filters, 'agency'],
    queryFn: ({ signal }) => fetchStatistics(filters, ['agency'], signal),
    enabled,
  });
  const index = useQuery({
    queryKey: ['reports', 'service-index', filters],
    queryFn: ({ signal }) => fetchServiceIndex(filters, signal),
    enabled,
  });
  const province = byAgency.data?.scope.provinceCode;
  const agencies = useQuery({
    queryKey: ['reports', 'agencies', agencySearch, province],
    queryFn: ({ signal }) => searchAgencies(agencySearch, province, signal),
    enabled: scope === 'agency',
  });
  const drillQuery = useQuery({
    queryKey: ['reports', 'dossiers', filters, drill?.figure],
    queryFn: ({ signal }) => fetchFigureDossiers(filters, drill?.figure ?? 'received', undefined, signal),
    enabled: drill !== null,
  });

  const totals = byAgency.data?.totals;
  const error = [overTime.error, byAgency.error, index.error].find(Boolean);

  const timeOption = useMemo(() => {
    const groups = overTime.data?.groups ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: groups.map((g) => (g.bucket ? g.bucket.label[lang] : g.label)) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => formatCount(v) } },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` } },
      ],
      series: [
        { name: translate('reports.received'), type: 'bar', data: groups.map((g) => g.figures.receivedNew) },
        { name: translate('reports.resolved'), type: 'bar', data: groups.map((g) => g.figures.resolved) },
        {
          name: `% ${translate('reports.onTime')}`,
          type: 'line',
          yAxisIndex: 1,
          data: groups.map((g) => g.figures.percentages.earlyOrOnTime.value),
          tooltip: { valueFormatter: (v: number | null) => formatPercent(v) },
        },
      ],
    };
  }, [overTime.data, lang, translate]);

  const rateOption = useMemo(() => {
    const groups = [...(byAgency.data?.groups ?? [])]
      .filter((g) => g.figures.resolved > 0)
      .sort(
        (a, b) => (a.figures.percentages.earlyOrOnTime.value ?? 0) - (b.figures.percentages.earlyOrOnTime.value ?? 0),
      )
      .slice(-25);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatPercent(v) },
      grid: { left: 220, right: 32, top: 8, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` } },
      yAxis: { type: 'category', data: groups.map((g) => g.label), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: groups.map((g) => g.figures.percentages.earlyOrOnTime.value),
          itemStyle: { color: '#2e7d32' },
        },
      ],
    };
  }, [byAgency.data]);

  const channelOption = useMemo(() => {
    const data = totals
      ? [
          { name: translate('reports.online'), value: totals.receivedOnline },
          { name: translate('reports.direct'), value: totals.receivedDirect },
          { name: translate('reports.postal'), value: totals.receivedPostal },
        ]
      : [];
    const sum = data.reduce((total, d) => total + d.value, 0);
    const shareOf = (name: string) => {
      const value = data.find((d) => d.name === name)?.value ?? 0;
      return sum > 0 ? formatPercent(Math.round((value / sum) * 10000) / 100) : '—';
    };
    return {
      tooltip: { trigger: 'item', valueFormatter: (v: number) => formatCount(v) },
      // The shares in the legend, not beside the ring: in a narrow card, labels around it are cut off.
      legend: { bottom: 0, formatter: (name: string) => `${name}: ${shareOf(name)}` },
      series: [
        {
          type: 'pie',
          radius: ['42%', '68%'],
          center: ['50%', '44%'],
          label: { show: false },
          labelLine: { show: false },
          data,
        },
      ],
    };
  }, [totals, translate]);

  const groupsOption = useMemo(() => {
    const units = (index.data?.units ?? []).slice(0, 20).reverse();
    const groupNames = units[0]?.result.groups.map((g) => `${g.no}. ${g.name}`) ?? [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatDecimal(v) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 220, right: 32, top: 40, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: units.map((u) => u.name), axisLabel: { width: 200, overflow: 'truncate' } },
      series: groupNames.map((name, groupIndex) => ({
        name,
        type: 'bar',
        stack: 'score',
        data: units.map((u) => u.result.groups[groupIndex]?.score ?? 0),
      })),
    };
  }, [index.data]);

  const open = (figure: string, title: string) => {
    setDrillUsed(true);
    setDrill({ figure, title });
  };
  const cell = (value: number, figure: string, title: string) =>
    value > 0 ? (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(figure, title)}>
        {formatCount(value)}
      </Button>
    ) : (
      formatCount(value)
    );

  const agencyColumns: ColumnsType<StatisticsGroup> = [
    { title: t('unit'), dataIndex: 'label', key: 'label', fixed: 'left', width: 260 },
    { title: t('total'), key: 'total', align: 'right', render: (_, g) => formatCount(g.figures.totalToProcess) },
    { title: t('carried'), key: 'carried', align: 'right', render: (_, g) => formatCount(g.figures.carriedOver) },
    { title: t('online'), key: 'online', align: 'right', render: (_, g) => formatCount(g.figures.receivedOnline) },
    { title: t('resolved'), key: 'resolved', align: 'right', render: (_, g) => formatCount(g.figures.resolved) },
    {
      title: lang === 'vi' ? 'Trả quá hạn' : 'Late',
      key: 'late',
      align: 'right',
      render: (_, g) => formatCount(g.figures.resolvedLate),
    },
    {
      title: lang === 'vi' ? 'Đang giải quyết quá hạn' : 'Overdue',
      key: 'overdue',
      align: 'right',
      render: (_, g) => formatCount(g.figures.inProgressOverdue),
    },
    {
      title: `% ${t('earlyOnly')}`,
      key: 'earlyRate',
      align: 'right',
      render: (_, g) => formatPercent(g.figures.percentages.early.value),
    },
    {
      title: `% ${t('onTimeOnly')}`,
      key: 'onTimeRate',
      align: 'right',
      render: (_, g) => formatPercent(g.figures.percentages.onTime.value),
    },
    {
      title: `% ${t('onTime')}`,
      key: 'rate',
      align: 'right',
      render: (_, g) => (
        <Tooltip
          title={`${formatCount(g.figures.percentages.earlyOrOnTime.numerator)}/${formatCount(g.figures.percentages.earlyOrOnTime.base)} ${g.figures.percentages.earlyOrOnTime.baseLabel[lang]}`}
        >
          {formatPercent(g.figures.percentages.earlyOrOnTime.value)}
        </Tooltip>
      ),
    },
  ];

  const rankingColumns: ColumnsType<ServiceUnit> = [
    {
      title: t('rank'),
      key: 'rank',
      width: 70,
      align: 'center',
      render: (_, u) =>
        u.rank ?? (
          <Tooltip title={translate('reports.tooFewHint', { count: u.dossiers, min: index.data?.minDossiersToRank })}>
            <Tag>{t('tooFew')}</Tag>
          </Tooltip>
        ),
    },
    { title: t('unit'), dataIndex: 'name', key: 'name' },
    {
      title: t('score'),
      key: 'score',
      align: 'right',
      render: (_, u) => `${formatDecimal(u.result.score)}/${formatDecimal(u.result.maxAvailable)}`,
    },
    { title: t('percent'), key: 'pct', align: 'right', render: (_, u) => formatPercent(u.result.percentOfAvailable) },
    {
      title: lang === 'vi' ? 'Tiến độ (20)' : 'Progress (20)',
      key: 'progress',
      align: 'right',
      render: (_, u) => {
        const indicator = u.result.groups[1]?.indicators[0];
        return indicator?.status === 'scored' ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => open('progress_not_counted', indicator.name)}
          >
            {formatDecimal(indicator.score)}
          </Button>
        ) : (
          <Tag>{lang === 'vi' ? 'chưa có dữ liệu' : 'no data'}</Tag>
        );
      },
    },
    // Decision 766 indicator 4 (issue 21): from the national portal's sync log, its count and base beside the
    // score and the province's "on time" rule as the tooltip, so the figure can be checked by hand.
    {
      title: lang === 'vi' ? 'Đồng bộ DVCQG (6)' : 'Portal sync (6)',
      key: 'dossierSync',
      align: 'right',
      render: (_, u) => {
        const indicator = u.result.groups[0]?.indicators.find((i) => i.code === 'DOSSIER_SYNC');
        return indicator?.status === 'scored' && indicator.ratio ? (
          <Tooltip title={indicator.note?.[lang]}>
            <span data-testid="dossier-sync-score">
              {formatDecimal(indicator.score)} ({formatCount(indicator.ratio.numerator)}/
              {formatCount(indicator.ratio.base)})
            </span>
          </Tooltip>
        ) : (
          <Tooltip title={indicator?.note?.[lang]}>
            <Tag>{lang === 'vi' ? 'chưa có dữ liệu' : 'no data'}</Tag>
          </Tooltip>
        );
      },
    },
  ];

  const kpis = (f: Figures) => [
    <Kpi
      key="total"
      title={t('total')}
      value={formatCount(f.totalToProcess)}
      detail={`${formatCount(f.carriedOver)} ${t('carried')}`}
    />,
    <Kpi
      key="received"
      title={t('received')}
      value={formatCount(f.receivedNew)}
      detail={`${formatPercent(f.percentages.online.value)} ${t('online').toLowerCase()}`}
      tooltip={f.percentages.online.baseLabel[lang]}
    />,
    <Kpi
      key="resolved"
      title={t('resolved')}
      value={formatCount(f.resolved)}
      detail={`${formatPercent(f.percentages.early.value)} ${t('earlyOnly')} + ${formatPercent(f.percentages.onTime.value)} ${t('onTimeOnly')} = ${formatPercent(f.percentages.earlyOrOnTime.value)} ${t('onTime')}`}
      tooltip={`${t('base')}: ${f.percentages.earlyOrOnTime.baseLabel[lang]}`}
    />,
    <Kpi
      key="progress"
      title={t('inProgress')}
      value={formatCount(f.inProgress)}
      detail={`${formatCount(f.inProgressOverdue)} ${t('overdue')}`}
    />,
  ];

  const firstUnit = index.data?.units[0];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('title')}
        </Title>
        {canImport ? (
          <Link to="/can-bo/bao-cao/nhap-du-lieu">
            <Button icon={<UploadOutlined />}>{translate('reportImport.link')}</Button>
          </Link>
        ) : null}
      </Flex>
      <Panel bodyStyle={{ padding: 12 }}>
        <Space wrap size="middle">
          <Segmented<PeriodKind>
            aria-label={t('periodKind')}
            // One Tab stop (the chosen option), not two: antd also makes the group itself focusable.
            tabIndex={-1}
            value={periodKind}
            onChange={setPeriodKind}
            options={(['month', 'quarter', 'year', 'range'] as const).map((k) => ({ value: k, label: t(k) }))}
          />
          {periodKind === 'range' ? (
            <LazyRangePicker
              aria-label={t('period')}
              value={range}
              format="DD/MM/YYYY"
              allowClear={false}
              onChange={(value) => {
                if (value?.[0] && value[1]) {
                  setRange([value[0], value[1]]);
                }
              }}
            />
          ) : (
            <LazyDatePicker
              aria-label={t('period')}
              picker={periodKind}
              value={periodValue}
              allowClear={false}
              format={periodKind === 'month' ? 'MM/YYYY' : periodKind === 'year' ? 'YYYY' : undefined}
              onChange={(value) => value && setPeriodValue(value)}
            />
          )}
          <Segmented<'own' | 'province' | 'agency'>
            aria-label={t('scope')}
            tabIndex={-1}
            value={scope}
            onChange={setScope}
            options={[
              { value: 'own', label: t('scopeOwn') },
              { value: 'province', label: t('scopeProvince') },
              { value: 'agency', label: t('scopeAgency') },
            ]}
          />
          {scope === 'agency' ? (
            <>
              <LazySelect<string>
                showSearch={{ filterOption: false, onSearch: setAgencySearch }}
                style={{ minWidth: 320 }}
                placeholder={t('agency')}
                aria-label={t('agency')}
                value={agency}
                onChange={setAgency}
                loading={agencies.isFetching}
                options={(agencies.data?.items ?? []).map((a: AgencyOption) => ({
                  value: a.id,
                  label: `${a.name} (${a.code})`,
                }))}
              />
              <Space>
                <Switch checked={subagencies} onChange={setSubagencies} aria-label={t('subagencies')} />
                <Text>{t('subagencies')}</Text>
              </Space>
            </>
          ) : null}
          <LazySelect<string[]>
            mode="multiple"
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('channels')}
            aria-label={t('channels')}
            value={channels}
            onChange={setChannels}
            options={CHANNELS.map((c) => ({ value: c, label: t(c) }))}
          />
          <LazySelect<1 | 2>
            style={{ minWidth: 200 }}
            aria-label={t('decimals')}
            value={decimals}
            onChange={setDecimals}
            options={[
              { value: 2, label: t('decimals2') },
              { value: 1, label: t('decimals1') },
            ]}
          />
          <Button href={exportUrl('statistics.xlsx', filters, ['agency'], decimals)} disabled={!enabled}>
            {t('excel')}
          </Button>
          <Button href={exportUrl('statistics.pdf', filters, ['agency'], decimals)} target="_blank" disabled={!enabled}>
            {t('pdf')}
          </Button>
          <Button href={exportUrl('service-index.xlsx', filters)} disabled={!enabled}>
            {t('excel766')}
          </Button>
        </Space>
      </Panel>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={isApiError(error) ? error.title : String(error)}
          description={isApiError(error) ? error.detail : undefined}
        />
      ) : null}
      {byAgency.data ? (
        <Text type="secondary" data-testid="report-period">
          {byAgency.data.scope.label[lang]} — {byAgency.data.period.label[lang]} (
          {formatDate(byAgency.data.period.from)}–{formatDate(byAgency.data.period.to)}). {t('asOf')}{' '}
          {formatDate(byAgency.data.period.asOf)}.
        </Text>
      ) : null}
      <Row gutter={[12, 12]}>
        {totals
          ? kpis(totals).map((kpi) => (
              <Col key={kpi.key} xs={24} sm={12} lg={5}>
                {kpi}
              </Col>
            ))
          : null}
        {firstUnit ? (
          <Col xs={24} sm={12} lg={4}>
            <Kpi
              title={t('index766')}
              value={`${formatDecimal(firstUnit.result.score)}/${formatDecimal(firstUnit.result.maxAvailable)}`}
              detail={firstUnit.name}
              tooltip={firstUnit.result.adjustment[lang]}
            />
          </Col>
        ) : null}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Panel title={t('overTime')} bodyStyle={{ padding: 12 }}>
            {overTime.isPending && enabled ? <PageLoading /> : <EChart option={timeOption} label={t('overTime')} />}
          </Panel>
        </Col>
        <Col xs={24} xl={8}>
          <Panel title={t('channelShare')} bodyStyle={{ padding: 12 }}>
            {byAgency.isPending && enabled ? (
              <PageLoading />
            ) : (
              <EChart option={channelOption} label={t('channelShare')} />
            )}
          </Panel>
        </Col>
        <Col xs={24} xl={12}>
          <Panel title={t('rateByAgency')} bodyStyle={{ padding: 12 }}>
            {byAgency.isPending && enabled ? (
              <PageLoading />
            ) : (
              <EChart option={rateOption} height={420} label={t('rateByAgency')} />
            )}
          </Panel>
        </Col>
        <Col xs={24} xl={12}>
          <Panel title={t('groups766')} bodyStyle={{ padding: 12 }}>
            {index.isPending && enabled ? (
              <PageLoading />
            ) : (
              <EChart option={groupsOption} height={420} label={t('groups766')} />
            )}
          </Panel>
        </Col>
      </Row>
      <Panel title={t('byAgency')} bodyStyle={{ padding: 12 }}>
        <LazySummaryTable<StatisticsGroup>
          size="small"
          rowKey={(g) => g.label}
          columns={agencyColumns}
          dataSource={byAgency.data?.groups ?? []}
          loading={byAgency.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1160 }}
          locale={{ emptyText: <Empty /> }}
          summary={(Summary) =>
            totals ? (
              <Summary.Row>
                <Summary.Cell index={0}>
                  <strong>{lang === 'vi' ? 'Tổng cộng' : 'Total'}</strong>
                </Summary.Cell>
                <Summary.Cell index={1} align="right">
                  {cell(totals.totalToProcess, 'received', t('received'))}
                </Summary.Cell>
                <Summary.Cell index={2} align="right">
                  {cell(totals.carriedOver, 'carried_over', t('carried'))}
                </Summary.Cell>
                <Summary.Cell index={3} align="right">
                  {formatCount(totals.receivedOnline)}
                </Summary.Cell>
                <Summary.Cell index={4} align="right">
                  {cell(totals.resolved, 'resolved', t('resolved'))}
                </Summary.Cell>
                <Summary.Cell index={5} align="right">
                  {cell(totals.resolvedLate, 'resolved_late', lang === 'vi' ? 'Trả quá hạn' : 'Late')}
                </Summary.Cell>
                <Summary.Cell index={6} align="right">
                  {cell(
                    totals.inProgressOverdue,
                    'in_progress_overdue',
                    lang === 'vi' ? 'Đang giải quyết quá hạn' : 'Overdue',
                  )}
                </Summary.Cell>
                <Summary.Cell index={7} align="right">
                  {formatPercent(totals.percentages.early.value)}
                </Summary.Cell>
                <Summary.Cell index={8} align="right">
                  {formatPercent(totals.percentages.onTime.value)}
                </Summary.Cell>
                <Summary.Cell index={9} align="right">
                  {formatPercent(totals.percentages.earlyOrOnTime.value)}
                </Summary.Cell>
              </Summary.Row>
            ) : null
          }
        />
        {totals ? (
          <Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('base')}: {totals.percentages.earlyOrOnTime.label?.[lang]} ={' '}
            {formatCount(totals.percentages.earlyOrOnTime.numerator)}/
            {formatCount(totals.percentages.earlyOrOnTime.base)} ({totals.percentages.earlyOrOnTime.baseLabel[lang]}).{' '}
            {totals.percentages.earlyOrOnTimeOfDue.label?.[lang]}:{' '}
            {formatPercent(totals.percentages.earlyOrOnTimeOfDue.value)} (
            {totals.percentages.earlyOrOnTimeOfDue.baseLabel[lang]}).
          </Paragraph>
        ) : null}
      </Panel>
      <Panel title={t('ranking')} bodyStyle={{ padding: 12 }}>
        <LazyTable<ServiceUnit>
          size="small"
          rowKey="id"
          columns={rankingColumns}
          dataSource={index.data?.units ?? []}
          loading={index.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
        {index.data ? (
          <Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('noData766')}: {index.data.notHeld.map((i) => `${i.name} (${i.max})`).join('; ')}.
          </Paragraph>
        ) : null}
      </Panel>
      {drillUsed ? (
        <Suspense fallback={null}>
          <Drawer
            open={drill !== null}
            onClose={() => setDrill(null)}
            title={`${t('dossiers')}: ${drill?.title ?? ''}`}
            size={720}
          >
            <LazyTable<FigureDossier>
              size="small"
              rowKey={(d) => `${d.source}:${d.code}`}
              loading={drillQuery.isFetching}
              dataSource={drillQuery.data?.items ?? []}
              pagination={false}
              columns={[
                { title: lang === 'vi' ? 'Mã hồ sơ' : 'Code', dataIndex: 'code', key: 'code' },
                {
                  title: lang === 'vi' ? 'Thủ tục' : 'Procedure',
                  dataIndex: 'procedureName',
                  key: 'procedure',
                  ellipsis: true,
                },
                {
                  title: lang === 'vi' ? 'Tiếp nhận' : 'Received',
                  dataIndex: 'receivedAt',
                  key: 'received',
                  render: (v: string | null) => formatDateTime(v),
                },
                {
                  title: lang === 'vi' ? 'Hạn' : 'Due',
                  dataIndex: 'legalDueAt',
                  key: 'due',
                  render: (v: string | null) => formatDateTime(v),
                },
                {
                  title: lang === 'vi' ? 'Có kết quả' : 'Result',
                  dataIndex: 'completedAt',
                  key: 'completed',
                  render: (v: string | null) => formatDateTime(v),
                },
              ]}
            />
          </Drawer>
        </Suspense>
      ) : null}
    </Space>
  );
};
