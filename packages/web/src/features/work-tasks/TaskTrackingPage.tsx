import { Flex, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/work-tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyTable } from '../../components/lazyAntd';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import { type TaskTracking, useTaskTracking } from './useTasks';

type Row = TaskTracking['people'][number];

const monthStart = () => {
  const now = new Date(Date.now() + 7 * 3600_000);
  return `${now.toISOString().slice(0, 7)}-01`;
};
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** One table of the tracking view: per person, unit or leader (scrolls sideways at 390 px; antd's Table loads with the data). */
const TrackingTable = ({ title, rows, testId }: { title: string; rows: Row[]; testId: string }) => {
  const { t } = useTranslation();
  return (
    <Panel title={title} level={2}>
      <div data-testid={testId}>
        <LazyTable<Row>
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={rows}
          locale={{ emptyText: t('tasks.track_empty') }}
          columns={[
            { title: t('tasks.track_name'), dataIndex: 'name', fixed: 'left' },
            { title: t('tasks.track_assigned'), dataIndex: 'assigned', align: 'right' },
            { title: t('tasks.track_open'), dataIndex: 'open', align: 'right' },
            {
              title: t('tasks.track_overdue'),
              dataIndex: 'overdue',
              align: 'right',
              render: (value: number) => <span style={{ color: value > 0 ? '#b42318' : undefined }}>{value}</span>,
            },
            { title: t('tasks.track_onTime'), dataIndex: 'completedOnTime', align: 'right' },
            {
              title: t('tasks.track_late'),
              dataIndex: 'completedLate',
              align: 'right',
              render: (value: number) => <span style={{ color: value > 0 ? '#b42318' : undefined }}>{value}</span>,
            },
          ]}
        />
      </div>
    </Panel>
  );
};

/**
 * "Theo dõi việc thực hiện nhiệm vụ": per official, unit and assigning leader — assigned in the period, open,
 * overdue, done on time, done late; a leader sees the units they head.
 */
export const TaskTrackingPage = () => {
  const { t } = useTranslation();
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(today());
  const tracking = useTaskTracking(from, to);
  useEffect(() => {
    document.title = `${t('tasks.tracking')} — motcua`;
  }, [t]);
  return (
    <Flex vertical gap={16}>
      <Link to="/can-bo/cong-viec">← {t('tasks.back')}</Link>
      <Title level={1} style={{ fontSize: 22 }}>
        {t('tasks.tracking')}
      </Title>
      <Flex gap={8} wrap>
        <Input
          type="date"
          aria-label={t('tasks.track_from')}
          addonBefore={t('tasks.track_from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          style={{ maxWidth: 240 }}
        />
        <Input
          type="date"
          aria-label={t('tasks.track_to')}
          addonBefore={t('tasks.track_to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          style={{ maxWidth: 240 }}
        />
      </Flex>
      {tracking.isPending ? <PageLoading /> : null}
      {tracking.isError ? <ErrorAlert error={tracking.error} onRetry={() => void tracking.refetch()} /> : null}
      {tracking.data ? (
        <>
          <TrackingTable title={t('tasks.track_people')} rows={tracking.data.people} testId="tracking-people" />
          <TrackingTable title={t('tasks.track_units')} rows={tracking.data.units} testId="tracking-units" />
          <TrackingTable title={t('tasks.track_leaders')} rows={tracking.data.leaders} testId="tracking-leaders" />
        </>
      ) : null}
    </Flex>
  );
};
