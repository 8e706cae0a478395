import { Button, Flex, Grid, Segmented, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/integration-dvcqg';
import { Callout } from '../../components/Callout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { LazySelect, LazyTable } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { useMe } from '../auth/useMe';
import { EChart } from '../reports/EChart';
import {
  type DvcqgBulkInput,
  type DvcqgListState,
  type DvcqgMonitor,
  type DvcqgSyncItem,
  dvcqgFailuresUrl,
  useDvcqgBulk,
  useDvcqgMonitor,
  useDvcqgSyncList,
} from './useDvcqg';

/** '2026-11-25T09:00:00+07:00' → '25/11/2026 09:00'. */
const instantVi = (at: string | null) =>
  at ? `${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)} ${at.slice(11, 16)}` : '—';

const Figure = ({ label, value, danger }: { label: string; value: string; danger?: boolean }) => (
  <Panel style={{ flex: '1 1 160px', minWidth: 150 }}>
    <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.6)' }}>{label}</div>
    <div style={{ fontSize: 26, fontWeight: 600, color: danger ? '#a8071a' : undefined }}>{value}</div>
  </Panel>
);

const FailuresTable = ({ rows }: { rows: DvcqgMonitor['failures']['last24h'] }) => {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return <Text>{t('dvcqg.noFailures')}</Text>;
  }
  return (
    <table className="summary-table" style={{ width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th style={{ textAlign: 'left' }}>{t('dvcqg.errorCode')}</th>
          <th style={{ textAlign: 'left' }}>{t('dvcqg.outcome')}</th>
          <th style={{ textAlign: 'right' }}>{t('dvcqg.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.errorCode}-${row.outcome}`}>
            <td>{row.errorCode || t('dvcqg.noCode')}</td>
            <td>{row.outcome === 'rejected' ? t('dvcqg.outcomeRejected') : t('dvcqg.outcomeFailed')}</td>
            <td style={{ textAlign: 'right' }}>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/**
 * "Giám sát đồng bộ": the province's sync to the national portal (issue 21 item 2) — backlog, lag and the alert,
 * attempts per hour with the longest delay (ECharts), failures by reason, the pending / failing / parked dossiers
 * with retry and re-send (one by one, chosen, or by filter), and the failures as Excel.
 */
export const DvcqgMonitorPage = () => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const province = useMe().data?.provinceCode ?? '';
  const narrow = !Grid.useBreakpoint().md;
  const monitor = useDvcqgMonitor(province);
  const [state, setState] = useState<DvcqgListState>('parked');
  const [reason, setReason] = useState<string | undefined>(undefined);
  const [period, setPeriod] = useState<'last24h' | 'last7d'>('last24h');
  const [selected, setSelected] = useState<string[]>([]);
  const list = useDvcqgSyncList(province, state, reason);
  const bulk = useDvcqgBulk();
  useEffect(() => {
    document.title = `${t('dvcqg.monitorTitle')} — motcua`;
  }, [t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter clears the choice.
  useEffect(() => setSelected([]), [state, reason]);
  const data = monitor.data;

  const chartOption = useMemo(
    () =>
      data
        ? {
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            // Accepted green, failed orange, rejected red, the delay blue.
            color: ['#389e0d', '#d46b08', '#cf1322', '#1677ff'],
            grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: data.throughput.map((b) => b.hour.slice(11, 16)) },
            yAxis: [
              { type: 'value', minInterval: 1 },
              { type: 'value', minInterval: 1, splitLine: { show: false } },
            ],
            series: [
              {
                name: t('dvcqg.seriesAccepted'),
                type: 'bar',
                stack: 'attempts',
                data: data.throughput.map((b) => b.accepted),
              },
              {
                name: t('dvcqg.seriesFailed'),
                type: 'bar',
                stack: 'attempts',
                data: data.throughput.map((b) => b.failed),
              },
              {
                name: t('dvcqg.seriesRejected'),
                type: 'bar',
                stack: 'attempts',
                data: data.throughput.map((b) => b.rejected),
              },
              {
                name: t('dvcqg.seriesDelay'),
                type: 'line',
                yAxisIndex: 1,
                data: data.throughput.map((b) =>
                  b.maxDelaySeconds === null ? null : Math.round(b.maxDelaySeconds / 60),
                ),
              },
            ],
          }
        : {},
    [data, t],
  );

  if (monitor.isPending) {
    return <PageLoading />;
  }
  if (monitor.isError || !data) {
    return <ErrorAlert error={monitor.error} />;
  }

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const reasons = [...new Set(data.failures.last7d.map((r) => r.errorCode).filter((code) => code !== ''))];
  const runBulk = (input: Omit<DvcqgBulkInput, 'province' | 'limit'>) =>
    bulk.mutate(
      { province, limit: 100, ...input },
      {
        onSuccess: (result) => {
          void message.success(
            `${t('dvcqg.bulkDone', { changed: result.changed, matched: result.matched })}${result.more ? ` ${t('dvcqg.bulkMore')}` : ''}`,
          );
          setSelected([]);
        },
      },
    );
  const stateLabel = (value: DvcqgListState) =>
    value === 'parked'
      ? t('dvcqg.stateParked')
      : value === 'failing'
        ? t('dvcqg.stateFailing')
        : t('dvcqg.statePending');
  const canRetry = state !== 'pending';

  const columns = [
    {
      title: t('dvcqg.code'),
      key: 'code',
      render: (_: unknown, row: DvcqgSyncItem) => <Link to={`/can-bo/ho-so/${row.code}`}>{row.code}</Link>,
    },
    { title: t('dvcqg.procedure'), dataIndex: 'procedureName', key: 'procedure' },
    {
      title: t('dvcqg.progress'),
      key: 'progress',
      render: (_: unknown, row: DvcqgSyncItem) => `${row.deliveredSeq}/${row.targetSeq}`,
    },
    { title: t('dvcqg.attempts'), dataIndex: 'attempts', key: 'attempts', align: 'right' as const },
    { title: t('dvcqg.since'), key: 'since', render: (_: unknown, row: DvcqgSyncItem) => instantVi(row.pendingSince) },
    {
      title: t('dvcqg.lastError'),
      key: 'error',
      render: (_: unknown, row: DvcqgSyncItem) =>
        row.lastErrorCode ? `${row.lastErrorCode}: ${row.lastErrorMessage ?? ''}` : '—',
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="dvcqg-monitor">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('dvcqg.monitorTitle')}
        </Title>
        <Link to="/can-bo/tich-hop/cai-dat">{t('dvcqg.toSettings')} →</Link>
      </Flex>
      <p style={{ margin: 0 }}>{t('dvcqg.monitorIntro')}</p>
      {data.enabled ? null : <Callout type="info" title={t('dvcqg.syncOff')} />}
      {data.alert.active ? (
        <Callout
          type="warning"
          title={t('dvcqg.alert', { lag: data.lagMinutes, threshold: data.alert.thresholdMinutes })}
        />
      ) : null}
      <Text type="secondary">{t('dvcqg.asOf', { at: instantVi(data.asOf) })}</Text>
      <Flex gap={12} wrap data-testid="dvcqg-figures">
        <Figure label={t('dvcqg.pending')} value={String(data.pending)} />
        <Figure label={t('dvcqg.failing')} value={String(data.failing)} danger={data.failing > 0} />
        <Figure label={t('dvcqg.parked')} value={String(data.parked)} danger={data.parked > 0} />
        <Figure
          label={t('dvcqg.lag')}
          value={t('dvcqg.minutes', { count: data.lagMinutes })}
          danger={data.alert.active}
        />
      </Flex>
      {data.alert.active ? null : (
        <Text type="secondary">{t('dvcqg.alertOk', { threshold: data.alert.thresholdMinutes })}</Text>
      )}
      <Panel title={t('dvcqg.chartLabel')}>
        <Text>{t('dvcqg.last24h', data.last24h)}</Text>
        <EChart option={chartOption} label={t('dvcqg.chartLabel')} height={narrow ? 260 : 320} />
      </Panel>
      <Panel
        title={t('dvcqg.failuresTitle')}
        extra={
          <Segmented
            size="small"
            value={period}
            onChange={(value) => setPeriod(value as 'last24h' | 'last7d')}
            options={[
              { label: t('dvcqg.period24h'), value: 'last24h' },
              { label: t('dvcqg.period7d'), value: 'last7d' },
            ]}
          />
        }
      >
        <FailuresTable rows={data.failures[period]} />
        <div style={{ marginTop: 12 }}>
          <Button href={dvcqgFailuresUrl(province)}>{t('dvcqg.downloadXlsx')}</Button>
        </div>
      </Panel>
      <Panel title={t('dvcqg.listTitle')}>
        <Flex vertical gap={12}>
          <Flex gap={8} wrap align="center">
            <Segmented
              value={state}
              onChange={(value) => setState(value as DvcqgListState)}
              options={(['parked', 'failing', 'pending'] as const).map((value) => ({
                label: stateLabel(value),
                value,
              }))}
            />
            <LazySelect
              allowClear
              aria-label={t('dvcqg.reason')}
              placeholder={t('dvcqg.allReasons')}
              style={{ minWidth: 180 }}
              value={reason}
              onChange={(value) => setReason((value as string | undefined) ?? undefined)}
              options={reasons.map((code) => ({ label: code, value: code }))}
            />
          </Flex>
          {data.canManage ? (
            <Flex gap={8} wrap>
              {selected.length > 0 ? (
                <>
                  {canRetry ? (
                    <Button loading={bulk.isPending} onClick={() => runBulk({ action: 'retry', dossierIds: selected })}>
                      {t('dvcqg.retrySelected')} ({selected.length})
                    </Button>
                  ) : null}
                  <Button loading={bulk.isPending} onClick={() => runBulk({ action: 'resend', dossierIds: selected })}>
                    {t('dvcqg.resendSelected')} ({selected.length})
                  </Button>
                </>
              ) : (
                <>
                  {canRetry ? (
                    <Button
                      loading={bulk.isPending}
                      onClick={() => runBulk({ action: 'retry', state, ...(reason ? { reason } : {}) })}
                    >
                      {t('dvcqg.retryAll')}
                    </Button>
                  ) : null}
                  <Button
                    loading={bulk.isPending}
                    disabled={!data.enabled}
                    onClick={() => runBulk({ action: 'resend', state, ...(reason ? { reason } : {}) })}
                  >
                    {t('dvcqg.resendAll')}
                  </Button>
                </>
              )}
            </Flex>
          ) : null}
          {bulk.isError ? <ErrorAlert error={bulk.error} /> : null}
          {list.isError ? <ErrorAlert error={list.error} /> : null}
          {narrow ? (
            <Flex vertical gap={8} data-testid="dvcqg-list">
              {items.length === 0 && !list.isPending ? <Text>{t('dvcqg.empty')}</Text> : null}
              {items.map((row) => (
                <div key={row.dossierId} style={{ border: '1px solid #eee', borderRadius: 6, padding: 10 }}>
                  <Link to={`/can-bo/ho-so/${row.code}`}>{row.code}</Link>
                  <div>{row.procedureName}</div>
                  <div>
                    <Tag>{stateLabel(row.state)}</Tag> {row.deliveredSeq}/{row.targetSeq} · {row.attempts} ·{' '}
                    {instantVi(row.pendingSince)}
                  </div>
                  {row.lastErrorCode ? (
                    <Text type="danger">
                      {row.lastErrorCode}: {row.lastErrorMessage}
                    </Text>
                  ) : null}
                </div>
              ))}
            </Flex>
          ) : (
            <LazyTable<DvcqgSyncItem>
              data-testid="dvcqg-list"
              rowKey="dossierId"
              size="small"
              loading={list.isPending}
              dataSource={items}
              columns={columns}
              pagination={false}
              locale={{ emptyText: t('dvcqg.empty') }}
              {...(data.canManage
                ? {
                    rowSelection: {
                      selectedRowKeys: selected,
                      onChange: (keys: React.Key[]) => setSelected(keys.map(String)),
                    },
                  }
                : {})}
            />
          )}
          <LoadMoreButton pages={list} label={t('dvcqg.more')} />
        </Flex>
      </Panel>
    </Flex>
  );
};
