import { IdcardOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Divider, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { isApiError, setCitizenCsrfToken } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { applyFieldErrors } from '../../lib/field-errors';
import '../../i18n/citizen';
import { usePortalSettings } from '../portal/usePortalSettings';
import { CITIZEN_ME_KEY, signInCitizen, useCitizen } from './useCitizen';

type Credentials = { username: string; password: string };

/** Only paths of the portal are followed after sign-in (no open redirects, not the console). */
export const safePortalPath = (value: string | null): string =>
  value && /^\/(?![/\\])/.test(value) && !value.startsWith('/can-bo') && !value.startsWith('/api/')
    ? value
    : '/ca-nhan/ho-so';

/**
 * The citizens' sign-in: VNeID when the installation has it, and the portal's local accounts when
 * it has those (the portal's settings say which).
 */
export const CitizenSignInPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safePortalPath(params.get('next'));
  const me = useCitizen();
  const settings = usePortalSettings();
  const signInSettings = settings.data?.signIn;
  const vneidUrl = signInSettings?.vneid ? signInSettings.startUrl : null;
  // Should the settings not load, the local form is still offered: the server decides anyway.
  const localAccounts = signInSettings?.localAccounts ?? true;

  useEffect(() => {
    document.title = `${t('citizen.signIn.title')} — ${t('app.portalName')}`;
  }, [t]);

  if (me.isPending || settings.isPending) {
    return <PageLoading />;
  }
  if (me.data) {
    return <Navigate to={next} replace />;
  }

  return (
    <div style={{ maxWidth: 460, margin: '0 auto' }}>
      <Panel>
        <h1 style={{ fontSize: 24, margin: '0 0 4px' }}>{t('citizen.signIn.title')}</h1>
        <p style={{ color: 'rgba(0,0,0,0.68)', marginTop: 0 }}>{t('citizen.signIn.subtitle')}</p>
        {params.get('next') ? <Alert type="info" showIcon title={t('citizen.signIn.needSignIn')} /> : null}
        {vneidUrl ? (
          <>
            <Button
              type="primary"
              size="large"
              block
              icon={<IdcardOutlined aria-hidden />}
              href={`${vneidUrl}?returnTo=${encodeURIComponent(next)}`}
              style={{ marginTop: 16, height: 'auto', minHeight: 44, whiteSpace: 'normal' }}
            >
              {t('citizen.signIn.vneid')}
            </Button>
            <p style={{ fontSize: 13, color: 'rgba(0,0,0,0.68)', margin: '8px 0 0' }}>
              {t('citizen.signIn.vneidHelp')}
            </p>
            {localAccounts ? <Divider plain>{t('citizen.signIn.or')}</Divider> : null}
          </>
        ) : null}
        {localAccounts ? <LocalSignIn primary={!vneidUrl} /> : null}
      </Panel>
    </div>
  );
};

/** The form of the portal's local accounts (the demo account; real citizens use VNeID). */
const LocalSignIn = ({ primary }: { primary: boolean }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    // A 'citizen' key: a refused sign-in (401) concerns the citizen, not an official signed in elsewhere.
    mutationKey: ['citizen', 'sign-in'],
    mutationFn: (body: Credentials) => signInCitizen(body),
    onSuccess: (citizen) => {
      setCitizenCsrfToken(citizen.csrfToken);
      // The page then follows `next` (it renders <Navigate> once the citizen is known).
      queryClient.setQueryData(CITIZEN_ME_KEY, citizen);
    },
    onError: (error) => {
      if (isApiError(error)) {
        applyFieldErrors(form, error);
      }
    },
  });
  return (
    <section aria-labelledby="local-sign-in">
      <h2 id="local-sign-in" style={{ fontSize: 17, margin: '16px 0 12px' }}>
        {t('citizen.signIn.localTitle')}
      </h2>
      {signIn.isError ? <ErrorAlert error={signIn.error} /> : null}
      <Form<Credentials>
        form={form}
        name="citizen-sign-in"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => signIn.mutate(values)}
      >
        <Form.Item
          label={t('citizen.signIn.username')}
          name="username"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('citizen.signIn.username') }),
            },
          ]}
        >
          <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" size="large" />
        </Form.Item>
        <Form.Item
          label={t('citizen.signIn.password')}
          name="password"
          rules={[{ required: true, message: t('common.required', { field: t('citizen.signIn.password') }) }]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type={primary ? 'primary' : 'default'} htmlType="submit" block size="large" loading={signIn.isPending}>
          {t('citizen.signIn.submit')}
        </Button>
      </Form>
    </section>
  );
};
