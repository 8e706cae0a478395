import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Flex, Form, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyDatePicker, LazyModal, LazyTable } from '../../components/lazyAntd';
import { lazyWidget } from '../../components/lazyWidget';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import '../../i18n/console';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { ProcedureDetail, ProcedureVersionWithRow, VersionStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { SoftTag, type Tone } from '../../components/SoftTag';
import { formatDate, formatDateTime } from '../../lib/format';
import { findDirectDuration, useProcedureText } from '../../lib/useProcedureText';
import { useMe } from '../auth/useMe';
import { usePortalLabels } from '../portal/usePortalLabels';

import { createDraftVersion, fetchProcedure, fetchProcedureVersion, publishVersion } from './useCatalog';
import '../../i18n/console-work';
import '../../i18n/console-admin';

// The draft's editor shows when a draft is opened: its code loads then (issue 16).
const DraftEditor = lazyWidget(() => import('./DraftEditor').then((m) => ({ default: m.DraftEditor })));

type VersionRow = ProcedureDetail['versions'][number];

const statusTone: Record<VersionStatus, Tone> = { draft: 'warning', published: 'success', superseded: 'neutral' };

/** One procedure of the province catalog: its versions, a draft to edit, and publishing. */
export const ProcedureAdminPage = () => {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const me = useMe().data;
  const catalog = me?.provinceCode ?? 'national';
  const labels = usePortalLabels();
  const text = useProcedureText();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ProcedureVersionWithRow | null>(null);
  const [publishing, setPublishing] = useState<number | null>(null);
  const [publishForm] = Form.useForm<{ effectiveFrom: Dayjs }>();

  const detail = useQuery({
    queryKey: ['procedure', catalog, code, 'admin'],
    queryFn: ({ signal }) => fetchProcedure(code, catalog, signal),
  });

  useEffect(() => {
    document.title = `${t('catalog.detailTitle', { code })} — ${t('app.shortName')}`;
  }, [t, code]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['procedure', catalog, code] });

  const openVersion = useMutation({
    mutationFn: (no: number) => fetchProcedureVersion(code, catalog, no),
    onSuccess: setEditing,
  });

  const newDraft = useMutation({
    mutationFn: () => createDraftVersion(code, catalog, detail.data?.rowVersion),
    onSuccess: (created) => {
      void message.success(t('catalog.newDraftCreated', { no: created.versionNo }));
      setEditing(created);
      void refresh();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        void refresh();
      }
    },
  });

  const publish = useMutation({
    mutationFn: async (values: { effectiveFrom: Dayjs }) => {
      const no = publishing ?? 0;
      // The row version may have moved since the page loaded (a draft saved): read it afresh.
      const current = editing?.versionNo === no ? editing : await fetchProcedureVersion(code, catalog, no);
      return publishVersion(code, catalog, no, {
        expectedVersion: current.rowVersion,
        effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
      });
    },
    onSuccess: (published) => {
      void message.success(t('catalog.published', { no: published.versionNo }));
      setPublishing(null);
      setEditing(null);
      void refresh();
    },
  });

  if (detail.isPending) {
    return <PageLoading />;
  }
  if (detail.isError) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Link to="/can-bo/thu-tuc">
          <ArrowLeftOutlined /> {t('common.back')}
        </Link>
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      </Space>
    );
  }
  const p = detail.data;
  const hasDraft = p.versions.some((v) => v.status === 'draft');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/can-bo/thu-tuc">
        <ArrowLeftOutlined aria-hidden /> {t('common.back')}
      </Link>
      <Panel>
        <Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {p.name}
        </Title>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('catalog.code')}>{p.code}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.field')}>{p.field.name}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.level')}>
            {p.levels.map((l) => labels.level(l)).join(', ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.online')}>{labels.online(p.onlineLevel)}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.version')}>
            {p.currentVersionNo ?? t('catalog.noVersion')}
          </Descriptions.Item>
          <Descriptions.Item label={t('intake.duration')}>
            {p.current ? text.duration(findDirectDuration(p.current.content)) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.receivingAgencies')}>
            {p.agencies
              .filter((a) => a.role === 'receiving')
              .map((a) => a.name)
              .join('; ') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Panel>
      <Panel
        title={t('catalog.versions')}
        extra={
          hasDraft ? null : (
            <Button icon={<PlusOutlined />} onClick={() => newDraft.mutate()} loading={newDraft.isPending}>
              {t('catalog.newDraft')}
            </Button>
          )
        }
      >
        {newDraft.isError ? <ErrorAlert error={newDraft.error} /> : null}
        {openVersion.isError ? <ErrorAlert error={openVersion.error} /> : null}
        <LazyTable<VersionRow>
          rowKey="versionNo"
          size="small"
          pagination={false}
          scroll={{ x: 760 }}
          dataSource={p.versions}
          columns={[
            { title: t('catalog.versionNo'), dataIndex: 'versionNo' },
            {
              title: t('catalog.versionStatus'),
              dataIndex: 'status',
              render: (s: VersionStatus) => <SoftTag tone={statusTone[s]}>{t(`catalog.status_${s}`)}</SoftTag>,
            },
            {
              title: t('common.effectiveFrom'),
              dataIndex: 'effectiveFrom',
              render: (v: string | null) => formatDate(v),
            },
            { title: t('common.effectiveTo'), dataIndex: 'effectiveTo', render: (v: string | null) => formatDate(v) },
            {
              title: t('catalog.source'),
              dataIndex: 'source',
              render: (s: VersionRow['source']) => t(`catalog.source_${s}`),
            },
            {
              title: t('catalog.createdBy'),
              key: 'created',
              render: (_, v) => `${v.createdBy ?? '—'} · ${formatDateTime(v.createdAt)}`,
            },
            { title: t('catalog.publishedBy'), dataIndex: 'publishedBy', render: (v: string | null) => v ?? '—' },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, v) => (
                <Space>
                  <Button
                    size="small"
                    onClick={() => openVersion.mutate(v.versionNo)}
                    loading={openVersion.isPending && openVersion.variables === v.versionNo}
                  >
                    {v.status === 'draft' ? t('catalog.editDraft') : t('catalog.viewVersion')}
                  </Button>
                  {v.status === 'draft' ? (
                    <Button size="small" type="primary" onClick={() => setPublishing(v.versionNo)}>
                      {t('catalog.publish')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Panel>
      {editing ? (
        <Panel
          title={
            <>
              {t('catalog.versionNo')} {editing.versionNo} — {t(`catalog.status_${editing.status}`)}
            </>
          }
          extra={<Button onClick={() => setEditing(null)}>{t('common.close')}</Button>}
        >
          {editing.status === 'draft' ? (
            <DraftEditor
              key={`${editing.versionNo}-${editing.rowVersion}`}
              code={p.code}
              catalog={catalog}
              draft={editing}
              onSaved={(saved) => {
                setEditing(saved);
                void refresh();
              }}
            />
          ) : (
            <Flex vertical gap={12}>
              <Title level={3} style={{ fontSize: 15 }}>
                {t('catalog.components')}
              </Title>
              <ol>
                {editing.content.components.map((c) => (
                  <li key={c.key}>{c.name}</li>
                ))}
              </ol>
              <Title level={3} style={{ fontSize: 15 }}>
                {t('catalog.steps')}
              </Title>
              <ol>
                {editing.content.processSteps.map((s) => (
                  <li key={s.key}>
                    {s.name} — {t(`roles.${s.role}`)} — {s.allotmentWorkingHours} h
                  </li>
                ))}
              </ol>
            </Flex>
          )}
        </Panel>
      ) : null}
      <LazyModal
        open={publishing !== null}
        title={t('catalog.publishTitle', { no: publishing ?? '' })}
        onCancel={() => setPublishing(null)}
        onOk={() => publishForm.submit()}
        okText={t('catalog.publish')}
        cancelText={t('common.cancel')}
        confirmLoading={publish.isPending}
        destroyOnHidden
      >
        {publish.isError ? <ErrorAlert error={publish.error} /> : null}
        <Form
          form={publishForm}
          layout="vertical"
          initialValues={{ effectiveFrom: dayjs() }}
          onFinish={(v) => publish.mutate(v)}
        >
          <Form.Item
            label={t('common.effectiveFrom')}
            name="effectiveFrom"
            extra={t('catalog.publishHelp')}
            rules={[{ required: true, message: t('common.required', { field: t('common.effectiveFrom') }) }]}
          >
            <LazyDatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </LazyModal>
    </Space>
  );
};
