import { PlusOutlined } from '@ant-design/icons';
import { PHONE_PATTERN } from '@motcua/domain/dossier/phone';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Flex, Form, Input, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyModal, LazySelect, LazyTable } from '../../components/lazyAntd';
import { lazyWidget } from '../../components/lazyWidget';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import '../../i18n/console';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { OFFICIAL_ROLES, type OfficialRole, type UserSummary } from '../../api/types';
import { AgencySelect } from '../../components/AgencySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SoftTag } from '../../components/SoftTag';
import { searchButton } from '../../components/searchButton';
import { applyFieldErrors } from '../../lib/field-errors';
import { agenciesWithRole, useMe } from '../auth/useMe';

import { createUser, findUsers } from './useUsers';
import '../../i18n/console-admin';

// The official's drawer opens on a click: its code loads after the page shows (issue 16).
const UserDrawer = lazyWidget(() => import('./UserDrawer').then((m) => ({ default: m.UserDrawer })), null);

type NewUser = {
  username: string;
  fullName: string;
  title?: string;
  email?: string;
  phone?: string;
  password: string;
  agencyId: string;
  role: OfficialRole;
};

const PAGE_SIZE = 20;

/** Officials of the agencies the caller administers: search, create with a first role, open one to change it. */
export const UsersPage = () => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const adminAgencies = agenciesWithRole(me, 'agency_admin', 'province_admin', 'auditor');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const agency = params.get('agency') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewUser>();
  const [unplaced, setUnplaced] = useState<string[]>([]);

  useEffect(() => {
    document.title = `${t('users.title')} — ${t('app.shortName')}`;
  }, [t]);

  const list = useQuery({
    queryKey: ['users', q, agency, page],
    queryFn: ({ signal }) => findUsers({ q, agency, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: (previous) => previous,
  });

  const create = useMutation({
    mutationFn: (values: NewUser) =>
      createUser({
        username: values.username.trim(),
        fullName: values.fullName.trim(),
        ...(values.title?.trim() ? { title: values.title.trim() } : {}),
        ...(values.email?.trim() ? { email: values.email.trim() } : {}),
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        password: values.password,
        roles: [{ agencyId: values.agencyId, role: values.role }],
      }),
    onSuccess: (user) => {
      void message.success(t('users.created', { username: user.username }));
      setCreating(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      setOpen(user.id);
    },
    onError: (error) => {
      if (isApiError(error)) {
        setUnplaced(
          applyFieldErrors(form, error, (path) =>
            path[0] === 'roles' ? (path[2] === 'role' ? ['role'] : ['agencyId']) : path,
          ),
        );
      }
    },
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
          <Input.Search
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
      <LazyModal
        open={creating}
        title={t('users.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        width={640}
        destroyOnHidden
      >
        {create.isError ? <ErrorAlert error={create.error} extra={unplaced} /> : null}
        <Form<NewUser>
          form={form}
          layout="vertical"
          name="new-user"
          onFinish={(values) => {
            setUnplaced([]);
            create.mutate(values);
          }}
          initialValues={{ role: 'receptionist', agencyId: adminAgencies[0]?.id }}
        >
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('users.username')}
                name="username"
                rules={[{ required: true, pattern: /^[a-zA-Z0-9._-]{3,64}$/, message: 'a-z, 0-9, . _ - (3–64)' }]}
              >
                <Input autoComplete="off" maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('users.fullName')}
                name="fullName"
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    min: 2,
                    message: t('common.required', { field: t('users.fullName') }),
                  },
                ]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('users.jobTitle')} name="title">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('users.password')}
                name="password"
                rules={[{ required: true, message: t('common.required', { field: t('users.password') }) }]}
              >
                <Input.Password autoComplete="new-password" maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('users.email')}
                name="email"
                rules={[{ type: 'email', message: t('intake.emailInvalid') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('users.phone')}
                name="phone"
                rules={[{ pattern: PHONE_PATTERN, message: t('intake.phoneInvalid') }]}
              >
                <Input maxLength={12} />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                label={t('users.agency')}
                name="agencyId"
                rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.agency') }) }]}
              >
                <AgencySelect province={me?.provinceCode} initialOptions={adminAgencies} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label={t('users.role')} name="role" rules={[{ required: true }]}>
                <LazySelect options={OFFICIAL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </LazyModal>
    </Space>
  );
};
