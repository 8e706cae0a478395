import { FolderAddOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Segmented } from 'antd';
import Input from 'antd/es/input/Input';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import '../../i18n/work-files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDate } from '../../lib/format';
import { hasRole, useMe } from '../auth/useMe';
import { useWorkFileList, type WorkFileListItem, type WorkFileStatus, type WorkFileView } from './useWorkFiles';

// The form (antd Form, Select) loads when it opens: the list's first load stays within the budget.
const OpenFileForm = lazy(() => import('./OpenFileForm').then((m) => ({ default: m.OpenFileForm })));

const STATUSES: WorkFileStatus[] = ['open', 'closed', 'archived'];

/** A line of the list: code, title, state, owner, dates (a list: readable at 390 px). */
const WorkFileLine = ({ item }: { item: WorkFileListItem }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <li style={{ borderBottom: '1px solid #f0f0f0', padding: '10px 0' }} data-testid="work-file-line">
      <Flex justify="space-between" gap={8} wrap>
        <Link to={`/can-bo/ho-so-cong-viec/${item.id}`} style={{ fontWeight: 600 }}>
          {item.code}
        </Link>
        <Flex gap={4} wrap>
          {item.confidential ? <SoftTag tone="warning">{t('workFiles.confidentialTag')}</SoftTag> : null}
          {item.archiveOverdue ? <SoftTag tone="danger">{t('workFiles.archiveOverdue')}</SoftTag> : null}
          <SoftTag>{item.statusLabel[language]}</SoftTag>
        </Flex>
      </Flex>
      <div>{item.title}</div>
      <Text type="secondary" style={{ fontSize: 13 }}>
        {item.ownerName} · {t('workFiles.openedAt')} {formatDate(item.openedAt)} · {item.retentionLabel}
        {item.archiveDueOn ? ` · ${t('workFiles.archiveDue')} ${formatDate(item.archiveDueOn)}` : ''}
      </Text>
    </li>
  );
};

/** "Hồ sơ công việc": my files or my units', by status, searched without diacritics, "Xem thêm" by keyset. */
export const WorkFilesPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get('trang-thai') ?? '')
    ? (params.get('trang-thai') as WorkFileStatus)
    : 'open';
  const view: WorkFileView = params.get('xem') === 'unit' ? 'unit' : 'mine';
  const q = params.get('q') ?? '';
  const [query, setQuery] = useState(q);
  const [opening, setOpening] = useState(false);
  const list = useWorkFileList(view, status, q);
  const keeps = hasRole(me, 'clerk', 'specialist', 'unit_head', 'agency_head');
  useEffect(() => {
    document.title = `${t('workFiles.title')} — motcua`;
  }, [t]);
  const set = (next: { status?: WorkFileStatus; view?: WorkFileView; q?: string }) => {
    const values = { status, view, q, ...next };
    setParams({
      'trang-thai': values.status,
      ...(values.view === 'unit' ? { xem: 'unit' } : {}),
      ...(values.q ? { q: values.q } : {}),
    });
  };
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('workFiles.title')}
      </Title>
      {keeps ? (
        <Flex gap={8} wrap>
          <Button icon={<FolderAddOutlined aria-hidden />} onClick={() => setOpening((value) => !value)}>
            {t('workFiles.open')}
          </Button>
          <Link to="/can-bo/danh-muc-ho-so">{t('workFiles.fileList')}</Link>
        </Flex>
      ) : null}
      {opening ? (
        <Suspense fallback={<PageLoading />}>
          <OpenFileForm onCancel={() => setOpening(false)} />
        </Suspense>
      ) : null}
      <Flex gap={8} wrap>
        <Segmented<WorkFileView>
          value={view}
          onChange={(next) => set({ view: next })}
          options={(['mine', 'unit'] as const).map((value) => ({ value, label: t(`workFiles.view_${value}`) }))}
        />
        <Segmented<WorkFileStatus>
          value={status}
          onChange={(next) => set({ status: next })}
          options={STATUSES.map((value) => ({ value, label: t(`workFiles.status_${value}`) }))}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
      </Flex>
      <form
        aria-label={t('workFiles.search')}
        onSubmit={(event) => {
          event.preventDefault();
          set({ q: query.trim() });
        }}
      >
        <Input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('workFiles.search')}
          aria-label={t('workFiles.search')}
          maxLength={200}
          allowClear
        />
      </form>
      <Panel>
        {list.isPending ? <PageLoading /> : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isSuccess && items.length === 0 ? <Empty description={t('workFiles.empty')} /> : null}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="work-file-list">
          {items.map((item) => (
            <WorkFileLine key={item.id} item={item} />
          ))}
        </ul>
        <LoadMoreButton pages={list} label={t('workFiles.more')} style={{ marginTop: 12 }} />
      </Panel>
    </Flex>
  );
};
