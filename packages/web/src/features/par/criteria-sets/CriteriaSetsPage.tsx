import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { formatParPoints } from '@motcua/domain/par/criteria-set';
import { Alert, Button, Flex, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LazySelect, LazyTable } from '../../../components/lazyAntd';
import { Panel } from '../../../components/Panel';
import { SoftTag } from '../../../components/SoftTag';
import { Paragraph, Text } from '../../../components/typography';
import '../../../i18n/par-sets';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { hasRole, useMe } from '../../auth/useMe';
import { PAR_READER_ROLES, SetStatusTag } from './set-status';
import { type CriteriaSet, type SetStatus, type UnitGroup, useCriteriaSets } from './useCriteriaSets';

const ImportDialog = lazy(() => import('./SetDialogs').then((m) => ({ default: m.ImportDialog })));
const CreateDialog = lazy(() => import('./SetDialogs').then((m) => ({ default: m.CreateDialog })));

const GROUPS: UnitGroup[] = ['department', 'commune', 'province'];
const STATUSES: SetStatus[] = ['draft', 'published', 'frozen'];
const thisYear = new Date().getFullYear();
const yearOptions = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

/**
 * The province's criteria sets by year, group and status. The organiser creates drafts (empty or copied) and
 * imports workbooks; everyone with a PAR role reads them.
 */
export const CriteriaSetsPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const canRead = hasRole(me, ...PAR_READER_ROLES);
  const canWrite = hasRole(me, 'par_organiser');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [unitGroup, setUnitGroup] = useState<UnitGroup | undefined>(undefined);
  const [status, setStatus] = useState<SetStatus | undefined>(undefined);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const sets = useCriteriaSets({
    ...(year ? { year } : {}),
    ...(unitGroup ? { unitGroup } : {}),
    ...(status ? { status } : {}),
  });

  useEffect(() => {
    document.title = `${t('parSets.title')} — ${t('app.shortName')}`;
  }, [t]);

  if (!canRead) {
    return <Alert type="info" showIcon title={t('parSets.notAllowed')} />;
  }
  const items = sets.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: ColumnsType<CriteriaSet> = [
    { title: t('parSets.year'), dataIndex: 'year', width: 70 },
    {
      title: t('parSets.setTitle'),
      dataIndex: 'title',
      render: (_: string, set) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/can-bo/chi-so-cchc/bo-tieu-chi/${set.id}`} data-testid="par-set-link">
            {set.title}
          </Link>
          <Text type="secondary">
            {t(`parSets.groups.${set.unitGroup}`)} · {t('parSets.version')} {set.version}
          </Text>
        </Space>
      ),
    },
    {
      title: t('parSets.status'),
      dataIndex: 'status',
      width: 150,
      render: (value: SetStatus, set) => (
        <Flex gap={4} wrap>
          <SetStatusTag status={value} />
          {set.isDemo ? <SoftTag tone="neutral">{t('parSets.demo')}</SoftTag> : null}
        </Flex>
      ),
    },
    {
      title: t('parSets.total'),
      dataIndex: 'totalMax',
      width: 90,
      align: 'right',
      render: (value: number) => formatParPoints(value),
    },
    {
      title: t('parSets.decision'),
      dataIndex: 'decisionNumber',
      width: 170,
      render: (value: string | null, set) =>
        value
          ? t('parSets.decisionOf', { number: value, date: set.decisionDate?.split('-').reverse().join('/') })
          : '—',
    },
  ];

  return (
    <Panel
      title={t('parSets.title')}
      extra={
        canWrite ? (
          <Flex gap={8} wrap>
            <Button icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="par-create-open">
              {t('parSets.create')}
            </Button>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setDialog('import')}
              data-testid="par-import-open"
            >
              {t('parSets.importButton')}
            </Button>
          </Flex>
        ) : null
      }
    >
      <Paragraph type="secondary">{t('parSets.intro')}</Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <LazySelect
          aria-label={t('parSets.year')}
          style={{ width: 130 }}
          value={year ?? 0}
          onChange={(value: number) => setYear(value || undefined)}
          options={[
            { value: 0, label: t('parSets.allYears') },
            ...yearOptions.map((y) => ({ value: y, label: String(y) })),
          ]}
        />
        <LazySelect
          aria-label={t('parSets.group')}
          style={{ width: 230 }}
          value={unitGroup ?? ''}
          onChange={(value: string) => setUnitGroup((value || undefined) as UnitGroup | undefined)}
          options={[
            { value: '', label: t('parSets.allGroups') },
            ...GROUPS.map((g) => ({ value: g, label: t(`parSets.groups.${g}`) })),
          ]}
        />
        <LazySelect
          aria-label={t('parSets.status')}
          style={{ width: 200 }}
          value={status ?? ''}
          onChange={(value: string) => setStatus((value || undefined) as SetStatus | undefined)}
          options={[
            { value: '', label: t('parSets.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`parSets.statuses.${s}`) })),
          ]}
        />
      </Flex>
      {sets.error ? <ErrorAlert error={sets.error} /> : null}
      <LazyTable
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={sets.isLoading}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('parSets.empty') }}
        data-testid="par-sets-table"
      />
      <LoadMoreButton pages={sets} label={t('parSets.more')} style={{ marginTop: 12 }} />
      {dialog ? (
        <Suspense fallback={null}>
          {dialog === 'create' ? (
            <CreateDialog open onClose={() => setDialog(null)} sets={items} />
          ) : (
            <ImportDialog open onClose={() => setDialog(null)} />
          )}
        </Suspense>
      ) : null}
    </Panel>
  );
};
