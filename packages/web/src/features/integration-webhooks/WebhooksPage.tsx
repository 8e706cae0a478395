import { Button, Flex, Input } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/webhooks';
import { Callout } from '../../components/Callout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyTable } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { hasRole, useMe } from '../auth/useMe';
import {
  useDeleteWebhook,
  useRotateWebhookSecret,
  useUpdateWebhook,
  useWebhooks,
  type WebhookSubscription,
} from './useWebhooks';

// The deliveries and the creation form load when shown (the page's first load stays within 300 KB, issue 16).
const WebhookDeliveries = lazy(() => import('./WebhookDeliveries').then((m) => ({ default: m.WebhookDeliveries })));
const CreateWebhookForm = lazy(() => import('./CreateWebhookForm').then((m) => ({ default: m.CreateWebhookForm })));

/** The secret, shown once after a creation or a rotation, with a copy button. */
const SecretOnce = ({ secret, onClose }: { secret: string; onClose: () => void }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  return (
    <Callout
      type="warning"
      title={<span data-testid="webhook-secret">{t('webhooks.secretTitle')}</span>}
      description={
        <Flex vertical gap={8}>
          <span>{t('webhooks.secretHelp')}</span>
          <Flex gap={8} style={{ maxWidth: 640 }}>
            <Input readOnly value={secret} aria-label={t('webhooks.secretTitle')} data-testid="webhook-secret-value" />
            <Button
              onClick={() =>
                void navigator.clipboard?.writeText(secret).then(() => message.success(t('webhooks.copied')))
              }
            >
              {t('webhooks.copy')}
            </Button>
          </Flex>
          <div>
            <Button type="primary" onClick={onClose}>
              {t('webhooks.close')}
            </Button>
          </div>
        </Flex>
      }
    />
  );
};

/**
 * Webhook (Tích hợp): the province's subscriptions of other systems to dossier and PAKN events, their secret shown
 * once at creation and rotation, pause and resume, the deliveries with their attempts, and replay
 * (docs/webhooks.md).
 */
export const WebhooksPage = () => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const { data: me } = useMe();
  const province = me?.provinceCode ?? '';
  const canManage = hasRole(me, 'province_admin');
  const list = useWebhooks(province);
  const update = useUpdateWebhook();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhook();
  const [secret, setSecret] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t('webhooks.title')} — motcua`;
  }, [t]);

  if (list.isPending && province !== '') {
    return <PageLoading />;
  }
  if (list.isError) {
    return <ErrorAlert error={list.error} />;
  }
  const subscriptions = list.data?.items ?? [];
  const chosen = subscriptions.find((s) => s.id === selected) ?? null;
  const failure = update.error ?? rotate.error ?? remove.error;

  return (
    <Flex vertical gap={16} data-testid="webhooks-page">
      <Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('webhooks.title')}
      </Title>
      <p style={{ margin: 0, maxWidth: 900 }}>{t('webhooks.intro')}</p>
      {secret ? <SecretOnce secret={secret} onClose={() => setSecret(null)} /> : null}
      {failure ? <ErrorAlert error={failure} /> : null}
      <Panel title={t('webhooks.subscriptions')}>
        <LazyTable<WebhookSubscription>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={subscriptions}
          scroll={{ x: 880 }}
          locale={{ emptyText: t('webhooks.none') }}
          columns={[
            { title: t('webhooks.name'), dataIndex: 'name' },
            {
              title: t('webhooks.url'),
              dataIndex: 'url',
              render: (v: string) => <code style={{ wordBreak: 'break-all' }}>{v}</code>,
            },
            {
              title: t('webhooks.events'),
              dataIndex: 'events',
              render: (events: WebhookSubscription['events']) =>
                events
                  .map((e) => (e === 'dossier.changed' ? t('webhooks.event_dossier') : t('webhooks.event_pakn')))
                  .join(', '),
            },
            {
              title: t('webhooks.state'),
              render: (_: unknown, row) => (
                <Flex vertical>
                  <span>
                    <SoftTag tone={row.active ? 'success' : 'warning'}>
                      {row.active ? t('webhooks.active') : t('webhooks.paused')}
                    </SoftTag>
                  </span>
                  {row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date().toISOString() ? (
                    <Text type="secondary">
                      {t('webhooks.previousUntil', { at: formatDateTime(row.previousSecretExpiresAt) })}
                    </Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('webhooks.actions'),
              render: (_: unknown, row) => (
                <Flex wrap gap={4}>
                  <Button size="small" onClick={() => setSelected(row.id)}>
                    {t('webhooks.deliveries')}
                  </Button>
                  {canManage ? (
                    <>
                      <Button
                        size="small"
                        onClick={() => update.mutate({ id: row.id, expectedVersion: row.version, active: !row.active })}
                      >
                        {row.active ? t('webhooks.pause') : t('webhooks.resume')}
                      </Button>
                      <Button
                        size="small"
                        onClick={() => {
                          if (window.confirm(t('webhooks.rotateConfirm'))) {
                            rotate.mutate(
                              { id: row.id, expectedVersion: row.version },
                              { onSuccess: (issued) => setSecret(issued.secret) },
                            );
                          }
                        }}
                      >
                        {t('webhooks.rotate')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => {
                          if (window.confirm(t('webhooks.deleteConfirm'))) {
                            remove.mutate(
                              { id: row.id, expectedVersion: row.version },
                              { onSuccess: () => message.success(t('webhooks.deleted')) },
                            );
                          }
                        }}
                      >
                        {t('webhooks.delete')}
                      </Button>
                    </>
                  ) : null}
                </Flex>
              ),
            },
          ]}
        />
      </Panel>
      {canManage ? (
        <Suspense fallback={null}>
          <CreateWebhookForm province={province} onCreated={(issued) => setSecret(issued.secret)} />
        </Suspense>
      ) : (
        <Text type="secondary">{t('webhooks.readOnly')}</Text>
      )}
      {chosen ? (
        <Suspense fallback={<PageLoading />}>
          <WebhookDeliveries subscription={chosen} canManage={canManage} />
        </Suspense>
      ) : null}
    </Flex>
  );
};
