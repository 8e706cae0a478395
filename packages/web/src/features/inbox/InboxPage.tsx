import { FileAddOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Grid, Space, Tooltip } from 'antd';
// Search from its own module: antd's Input also brings TextArea, Password and OTP.
import Search from 'antd/es/input/Search';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph, Text, Title } from '../../components/typography';
import '../../i18n/console';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { DossierStatus, InboxBox, InboxItem } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { LazySelect, LazyTable } from '../../components/lazyAntd';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { searchButton } from '../../components/searchButton';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { formatDateTime } from '../../lib/format';
import { DOSSIER_ROLES, hasRole, landingPathOf, useMe } from '../auth/useMe';
import { useInbox } from './useInbox';

const BOXES: InboxBox[] = ['mine', 'agency', 'due_soon', 'overdue', 'all'];
const STATUSES: DossierStatus[] = [
  'new',
  'received',
  'processing',
  'supplement_requested',
  'financial_obligation',
  'completed',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
];

const boxLabelKey = {
  mine: 'inbox.boxMine',
  agency: 'inbox.boxAgency',
  due_soon: 'inbox.boxDueSoon',
  overdue: 'inbox.boxOverdue',
  all: 'inbox.boxAll',
} as const;

const Inbox = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const box = (BOXES as string[]).includes(params.get('box') ?? '') ? (params.get('box') as InboxBox) : 'mine';
  const q = params.get('q') ?? '';
  const statusKey = params
    .getAll('status')
    .filter((s) => (STATUSES as string[]).includes(s))
    .join(',');
  const filters = useMemo(() => {
    const status = statusKey ? (statusKey.split(',') as DossierStatus[]) : [];
    return { box, ...(q ? { q } : {}), ...(status.length ? { status } : {}) };
  }, [box, q, statusKey]);
  const status = filters.status ?? [];
  const inbox = useInbox(filters);
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  // A phone gets a list of cards, each dossier readable at a glance, instead of a table to scroll sideways.
  const phone = !Grid.useBreakpoint().md;

  useEffect(() => {
    document.title = `${t('inbox.title')} — ${t('app.shortName')}`;
  }, [t]);

  const boxHref = (key: InboxBox) => {
    const next = new URLSearchParams(params);
    next.delete('cursor');
    next.set('box', key);
    return `?${next}`;
  };

  const update = (changes: Record<string, string | string[] | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      for (const v of Array.isArray(value) ? value : value ? [value] : []) {
        next.append(key, v);
      }
    }
    setParams(next, { replace: true });
  };

  const columns = [
    {
      title: `${t('inbox.code')} · ${t('common.status')}`,
      dataIndex: 'code',
      key: 'code',
      width: 210,
      render: (code: string, item: InboxItem) => (
        <Flex vertical gap={4} align="flex-start">
          <Link
            to={`/can-bo/ho-so/${encodeURIComponent(code)}`}
            style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
          >
            {code}
          </Link>
          <StatusTag status={item.status} />
        </Flex>
      ),
    },
    { title: t('inbox.applicant'), dataIndex: 'applicantName', key: 'applicant', width: 170 },
    {
      title: t('inbox.procedure'),
      dataIndex: 'procedureName',
      key: 'procedure',
    },
    {
      title: t('inbox.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      width: 150,
      responsive: ['xxl' as const],
      render: (value: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
    },
    {
      title: t('inbox.dueAt'),
      dataIndex: 'dueAt',
      key: 'dueAt',
      width: 160,
      render: (value: string | null, item: InboxItem) =>
        item.dueProvisional ? (
          <Tooltip title={t('inbox.provisional')}>
            <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)} *</span>
          </Tooltip>
        ) : (
          <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>
        ),
    },
    {
      title: t('inbox.remaining'),
      key: 'remaining',
      width: 210,
      render: (_: unknown, item: InboxItem) => (
        <UrgencyBadge urgency={item.urgency} minutes={item.remainingWorkingMinutes} />
      ),
    },
    {
      title: t('inbox.holder'),
      dataIndex: 'holderAgencyName',
      key: 'holder',
      width: 240,
      responsive: ['xxl' as const],
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('inbox.title')}
        </Title>
        {hasRole(me, 'receptionist') ? (
          <Link to="/can-bo/tiep-nhan">
            <Button type="primary" icon={<FileAddOutlined />}>
              {t('inbox.newIntake')}
            </Button>
          </Link>
        ) : null}
      </Flex>
      <Panel style={{ paddingTop: 0 }}>
        {/* Each box is an address (?box=…), so the boxes are links, drawn as tabs (antd's Tabs would add 22 KB gzip). */}
        <nav aria-label={t('inbox.boxLabel')}>
          <ul className="inbox-boxes">
            {BOXES.map((key) => (
              <li key={key}>
                <Link to={boxHref(key)} replace aria-current={key === box ? 'page' : undefined}>
                  {t(boxLabelKey[key])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Search
            aria-label={t('inbox.searchLabel')}
            placeholder={t('inbox.searchPlaceholder')}
            defaultValue={q}
            allowClear
            enterButton={searchButton(t('common.search'))}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={{ maxWidth: 360 }}
          />
          <LazySelect<DossierStatus[]>
            mode="multiple"
            aria-label={t('inbox.statusLabel')}
            placeholder={t('inbox.statusLabel')}
            value={status}
            onChange={(value) => update({ status: value })}
            options={STATUSES.map((value) => ({ value, label: t(`dossierStatus.${value}`) }))}
            style={{ minWidth: 240, maxWidth: 480 }}
            allowClear
            maxTagCount="responsive"
          />
        </Flex>
        {inbox.isError ? <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
        {phone ? (
          <InboxList items={items} loading={inbox.isPending} />
        ) : (
          <LazyTable<InboxItem>
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={inbox.isPending}
            pagination={false}
            scroll={{ x: 900 }}
            rowClassName={(item) => (item.urgency ? `urgency-${item.urgency}` : '')}
            locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
          />
        )}
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
          <Text type="secondary">
            {t('inbox.shown', { count: items.length })}
            {items.some((item) => item.dueProvisional) ? ` · * ${t('inbox.provisional')}` : ''}
          </Text>
          <LoadMoreButton pages={inbox} label={t('common.loadMore')} />
        </Flex>
      </Panel>
    </Space>
  );
};

/** The inbox on a phone: one card per dossier (code and status, applicant, procedure, due date and time left). */
const InboxList = ({ items, loading }: { items: InboxItem[]; loading: boolean }) => {
  const { t } = useTranslation();
  if (items.length === 0) {
    return loading ? <PageLoading /> : <Empty description={t('inbox.empty')} />;
  }
  return (
    <ul className="inbox-list" aria-label={t('inbox.title')}>
      {items.map((item) => (
        <li key={item.code} className={item.urgency ? `urgency-${item.urgency}` : undefined}>
          <Flex justify="space-between" align="flex-start" gap={8} wrap>
            <Link to={`/can-bo/ho-so/${encodeURIComponent(item.code)}`} className="inbox-list-code">
              {item.code}
            </Link>
            <StatusTag status={item.status} />
          </Flex>
          <Text strong>{item.applicantName}</Text>
          <Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            {item.procedureName}
          </Paragraph>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Text type="secondary">
              {t('inbox.dueAt')}: {formatDateTime(item.dueAt)}
              {item.dueProvisional ? ' *' : ''}
            </Text>
            <UrgencyBadge urgency={item.urgency} minutes={item.remainingWorkingMinutes} />
          </Flex>
        </li>
      ))}
    </ul>
  );
};

/** The console's home: the inbox for officials who handle dossiers, their first area for the others. */
export const InboxPage = () => {
  const me = useMe().data;
  if (me && !hasRole(me, ...DOSSIER_ROLES)) {
    return <Navigate to={landingPathOf(me)} replace />;
  }
  return <Inbox />;
};
