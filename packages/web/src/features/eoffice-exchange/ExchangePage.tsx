import { DownloadOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Segmented, Select } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import '../../i18n/exchange';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag, type Tone } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDate, formatDateTime } from '../../lib/format';
import { agenciesWithRole, useMe } from '../auth/useMe';
import {
  type OutgoingExchange,
  packageFileUrl,
  statusFileUrl,
  useExportPackage,
  useImportPackage,
  useImportStatuses,
  useIssuedForExchange,
  useOutgoingExchange,
  useReceivedPackages,
  useSentDeliveries,
} from './useDocumentExchange';

type View = 'outgoing' | 'sent' | 'received';
const VIEWS: View[] = ['outgoing', 'sent', 'received'];

const TONES: Record<string, Tone> = {
  not_sent: 'warning',
  sent: 'info',
  delivered: 'info',
  received: 'success',
  assigned: 'success',
  in_progress: 'success',
  done: 'success',
  refused: 'danger',
  paper: 'neutral',
};

const useLanguage = () => {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
};

const lineStyle = { borderBottom: '1px solid #f0f0f0', padding: '10px 0' } as const;
const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** A button that opens the file chooser; the chosen file goes to `onFile`. */
const FileButton = ({
  label,
  accept,
  loading,
  onFile,
  testId,
}: {
  label: string;
  accept: string;
  loading: boolean;
  onFile: (file: File) => void;
  testId: string;
}) => {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) {
            onFile(file);
          }
        }}
      />
      <Button icon={<UploadOutlined aria-hidden />} loading={loading} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
};

/** The problem of a refused file, with the fields it names (JSON pointers into the package). */
const FileError = ({ error }: { error: unknown }) => {
  const { t } = useTranslation();
  const pointers = isApiError(error) ? [...new Set(error.fieldErrors.map((e) => e.pointer))] : [];
  return (
    <>
      <ErrorAlert error={error} />
      {pointers.length > 0 ? (
        <Text type="secondary" style={{ fontSize: 13 }} data-testid="exchange-invalid-fields">
          {t('exchange.invalidFields')}:{' '}
          {pointers.map((p) => (
            <code key={p}>{p} </code>
          ))}
        </Text>
      ) : null}
    </>
  );
};

/** One recipient of an outgoing document: how it is reached, where it stands, its status messages in order. */
const RecipientLine = ({
  recipient,
  onExport,
  exporting,
}: {
  recipient: OutgoingExchange['recipients'][number];
  onExport: () => void;
  exporting: boolean;
}) => {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li style={lineStyle} data-testid="exchange-recipient">
      <Flex justify="space-between" gap={8} wrap>
        <span style={{ fontWeight: 600 }}>
          {recipient.position}. {recipient.name}
          {recipient.code ? <Text type="secondary"> ({recipient.code})</Text> : null}
        </span>
        <Flex gap={4} wrap>
          <SoftTag>{t(`exchange.channel_${recipient.channel}`)}</SoftTag>
          {recipient.channel !== 'paper' ? (
            <SoftTag tone={TONES[recipient.status] ?? 'neutral'}>{recipient.statusLabel[language]}</SoftTag>
          ) : null}
        </Flex>
      </Flex>
      {recipient.sentAt ? (
        <Text type="secondary" style={{ fontSize: 13 }}>
          {t('exchange.sentAt')} {formatDateTime(recipient.sentAt)}
        </Text>
      ) : null}
      {recipient.channel !== 'paper' ? (
        recipient.messages.length > 0 ? (
          <ol style={{ margin: '6px 0 0', paddingInlineStart: 20 }} data-testid="exchange-timeline">
            {recipient.messages.map((m) => (
              <li key={m.seq}>
                <strong>{m.statusLabel[language]}</strong> — {formatDateTime(m.at)}
                {m.note ? <Text type="secondary"> · {m.note}</Text> : null}
              </li>
            ))}
          </ol>
        ) : (
          <div style={{ fontSize: 13 }}>
            <Text type="secondary">{t('exchange.noMessages')}</Text>
          </div>
        )
      ) : null}
      {recipient.canExport ? (
        <Flex gap={8} wrap style={{ marginTop: 6 }}>
          <Button size="small" icon={<SendOutlined aria-hidden />} loading={exporting} onClick={onExport}>
            {t('exchange.exportPackage')}
          </Button>
          {recipient.packageId ? (
            <Button size="small" icon={<DownloadOutlined aria-hidden />} href={packageFileUrl(recipient.packageId)}>
              {t('exchange.downloadPackage')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </li>
  );
};

/** The recipients of one outgoing document, with the export of packages. */
const Recipients = ({ outgoingId }: { outgoingId: string }) => {
  const { t } = useTranslation();
  const view = useOutgoingExchange(outgoingId);
  const exporter = useExportPackage(outgoingId);
  const [exporting, setExporting] = useState<string | null>(null);
  if (view.isPending) {
    return <PageLoading />;
  }
  if (view.isError) {
    return <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />;
  }
  return (
    <div style={{ paddingInlineStart: 12, borderInlineStart: '3px solid #e6f4ff', marginTop: 8 }}>
      {exporter.isError ? <FileError error={exporter.error} /> : null}
      {exporter.isSuccess ? (
        <p role="status" data-testid="exchange-exported">
          {t('exchange.exported', { fileName: exporter.data.fileName })}{' '}
          <a href={exporter.data.fileUrl} download={exporter.data.fileName}>
            {t('exchange.downloadPackage')}
          </a>
        </p>
      ) : null}
      <ul style={listStyle}>
        {view.data.recipients.map((recipient) => (
          <RecipientLine
            key={recipient.id}
            recipient={recipient}
            exporting={exporter.isPending && exporting === recipient.id}
            onExport={() => {
              setExporting(recipient.id);
              exporter.mutate(recipient.id);
            }}
          />
        ))}
      </ul>
    </div>
  );
};

const More = ({ show, loading, onClick }: { show: boolean; loading: boolean; onClick: () => void }) => {
  const { t } = useTranslation();
  return show ? (
    <Button onClick={onClick} loading={loading} style={{ marginTop: 12 }}>
      {t('exchange.more')}
    </Button>
  ) : null;
};

const ListState = ({
  query,
  empty,
  count,
}: {
  query: { isPending: boolean; isError: boolean; isSuccess: boolean; error: unknown; refetch: () => unknown };
  empty: string;
  count: number;
}): ReactNode => (
  <>
    {query.isPending ? <PageLoading /> : null}
    {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
    {query.isSuccess && count === 0 ? <Empty description={empty} /> : null}
  </>
);

/** The issued outgoing documents; each opens its recipients. Status messages sent back are imported here. */
const OutgoingView = ({ agencyId }: { agencyId: string }) => {
  const { t } = useTranslation();
  const issued = useIssuedForExchange(agencyId);
  const statuses = useImportStatuses();
  const [open, setOpen] = useState<string | null>(null);
  const items = issued.data?.pages.flatMap((page) => page.items) ?? [];
  const recorded = statuses.data?.packages.reduce((sum, p) => sum + p.recorded, 0) ?? 0;
  const skipped = statuses.data?.packages.reduce((sum, p) => sum + p.skipped, 0) ?? 0;
  return (
    <Flex vertical gap={16}>
      <Panel title={t('exchange.importStatuses')} level={2}>
        <p style={{ marginTop: 0 }}>{t('exchange.importStatusesHelp')}</p>
        <FileButton
          label={t('exchange.chooseFile')}
          accept=".edxml,.xml,application/xml,text/xml"
          loading={statuses.isPending}
          onFile={(file) => statuses.mutate(file)}
          testId="exchange-status-file"
        />
        {statuses.isError ? <FileError error={statuses.error} /> : null}
        {statuses.isSuccess ? (
          <p role="status" data-testid="exchange-statuses-imported">
            {t('exchange.statusesImported', { recorded, skipped })}
          </p>
        ) : null}
      </Panel>
      <Panel title={t('exchange.view_outgoing')} level={2}>
        <ListState query={issued} empty={t('exchange.emptyIssued')} count={items.length} />
        <ul style={listStyle} data-testid="exchange-issued">
          {items.map((item) => (
            <li key={item.id} style={lineStyle} data-testid="exchange-issued-line">
              <Flex justify="space-between" gap={8} wrap>
                <span style={{ fontWeight: 600 }}>{item.numberSymbol ?? '—'}</span>
                <Text type="secondary" style={{ fontSize: 13 }}>
                  {t('exchange.issuedAt')} {item.issuedAt ? formatDateTime(item.issuedAt) : '—'}
                </Text>
              </Flex>
              <div>{item.subject}</div>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Text type="secondary" style={{ fontSize: 13 }}>
                  {t('exchange.recipientsCount', { count: item.recipients })}
                  {item.packageRecipients > 0
                    ? ` · ${t('exchange.packageCount', { count: item.packageRecipients })}`
                    : ''}
                </Text>
                <Button
                  size="small"
                  type="link"
                  aria-expanded={open === item.id}
                  onClick={() => setOpen((current) => (current === item.id ? null : item.id))}
                >
                  {open === item.id ? t('exchange.hideRecipients') : t('exchange.showRecipients')}
                </Button>
              </Flex>
              {open === item.id ? <Recipients outgoingId={item.id} /> : null}
            </li>
          ))}
        </ul>
        <More
          show={!!issued.hasNextPage}
          loading={issued.isFetchingNextPage}
          onClick={() => void issued.fetchNextPage()}
        />
      </Panel>
    </Flex>
  );
};

/** What the agency sent and each one's last status. */
const SentView = ({ agencyId }: { agencyId: string }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const sent = useSentDeliveries(agencyId);
  const items = sent.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Panel title={t('exchange.view_sent')} level={2}>
      <ListState query={sent} empty={t('exchange.emptySent')} count={items.length} />
      <ul style={listStyle} data-testid="exchange-sent">
        {items.map((item) => (
          <li key={item.id} style={lineStyle} data-testid="exchange-sent-line">
            <Flex justify="space-between" gap={8} wrap>
              <span style={{ fontWeight: 600 }}>{item.numberSymbol ?? '—'}</span>
              <Flex gap={4} wrap>
                <SoftTag>{t(`exchange.channel_${item.channel}`)}</SoftTag>
                <SoftTag tone={TONES[item.status] ?? 'neutral'}>{item.statusLabel[language]}</SoftTag>
              </Flex>
            </Flex>
            <div>{item.subject}</div>
            <Text type="secondary" style={{ fontSize: 13 }}>
              {item.recipientName}
              {item.recipientCode ? ` (${item.recipientCode})` : ''} · {t('exchange.sentAt')}{' '}
              {formatDateTime(item.sentAt)}
            </Text>
          </li>
        ))}
      </ul>
      <More show={!!sent.hasNextPage} loading={sent.isFetchingNextPage} onClick={() => void sent.fetchNextPage()} />
    </Panel>
  );
};

/** Import a package received; the packages received, each with its status messages to send back. */
const ReceivedView = ({ agencyId }: { agencyId: string }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const received = useReceivedPackages(agencyId);
  const importer = useImportPackage(agencyId);
  const items = received.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={16}>
      <Panel title={t('exchange.importPackage')} level={2}>
        <p style={{ marginTop: 0 }}>{t('exchange.importPackageHelp')}</p>
        <FileButton
          label={t('exchange.chooseFile')}
          accept=".edxml,.xml,application/xml,text/xml"
          loading={importer.isPending}
          onFile={(file) => importer.mutate(file)}
          testId="exchange-package-file"
        />
        {importer.isError ? <FileError error={importer.error} /> : null}
        {importer.isSuccess ? (
          <p role="status" data-testid="exchange-imported">
            {importer.data.created
              ? t('exchange.imported', { numberSymbol: importer.data.numberSymbol, sender: importer.data.senderName })
              : t('exchange.importedAgain', { numberSymbol: importer.data.numberSymbol })}
          </p>
        ) : null}
      </Panel>
      <Panel title={t('exchange.view_received')} level={2}>
        <ListState query={received} empty={t('exchange.emptyReceived')} count={items.length} />
        <ul style={listStyle} data-testid="exchange-received">
          {items.map((item) => (
            <li key={item.id} style={lineStyle} data-testid="exchange-received-line">
              <Flex justify="space-between" gap={8} wrap>
                <span style={{ fontWeight: 600 }}>{item.numberSymbol}</span>
                <Flex gap={4} wrap>
                  <SoftTag tone={item.registered ? 'success' : 'warning'}>
                    {item.registered ? t('exchange.registered') : t('exchange.notRegistered')}
                  </SoftTag>
                  <SoftTag tone={TONES[item.status] ?? 'neutral'}>{item.statusLabel[language]}</SoftTag>
                </Flex>
              </Flex>
              <div>{item.subject}</div>
              <Text type="secondary" style={{ fontSize: 13 }}>
                {t('exchange.from')}: {item.senderName}
                {item.senderCode ? ` (${item.senderCode})` : ''} · {formatDate(item.issuedOn)} ·{' '}
                {t('exchange.deliveredAt')} {formatDateTime(item.deliveredAt)}
              </Text>
              <div style={{ marginTop: 6 }}>
                <Button size="small" icon={<DownloadOutlined aria-hidden />} href={statusFileUrl(item.id)}>
                  {t('exchange.downloadStatuses')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
        <More
          show={!!received.hasNextPage}
          loading={received.isFetchingNextPage}
          onClick={() => void received.fetchNextPage()}
        />
      </Panel>
    </Flex>
  );
};

/**
 * Liên thông văn bản (QĐ 28/2018/QĐ-TTg): the clerk exports packages of issued documents for recipients on
 * other systems and follows each recipient's status, imports packages received and sends their status back.
 */
export const ExchangePage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as string[]).includes(params.get('xem') ?? '') ? (params.get('xem') as View) : 'outgoing';
  const agencies = agenciesWithRole(me, 'clerk', 'unit_head', 'agency_head');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const agencyId = chosen ?? agencies[0]?.id;
  useEffect(() => {
    document.title = `${t('exchange.title')} — motcua`;
  }, [t]);
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('exchange.title')}
      </Title>
      <p style={{ margin: 0 }}>{t('exchange.intro')}</p>
      {agencies.length > 1 ? (
        <Flex vertical gap={4} style={{ maxWidth: 480 }}>
          <label htmlFor="exchange-agency">{t('exchange.agency')}</label>
          <Select
            id="exchange-agency"
            value={agencyId}
            onChange={setChosen}
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          />
        </Flex>
      ) : agencies[0] ? (
        <Text type="secondary">{agencies[0].name}</Text>
      ) : null}
      {!agencyId ? (
        <Empty description={t('exchange.noAgency')} />
      ) : (
        <>
          <Segmented<View>
            value={view}
            onChange={(next) => setParams({ xem: next })}
            options={VIEWS.map((value) => ({ value, label: t(`exchange.view_${value}`) }))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
          {view === 'outgoing' ? <OutgoingView agencyId={agencyId} /> : null}
          {view === 'sent' ? <SentView agencyId={agencyId} /> : null}
          {view === 'received' ? <ReceivedView agencyId={agencyId} /> : null}
        </>
      )}
    </Flex>
  );
};
