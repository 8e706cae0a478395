import { Button, Flex, Grid, Input, Tag } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/hosting';
import { Callout } from '../../components/Callout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { LazyTable } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { useMe } from '../auth/useMe';
import { type CreatedProvince, type HostedProvince, useHostedProvinces } from './useHosting';

// The creation form and a province's drawer load when opened (the page's first load stays within 300 KB, issue 16).
const CreateProvinceForm = lazy(() => import('./CreateProvinceForm').then((m) => ({ default: m.CreateProvinceForm })));
const ProvinceDrawer = lazy(() => import('./ProvinceDrawer').then((m) => ({ default: m.ProvinceDrawer })));

/** The province administrator's one-time password, shown once after the creation, with a copy button. */
const PasswordOnce = ({ created, onClose }: { created: CreatedProvince; onClose: () => void }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const password = created.admin.oneTimePassword;
  return (
    <Callout
      type="warning"
      title={
        <span data-testid="province-password">{t('hosting.passwordTitle', { username: created.admin.username })}</span>
      }
      description={
        <Flex vertical gap={8}>
          <span>{t('hosting.passwordHelp')}</span>
          <Flex gap={8} style={{ maxWidth: 480 }}>
            <Input
              readOnly
              value={password}
              aria-label={t('hosting.passwordTitle', { username: created.admin.username })}
              data-testid="province-password-value"
            />
            <Button
              onClick={() =>
                void navigator.clipboard?.writeText(password).then(() => message.success(t('hosting.copied')))
              }
            >
              {t('hosting.copy')}
            </Button>
          </Flex>
          <div>
            <Button type="primary" onClick={onClose}>
              {t('hosting.close')}
            </Button>
          </div>
        </Flex>
      }
    />
  );
};

/**
 * "Tỉnh, thành phố trên hệ thống" (issue 22 item 4): the hosting centre's list of the provinces the install serves,
 * opening a province (its first administrator's one-time password shown once), and each province's host names,
 * address and history in a drawer.
 */
export const ProvincesPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const allowed = me?.hostingAdmin === true;
  const list = useHostedProvinces(allowed);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedProvince | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  // On a phone each province is a card (a four-column table would scroll sideways).
  const narrow = !Grid.useBreakpoint().md;
  useEffect(() => {
    document.title = `${t('hosting.provincesTitle')} — motcua`;
  }, [t]);

  if (!allowed) {
    return <Callout type="info" title={t('hosting.notAllowed')} />;
  }
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={16}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('hosting.provincesTitle')}
      </Title>
      <Text type="secondary">{t('hosting.provincesIntro')}</Text>
      {created ? <PasswordOnce created={created} onClose={() => setCreated(null)} /> : null}
      <div>
        <Button type="primary" onClick={() => setCreating((open) => !open)} data-testid="province-create-toggle">
          {t('hosting.create')}
        </Button>
      </div>
      {creating ? (
        <Suspense fallback={<PageLoading />}>
          <CreateProvinceForm
            onCreated={(answer) => {
              setCreated(answer);
              setCreating(false);
            }}
          />
        </Suspense>
      ) : null}
      {list.isPending ? <PageLoading /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data ? (
        <Panel bodyStyle={{ padding: 12 }}>
          {narrow ? (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('hosting.provincesTitle')}>
              {rows.length === 0 ? <li>{t('hosting.empty')}</li> : null}
              {rows.map((row) => (
                <li key={row.provinceCode} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Flex vertical gap={2} style={{ minWidth: 0 }}>
                      <Flex gap={6} wrap>
                        <strong>
                          {row.provinceCode} — {row.name}
                        </strong>
                        {row.isDefault ? <Tag color="gold">{t('hosting.defaultTag')}</Tag> : null}
                      </Flex>
                      <Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                        {row.publicUrl ?? '—'}
                      </Text>
                    </Flex>
                    <Button
                      size="small"
                      onClick={() => setSelected(row.provinceCode)}
                      aria-label={`${t('hosting.open')} ${row.name}`}
                    >
                      {t('hosting.open')}
                    </Button>
                  </Flex>
                </li>
              ))}
            </ul>
          ) : (
            <LazyTable<HostedProvince>
              size="small"
              rowKey="provinceCode"
              scroll={{ x: 600 }}
              dataSource={rows}
              pagination={false}
              aria-label={t('hosting.provincesTitle')}
              locale={{ emptyText: t('hosting.empty') }}
              columns={[
                { title: t('hosting.code'), dataIndex: 'provinceCode', key: 'code', width: 64 },
                {
                  title: t('hosting.name'),
                  key: 'name',
                  render: (_: unknown, row) => (
                    <Flex gap={6} wrap>
                      <span>{row.name}</span>
                      {row.isDefault ? <Tag color="gold">{t('hosting.defaultTag')}</Tag> : null}
                    </Flex>
                  ),
                },
                {
                  title: t('hosting.publicUrl'),
                  key: 'publicUrl',
                  render: (_: unknown, row) => row.publicUrl ?? '—',
                },
                {
                  title: '',
                  key: 'open',
                  width: 80,
                  render: (_: unknown, row) => (
                    <Button
                      size="small"
                      onClick={() => setSelected(row.provinceCode)}
                      aria-label={`${t('hosting.open')} ${row.name}`}
                    >
                      {t('hosting.open')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
          <LoadMoreButton pages={list} label={t('hosting.more')} style={{ marginTop: 8 }} />
        </Panel>
      ) : null}
      {selected !== null ? (
        <Suspense fallback={null}>
          <ProvinceDrawer code={selected} onClose={() => setSelected(null)} />
        </Suspense>
      ) : null}
    </Flex>
  );
};
