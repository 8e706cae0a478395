import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Callout } from '../../components/Callout';
import { LazyTable } from '../../components/lazyAntd';
import { lazyWidget } from '../../components/lazyWidget';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import '../../i18n/console';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ProcedureListItem } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SoftTag } from '../../components/SoftTag';
import { useMe } from '../auth/useMe';
import { usePortalLabels } from '../portal/usePortalLabels';
import { searchProcedures } from './useCatalog';
import '../../i18n/console-admin';

/* The adopt dialog (antd Form) loads when it opens (issue 16: the page's first load ≤ 300 KB gzip). */
const AdoptProcedureDialog = lazyWidget(
  () => import('./AdoptProcedureDialog').then((m) => ({ default: m.AdoptProcedureDialog })),
  null,
);

const PAGE_SIZE = 20;

/** The province's procedure catalog for its managers: search (drafts included) and adopt national ones. */
export const CatalogAdminPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const labels = usePortalLabels();
  const _navigate = useNavigate();
  const catalog = me?.provinceCode ?? null;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [adopting, setAdopting] = useState(false);

  useEffect(() => {
    document.title = `${t('catalog.title')} — ${t('app.shortName')}`;
  }, [t]);

  const list = useQuery({
    queryKey: ['procedures', 'admin', catalog, q, page],
    queryFn: ({ signal }) =>
      searchProcedures({ catalog: catalog ?? undefined, drafts: true, q, page, pageSize: PAGE_SIZE }, signal),
    enabled: catalog !== null,
    placeholderData: (previous) => previous,
  });

  if (!catalog) {
    return <Callout type="warning" title={t('catalog.noProvince')} />;
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('catalog.title')}
        </Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdopting(true)}>
          {t('catalog.adopt')}
        </Button>
      </Flex>
      <Panel>
        <Input.Search
          aria-label={t('catalog.searchLabel')}
          placeholder={t('catalog.searchLabel')}
          defaultValue={q}
          allowClear
          enterButton={t('common.search')}
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
          style={{ maxWidth: 480, marginBottom: 16 }}
        />
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        <LazyTable<ProcedureListItem>
          rowKey={(item) => `${item.catalog}:${item.code}`}
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 760 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (next) => setParams({ ...(q ? { q } : {}), page: String(next) }),
          }}
          columns={[
            {
              title: t('catalog.code'),
              dataIndex: 'code',
              render: (code: string) => <Link to={`/can-bo/thu-tuc/${encodeURIComponent(code)}`}>{code}</Link>,
            },
            {
              title: t('catalog.name'),
              dataIndex: 'name',
              render: (name: string) => <span style={{ display: 'inline-block', minWidth: 260 }}>{name}</span>,
            },
            { title: t('catalog.field'), key: 'field', render: (_, item) => item.field.name },
            {
              title: t('catalog.level'),
              key: 'levels',
              render: (_, item) => item.levels.map((l) => labels.level(l)).join(', '),
            },
            { title: t('catalog.online'), key: 'online', render: (_, item) => labels.online(item.onlineLevel) },
            {
              title: t('catalog.version'),
              key: 'version',
              render: (_, item) =>
                item.currentVersion ? (
                  item.currentVersion.versionNo
                ) : (
                  <SoftTag tone="warning">{t('catalog.draftOnly')}</SoftTag>
                ),
            },
          ]}
        />
      </Panel>
      {adopting ? <AdoptProcedureDialog catalog={catalog} onClose={() => setAdopting(false)} /> : null}
    </Space>
  );
};
