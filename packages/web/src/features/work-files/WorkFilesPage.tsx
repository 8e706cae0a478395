import { FolderAddOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Flex, Form, Segmented, Select } from 'antd';
import Input from 'antd/es/input/Input';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import '../../i18n/work-files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDate } from '../../lib/format';
import { hasRole, useMe } from '../auth/useMe';
import {
  useOpenWorkFile,
  useWorkFileList,
  useWorkFileOptions,
  type WorkFileListItem,
  type WorkFileStatus,
  type WorkFileView,
} from './useWorkFiles';

const STATUSES: WorkFileStatus[] = ['open', 'closed', 'archived'];
const OUTSIDE = 'outside';

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

type OpenValues = { unitId: string; entryId: string; title?: string; confidential?: boolean };

/** Opens a file from the year's list of the unit's agency, or outside it with a title. */
const OpenFileForm = ({ onCancel }: { onCancel: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useWorkFileOptions();
  const open = useOpenWorkFile();
  const [form] = Form.useForm<OpenValues>();
  const units = options.data?.units ?? [];
  const unitId = Form.useWatch('unitId', form) ?? units[0]?.id;
  const entryId = Form.useWatch('entryId', form) ?? OUTSIDE;
  const entries = units.find((unit) => unit.id === unitId)?.entries ?? [];
  useEffect(() => {
    if (units[0] && !form.getFieldValue('unitId')) {
      form.setFieldsValue({ unitId: units[0].id, entryId: OUTSIDE });
    }
  }, [form, units]);
  if (options.isPending) {
    return <PageLoading />;
  }
  return (
    <Panel title={t('workFiles.openTitle')} level={2}>
      <Form<OpenValues>
        form={form}
        layout="vertical"
        name="open-work-file"
        onFinish={(values) =>
          open.mutate(
            {
              agencyId: values.unitId,
              ...(values.entryId && values.entryId !== OUTSIDE ? { fileListEntryId: values.entryId } : {}),
              ...(values.title?.trim() ? { title: values.title.trim() } : {}),
              confidential: values.confidential ?? false,
            },
            { onSuccess: (opened) => navigate(`/can-bo/ho-so-cong-viec/${opened.id}`) },
          )
        }
      >
        <Form.Item name="unitId" label={t('workFiles.unit')} rules={[{ required: true }]}>
          <Select options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
        </Form.Item>
        <Form.Item name="entryId" label={t('workFiles.entry')}>
          <Select
            showSearch
            optionFilterProp="label"
            options={[
              { value: OUTSIDE, label: t('workFiles.outsideList') },
              ...entries.map((entry) => ({ value: entry.id, label: `${entry.code} — ${entry.title}` })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('workFiles.fileTitle')}
          rules={[{ required: entryId === OUTSIDE, max: 500, whitespace: true }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="confidential" valuePropName="checked">
          <Checkbox>{t('workFiles.confidential')}</Checkbox>
        </Form.Item>
        {open.isError ? <ErrorAlert error={open.error} /> : null}
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={open.isPending}>
            {t('workFiles.save')}
          </Button>
          <Button onClick={onCancel}>{t('workFiles.cancel')}</Button>
        </Flex>
      </Form>
    </Panel>
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
      {opening ? <OpenFileForm onCancel={() => setOpening(false)} /> : null}
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
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ marginTop: 12 }}>
            {t('workFiles.more')}
          </Button>
        ) : null}
      </Panel>
    </Flex>
  );
};
