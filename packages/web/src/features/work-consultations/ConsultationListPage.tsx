import { Button, Empty, Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import '../../i18n/work-consultations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { hasRole, useMe } from '../auth/useMe';
import { statusTone } from './consultation-status';
import { type ConsultationListItem, type ConsultationView, useConsultationList } from './useConsultations';

const VIEWS: ConsultationView[] = ['sent', 'to_answer'];

/** A line: the draft's title, its agency, the deadline, who answered (readable at 390 px). */
const ConsultationLine = ({ item }: { item: ConsultationListItem }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const overdue = item.status === 'open' && Date.parse(item.deadlineAt) < Date.now() + 86_400_000;
  return (
    <li style={{ borderBottom: '1px solid #f0f0f0', padding: '10px 0' }} data-testid="consultation-line">
      <Flex justify="space-between" gap={8} wrap>
        <Link to={`/can-bo/lay-y-kien/${item.id}`} style={{ fontWeight: 600 }}>
          {item.title}
        </Link>
        <SoftTag tone={statusTone(item.status)}>{item.statusLabel[language]}</SoftTag>
      </Flex>
      <Text type="secondary" style={{ fontSize: 13 }}>
        {item.agencyName} ·{' '}
        <span style={overdue ? { color: '#cf1322' } : undefined}>
          {t('consultations.deadline')}: {formatDateTime(item.deadlineAt)}
        </span>{' '}
        · {t('consultations.answered', { answered: item.answeredCount, total: item.recipientCount })}
      </Text>
    </li>
  );
};

/** "Lấy ý kiến dự thảo": the consultations my unit sent, and those I answer, nearest deadline first. */
export const ConsultationListPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as string[]).includes(params.get('xem') ?? '') ? (params.get('xem') as ConsultationView) : 'sent';
  const list = useConsultationList(view);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Title level={1} style={{ margin: 0 }}>
            {t('consultations.title')}
          </Title>
          <Text type="secondary">{t('consultations.lead')}</Text>
        </div>
        {hasRole(me, 'specialist', 'unit_head', 'agency_head') ? (
          <Link to="/can-bo/lay-y-kien/moi">
            <Button type="primary">{t('consultations.create')}</Button>
          </Link>
        ) : null}
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <Segmented
          value={view}
          onChange={(value) => setParams({ xem: String(value) })}
          options={VIEWS.map((item) => ({ value: item, label: t(`consultations.views.${item}`) }))}
        />
      </div>
      <Panel>
        {list.isPending ? (
          <PageLoading />
        ) : list.error ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty description={t('consultations.empty')} />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item) => (
              <ConsultationLine key={item.id} item={item} />
            ))}
          </ul>
        )}
        <LoadMoreButton pages={list} label={t('consultations.more')} style={{ marginTop: 12 }} />
      </Panel>
    </Flex>
  );
};
