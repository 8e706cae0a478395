import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Callout } from '../../components/Callout';
import { LazyModal, LazyTable } from '../../components/lazyAntd';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import '../../i18n/console';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { ProcedureListItem } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SoftTag } from '../../components/SoftTag';
import { applyFieldErrors } from '../../lib/field-errors';
import { useMe } from '../auth/useMe';
import { usePortalLabels } from '../portal/usePortalLabels';
import { adoptProcedure, searchProcedures } from './useCatalog';
import '../../i18n/console-admin';

const PAGE_SIZE = 20;

/** The province's procedure catalog for its managers: search (drafts included) and adopt national ones. */
export const CatalogAdminPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const labels = usePortalLabels();
  const navigate = useNavigate();
  const catalog = me?.provinceCode ?? null;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [adopting, setAdopting] = useState(false);
  const [form] = Form.useForm<{ fromNational: string }>();

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

  const adopt = useMutation({
    mutationFn: (values: { fromNational: string }) => adoptProcedure(catalog, values.fromNational.trim()),
    onSuccess: (detail) => {
      setAdopting(false);
      void navigate(`/can-bo/thu-tuc/${encodeURIComponent(detail.code)}`);
    },
    onError: (error) => {
      if (isApiError(error)) {
        applyFieldErrors(form, error);
      }
    },
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
      <LazyModal
        open={adopting}
        title={t('catalog.adopt')}
        onCancel={() => setAdopting(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={adopt.isPending}
        destroyOnHidden
      >
        {adopt.isError ? <ErrorAlert error={adopt.error} /> : null}
        <Form form={form} layout="vertical" onFinish={(values) => adopt.mutate(values)}>
          <Form.Item
            label={t('catalog.adoptCode')}
            name="fromNational"
            extra={t('catalog.adoptHelp')}
            rules={[{ required: true, pattern: /^\d\.\d{6}$/, message: t('catalog.adoptHelp') }]}
          >
            <Input maxLength={8} />
          </Form.Item>
        </Form>
      </LazyModal>
    </Space>
  );
};
