import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import TextArea from 'antd/es/input/TextArea';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import '../../i18n/work-files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDate, formatDateTime } from '../../lib/format';
import {
  useMoveWorkFileItem,
  useRemoveWorkFileItem,
  useWorkFile,
  useWorkFileAction,
  type WorkFileAction,
  type WorkFileDetail,
  workFileExportUrl,
  workFileItemFileUrl,
} from './useWorkFiles';

// Adding (antd Select, the upload) loads with an open file only: the page's first load stays within the budget.
const AddItems = lazy(() => import('./AddItems').then((m) => ({ default: m.AddItems })));

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div
    style={{ display: 'grid', gridTemplateColumns: 'min(38%, 180px) 1fr', columnGap: 16, rowGap: 4, padding: '4px 0' }}
  >
    <Text type="secondary">{label}</Text>
    <div>{children}</div>
  </div>
);

/** Close, reopen with a reason, hand to the archive. */
const Steps = ({ file }: { file: WorkFileDetail }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const change = useWorkFileAction(file.id);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  if (file.actions.length === 0) {
    return null;
  }
  const run = (action: WorkFileAction) => {
    setDone(false);
    change.mutate(
      { action, expectedVersion: file.version, ...(action === 'reopen' ? { reason: reason.trim() } : {}) },
      { onSuccess: () => setDone(true) },
    );
  };
  return (
    <Panel title={t('workFiles.steps')} level={2}>
      <Flex vertical gap={8}>
        {file.actions.some((a) => a.action === 'reopen') ? (
          <>
            <label htmlFor="work-file-reason">{t('workFiles.reason')}</label>
            <TextArea id="work-file-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </>
        ) : null}
        <Flex gap={8} wrap>
          {file.actions.map((a) => (
            <Button
              key={a.action}
              type={a.action === 'reopen' ? 'default' : 'primary'}
              disabled={a.action === 'reopen' && !reason.trim()}
              loading={change.isPending && change.variables?.action === a.action}
              onClick={() => run(a.action)}
            >
              {a.label[language]}
            </Button>
          ))}
        </Flex>
        {change.isError ? <ErrorAlert error={change.error} /> : null}
        {done ? <p role="status">{t('workFiles.done')}</p> : null}
      </Flex>
    </Panel>
  );
};

/** One work file: its cover data, its items in order, adding to it, its steps, the export, its history. */
export const WorkFilePage = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const { id = '' } = useParams();
  const query = useWorkFile(id);
  const remove = useRemoveWorkFileItem(id);
  const move = useMoveWorkFileItem(id);
  const file = query.data;
  useEffect(() => {
    document.title = `${file?.code ?? t('workFiles.title')} — motcua`;
  }, [t, file?.code]);
  if (query.isPending) {
    return <PageLoading />;
  }
  if (query.isError || !file) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" gap={8} wrap>
        <Title level={1} style={{ fontSize: 24 }}>
          {file.code}
        </Title>
        <Flex gap={4} wrap>
          {file.confidential ? <SoftTag tone="warning">{t('workFiles.confidentialTag')}</SoftTag> : null}
          <SoftTag>{file.statusLabel[language]}</SoftTag>
        </Flex>
      </Flex>
      <Panel title={file.title} level={2}>
        <Row label={t('workFiles.unit')}>{file.agencyName}</Row>
        <Row label={t('workFiles.owner')}>{file.ownerName}</Row>
        {file.fileListEntry ? (
          <Row label={t('workFiles.entry')}>
            {file.fileListEntry.code} — {file.fileListEntry.title}
          </Row>
        ) : null}
        <Row label={t('workFiles.retention')}>{file.retentionLabel}</Row>
        <Row label={t('workFiles.openedAt')}>{formatDate(file.openedAt)}</Row>
        {file.closedAt ? <Row label={t('workFiles.closedAt')}>{formatDate(file.closedAt)}</Row> : null}
        {file.archiveDueOn ? (
          <Row label={t('workFiles.archiveDue')}>
            <span style={{ color: file.archiveOverdue ? '#b42318' : undefined }}>
              {formatDate(file.archiveDueOn)}
              {file.archiveOverdue ? ` — ${t('workFiles.archiveOverdue')}` : ''}
            </span>
          </Row>
        ) : null}
        {file.archivedAt ? <Row label={t('workFiles.archivedAt')}>{formatDate(file.archivedAt)}</Row> : null}
      </Panel>
      <Panel title={t('workFiles.items')} level={2}>
        {file.items.length === 0 ? <Text type="secondary">{t('workFiles.noItems')}</Text> : null}
        <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="work-file-items">
          {file.items.map((item, index) => (
            <li key={item.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex justify="space-between" gap={8} wrap>
                <div style={{ minWidth: 0 }}>
                  <SoftTag>{item.kindLabel[language]}</SoftTag>{' '}
                  {item.numberSymbol ? <strong>{item.numberSymbol} </strong> : null}
                  {item.title ?? ''}
                  {item.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{item.note}</div> : null}
                  <Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                    {item.addedByName} · {formatDateTime(item.addedAt)}
                  </Text>
                </div>
                <Flex gap={4} wrap>
                  {item.attachment ? (
                    <Button size="small" href={workFileItemFileUrl(file.id, item.id)} target="_blank">
                      {t('workFiles.download')}
                    </Button>
                  ) : null}
                  {file.canEditItems && index > 0 ? (
                    <Button
                      size="small"
                      aria-label={t('workFiles.moveUp')}
                      onClick={() => move.mutate({ itemId: item.id, position: index, expectedVersion: file.version })}
                    >
                      ↑
                    </Button>
                  ) : null}
                  {file.canEditItems ? (
                    <Button
                      size="small"
                      onClick={() => remove.mutate({ itemId: item.id, expectedVersion: file.version })}
                    >
                      {t('workFiles.remove')}
                    </Button>
                  ) : null}
                </Flex>
              </Flex>
            </li>
          ))}
        </ol>
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        {move.isError ? <ErrorAlert error={move.error} /> : null}
      </Panel>
      {file.canEditItems ? (
        <Suspense fallback={<PageLoading />}>
          <AddItems file={file} />
        </Suspense>
      ) : null}
      <Steps file={file} />
      {file.canExport ? (
        <Panel title={t('workFiles.export')} level={2}>
          <Text type="secondary">{t('workFiles.exportHint')}</Text>
          <div style={{ marginTop: 8 }}>
            <Button icon={<DownloadOutlined aria-hidden />} href={workFileExportUrl(file.id)}>
              {t('workFiles.export')}
            </Button>
          </div>
        </Panel>
      ) : null}
      <Panel title={t('workFiles.history')} level={2}>
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {file.events.map((event) => (
            <li key={event.seq} style={{ padding: '2px 0' }}>
              <strong>{t(`workFiles.event_${event.action}`, event.action)}</strong> · {formatDateTime(event.at)}
              {event.note ? <div>{event.note}</div> : null}
            </li>
          ))}
        </ol>
      </Panel>
    </Flex>
  );
};
