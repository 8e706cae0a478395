import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Flex, Timeline } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import '../../i18n/eoffice-incoming';
import { ErrorAlert } from '../../components/ErrorAlert';
import { lazyWidget } from '../../components/lazyWidget';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDate, formatDateTime } from '../../lib/format';
import { hasRole, useMe } from '../auth/useMe';
import { incomingFileUrl, useIncoming } from './useIncoming';

/* Loaded after the page shows, fetched at once (issue 16: a console page's first load ≤ 300 KB gzip). */
const ActionForm = lazyWidget(() => import('./IncomingActionForm').then((m) => ({ default: m.IncomingActionForm })));

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div
    style={{ display: 'grid', gridTemplateColumns: 'min(38%, 180px) 1fr', columnGap: 16, rowGap: 4, padding: '4px 0' }}
  >
    <Text type="secondary">{label}</Text>
    <div>{children}</div>
  </div>
);

/** One incoming document: its register entry, file, units, history and the next step. */
export const IncomingDocumentPage = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const { id = '' } = useParams();
  const query = useIncoming(id);
  const doc = query.data;
  const me = useMe().data;
  useEffect(() => {
    document.title = `${doc?.numberSymbol ?? t('incoming.title')} — motcua`;
  }, [t, doc?.numberSymbol]);
  if (query.isPending) {
    return <PageLoading />;
  }
  if (query.isError || !doc) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Flex vertical gap={16}>
      <Link to="/can-bo/van-ban-den">← {t('incoming.back')}</Link>
      <Title level={1} style={{ fontSize: 22 }}>
        {doc.numberSymbol} — {doc.issuerName}
      </Title>
      <Flex gap={4} wrap>
        <SoftTag tone="info">{doc.statusLabel[language]}</SoftTag>
        {doc.urgency !== 'normal' ? <SoftTag tone="danger">{doc.urgencyLabel[language]}</SoftTag> : null}
        {doc.confidentiality !== 'normal' ? (
          <SoftTag tone="warning">{doc.confidentialityLabel[language]}</SoftTag>
        ) : null}
        {doc.isDemo ? <SoftTag>{t('incoming.demo')}</SoftTag> : null}
      </Flex>
      {doc.confidentiality !== 'normal' ? <Text type="secondary">{t('incoming.confidentialNote')}</Text> : null}
      <Panel title={t('incoming.info')} level={2}>
        <Row label={t('incoming.number')}>
          {doc.incomingNumber}/{doc.year} · {t(`incoming.channel_${doc.channel}`)}
        </Row>
        <Row label={t('incoming.subject')}>{doc.subject}</Row>
        <Row label={t('incoming.documentType')}>{doc.documentTypeLabel[language]}</Row>
        <Row label={t('incoming.issuedOn')}>{formatDate(doc.issuedOn)}</Row>
        {doc.signerName ? <Row label={t('incoming.signerName')}>{doc.signerName}</Row> : null}
        <Row label={t('incoming.receivedAt')}>{formatDateTime(doc.receivedAt)}</Row>
        <Row label={t('incoming.registeredAt')}>
          {formatDateTime(doc.registeredAt)}
          {doc.registeredByName ? ` · ${doc.registeredByName}` : ''} —{' '}
          <span style={{ color: doc.registeredLate ? '#b42318' : undefined }}>
            {doc.registeredLate ? t('incoming.late') : t('incoming.onTime')}
          </span>
        </Row>
        <Row label={t('incoming.registrationDue')}>{formatDateTime(doc.registrationDueAt)}</Row>
        {doc.presentedToName ? (
          <Row label={t('incoming.presentedTo')}>
            {doc.presentedToName} · {formatDateTime(doc.presentedAt)}
          </Row>
        ) : null}
        {doc.directionNote ? (
          <Row label={t('incoming.direction')}>
            {doc.directionNote}
            {doc.directedByName ? ` — ${doc.directedByName}` : ''}
          </Row>
        ) : null}
        {doc.dueOn ? (
          <Row label={t('incoming.due')}>
            <span style={{ color: doc.overdue ? '#b42318' : undefined }}>
              {formatDate(doc.dueOn)}
              {doc.overdue ? ` — ${t('incoming.overdue')}` : ''}
            </span>
          </Row>
        ) : null}
        {doc.returnReason ? <Row label={t('incoming.returnReason')}>{doc.returnReason}</Row> : null}
        <div style={{ marginTop: 8 }}>
          {doc.hasFile ? (
            <Button icon={<FilePdfOutlined aria-hidden />} href={incomingFileUrl(doc.id)} target="_blank">
              {t('incoming.file')}
            </Button>
          ) : (
            <Text type="secondary">{t('incoming.noFile')}</Text>
          )}
        </div>
      </Panel>
      {doc.units.length > 0 ? (
        <Panel title={t('incoming.units')} level={2}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {doc.units.map((unit) => (
              <li key={unit.unitId}>
                <strong>{unit.unitName}</strong> — {t(`incoming.role_${unit.role}`)} ·{' '}
                {t(`incoming.unitStatus_${unit.status}`)}
                {unit.assigneeName ? ` · ${unit.assigneeName}` : ''}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {hasRole(me, 'agency_head', 'unit_head') ? (
        <Flex gap={8} wrap>
          <Link
            to={`/can-bo/cong-viec/giao-viec?${new URLSearchParams({ 'van-ban-den': doc.id, 'tieu-de': doc.subject.slice(0, 500) })}`}
          >
            <Button>{t('incoming.assignTask')}</Button>
          </Link>
        </Flex>
      ) : null}
      <ActionForm doc={doc} agencyId={doc.agencyId} />
      <Panel title={t('incoming.history')} level={2}>
        <Timeline
          items={doc.events.map((event) => ({
            key: event.seq,
            children: (
              <div>
                <strong>{event.actionLabel[language]}</strong> · {formatDateTime(event.at)}
                {event.actorName ? ` · ${event.actorName}` : ''}
                <div>
                  <Text type="secondary" style={{ fontSize: 13 }}>
                    {event.toStatusLabel?.[language] ?? event.toStatus}
                  </Text>
                </div>
                {event.note ? <div>{event.note}</div> : null}
              </div>
            ),
          }))}
        />
      </Panel>
      {doc.reads.length > 0 ? (
        <Panel title={t('incoming.reads')} level={2}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {doc.reads.map((read) => (
              <li key={read.id}>
                {formatDateTime(read.at)} · {read.fullName} · {t(`incoming.read_${read.what}`)}
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
    </Flex>
  );
};
