import { ArrowLeftOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { formatParPoints } from '@motcua/domain/par/criteria-set';
import { Alert, Button, Col, Flex, Row, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LazyTable } from '../../../components/lazyAntd';
import { PageLoading } from '../../../components/PageLoading';
import { Panel } from '../../../components/Panel';
import { SoftTag } from '../../../components/SoftTag';
import { Paragraph, Text, Title } from '../../../components/typography';
import '../../../i18n/par-sets';
import { hasRole, useMe } from '../../auth/useMe';
import { PAR_READER_ROLES, SetStatusTag } from './set-status';
import {
  type CriteriaEdit,
  type CriterionNode,
  exportUrl,
  useCreateCriteriaSet,
  useCriteriaSet,
  useDeleteCriteriaSet,
  useEditCriteria,
} from './useCriteriaSets';

const NodeEditor = lazy(() => import('./DraftEditor').then((m) => ({ default: m.NodeEditor })));
const PublishDialog = lazy(() => import('./DraftEditor').then((m) => ({ default: m.PublishDialog })));
const CapsForm = lazy(() => import('./DraftEditor').then((m) => ({ default: m.CapsForm })));

type TreeRow = CriterionNode & { children?: TreeRow[] };

/** The flat tree (in published order) as nested rows for an expandable table. */
const nest = (criteria: CriterionNode[]): TreeRow[] => {
  const rows = new Map<string, TreeRow>();
  const roots: TreeRow[] = [];
  for (const node of criteria) {
    const row: TreeRow = { ...node };
    rows.set(node.code, row);
    const parent = node.parentCode === null ? undefined : rows.get(node.parentCode);
    if (parent) {
      parent.children = [...(parent.children ?? []), row];
    } else {
      roots.push(row);
    }
  }
  return roots;
};

/**
 * One criteria set: its tree (expand and collapse), what stops it from being published, and for the organiser
 * while it is a draft the editor of a selected node (sums follow at once), the caps, publication with the
 * decision, export, deletion. A published or frozen set is read-only, with "new version" to change it.
 */
export const CriteriaSetPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe().data;
  const canWrite = hasRole(me, 'par_organiser');
  const query = useCriteriaSet(id);
  const set = query.data;
  const edit = useEditCriteria(id);
  const remove = useDeleteCriteriaSet(id);
  const copy = useCreateCriteriaSet();
  const [selected, setSelected] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  // Every parent is open unless the reader closed it (a node added later shows at once).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => nest(set?.criteria ?? []), [set?.criteria]);

  useEffect(() => {
    document.title = `${set?.title ?? t('parSets.title')} — ${t('app.shortName')}`;
  }, [t, set?.title]);

  if (!hasRole(me, ...PAR_READER_ROLES)) {
    return <Alert type="info" showIcon title={t('parSets.notAllowed')} />;
  }
  if (query.error) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!set) {
    return <PageLoading />;
  }
  const editable = canWrite && set.status === 'draft';
  const node = set.criteria.find((c) => c.code === selected);
  const children = (code: string | null) => set.criteria.filter((c) => c.parentCode === code);
  const childSum = (code: string) => {
    const kids = children(code);
    return kids.length === 0 ? null : kids.reduce((s, c) => s + c.maxPoints, 0);
  };
  const run = (change: CriteriaEdit, select?: (editedCode: string | null) => string | null) =>
    edit.mutate(
      { expectedVersion: set.rowVersion, edit: change },
      { onSuccess: (result) => setSelected(select ? select(result.editedCode) : result.editedCode) },
    );
  const blank = {
    title: t('parSets.newNode'),
    maxPoints: 100,
    scoringRule: null,
    evidenceRequired: null,
    surveyScored: false,
    systemMeasure: null,
    notApplicableTo: [],
  };

  const columns: ColumnsType<TreeRow> = [
    { title: t('parSets.columns.code'), dataIndex: 'code', width: 84 },
    {
      title: t('parSets.columns.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space orientation="vertical" size={2}>
          <Text strong={row.kind === 'area'}>{title}</Text>
          <Flex gap={4} wrap>
            {row.surveyScored ? <SoftTag tone="info">{t('parSets.surveyShort')}</SoftTag> : null}
            {row.systemMeasure ? <SoftTag tone="success">{t(`parSets.measures.${row.systemMeasure}`)}</SoftTag> : null}
            {row.notApplicableTo.map((tag) => (
              <SoftTag key={tag} tone="warning">
                ≠ {tag}
              </SoftTag>
            ))}
          </Flex>
        </Space>
      ),
    },
    {
      title: t('parSets.columns.maxPoints'),
      dataIndex: 'maxPoints',
      width: 76,
      align: 'right',
      render: (points: number) => <span data-testid="par-node-points">{formatParPoints(points)}</span>,
    },
  ];

  const siblings = node ? children(node.parentCode) : [];
  const at = node ? siblings.findIndex((s) => s.code === node.code) : -1;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/can-bo/chi-so-cchc/bo-tieu-chi">
        <ArrowLeftOutlined /> {t('parSets.back')}
      </Link>
      <Panel>
        <Flex justify="space-between" align="start" gap={12} wrap>
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Title level={3} style={{ overflowWrap: 'anywhere' }} data-testid="par-set-title">
              {set.title}
            </Title>
            <Flex gap={6} wrap align="center">
              <SetStatusTag status={set.status} />
              {set.isDemo ? <SoftTag>{t('parSets.demo')}</SoftTag> : null}
              <Text type="secondary">
                {set.unitGroupLabel[lang]} · {set.year} · {t('parSets.version')} {set.version}
              </Text>
            </Flex>
            {set.decisionNumber ? (
              <Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="par-set-decision">
                {t('parSets.decision')}:{' '}
                {t('parSets.decisionOf', {
                  number: set.decisionNumber,
                  date: set.decisionDate?.split('-').reverse().join('/'),
                })}
              </Paragraph>
            ) : null}
            <Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="par-set-summary">
              {t('parSets.summary', {
                leaves: set.leafCount,
                total: formatParPoints(set.totalMax),
                survey: formatParPoints(set.surveyMax),
              })}{' '}
              {t('parSets.caps', { bonus: formatParPoints(set.bonusCap), penalty: formatParPoints(set.penaltyCap) })}
            </Paragraph>
          </div>
          <Flex gap={8} wrap>
            <Button icon={<DownloadOutlined />} href={exportUrl(set.id)} data-testid="par-export">
              {t('parSets.export')}
            </Button>
            {editable ? (
              <>
                <Button
                  type="primary"
                  disabled={!set.canPublish}
                  onClick={() => setPublishing(true)}
                  data-testid="par-publish-open"
                >
                  {t('parSets.publish')}
                </Button>
                <Button
                  danger
                  loading={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t('parSets.deleteConfirm'))) {
                      remove.mutate(set.rowVersion, {
                        onSuccess: () => void navigate('/can-bo/chi-so-cchc/bo-tieu-chi'),
                      });
                    }
                  }}
                >
                  {t('parSets.deleteDraft')}
                </Button>
              </>
            ) : canWrite ? (
              <Button
                loading={copy.isPending}
                onClick={() =>
                  copy.mutate(
                    { year: set.year, unitGroup: set.unitGroup, title: set.title, copyFromId: set.id },
                    { onSuccess: (created) => void navigate(`/can-bo/chi-so-cchc/bo-tieu-chi/${created.id}`) },
                  )
                }
              >
                {t('parSets.newVersion')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
        {editable ? (
          <div style={{ marginTop: 12 }}>
            <Suspense fallback={null}>
              <CapsForm set={set} />
            </Suspense>
          </div>
        ) : null}
      </Panel>
      {set.status !== 'draft' ? (
        <Alert type="info" showIcon title={set.status === 'frozen' ? t('parSets.frozenNote') : t('parSets.readOnly')} />
      ) : set.issues.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="par-set-issues"
          title={t('parSets.issuesTitle', { count: set.issues.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {set.issues.slice(0, 30).map((issue) => (
                <li key={`${issue.code}:${issue.nodeCode}`}>
                  {issue.nodeCode ? <strong>{issue.nodeCode}: </strong> : null}
                  {issue.message[lang]}
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon title={t('parSets.valid')} data-testid="par-set-valid" />
      )}
      {edit.error ? <ErrorAlert error={edit.error} /> : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={editable ? 14 : 24}>
          <Panel
            title={t('parSets.tree')}
            level={3}
            extra={
              editable ? (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  disabled={edit.isPending}
                  onClick={() => run({ kind: 'add', parentCode: null, fields: blank })}
                  data-testid="par-add-area"
                >
                  {t('parSets.addArea')}
                </Button>
              ) : null
            }
          >
            <LazyTable
              rowKey="code"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 360 }}
              expandable={{
                expandedRowKeys: set.criteria.filter((c) => !c.isLeaf && !collapsed.has(c.code)).map((c) => c.code),
                onExpand: (open, row) =>
                  setCollapsed((before) => {
                    const next = new Set(before);
                    if (open) {
                      next.delete(row.code);
                    } else {
                      next.add(row.code);
                    }
                    return next;
                  }),
              }}
              rowClassName={(row) => (row.code === selected ? 'ant-table-row-selected' : '')}
              onRow={(row) => ({
                onClick: editable ? () => setSelected(row.code) : undefined,
                style: editable ? { cursor: 'pointer' } : undefined,
                'data-code': row.code,
              })}
              data-testid="par-tree"
            />
          </Panel>
        </Col>
        {editable ? (
          <Col xs={24} xl={10}>
            {node ? (
              <Suspense fallback={null}>
                <NodeEditor
                  node={node}
                  childSum={childSum(node.code)}
                  pending={edit.isPending}
                  onSave={(fields) => run({ kind: 'update', code: node.code, fields })}
                  onAddChild={() => run({ kind: 'add', parentCode: node.code, fields: blank })}
                  onMove={(delta) =>
                    run({ kind: 'move', code: node.code, parentCode: node.parentCode, index: at + delta })
                  }
                  onDelete={() => run({ kind: 'delete', code: node.code }, () => null)}
                  canMoveUp={at > 0}
                  canMoveDown={at >= 0 && at < siblings.length - 1}
                />
              </Suspense>
            ) : (
              <Panel level={3}>
                <Text type="secondary">{t('parSets.selectNode')}</Text>
              </Panel>
            )}
          </Col>
        ) : null}
      </Row>
      {publishing ? (
        <Suspense fallback={null}>
          <PublishDialog set={set} open onClose={() => setPublishing(false)} />
        </Suspense>
      ) : null}
    </Space>
  );
};
