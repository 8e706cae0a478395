import { Button, Drawer, Flex, Input, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Text, Title } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import { type ProvinceChange, useChangeProvince, useHostedProvince } from './useHosting';

/**
 * One province's addresses (host names added and removed, its public address, the default site), each change at
 * the version read, and its hash-chained history.
 */
export const ProvinceDrawer = ({ code, onClose }: { code: string; onClose: () => void }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const province = useHostedProvince(code);
  const change = useChangeProvince(code);
  const [newHost, setNewHost] = useState('');
  const [publicUrl, setPublicUrl] = useState('');
  const detail = province.data;
  useEffect(() => {
    setPublicUrl(detail?.publicUrl ?? '');
  }, [detail?.publicUrl]);
  const save = (body: Omit<ProvinceChange, 'expectedVersion'>, after?: () => void) => {
    if (!detail) {
      return;
    }
    change.mutate(
      { ...body, expectedVersion: detail.version },
      {
        onSuccess: () => {
          message.success(t('hosting.saved'));
          after?.();
        },
      },
    );
  };
  return (
    <Drawer
      open
      onClose={onClose}
      size={Math.min(560, window.innerWidth)}
      title={detail ? t('hosting.drawerTitle', { name: detail.name, code: detail.provinceCode }) : code}
    >
      {province.isPending ? <PageLoading /> : null}
      {province.isError ? <ErrorAlert error={province.error} /> : null}
      {detail ? (
        <Flex vertical gap={16} data-testid="province-drawer">
          {change.isError ? <ErrorAlert error={change.error} /> : null}
          <section>
            <Title level={2} style={{ fontSize: 18 }}>
              {t('hosting.hosts')}
            </Title>
            <ul style={{ paddingLeft: 0, listStyle: 'none', margin: 0 }}>
              {detail.hosts.map((host) => (
                <li key={host}>
                  <Flex gap={8} align="center" justify="space-between" style={{ padding: '4px 0' }}>
                    <span style={{ overflowWrap: 'anywhere' }}>{host}</span>
                    <Button
                      size="small"
                      danger
                      disabled={change.isPending}
                      aria-label={t('hosting.removeHost', { host })}
                      onClick={() => save({ removeHosts: [host] })}
                    >
                      {t('hosting.remove')}
                    </Button>
                  </Flex>
                </li>
              ))}
            </ul>
            <Flex gap={8} style={{ marginTop: 8 }}>
              <Input
                value={newHost}
                onChange={(event) => setNewHost(event.target.value)}
                placeholder="dichvucong.example.gov.vn"
                aria-label={t('hosting.addHost')}
                autoComplete="off"
                spellCheck={false}
              />
              <Button
                disabled={newHost.trim() === '' || change.isPending}
                onClick={() => save({ addHosts: [newHost.trim()] }, () => setNewHost(''))}
              >
                {t('hosting.add')}
              </Button>
            </Flex>
          </section>
          <section>
            <Title level={2} style={{ fontSize: 18 }}>
              {t('hosting.publicUrl')}
            </Title>
            <Flex gap={8}>
              <Input
                value={publicUrl}
                onChange={(event) => setPublicUrl(event.target.value)}
                placeholder="https://"
                aria-label={t('hosting.publicUrl')}
                autoComplete="off"
              />
              <Button
                disabled={change.isPending || publicUrl.trim() === (detail.publicUrl ?? '')}
                onClick={() => save({ publicUrl: publicUrl.trim() === '' ? null : publicUrl.trim() })}
              >
                {t('hosting.savePublicUrl')}
              </Button>
            </Flex>
            <Text type="secondary" style={{ fontSize: 13 }}>
              {t('hosting.publicUrlHelp')}
            </Text>
          </section>
          <section>
            {detail.isDefault ? (
              <Tag color="gold">{t('hosting.isDefault')}</Tag>
            ) : (
              <Button disabled={change.isPending} onClick={() => save({ isDefault: true })}>
                {t('hosting.makeDefault')}
              </Button>
            )}
          </section>
          <section>
            <Title level={2} style={{ fontSize: 18 }}>
              {t('hosting.history')}
            </Title>
            <ol style={{ paddingLeft: 20, margin: 0 }} data-testid="province-history">
              {detail.events.map((event) => (
                <li key={event.seq} style={{ marginBottom: 6 }}>
                  <div>
                    {t(`hosting.action_${event.action}`, { defaultValue: event.action })} — {formatDateTime(event.at)}
                  </div>
                  <Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                    {[
                      ...((event.payload.addedHosts as string[] | undefined) ?? []).map((h) => `+ ${h}`),
                      ...((event.payload.removedHosts as string[] | undefined) ?? []).map((h) => `− ${h}`),
                    ].join(', ')}{' '}
                    <code title={event.hash}>{event.hash.slice(0, 12)}</code>
                  </Text>
                </li>
              ))}
            </ol>
          </section>
        </Flex>
      ) : null}
    </Drawer>
  );
};
