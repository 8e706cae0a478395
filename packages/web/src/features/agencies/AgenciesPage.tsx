import { ApartmentOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Descriptions, Empty, Row, Space } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyTable, LazyTree } from '../../components/lazyAntd';
import { lazyWidget } from '../../components/lazyWidget';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import '../../i18n/console';
import type { AgencyChange } from '../../api/types';
import { AgencySelect } from '../../components/AgencySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { SoftTag } from '../../components/SoftTag';
import { formatDate, formatDateTime } from '../../lib/format';
import { agenciesWithRole, hasRole, useMe } from '../auth/useMe';
import { QueueStatusCard } from '../system/QueueStatusCard';
import type { AgencyDialog } from './AgencyDialogs';
import { fetchAgency, fetchAgencyChanges, findAgencies } from './useAgencies';
import '../../i18n/console-admin';

// The dialogs open on a click: their code loads after the page shows (issue 16).
const AgencyDialogs = lazyWidget(() => import('./AgencyDialogs').then((m) => ({ default: m.AgencyDialogs })), null);

type Node = DataNode & { key: string; children?: Node[] };

const toNode = (agency: { id: string; name: string; code: string }): Node => ({
  key: agency.id,
  title: `${agency.name} (${agency.code})`,
});

const setChildren = (nodes: Node[], key: string, children: Node[]): Node[] =>
  nodes.map((node) =>
    node.key === key
      ? { ...node, children, isLeaf: children.length === 0 }
      : node.children
        ? { ...node, children: setChildren(node.children, key, children) }
        : node,
  );

const AgencyDetailPanel = ({ id, onSelect }: { id: string; onSelect: (id: string) => void }) => {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<AgencyDialog | null>(null);
  const detail = useQuery({
    queryKey: ['agency', id],
    queryFn: ({ signal }) => fetchAgency(id, signal),
  });
  const changes = useQuery({
    queryKey: ['agency', id, 'changes'],
    queryFn: ({ signal }) => fetchAgencyChanges(id, signal),
    retry: false,
  });
  if (detail.isPending) {
    return <PageLoading />;
  }
  if (detail.isError) {
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const a = detail.data;
  const closed = a.validTo !== null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Panel title={a.name} extra={closed ? <SoftTag>{t('agencies.closed')}</SoftTag> : null}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('agencies.code')}>{a.code}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.kind')}>{t(`agencies.kind_${a.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.shortName')}>{a.shortName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.validFrom')}>{formatDate(a.validFrom)}</Descriptions.Item>
          {a.validTo ? (
            <Descriptions.Item label={t('agencies.validTo')}>{formatDate(a.validTo)}</Descriptions.Item>
          ) : null}
        </Descriptions>
        {closed ? null : (
          <Space wrap style={{ marginTop: 12 }}>
            <Button icon={<PlusOutlined />} onClick={() => setDialog('create')}>
              {t('agencies.addChild')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setDialog('rename')}>
              {t('agencies.rename')}
            </Button>
            {a.parentId ? (
              <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
                {t('agencies.move')}
              </Button>
            ) : null}
            {a.parentId ? (
              <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')}>
                {t('agencies.merge')}
              </Button>
            ) : null}
          </Space>
        )}
      </Panel>
      <Panel bodyStyle={{ padding: 12 }} title={t('agencies.version')} level={3}>
        <LazyTable
          rowKey="validFrom"
          size="small"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={a.versions}
          columns={[
            { title: t('agencies.validFrom'), dataIndex: 'validFrom', render: (v: string) => formatDate(v) },
            { title: t('agencies.validTo'), dataIndex: 'validTo', render: (v: string | null) => formatDate(v) },
            { title: t('agencies.code'), dataIndex: 'code' },
            { title: t('agencies.name'), dataIndex: 'name' },
          ]}
        />
        {a.predecessors.length + a.successors.length > 0 ? (
          <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
            {a.predecessors.length > 0 ? (
              <Descriptions.Item label={t('agencies.predecessors')}>
                <Space wrap>
                  {a.predecessors.map((p) => (
                    <Button key={p.id} type="link" size="small" onClick={() => onSelect(p.id)}>
                      {p.name} ({formatDate(p.effective)})
                    </Button>
                  ))}
                </Space>
              </Descriptions.Item>
            ) : null}
            {a.successors.length > 0 ? (
              <Descriptions.Item label={t('agencies.successors')}>
                <Space wrap>
                  {a.successors.map((s) => (
                    <Button key={s.id} type="link" size="small" onClick={() => onSelect(s.id)}>
                      {s.name} ({formatDate(s.effective)})
                    </Button>
                  ))}
                </Space>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        ) : null}
      </Panel>
      <Panel bodyStyle={{ padding: 12 }} title={t('agencies.changes')} level={3}>
        {changes.isError ? <ErrorAlert error={changes.error} /> : null}
        <LazyTable<AgencyChange>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 560 }}
          loading={changes.isPending}
          dataSource={changes.data?.items ?? []}
          columns={[
            { title: t('agencies.changedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: t('agencies.change'), dataIndex: 'change' },
            { title: t('agencies.effective'), dataIndex: 'effective', render: (v: string) => formatDate(v) },
            { title: t('agencies.changedBy'), dataIndex: 'actorUsername', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Panel>
      <AgencyDialogs dialog={dialog} agency={a} onClose={() => setDialog(null)} onDone={onSelect} />
    </Space>
  );
};

/** Agencies the official administers, as a tree loaded level by level, with the selected agency's detail and history. */
export const AgenciesPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const roots = agenciesWithRole(me, 'agency_admin', 'province_admin');
  const [tree, setTree] = useState<Node[]>(() => roots.map(toNode));
  const [selected, setSelected] = useState<string | undefined>(roots[0]?.id);
  const [expanded, setExpanded] = useState<string[]>([]);
  const rootKey = roots.map((r) => r.id).join(',');

  useEffect(() => {
    document.title = `${t('agencies.title')} — ${t('app.shortName')}`;
  }, [t]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the set of root agencies changes
  useEffect(() => {
    setTree(roots.map(toNode));
  }, [rootKey]);

  const loadChildren = useCallback(
    async (key: string) => {
      const page = await queryClient.fetchQuery({
        queryKey: ['agencies', 'children', key],
        queryFn: ({ signal }) => findAgencies({ parent: key, pageSize: 100 }, signal),
      });
      setTree((nodes) => setChildren(nodes, key, page.items.map(toNode)));
    },
    [queryClient],
  );

  if (roots.length === 0) {
    return <Alert type="warning" showIcon title={t('agencies.noAccess')} />;
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('agencies.title')}
      </Title>
      {hasRole(me, 'province_admin') ? <QueueStatusCard /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Panel
            title={
              <>
                <ApartmentOutlined aria-hidden /> {t('agencies.tree')}
              </>
            }
          >
            <label htmlFor="agency-search" className="visually-hidden">
              {t('agencies.searchLabel')}
            </label>
            <AgencySelect
              id="agency-search"
              province={me?.provinceCode}
              onChange={(id) => id && setSelected(id)}
              style={{ marginBottom: 12 }}
            />
            <LazyTree<Node>
              treeData={tree}
              selectedKeys={selected ? [selected] : []}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
              loadData={(node) => loadChildren(String(node.key))}
              blockNode
            />
          </Panel>
        </Col>
        <Col xs={24} lg={15}>
          {selected ? (
            <AgencyDetailPanel
              key={selected}
              id={selected}
              onSelect={(id) => {
                setSelected(id);
                // Reload the loaded levels so new or moved agencies show in the tree.
                setTree(roots.map(toNode));
                setExpanded([]);
              }}
            />
          ) : (
            <Panel>
              <Empty description={t('agencies.select')} />
            </Panel>
          )}
        </Col>
      </Row>
    </Space>
  );
};
