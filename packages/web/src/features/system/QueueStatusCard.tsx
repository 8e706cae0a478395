import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LazyTable } from '../../components/lazyAntd';
import { Panel } from '../../components/Panel';
import { Paragraph } from '../../components/typography';
import '../../i18n/console';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../lib/format';
import { fetchQueueStatus, type QueueStatus } from './useSystem';
import '../../i18n/console-admin';

const QUEUE_LABELS = {
  'dossier-changed': 'queues.queue_dossier_changed',
  'form-issued': 'queues.queue_form_issued',
  'due-recompute': 'queues.queue_due_recompute',
  'dossier-import': 'queues.queue_dossier_import',
  'par-changed': 'queues.queue_par_changed',
  'par-reminders': 'queues.queue_par_reminders',
  'sipas-invitations': 'queues.queue_sipas_invitations',
  'pakn-changed': 'queues.queue_pakn_changed',
  'document-changed': 'queues.queue_document_changed',
  'task-warnings': 'queues.queue_task_warnings',
  'catalog-pull': 'queues.queue_catalog_pull',
} as const satisfies Record<QueueStatus['name'], string>;

/** "12 giây", "4 phút", "2 giờ": the age of the oldest waiting job, in the unit people read. */
const describeAge = (seconds: number | null, t: TFunction): string => {
  if (seconds === null) {
    return t('queues.none');
  }
  if (seconds < 120) {
    return t('queues.seconds', { count: seconds });
  }
  if (seconds < 2 * 3600) {
    return t('queues.minutes', { count: Math.floor(seconds / 60) });
  }
  return t('queues.hours', { count: Math.floor(seconds / 3600) });
};

/** Depth and age of the background queues (province administrator), refreshed every 15 seconds. */
export const QueueStatusCard = () => {
  const { t, i18n } = useTranslation();
  const status = useQuery({
    queryKey: ['system', 'queues'],
    queryFn: ({ signal }) => fetchQueueStatus(signal),
    refetchInterval: 15_000,
  });
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <Panel title={t('queues.title')} data-testid="queue-status">
      <Paragraph type="secondary">{t('queues.hint')}</Paragraph>
      {status.isError ? (
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <LazyTable<QueueStatus>
          size="small"
          rowKey="name"
          pagination={false}
          loading={status.isPending}
          dataSource={status.data?.queues ?? []}
          columns={[
            {
              title: t('queues.name'),
              dataIndex: 'name',
              render: (name: QueueStatus['name']) => t(QUEUE_LABELS[name]),
            },
            { title: t('queues.waiting'), dataIndex: 'waiting', align: 'right', render: number },
            { title: t('queues.retrying'), dataIndex: 'retrying', align: 'right', render: number },
            { title: t('queues.active'), dataIndex: 'active', align: 'right', render: number },
            { title: t('queues.failed'), dataIndex: 'failed', align: 'right', render: number },
            {
              title: t('queues.oldest'),
              dataIndex: 'oldestWaitingSeconds',
              align: 'right',
              render: (seconds: number | null) => describeAge(seconds, t),
            },
          ]}
        />
      )}
    </Panel>
  );
};
