import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Space } from 'antd';
// Search from its own module: antd's Input also brings TextArea, Password and OTP.
import Search from 'antd/es/input/Search';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazySelect, LazyTable } from '../../components/lazyAntd';
import { lazyWidget } from '../../components/lazyWidget';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import '../../i18n/console';
import { useSearchParams } from 'react-router';
import type { UserSummary } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SoftTag } from '../../components/SoftTag';
import { searchButton } from '../../components/searchButton';
import { agenciesWithRole, useMe } from '../auth/useMe';

import { findUsers } from './useUsers';
import '../../i18n/console-admin';

// The official's drawer opens on a click: its code loads after the page shows (issue 16).
const UserDrawer = lazyWidget(() => import('./UserDrawer').then((m) => ({ default: m.UserDrawer })), null);
// So is the new official's dialog (antd Form, Row and Col, Input.Password, the agency picker).
const CreateUserDialog = lazyWidget(
  () => import('./CreateUserDialog').then((m) => ({ default: m.CreateUserDialog })),
  null,
);

const PAGE_SIZE = 20;

/** Officials of the agencies the caller administers: search, create with a first role, open one to change it. */
export const UsersPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const adminAgencies = agenciesWithRole(me, 'agency_admin', 'province_admin', 'auditor');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const agency = params.get('agency') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    document.title = `${t('users.title')} — ${t('app.shortName')}`;
  }, [t]);
  // Fetched once the page shows, so the dialog opens at once on the first click.
  useEffect(() => {
    void CreateUserDialog.preload();
  }, []);

  const list = useQuery({
    queryKey: ['users', q, agency, page],
    queryFn: ({ signal }) => findUsers({ q, agency, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: (previous) => previous,
  });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    if (!('page' in changes)) {
      next.delete('page');
    }
    setParams(next, { replace: true });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('users.title')}
        </Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </Flex>
      <Panel>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Search
            aria-label={t('users.searchLabel')}
            placeholder={t('users.searchLabel')}
            defaultValue={q}
            allowClear
            enterButton={searchButton(t('common.search'))}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={{ maxWidth: 360 }}
          />
          <LazySelect
            aria-label={t('users.agencyFilter')}
            placeholder={t('users.agencyFilter')}
            allowClear
            value={agency}
            onChange={(value?: string) => update({ agency: value })}
            options={adminAgencies.map((a) => ({ value: a.id, label: a.name }))}
            style={{ minWidth: 280 }}
          />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        <LazyTable<UserSummary>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 760 }}
          onRow={(user) => ({ onClick: () => setOpen(user.id) })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (next) => update({ page: String(next) }),
          }}
          columns={[
            {
              title: t('users.username'),
              dataIndex: 'username',
              render: (username: string, user) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(user.id)}>
                  {username}
                </Button>
              ),
            },
            { title: t('users.fullName'), dataIndex: 'fullName' },
            { title: t('users.jobTitle'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
            {
              title: t('users.status'),
              dataIndex: 'status',
              render: (s: UserSummary['status']) => (
                <SoftTag tone={s === 'active' ? 'success' : 'neutral'}>{t(`users.status_${s}`)}</SoftTag>
              ),
            },
          ]}
        />
      </Panel>
      <UserDrawer
        id={open}
        province={me?.provinceCode ?? null}
        adminAgencies={adminAgencies}
        onClose={() => setOpen(null)}
      />
      {creating ? (
        <CreateUserDialog
          province={me?.provinceCode ?? null}
          adminAgencies={adminAgencies}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setOpen(id);
          }}
        />
      ) : null}
    </Space>
  );
};
