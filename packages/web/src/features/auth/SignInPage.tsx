import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Layout, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/console';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError, setCsrfToken } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { SkipLink } from '../../components/SkipLink';
import { applyFieldErrors } from '../../lib/field-errors';
import { signInOfficial } from './useMe';

type Credentials = { username: string; password: string };

/** Only paths inside the console are followed after sign-in (no open redirects). */
const safeNext = (value: string | null): string =>
  value?.startsWith('/can-bo') && !value.startsWith('//') ? value : '/can-bo';

export const SignInPage = () => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: (body: Credentials) => signInOfficial(body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(['me'], me);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => {
      if (isApiError(error)) {
        applyFieldErrors(form, error);
      }
    },
  });

  useEffect(() => {
    document.title = `${t('auth.title')} — ${t('app.shortName')}`;
  }, [t]);

  return (
    <Layout style={{ minHeight: '100vh', background: '#f4f1ee' }}>
      <SkipLink />
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
        <Link to="/" style={{ color: '#fff', fontWeight: 600, fontSize: 16 }}>
          {t('app.shortName')}
        </Link>
        <LanguageSwitch size="small" />
      </Layout.Header>
      <Layout.Content
        id="main"
        tabIndex={-1}
        style={{ display: 'flex', justifyContent: 'center', padding: '48px 16px' }}
      >
        <Card style={{ width: '100%', maxWidth: 420, alignSelf: 'flex-start' }}>
          <Space orientation="vertical" size={4} style={{ marginBottom: 16 }}>
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
              {t('auth.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
          </Space>
          {signIn.isError ? <ErrorAlert error={signIn.error} /> : null}
          <Form<Credentials>
            form={form}
            name="sign-in"
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => signIn.mutate(values)}
          >
            <Form.Item
              label={t('auth.username')}
              name="username"
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('auth.username') }) },
              ]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              label={t('auth.password')}
              name="password"
              rules={[{ required: true, message: t('common.required', { field: t('auth.password') }) }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
              {t('auth.submit')}
            </Button>
          </Form>
        </Card>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('app.legal')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
};
