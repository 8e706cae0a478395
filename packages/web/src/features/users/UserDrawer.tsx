import { PHONE_PATTERN } from '@motcua/domain/dossier/phone';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Drawer, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { OFFICIAL_ROLES, type OfficialRole, type RoleGrant, type User } from '../../api/types';
import { AgencySelect } from '../../components/AgencySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazySelect, LazyTable } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { SoftTag } from '../../components/SoftTag';
import { Title } from '../../components/typography';
import { applyFieldErrors } from '../../lib/field-errors';
import { fetchUser, grantRole, resetUserPassword, revokeRole, updateUser } from './useUsers';
import '../../i18n/console-admin';

type Profile = { fullName: string; title?: string; email?: string; phone?: string };
type RoleValues = { agencyId: string; role: OfficialRole; includeSubagencies?: boolean };

type Props = {
  id: string | null;
  province: string | null;
  adminAgencies: { id: string; name: string; code: string }[];
  onClose: () => void;
};

/** One official: profile, account status, password reset and roles. */
export const UserDrawer = ({ id, province, adminAgencies, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const message = useConsoleMessage();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const queryClient = useQueryClient();
  const [profileForm] = Form.useForm<Profile>();
  const [roleForm] = Form.useForm<RoleValues>();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const [profileErrors, setProfileErrors] = useState<string[]>([]);
  const user = useQuery({
    queryKey: ['user', id],
    queryFn: ({ signal }) => fetchUser(id ?? '', signal),
    enabled: id !== null,
  });
  const refresh = (updated?: User) => {
    if (updated) {
      queryClient.setQueryData(['user', id], updated);
    }
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };

  const saveProfile = useMutation({
    mutationFn: (values: Profile) =>
      updateUser(id ?? '', {
        expectedVersion: user.data?.version,
        fullName: values.fullName.trim(),
        title: values.title?.trim() || null,
        email: values.email?.trim() || null,
        phone: values.phone?.trim() || null,
      }),
    onSuccess: (updated) => {
      refresh(updated);
      void message.success(t('common.saved'));
    },
    onError: (error) => {
      if (isApiError(error)) {
        setProfileErrors(applyFieldErrors(profileForm, error));
        if (error.code === 'VERSION_CONFLICT') {
          void user.refetch();
        }
      }
    },
  });
  const setStatus = useMutation({
    mutationFn: (status: 'active' | 'disabled') =>
      updateUser(id ?? '', { expectedVersion: user.data?.version, status }),
    onSuccess: (updated) => refresh(updated),
  });
  const resetPassword = useMutation({
    mutationFn: (values: { password: string }) => resetUserPassword(id ?? '', values),
    onSuccess: () => {
      passwordForm.resetFields();
      void message.success(t('users.passwordReset'));
    },
    onError: (error) => {
      if (isApiError(error)) {
        applyFieldErrors(passwordForm, error);
      }
    },
  });
  const grant = useMutation({
    mutationFn: (values: RoleValues) => grantRole(id ?? '', values),
    onSuccess: (updated) => {
      roleForm.resetFields();
      refresh(updated);
    },
  });
  const revoke = useMutation({
    mutationFn: (role: RoleGrant) => revokeRole(id ?? '', role),
    onSuccess: (updated) => refresh(updated),
  });

  const u = user.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={640}
      title={u ? `${u.fullName} (${u.username})` : t('app.loading')}
      destroyOnHidden
    >
      {user.isError ? <ErrorAlert error={user.error} /> : null}
      {u ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <section aria-labelledby="user-profile">
            <Title id="user-profile" level={3} style={{ fontSize: 16 }}>
              {t('users.profile')}
            </Title>
            {saveProfile.isError ? <ErrorAlert error={saveProfile.error} extra={profileErrors} /> : null}
            <Form<Profile>
              key={u.version}
              form={profileForm}
              layout="vertical"
              name="user-profile"
              initialValues={{ fullName: u.fullName, title: u.title ?? '', email: u.email ?? '', phone: u.phone ?? '' }}
              onFinish={(values) => saveProfile.mutate(values)}
            >
              <Form.Item
                label={t('users.fullName')}
                name="fullName"
                rules={[{ required: true, whitespace: true, min: 2 }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item label={t('users.jobTitle')} name="title">
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                label={t('users.email')}
                name="email"
                rules={[{ type: 'email', message: t('intake.emailInvalid') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                label={t('users.phone')}
                name="phone"
                rules={[{ pattern: PHONE_PATTERN, message: t('intake.phoneInvalid') }]}
              >
                <Input maxLength={12} />
              </Form.Item>
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={saveProfile.isPending}>
                  {t('common.save')}
                </Button>
                <SoftTag tone={u.status === 'active' ? 'success' : 'neutral'}>{t(`users.status_${u.status}`)}</SoftTag>
                <Button
                  danger={u.status === 'active'}
                  loading={setStatus.isPending}
                  onClick={() => setStatus.mutate(u.status === 'active' ? 'disabled' : 'active')}
                >
                  {u.status === 'active' ? t('users.disable') : t('users.enable')}
                </Button>
              </Space>
              {setStatus.isError ? <ErrorAlert error={setStatus.error} /> : null}
            </Form>
          </section>
          <section aria-labelledby="user-roles">
            <Title id="user-roles" level={3} style={{ fontSize: 16 }}>
              {t('users.roles')}
            </Title>
            {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
            <LazyTable<RoleGrant>
              rowKey={(r) => `${r.agencyId}:${r.role}`}
              size="small"
              pagination={false}
              dataSource={u.roles}
              scroll={{ x: 520 }}
              columns={[
                { title: t('users.role'), key: 'role', render: (_, r) => r.roleLabel[language] },
                { title: t('users.agency'), dataIndex: 'agencyName' },
                {
                  title: t('users.includeSub'),
                  dataIndex: 'includeSubagencies',
                  render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
                },
                {
                  title: t('common.actions'),
                  key: 'revoke',
                  render: (_, r) => (
                    <Popconfirm
                      title={`${t('users.revokeRole')}?`}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => revoke.mutate(r)}
                    >
                      <Button size="small" danger>
                        {t('users.revokeRole')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
            {grant.isError ? <ErrorAlert error={grant.error} /> : null}
            <Form<RoleValues>
              form={roleForm}
              layout="vertical"
              name="user-grant"
              onFinish={(values) => grant.mutate(values)}
              style={{ marginTop: 12 }}
            >
              <Form.Item
                label={t('users.agency')}
                name="agencyId"
                rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.agency') }) }]}
              >
                <AgencySelect province={province} initialOptions={adminAgencies} />
              </Form.Item>
              <Form.Item
                label={t('users.role')}
                name="role"
                rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.role') }) }]}
              >
                <LazySelect options={OFFICIAL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
              </Form.Item>
              <Form.Item name="includeSubagencies" valuePropName="checked">
                <Checkbox>{t('users.includeSub')}</Checkbox>
              </Form.Item>
              <Button htmlType="submit" loading={grant.isPending}>
                {t('users.addRole')}
              </Button>
            </Form>
          </section>
          <section aria-labelledby="user-password">
            <Title id="user-password" level={3} style={{ fontSize: 16 }}>
              {t('users.resetPassword')}
            </Title>
            {resetPassword.isError ? <ErrorAlert error={resetPassword.error} /> : null}
            <Form
              form={passwordForm}
              layout="vertical"
              name="user-password"
              onFinish={(values) => resetPassword.mutate(values)}
            >
              <Form.Item
                label={t('users.newPassword')}
                name="password"
                rules={[{ required: true, message: t('common.required', { field: t('users.newPassword') }) }]}
              >
                <Input.Password autoComplete="new-password" maxLength={200} />
              </Form.Item>
              <Button htmlType="submit" loading={resetPassword.isPending}>
                {t('users.resetPassword')}
              </Button>
            </Form>
          </section>
        </Space>
      ) : null}
    </Drawer>
  );
};
