import { FileAddOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Segmented } from 'antd';
import Input from 'antd/es/input/Input';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import '../../i18n/eoffice-incoming';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { lazyWidget } from '../../components/lazyWidget';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDate, formatDateTime } from '../../lib/format';
import { agenciesWithRole, hasRole, useMe } from '../auth/useMe';
import { type IncomingListItem, type IncomingView, useIncomingInbox } from './useIncoming';

/* Loaded after the page shows, fetched at once (issue 16: a console page's first load ≤ 300 KB gzip). */
const PendingDeliveries = lazyWidget(() =>
  import('./PendingDeliveries').then((m) => ({ default: m.PendingDeliveries })),
);
const RegisterPaperForm = lazyWidget(() =>
  import('./RegisterPaperForm').then((m) => ({ default: m.RegisterPaperForm })),
);

/** A line of an inbox: number, symbol, issuer, subject, state, deadline (a list: readable at 390 px). */
const IncomingLine = ({ item }: { item: IncomingListItem }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <li style={{ borderBottom: '1px solid #f0f0f0', padding: '10px 0' }} data-testid="incoming-line">
      <Flex justify="space-between" gap={8} wrap>
        <Link to={`/can-bo/van-ban-den/${item.id}`} style={{ fontWeight: 600 }}>
          {t('incoming.number')} {item.incomingNumber}/{item.year} · {item.numberSymbol}
        </Link>
        <Flex gap={4} wrap>
          {item.urgency !== 'normal' ? <SoftTag tone="danger">{item.urgencyLabel[language]}</SoftTag> : null}
          {item.confidentiality !== 'normal' ? (
            <SoftTag tone="warning">{item.confidentialityLabel[language]}</SoftTag>
          ) : null}
          {item.registeredLate ? <SoftTag tone="warning">{t('incoming.registeredLate')}</SoftTag> : null}
          {item.isDemo ? <SoftTag>{t('incoming.demo')}</SoftTag> : null}
          <SoftTag>{item.statusLabel[language]}</SoftTag>
        </Flex>
      </Flex>
      <div>{item.subject}</div>
      <Text type="secondary" style={{ fontSize: 13 }}>
        {item.issuerName} · {item.documentTypeLabel[language]} · {t('incoming.registeredAt')}{' '}
        {formatDateTime(item.registeredAt)}
      </Text>
      {item.dueOn ? (
        <div style={{ fontSize: 13, color: item.overdue ? '#b42318' : undefined }}>
          {t('incoming.due')} {formatDate(item.dueOn)}
          {item.overdue ? ` — ${t('incoming.overdue')}` : ''}
        </div>
      ) : null}
    </li>
  );
};

/**
 * "Văn bản đến": the clerk's register form and pending electronic deliveries, and the inbox tabs — registered
 * today, to present (the clerk), to direct (the head), my units (the units assigned), done, all — with search.
 */
export const IncomingInboxPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const isClerk = hasRole(me, 'clerk');
  const views: IncomingView[] = [
    ...(isClerk ? (['to_present', 'registered_today'] as const) : []),
    ...(hasRole(me, 'agency_head', 'unit_head') ? (['to_direct'] as const) : []),
    ...(hasRole(me, 'specialist', 'unit_head') ? (['my_units'] as const) : []),
    'done',
    'all',
  ];
  const [params, setParams] = useSearchParams();
  const requested = params.get('xem') ?? '';
  const view = (views as string[]).includes(requested) ? (requested as IncomingView) : (views[0] ?? 'all');
  const [query, setQuery] = useState(params.get('q') ?? '');
  const q = params.get('q') ?? '';
  const inbox = useIncomingInbox(view, q);
  const [registering, setRegistering] = useState(false);
  const [saved, setSaved] = useState<{ id: string; number: number } | null>(null);
  const registeringAgencies = agenciesWithRole(me, 'clerk');
  useEffect(() => {
    document.title = `${t('incoming.title')} — motcua`;
  }, [t]);
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('incoming.title')}
      </Title>
      {registeringAgencies[0] ? (
        <Flex gap={8} wrap>
          <Button icon={<FileAddOutlined aria-hidden />} onClick={() => setRegistering((open) => !open)}>
            {t('incoming.registerPaper')}
          </Button>
        </Flex>
      ) : null}
      {saved ? (
        <p role="status" data-testid="incoming-saved">
          {t('incoming.saved', { number: saved.number })} —{' '}
          <Link to={`/can-bo/van-ban-den/${saved.id}`}>{t('incoming.info')}</Link>
        </p>
      ) : null}
      {registering && registeringAgencies[0] ? (
        <RegisterPaperForm
          agencies={registeringAgencies}
          onCancel={() => setRegistering(false)}
          onDone={(result) => {
            setSaved(result);
            setRegistering(false);
          }}
        />
      ) : null}
      {isClerk ? <PendingDeliveries onAccepted={setSaved} /> : null}
      <Segmented<IncomingView>
        value={view}
        onChange={(next) => setParams(q ? { xem: next, q } : { xem: next })}
        options={views.map((value) => ({ value, label: t(`incoming.view_${value}`) }))}
        style={{ maxWidth: '100%', overflowX: 'auto' }}
      />
      <form
        aria-label={t('incoming.search')}
        onSubmit={(event) => {
          event.preventDefault();
          setParams(query.trim() ? { xem: view, q: query.trim() } : { xem: view });
        }}
      >
        <Input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('incoming.search')}
          aria-label={t('incoming.search')}
          maxLength={200}
          allowClear
        />
      </form>
      <Panel>
        {inbox.isPending ? <PageLoading /> : null}
        {inbox.isError ? <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
        {inbox.isSuccess && items.length === 0 ? <Empty description={t('incoming.empty')} /> : null}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="incoming-inbox">
          {items.map((item) => (
            <IncomingLine key={item.id} item={item} />
          ))}
        </ul>
        <LoadMoreButton pages={inbox} label={t('incoming.more')} style={{ marginTop: 12 }} />
      </Panel>
    </Flex>
  );
};
