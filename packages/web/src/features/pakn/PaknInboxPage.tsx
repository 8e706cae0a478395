import { BarChartOutlined, DownloadOutlined, FileAddOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Segmented } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import '../../i18n/pakn';
import '../../i18n/pakn-console';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { lazyWidget } from '../../components/lazyWidget';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { agenciesWithRole, hasRole, useMe } from '../auth/useMe';
import { PAKN_REGISTER_XLSX, type PaknListItem, type PaknView, usePaknInbox } from './usePakn';

/* Loaded after the page shows, fetched at once (issue 16: a console page's first load ≤ 300 KB gzip). */
const RegisterForm = lazyWidget(() => import('./PaknRegisterForm').then((m) => ({ default: m.PaknRegisterForm })));

const VIEWS: PaknView[] = ['open', 'due_soon', 'late', 'all'];

/** A line of the register: code, matter, sender, holder, state and deadline (a list: readable at 390 px). */
const PaknLine = ({ item }: { item: PaknListItem }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const late = item.timeliness.timeliness === 'overdue' || item.timeliness.timeliness === 'late';
  return (
    <li style={{ borderBottom: '1px solid #f0f0f0', padding: '10px 0' }} data-testid="pakn-line">
      <Flex justify="space-between" gap={8} wrap>
        <Link to={`/can-bo/pakn/${item.code}`} style={{ fontWeight: 600 }}>
          {item.code}
        </Link>
        <Flex gap={4} wrap>
          {item.isDemo ? <SoftTag>{t('pakn.demo')}</SoftTag> : null}
          <SoftTag>{item.statusLabel[language]}</SoftTag>
        </Flex>
      </Flex>
      <div>{item.regulation}</div>
      <Text type="secondary" style={{ fontSize: 13 }}>
        {item.senderName} · {t('pakn.receivedAt')} {formatDateTime(item.receivedAt)}
        {item.agencyName ? ` · ${item.agencyName}` : ''}
      </Text>
      {item.answerDueAt || item.answeredAt ? (
        <div style={{ fontSize: 13, color: late ? '#b42318' : undefined }}>
          {item.answeredAt
            ? `${t('pakn.answeredAt')} ${formatDateTime(item.answeredAt)}`
            : `${t('pakn.answerDueAt')} ${formatDateTime(item.answerDueAt ?? '')}`}{' '}
          — {item.timeliness.label[language]}
        </div>
      ) : null}
    </li>
  );
};

/** The PAKN inbox of the official's agencies: open, due soon, late or all; "Xem thêm" pages on. */
export const PaknInboxPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as string[]).includes(params.get('xem') ?? '') ? (params.get('xem') as PaknView) : 'open';
  const inbox = usePaknInbox(view);
  const [registering, setRegistering] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const receiving = agenciesWithRole(me, 'pakn_officer');
  useEffect(() => {
    document.title = `${t('pakn.inboxTitle')} — motcua`;
  }, [t]);
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('pakn.inboxTitle')}
      </Title>
      <Flex gap={8} wrap>
        {receiving[0] ? (
          <Button icon={<FileAddOutlined aria-hidden />} onClick={() => setRegistering((open) => !open)}>
            {t('pakn.register')}
          </Button>
        ) : null}
        <Button icon={<DownloadOutlined aria-hidden />} href={PAKN_REGISTER_XLSX}>
          {t('pakn.export')}
        </Button>
        {hasRole(me, 'approver', 'province_admin', 'auditor', 'pakn_officer') ? (
          <Link to="/can-bo/pakn/thong-ke">
            <Button icon={<BarChartOutlined aria-hidden />}>{t('pakn.statistics')}</Button>
          </Link>
        ) : null}
        {hasRole(me, 'province_admin') ? (
          <Link to="/can-bo/pakn/cai-dat">
            <Button icon={<SettingOutlined aria-hidden />}>{t('pakn.settings')}</Button>
          </Link>
        ) : null}
      </Flex>
      {saved ? (
        <p role="status" data-testid="pakn-saved">
          {t('pakn.saved', { code: saved })} — <Link to={`/can-bo/pakn/${saved}`}>{saved}</Link>
        </p>
      ) : null}
      {registering && receiving[0] ? (
        <RegisterForm
          agencyId={receiving[0].id}
          onDone={(code) => {
            setSaved(code);
            setRegistering(false);
          }}
        />
      ) : null}
      <Segmented<PaknView>
        value={view}
        onChange={(next) => setParams({ xem: next })}
        options={VIEWS.map((value) => ({ value, label: t(`pakn.view_${value}`) }))}
        style={{ maxWidth: '100%', overflowX: 'auto' }}
      />
      <Panel>
        {inbox.isPending ? <PageLoading /> : null}
        {inbox.isError ? <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
        {inbox.isSuccess && items.length === 0 ? <Empty description={t('pakn.empty')} /> : null}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="pakn-inbox">
          {items.map((item) => (
            <PaknLine key={item.code} item={item} />
          ))}
        </ul>
        <LoadMoreButton pages={inbox} label={t('pakn.more')} style={{ marginTop: 12 }} />
      </Panel>
    </Flex>
  );
};
