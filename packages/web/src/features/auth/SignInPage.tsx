import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Layout, Space } from 'antd';
// Input and Password from their own modules: antd's Input also brings Search, TextArea and OTP.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Text, Title } from '../../components/typography';
import '../../i18n/console';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError, setCsrfToken } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Panel } from '../../components/Panel';
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
        <Panel style={{ width: '100%', maxWidth: 420, alignSelf: 'flex-start' }} bodyStyle={{ padding: 24 }}>
          <Space orientation="vertical" size={4} style={{ marginBottom: 16 }}>
            <Title level={1} style={{ fontSize: 24, margin: 0 }}>
              {t('auth.title')}
            </Title>
            <Text type="secondary">{t('auth.subtitle')}</Text>
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
              <Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
              {t('auth.submit')}
            </Button>
          </Form>
        </Panel>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Text type="secondary">{t('app.legal')}</Text>
      </Layout.Footer>
    </Layout>
  );
};
