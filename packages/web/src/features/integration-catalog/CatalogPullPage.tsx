import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Flex, Row, Space, Statistic } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyTable } from '../../components/lazyAntd';
import { Panel } from '../../components/Panel';
import { SoftTag, type Tone } from '../../components/SoftTag';
import { Paragraph, Text, Title } from '../../components/typography';
import '../../i18n/integration-catalog';
import { hasRole, useMe } from '../auth/useMe';
import { formatCount, formatDateTime } from '../reports/format';
import {
  type CatalogPullChange,
  type CatalogPullRun,
  type CatalogPullState,
  fetchCatalogPull,
  fetchCatalogPulls,
  startCatalogPull,
} from './catalog-pulls-api';

const STATE_TONE: Record<CatalogPullState, Tone> = { running: 'info', completed: 'success', failed: 'danger' };
const KIND_TONE: Record<CatalogPullChange['kind'], Tone> = {
  created: 'success',
  updated: 'info',
  abolished: 'warning',
  failed: 'danger',
};

const StateTag = ({ state }: { state: CatalogPullState }) => {
  const { t } = useTranslation();
  return (
    <span data-testid="catalog-pull-state" data-state={state}>
      <SoftTag tone={STATE_TONE[state]}>{t(`catalogPull.state_${state}`)}</SoftTag>
    </span>
  );
};

/** A pull's figures and its list of changes: which procedures were created, updated (which fields), abolished. */
const RunReport = ({ run }: { run: CatalogPullRun }) => {
  const { t } = useTranslation();
  const { summary } = run;
  const figures = (['listed', 'fetched', 'created', 'updated', 'unchanged', 'abolished', 'failed'] as const).map(
    (key) => ({ key, value: summary[key] }),
  );
  const describe = (change: CatalogPullChange): string => {
    if (change.kind === 'updated') {
      const fields = (change.fields ?? []).map((field) => t(`catalogPull.field_${field}`, { defaultValue: field }));
      return t('catalogPull.fieldsChanged', { fields: fields.join(', ') || '—' });
    }
    if (change.kind === 'abolished') {
      return change.inCatalog ? t('catalogPull.inCatalog') : t('catalogPull.notInCatalog');
    }
    return change.reason ?? '';
  };
  const columns: ColumnsType<CatalogPullChange> = [
    { title: t('catalogPull.code'), dataIndex: 'code', key: 'code', width: 110 },
    {
      title: t('catalogPull.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string | null) => <span style={{ overflowWrap: 'anywhere' }}>{name ?? '—'}</span>,
    },
    {
      title: t('catalogPull.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 120,
      render: (kind: CatalogPullChange['kind']) => <SoftTag tone={KIND_TONE[kind]}>{t(`catalogPull.${kind}`)}</SoftTag>,
    },
    {
      title: t('catalogPull.detail'),
      key: 'detail',
      render: (_, change) => <span style={{ overflowWrap: 'anywhere' }}>{describe(change)}</span>,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Text>
          {formatDateTime(run.startedAt)} · {t(`catalogPull.trigger_${run.trigger}`)} ·{' '}
          {run.requestedBy ?? t('catalogPull.bySchedule')}
        </Text>
        <StateTag state={run.state} />
      </Flex>
      <Row gutter={[12, 12]}>
        {figures.map((figure) => (
          <Col key={figure.key} xs={12} md={6} xl={3}>
            <div data-testid={`catalog-pull-${figure.key}`}>
              <Statistic title={t(`catalogPull.${figure.key}`)} value={formatCount(figure.value)} />
            </div>
          </Col>
        ))}
      </Row>
      {run.failure ? <Alert type="error" showIcon title={t('catalogPull.failure', { reason: run.failure })} /> : null}
      <div>
        <Text strong>{t('catalogPull.changes')}</Text>
        {summary.changes.length === 0 ? (
          <Paragraph type="secondary" style={{ margin: 0 }}>
            {t('catalogPull.noChanges')}
          </Paragraph>
        ) : (
          <LazyTable<CatalogPullChange>
            size="small"
            rowKey={(change) => `${change.kind}:${change.code}`}
            columns={columns}
            dataSource={summary.changes}
            pagination={summary.changes.length > 20 ? { pageSize: 20 } : false}
            data-testid="catalog-pull-changes"
          />
        )}
      </div>
    </Space>
  );
};

/**
 * The national catalog pull (the province administrator): pull now, follow the running pull (refreshed every
 * second), read a pull's report of what changed, list the earlier pulls. The pull shown is in the address (?id=…).
 */
export const CatalogPullPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const allowed = hasRole(me, 'province_admin');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('id') ?? undefined;
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);

  useEffect(() => {
    document.title = `${t('catalogPull.title')} — ${t('app.shortName')}`;
  }, [t]);

  const run = useQuery({
    queryKey: ['integration', 'catalog-pull', id],
    queryFn: ({ signal }) => fetchCatalogPull(id ?? '', signal),
    enabled: id !== undefined && allowed,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false),
  });
  const shown = run.data?.id === id ? run.data : undefined;

  const cursor = cursors[cursors.length - 1];
  const history = useQuery({
    queryKey: ['integration', 'catalog-pulls', cursor, shown?.state],
    queryFn: ({ signal }) => fetchCatalogPulls(cursor, signal),
    enabled: allowed,
    placeholderData: keepPreviousData,
  });

  const pull = useMutation({
    mutationFn: startCatalogPull,
    onSuccess: (started) => {
      setCursors([undefined]);
      setParams({ id: started.id });
      void queryClient.invalidateQueries({ queryKey: ['integration', 'catalog-pulls'] });
    },
  });

  const columns: ColumnsType<CatalogPullRun> = [
    {
      title: t('catalogPull.time'),
      dataIndex: 'startedAt',
      key: 'time',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('catalogPull.trigger'),
      dataIndex: 'trigger',
      key: 'trigger',
      width: 130,
      render: (trigger: CatalogPullRun['trigger']) => t(`catalogPull.trigger_${trigger}`),
    },
    {
      title: t('catalogPull.state'),
      dataIndex: 'state',
      key: 'state',
      width: 130,
      render: (state: CatalogPullState) => <StateTag state={state} />,
    },
    {
      title: t('catalogPull.created'),
      key: 'created',
      width: 90,
      align: 'right',
      render: (_, r) => formatCount(r.summary.created),
    },
    {
      title: t('catalogPull.updated'),
      key: 'updated',
      width: 90,
      align: 'right',
      render: (_, r) => formatCount(r.summary.updated),
    },
    {
      title: t('catalogPull.abolished'),
      key: 'abolished',
      width: 90,
      align: 'right',
      render: (_, r) => formatCount(r.summary.abolished),
    },
    {
      title: t('common.actions'),
      key: 'open',
      width: 80,
      render: (_, r) =>
        r.id === id ? null : (
          <Button size="small" onClick={() => setParams({ id: r.id })}>
            {t('catalogPull.open')}
          </Button>
        ),
    },
  ];

  const header = (
    <Title level={1} style={{ fontSize: 24, margin: 0 }}>
      {t('catalogPull.title')}
    </Title>
  );
  if (me && !allowed) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {header}
        <Alert type="warning" showIcon title={t('catalogPull.notAllowed')} />
      </Space>
    );
  }

  const nextCursor = history.data?.nextCursor ?? null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        {header}
        <Button
          type="primary"
          onClick={() => pull.mutate()}
          loading={pull.isPending}
          disabled={shown?.state === 'running'}
          data-testid="catalog-pull-now"
        >
          {t('catalogPull.pullNow')}
        </Button>
      </Flex>
      <Paragraph style={{ margin: 0, maxWidth: 900 }}>{t('catalogPull.intro')}</Paragraph>
      <ErrorAlert error={pull.error} />
      <Panel bodyStyle={{ padding: 12 }} title={t('catalogPull.report')} data-testid="catalog-pull-report">
        {run.error ? <ErrorAlert error={run.error} onRetry={() => void run.refetch()} /> : null}
        {shown ? (
          <RunReport run={shown} />
        ) : (
          <Empty description={t('catalogPull.chooseRun')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
        {shown?.catalogImportId ? (
          <Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            <Link to="/can-bo/thu-tuc">{t('nav.catalog')}</Link>
          </Paragraph>
        ) : null}
      </Panel>
      <Panel bodyStyle={{ padding: 12 }} title={t('catalogPull.runs')}>
        {history.error ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
        <LazyTable<CatalogPullRun>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={history.data?.items ?? []}
          loading={history.isFetching && !history.data}
          pagination={false}
          scroll={{ x: 760 }}
        />
        <Flex gap={8} style={{ marginTop: 8 }}>
          {cursors.length > 1 ? (
            <Button size="small" onClick={() => setCursors((stack) => stack.slice(0, -1))}>
              {t('catalogPull.previousPage')}
            </Button>
          ) : null}
          {nextCursor ? (
            <Button size="small" onClick={() => setCursors((stack) => [...stack, nextCursor])}>
              {t('catalogPull.nextPage')}
            </Button>
          ) : null}
        </Flex>
      </Panel>
    </Space>
  );
};
