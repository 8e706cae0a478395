import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Flex, Row, Segmented, Space, Statistic } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyDragger, LazyProgress, LazyTable } from '../../components/lazyAntd';
import { Panel } from '../../components/Panel';
import { SoftTag, type Tone } from '../../components/SoftTag';
import { Paragraph, Text, Title } from '../../components/typography';
import { formatBytes } from '../../lib/files';
import '../../i18n/reports';
import { hasRole, useMe } from '../auth/useMe';
import { formatCount, formatDateTime } from './format';
import {
  fetchImport,
  fetchImports,
  IMPORT_ACCEPT,
  type ImportReport,
  type ImportRow,
  type ImportRun,
  type ImportStatus,
  startImport,
} from './imports-api';

type Lang = 'vi' | 'en';
type Outcome = 'rejected' | 'imported';

const ROWS_PER_PAGE = 20;

const STATUS_TONE: Record<ImportStatus, Tone> = {
  queued: 'neutral',
  running: 'info',
  completed: 'success',
  failed: 'danger',
};

/** Queued (waiting for a server's worker) or running: the page keeps asking for its progress. */
const isUnderway = (status: ImportStatus | undefined) => status === 'queued' || status === 'running';

/** How far the run is: the share of the file read while it runs (never 100 before it has finished). */
const percentOf = (run: ImportRun): number => {
  if (run.status === 'completed') {
    return 100;
  }
  const { fileBytes, bytesRead } = run.totals;
  if (!fileBytes || bytesRead === null) {
    return 0;
  }
  return Math.min(99, Math.floor((bytesRead / fileBytes) * 100));
};

const StatusTag = ({ status }: { status: ImportStatus }) => {
  const { t } = useTranslation();
  return (
    <span data-testid="import-status" data-status={status}>
      <SoftTag tone={STATUS_TONE[status]}>{t(`reportImport.status_${status}`)}</SoftTag>
    </span>
  );
};

/** The run's progress bar and figures, then its totals by issue once it has finished. */
const RunProgress = ({ run, lang }: { run: ImportRun; lang: Lang }) => {
  const { t } = useTranslation();
  const { totals } = run;
  const figures = [
    { key: 'rows', title: t('reportImport.rowsRead'), value: totals.rows },
    { key: 'imported', title: t('reportImport.imported'), value: totals.imported },
    { key: 'rejected', title: t('reportImport.rejected'), value: totals.rejected },
    { key: 'warnings', title: t('reportImport.warnings'), value: totals.warnings },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Text strong style={{ overflowWrap: 'anywhere' }}>
          {run.fileName ?? '—'}
        </Text>
        <StatusTag status={run.status} />
      </Flex>
      <LazyProgress
        percent={percentOf(run)}
        status={run.status === 'failed' ? 'exception' : isUnderway(run.status) ? 'active' : 'success'}
        aria-label={t('reportImport.progressTitle')}
      />
      {run.totals.fileBytes ? (
        <Text type="secondary">
          {t('reportImport.readSoFar', {
            read: formatBytes(run.totals.bytesRead ?? 0, lang),
            total: formatBytes(run.totals.fileBytes, lang),
          })}
        </Text>
      ) : null}
      <Row gutter={[12, 12]}>
        {figures.map((figure) => (
          <Col key={figure.key} xs={12} md={6}>
            <div data-testid={`import-${figure.key}`}>
              <Statistic title={figure.title} value={formatCount(figure.value)} />
            </div>
          </Col>
        ))}
      </Row>
      {totals.replaced > 0 ? (
        <Text type="secondary">{t('reportImport.replaced', { count: totals.replaced })}</Text>
      ) : null}
      <Text type="secondary">
        {[
          t('reportImport.startedAt', { time: formatDateTime(run.startedAt) }),
          run.finishedAt ? t('reportImport.finishedAt', { time: formatDateTime(run.finishedAt) }) : null,
          t('reportImport.by', { name: run.startedBy ?? t('reportImport.fromCli') }),
        ]
          .filter(Boolean)
          .join('; ')}
        .
      </Text>
      {run.failure ? <Alert type="error" showIcon title={run.failure[lang]} /> : null}
      {totals.issues.length > 0 ? (
        <div>
          <Text strong>{t('reportImport.issues')}</Text>
          <Flex wrap gap={6} style={{ marginTop: 6 }} data-testid="import-issues">
            {totals.issues.map((issue) => (
              <SoftTag key={`${issue.severity}:${issue.code}`} tone={issue.severity === 'error' ? 'danger' : 'warning'}>
                {issue.label[lang]} × {formatCount(issue.count)}
              </SoftTag>
            ))}
          </Flex>
        </div>
      ) : null}
      {totals.unknownAgencies.length > 0 ? (
        <Paragraph type="secondary" style={{ margin: 0 }}>
          {t('reportImport.unknownAgencies', { codes: totals.unknownAgencies.slice(0, 20).join(', ') })}
        </Paragraph>
      ) : null}
      {run.status === 'completed' ? (
        <Link to="/can-bo/bao-cao">
          <Button type="primary">{t('reportImport.viewReports')}</Button>
        </Link>
      ) : null}
    </Space>
  );
};

/**
 * Importing historical dossiers (the province administrator): choose a file, upload it (with its
 * upload progress), then follow the run — the share of the file read, rows read, imported and
 * rejected, refreshed every second — and read the rejected rows with their reasons, page by page.
 * Earlier runs are listed below; the run shown is in the address (?id=…), so a reload keeps it.
 */
export const ReportImportPage = () => {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const me = useMe().data;
  const allowed = hasRole(me, 'province_admin');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('id') ?? undefined;

  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome>('rejected');
  // The row pages read so far (a keyset stack), for this run and kind of row only.
  const pagingKey = `${id ?? ''}:${outcome}`;
  const [paging, setPaging] = useState<{ key: string; stack: number[] }>({ key: pagingKey, stack: [0] });
  const afterRows = paging.key === pagingKey ? paging.stack : [0];
  const setAfterRows = (next: (stack: number[]) => number[]) => setPaging({ key: pagingKey, stack: next(afterRows) });
  const [historyCursors, setHistoryCursors] = useState<(string | undefined)[]>([undefined]);

  useEffect(() => {
    document.title = `${t('reportImport.title')} — ${t('app.shortName')}`;
  }, [t]);

  const afterRow = afterRows[afterRows.length - 1] ?? 0;
  const run = useQuery({
    queryKey: ['reports', 'import', id, outcome, afterRow],
    queryFn: ({ signal }) => fetchImport(id ?? '', { outcome, afterRow, limit: ROWS_PER_PAGE }, signal),
    enabled: id !== undefined && allowed,
    placeholderData: keepPreviousData,
    // While it waits or runs: its progress every second.
    refetchInterval: (query) => (isUnderway(query.state.data?.status) ? 1000 : false),
  });
  const report: ImportReport | undefined = run.data?.id === id ? run.data : undefined;

  const history = useQuery({
    queryKey: ['reports', 'imports', historyCursors[historyCursors.length - 1]],
    queryFn: ({ signal }) => fetchImports(historyCursors[historyCursors.length - 1], signal),
    enabled: allowed,
    placeholderData: keepPreviousData,
  });

  // When a run finishes, the reports and the list of runs change with it. A small file can be done
  // before the page first asks: a run first seen finished counts too (else the dashboard could show
  // its cached figures from before the import).
  const lastStatus = useRef<string | undefined>(undefined);
  useEffect(() => {
    const status = report?.status;
    if (status && !isUnderway(status) && lastStatus.current !== status) {
      void queryClient.invalidateQueries({ queryKey: ['reports'], predicate: (q) => q.queryKey[1] !== 'import' });
    }
    lastStatus.current = status;
  }, [report?.status, queryClient]);

  const send = async () => {
    if (!file) {
      return;
    }
    setUploadError(null);
    setUploading(0);
    try {
      const started = await startImport(file, (fraction) => setUploading(fraction));
      setFile(null);
      setOutcome('rejected');
      setHistoryCursors([undefined]);
      setParams({ id: started.id });
      void queryClient.invalidateQueries({ queryKey: ['reports', 'imports'] });
    } catch (error) {
      setUploadError(error);
    } finally {
      setUploading(null);
    }
  };

  const rowColumns: ColumnsType<ImportRow> = [
    { title: t('reportImport.rowNo'), dataIndex: 'rowNo', key: 'rowNo', width: 80, align: 'right' },
    {
      title: t('reportImport.code'),
      dataIndex: 'code',
      key: 'code',
      width: 220,
      render: (code: string | null) => <span style={{ overflowWrap: 'anywhere' }}>{code ?? '—'}</span>,
    },
    {
      title: t('reportImport.reasons'),
      key: 'reasons',
      render: (_, row) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {[...row.issues]
            .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
            .map((issue) => (
              <li key={`${issue.field}:${issue.code}`}>
                <Text type={issue.severity === 'error' ? 'danger' : 'warning'}>{issue.message[lang]}</Text>
              </li>
            ))}
        </ul>
      ),
    },
  ];

  const historyColumns: ColumnsType<ImportRun> = [
    {
      title: t('reportImport.time'),
      dataIndex: 'startedAt',
      key: 'time',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('reportImport.file'),
      dataIndex: 'fileName',
      key: 'file',
      ellipsis: true,
      render: (value: string | null) => value ?? '—',
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      key: 'status',
      width: 140,
      render: (status: ImportStatus) => <StatusTag status={status} />,
    },
    {
      title: t('reportImport.rowsRead'),
      key: 'rows',
      width: 120,
      align: 'right',
      render: (_, r) => formatCount(r.totals.rows),
    },
    {
      title: t('reportImport.imported'),
      key: 'imported',
      width: 110,
      align: 'right',
      render: (_, r) => formatCount(r.totals.imported),
    },
    {
      title: t('reportImport.rejected'),
      key: 'rejected',
      width: 100,
      align: 'right',
      render: (_, r) => formatCount(r.totals.rejected),
    },
    {
      title: t('common.actions'),
      key: 'open',
      width: 90,
      render: (_, r) =>
        r.id === id ? null : (
          <Button size="small" onClick={() => setParams({ id: r.id })}>
            {t('reportImport.open')}
          </Button>
        ),
    },
  ];

  const header = (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('reportImport.title')}
      </Title>
      <Link to="/can-bo/bao-cao">
        <Button icon={<ArrowLeftOutlined />}>{t('reportImport.back')}</Button>
      </Link>
    </Flex>
  );

  if (me && !allowed) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {header}
        <Alert type="warning" showIcon title={t('reportImport.notAllowed')} />
      </Space>
    );
  }

  const page = afterRows.length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {header}
      <Paragraph style={{ margin: 0, maxWidth: 900 }}>{t('reportImport.intro')}</Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Panel bodyStyle={{ padding: 12 }} title={t('reportImport.fileTitle')}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {me?.provinceCode ? <Text>{t('reportImport.province', { code: me.provinceCode })}</Text> : null}
              <LazyDragger
                accept={IMPORT_ACCEPT}
                multiple={false}
                maxCount={1}
                disabled={uploading !== null}
                fileList={
                  file
                    ? [{ uid: 'import-file', name: `${file.name} (${formatBytes(file.size, lang)})`, status: 'done' }]
                    : []
                }
                beforeUpload={(chosen) => {
                  setFile(chosen);
                  setUploadError(null);
                  return false;
                }}
                onRemove={() => {
                  setFile(null);
                  return true;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('reportImport.choose')}</p>
                <p className="ant-upload-hint">{t('reportImport.accepted')}</p>
              </LazyDragger>
              <Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                {t('reportImport.formatHelp')}
              </Paragraph>
              {uploading !== null ? (
                <div>
                  <Text type="secondary">{t('reportImport.uploading')}</Text>
                  <LazyProgress percent={Math.round(uploading * 100)} status="active" />
                </div>
              ) : null}
              <ErrorAlert error={uploadError} />
              <Button
                type="primary"
                onClick={() => void send()}
                disabled={!file || uploading !== null}
                loading={uploading !== null}
              >
                {t('reportImport.start')}
              </Button>
            </Space>
          </Panel>
        </Col>
        <Col xs={24} xl={14}>
          <Panel bodyStyle={{ padding: 12 }} title={t('reportImport.progressTitle')} data-testid="import-progress">
            {run.error ? <ErrorAlert error={run.error} onRetry={() => void run.refetch()} /> : null}
            {report ? (
              <RunProgress run={report} lang={lang} />
            ) : (
              <Empty description={t('common.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Panel>
        </Col>
      </Row>
      {report ? (
        <Panel
          bodyStyle={{ padding: 12 }}
          title={t('reportImport.rowsTitle')}
          extra={
            <Segmented<Outcome>
              aria-label={t('reportImport.rowsTitle')}
              // One Tab stop (the chosen option), not two: antd also makes the group itself focusable.
              tabIndex={-1}
              value={outcome}
              onChange={setOutcome}
              options={[
                { value: 'rejected', label: t('reportImport.outcome_rejected') },
                { value: 'imported', label: t('reportImport.outcome_imported') },
              ]}
            />
          }
        >
          <LazyTable<ImportRow>
            size="small"
            rowKey="rowNo"
            columns={rowColumns}
            dataSource={report.rows}
            loading={run.isFetching && run.isPlaceholderData}
            pagination={false}
            locale={{
              emptyText: <Empty description={t('reportImport.noRows')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
            }}
            data-testid="import-rows"
          />
          {page > 1 || report.nextAfterRow !== null ? (
            <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 12 }}>
              <Button disabled={page <= 1} onClick={() => setAfterRows((stack) => stack.slice(0, -1))}>
                {t('reportImport.previousPage')}
              </Button>
              <Text>{t('reportImport.page', { page })}</Text>
              <Button
                disabled={report.nextAfterRow === null}
                onClick={() => {
                  const next = report.nextAfterRow;
                  if (next !== null) {
                    setAfterRows((stack) => [...stack, next]);
                  }
                }}
              >
                {t('reportImport.nextPage')}
              </Button>
            </Flex>
          ) : null}
        </Panel>
      ) : null}
      <Panel bodyStyle={{ padding: 12 }} title={t('reportImport.history')}>
        {history.error ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
        <LazyTable<ImportRun>
          size="small"
          rowKey="id"
          columns={historyColumns}
          dataSource={history.data?.items ?? []}
          loading={history.isFetching}
          pagination={false}
          scroll={{ x: 860 }}
          rowClassName={(r) => (r.id === id ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: <Empty description={t('common.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        />
        {historyCursors.length > 1 || history.data?.nextCursor ? (
          <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }}>
            <Button
              disabled={historyCursors.length <= 1}
              onClick={() => setHistoryCursors((stack) => stack.slice(0, -1))}
            >
              {t('reportImport.previousPage')}
            </Button>
            <Button
              disabled={!history.data?.nextCursor}
              onClick={() => {
                const next = history.data?.nextCursor;
                if (next) {
                  setHistoryCursors((stack) => [...stack, next]);
                }
              }}
            >
              {t('reportImport.nextPage')}
            </Button>
          </Flex>
        ) : null}
      </Panel>
    </Space>
  );
};
