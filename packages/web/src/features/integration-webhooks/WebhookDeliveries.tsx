import { Button, Flex, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyTable } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import {
  type DeliveryState,
  useReplayDelivery,
  useReplayFailed,
  useWebhookAttempts,
  useWebhookDeliveries,
  type WebhookDelivery,
  type WebhookSubscription,
} from './useWebhooks';

const STATE_TONE = { pending: 'info', delivered: 'success', failed: 'danger' } as const;

const Attempts = ({ deliveryId }: { deliveryId: string }) => {
  const { t } = useTranslation();
  const attempts = useWebhookAttempts(deliveryId);
  if (attempts.isError) {
    return <ErrorAlert error={attempts.error} />;
  }
  const items = attempts.data?.items ?? [];
  if (attempts.isSuccess && items.length === 0) {
    return <Text type="secondary">{t('webhooks.noAttempts')}</Text>;
  }
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('webhooks.attemptsOf')}>
      {items.map((attempt) => (
        <li key={attempt.id}>
          {formatDateTime(attempt.at)} — {attempt.status ?? '—'}
          {attempt.durationMs !== null ? ` (${attempt.durationMs} ms)` : ''}
          {attempt.replay ? <> · {t('webhooks.replayTag')}</> : null}
          {attempt.error ? <Text type="danger"> · {attempt.error}</Text> : null}
        </li>
      ))}
    </ul>
  );
};

/** A subscription's deliveries (state filter, keyset pages), each with its attempts, and replay. */
export const WebhookDeliveries = ({
  subscription,
  canManage,
}: {
  subscription: WebhookSubscription;
  canManage: boolean;
}) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const [state, setState] = useState<DeliveryState | undefined>(undefined);
  const deliveries = useWebhookDeliveries(subscription.id, state);
  const replay = useReplayDelivery();
  const replayFailed = useReplayFailed();
  const rows = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Panel
      title={t('webhooks.deliveriesOf', { name: subscription.name })}
      data-testid="webhook-deliveries"
      extra={
        canManage ? (
          <Button
            loading={replayFailed.isPending}
            onClick={() =>
              replayFailed.mutate(subscription.id, {
                onSuccess: (done) => message.success(t('webhooks.replayFailedDone', { count: done.requeued })),
              })
            }
          >
            {t('webhooks.replayFailed')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <Radio.Group
          optionType="button"
          value={state ?? 'all'}
          onChange={(event) => setState(event.target.value === 'all' ? undefined : event.target.value)}
          options={[
            { value: 'all', label: t('webhooks.filterAll') },
            { value: 'pending', label: t('webhooks.state_pending') },
            { value: 'delivered', label: t('webhooks.state_delivered') },
            { value: 'failed', label: t('webhooks.state_failed') },
          ]}
        />
        {deliveries.isError ? <ErrorAlert error={deliveries.error} /> : null}
        {replay.isError ? <ErrorAlert error={replay.error} /> : null}
        {replayFailed.isError ? <ErrorAlert error={replayFailed.error} /> : null}
        <LazyTable<WebhookDelivery>
          rowKey="id"
          size="small"
          pagination={false}
          loading={deliveries.isPending}
          dataSource={rows}
          scroll={{ x: 820 }}
          locale={{ emptyText: t('webhooks.noDeliveries') }}
          expandable={{ expandedRowRender: (row) => <Attempts deliveryId={row.id} /> }}
          columns={[
            { title: t('webhooks.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            {
              title: t('webhooks.eventId'),
              dataIndex: 'eventId',
              render: (v: string) => <code style={{ wordBreak: 'break-all' }}>{v}</code>,
            },
            {
              title: t('webhooks.state'),
              dataIndex: 'state',
              render: (_: unknown, row) => (
                <Flex vertical>
                  <span>
                    <SoftTag tone={STATE_TONE[row.state]}>{t(`webhooks.state_${row.state}`)}</SoftTag>
                  </span>
                  {row.nextAttemptAt ? (
                    <Text type="secondary">{t('webhooks.nextAttempt', { at: formatDateTime(row.nextAttemptAt) })}</Text>
                  ) : null}
                </Flex>
              ),
            },
            { title: t('webhooks.attempts'), dataIndex: 'attempts' },
            {
              title: t('webhooks.lastStatus'),
              render: (_: unknown, row) =>
                row.lastStatus ?? (row.lastError ? <Text type="danger">{row.lastError}</Text> : '—'),
            },
            ...(canManage
              ? [
                  {
                    title: t('webhooks.actions'),
                    render: (_: unknown, row: WebhookDelivery) => (
                      <Button
                        size="small"
                        loading={replay.isPending && replay.variables === row.id}
                        onClick={() =>
                          replay.mutate(row.id, { onSuccess: () => message.success(t('webhooks.replayed')) })
                        }
                      >
                        {t('webhooks.replay')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {deliveries.hasNextPage ? (
          <div>
            <Button loading={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
              {t('webhooks.more')}
            </Button>
          </div>
        ) : null}
      </Flex>
    </Panel>
  );
};
