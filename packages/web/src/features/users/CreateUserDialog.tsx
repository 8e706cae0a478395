import { PHONE_PATTERN } from '@motcua/domain/dossier/phone';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { OFFICIAL_ROLES, type OfficialRole } from '../../api/types';
import { AgencySelect } from '../../components/AgencySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyModal, LazySelect } from '../../components/lazyAntd';
import { useConsoleMessage } from '../../components/MessageProvider';
import { applyFieldErrors } from '../../lib/field-errors';
import { createUser } from './useUsers';
import '../../i18n/console';
import '../../i18n/console-admin';

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

type Props = {
  province: string | null;
  adminAgencies: { id: string; name: string; code: string }[];
  onClose: () => void;
  onCreated: (id: string) => void;
};

/** A new official with a first role (opened from the officials' page; its code loads when it opens). */
export const CreateUserDialog = ({ province, adminAgencies, onClose, onCreated }: Props) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewUser>();
  const [unplaced, setUnplaced] = useState<string[]>([]);

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
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onCreated(user.id);
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

  return (
    <LazyModal
      open
      title={t('users.create')}
      onCancel={onClose}
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
              <AgencySelect province={province} initialOptions={adminAgencies} />
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
  );
};
