import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Flex, Row, Space, Statistic } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
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

/** Changes and pulls are short lists (they wrap on a phone, where a table would scroll sideways). */
const LIST: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };
const ITEM: CSSProperties = {
  display: 'grid',
  gap: 4,
  padding: '8px 0',
  borderBottom: '1px solid rgba(0, 0, 0, 0.06)',
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
          <ul style={LIST} data-testid="catalog-pull-changes">
            {summary.changes.map((change) => (
              <li key={`${change.kind}:${change.code}`} style={ITEM}>
                <Flex gap={8} align="center" wrap>
                  <Text strong>{change.code}</Text>
                  <SoftTag tone={KIND_TONE[change.kind]}>{t(`catalogPull.${change.kind}`)}</SoftTag>
                </Flex>
                <div style={{ overflowWrap: 'anywhere' }}>{change.name ?? '—'}</div>
                <Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                  {describe(change)}
                </Text>
              </li>
            ))}
          </ul>
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
        {history.data && history.data.items.length === 0 ? (
          <Empty description={t('common.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : null}
        <ul style={LIST} data-testid="catalog-pull-runs">
          {(history.data?.items ?? []).map((r) => (
            <li key={r.id} style={ITEM}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Flex gap={8} align="center" wrap>
                  <Text strong>{formatDateTime(r.startedAt)}</Text>
                  <Text type="secondary">{t(`catalogPull.trigger_${r.trigger}`)}</Text>
                  <StateTag state={r.state} />
                </Flex>
                {r.id === id ? null : (
                  <Button size="small" onClick={() => setParams({ id: r.id })}>
                    {t('catalogPull.open')}
                  </Button>
                )}
              </Flex>
              <Text type="secondary">
                {t('catalogPull.created')} {formatCount(r.summary.created)} · {t('catalogPull.updated')}{' '}
                {formatCount(r.summary.updated)} · {t('catalogPull.abolished')} {formatCount(r.summary.abolished)} ·{' '}
                {t('catalogPull.failed')} {formatCount(r.summary.failed)}
              </Text>
            </li>
          ))}
        </ul>
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
