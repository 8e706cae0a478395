import { FileAddOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import '../../i18n/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { lazyWidget } from '../../components/lazyWidget';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { hasRole, useMe } from '../auth/useMe';
import { type OutgoingListItem, type OutgoingView, useOutgoingList } from './useOutgoing';

/* Loaded after the page shows, fetched at once (issue 16: a console page's first load ≤ 300 KB gzip). */
const DelegationsPanel = lazyWidget(() => import('./DelegationsPanel').then((m) => ({ default: m.DelegationsPanel })));

const VIEWS: OutgoingView[] = ['my_drafts', 'my_review', 'waiting_signature', 'waiting_seal', 'issued'];
const DELEGATIONS = 'delegations';

/** A line of a list: number or subject, state, signer, last change (a list: readable at 390 px). */
const OutgoingLine = ({ item }: { item: OutgoingListItem }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <li style={{ borderBottom: '1px solid #f0f0f0', padding: '10px 0' }} data-testid="outgoing-line">
      <Flex justify="space-between" gap={8} wrap>
        <Link to={`/can-bo/van-ban-di/${item.id}`} style={{ fontWeight: 600 }}>
          {item.numberSymbol ? `${item.numberSymbol} — ` : `${item.documentType} · `}
          {item.subject}
        </Link>
        <Flex gap={4} wrap>
          {item.isDemo ? <SoftTag>{t('outgoing.demo')}</SoftTag> : null}
          {item.urgency !== 'normal' ? <SoftTag tone="danger">{t(`outgoing.urgency.${item.urgency}`)}</SoftTag> : null}
          <SoftTag tone={item.status === 'issued' ? 'success' : item.status === 'returned' ? 'warning' : 'info'}>
            {item.statusLabel[language]}
          </SoftTag>
        </Flex>
      </Flex>
      <Text type="secondary" style={{ fontSize: 13 }}>
        {item.drafterName ?? ''}
        {item.signerName ? ` → ${item.signerName}` : ''} · {formatDateTime(item.updatedAt)}
      </Text>
    </li>
  );
};

/** "Văn bản đi": the lists of drafts, reviews, signatures, seals and issued documents. */
export const OutgoingListPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const showDelegations = params.get('xem') === DELEGATIONS;
  const view = (VIEWS as string[]).includes(params.get('xem') ?? '')
    ? (params.get('xem') as OutgoingView)
    : 'my_drafts';
  const list = useOutgoingList(view);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canDraft = hasRole(me, 'specialist', 'unit_head');
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Title level={1} style={{ margin: 0 }}>
            {t('outgoing.title')}
          </Title>
          <Text type="secondary">{t('outgoing.lead')}</Text>
        </div>
        {hasRole(me, 'agency_admin', 'agency_head') ? (
          <Link to="/can-bo/van-ban/chung-thu-so" data-testid="signing-credentials-link">
            {t('outgoing.signingCredentials')} →
          </Link>
        ) : null}
        {canDraft ? (
          <Link to="/can-bo/van-ban-di/moi">
            <Button type="primary" icon={<FileAddOutlined />}>
              {t('outgoing.newDraft')}
            </Button>
          </Link>
        ) : null}
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <Segmented
          value={showDelegations ? DELEGATIONS : view}
          onChange={(value) => setParams({ xem: String(value) })}
          options={[
            ...VIEWS.map((item) => ({ value: item, label: t(`outgoing.views.${item}`) })),
            { value: DELEGATIONS, label: t('outgoing.delegations.tab') },
          ]}
        />
      </div>
      {showDelegations ? <DelegationsPanel /> : null}
      <Panel hidden={showDelegations}>
        {list.isPending ? (
          <PageLoading />
        ) : list.error ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty description={t('outgoing.empty')} />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item) => (
              <OutgoingLine key={item.id} item={item} />
            ))}
          </ul>
        )}
        <LoadMoreButton pages={list} label={t('outgoing.more')} style={{ marginTop: 12 }} />
      </Panel>
    </Flex>
  );
};
