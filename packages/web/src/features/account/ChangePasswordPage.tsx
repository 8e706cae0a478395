import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form } from 'antd';
// Password from its own module: antd's Input also brings Search, TextArea and OTP.
import Password from 'antd/es/input/Password';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/console';
import '../../i18n/account';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import type { Me } from '../../api/types';
import { Callout } from '../../components/Callout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { applyFieldErrors } from '../../lib/field-errors';
import { useMe } from '../auth/useMe';
import { changeOwnPassword } from './useAccount';

type Values = { currentPassword: string; newPassword: string; repeatPassword: string };

/** The problems that belong to one field: shown under it rather than above the form. */
const FIELD_OF_PROBLEM: Record<string, keyof Values> = {
  CURRENT_PASSWORD_WRONG: 'currentPassword',
  WEAK_PASSWORD: 'newPassword',
  PASSWORD_UNCHANGED: 'newPassword',
};

/**
 * "Đổi mật khẩu": the official changes their own password (current, new, repeated; the rules shown). The console
 * sends an official whose password someone else set here first (ConsoleLayout) and, once changed, to its home.
 */
export const ChangePasswordPage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const message = useConsoleMessage();
  const change = useMutation({
    mutationFn: (values: Values) =>
      changeOwnPassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: () => {
      form.resetFields();
      message.success(t('account.changed'));
      queryClient.setQueryData<Me | null>(['me'], (current) => current && { ...current, mustChangePassword: false });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      void navigate('/can-bo', { replace: true });
    },
    onError: (error) => {
      if (!isApiError(error)) {
        return;
      }
      const field = FIELD_OF_PROBLEM[error.code];
      if (field) {
        form.setFields([{ name: field, errors: [error.detail] }]);
      } else {
        applyFieldErrors(form, error);
      }
    },
  });
  const shownAbove = change.isError && !(isApiError(change.error) && FIELD_OF_PROBLEM[change.error.code]);

  useEffect(() => {
    document.title = `${t('account.changePassword')} — ${t('app.shortName')}`;
  }, [t]);

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  return (
    <div style={{ maxWidth: 520 }}>
      <Title level={1} style={{ fontSize: 24 }}>
        {t('account.changePassword')}
      </Title>
      {me?.mustChangePassword ? (
        <Callout type="warning" title={t('account.mustChange')} style={{ marginBottom: 16 }} />
      ) : null}
      <Panel bodyStyle={{ padding: 16 }} data-testid="change-password">
        <Text type="secondary">{t('account.intro', { username: me?.username ?? '' })}</Text>
        <div id="password-rules" style={{ margin: '12px 0 16px' }}>
          <Text strong>{t('account.rulesTitle')}</Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            <li>{t('account.ruleLength')}</li>
            <li>{t('account.ruleMix')}</li>
            <li>{t('account.ruleUsername')}</li>
            <li>{t('account.ruleDifferent')}</li>
          </ul>
        </div>
        {shownAbove ? <ErrorAlert error={change.error} /> : null}
        <Form<Values>
          form={form}
          name="change-password"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => change.mutate(values)}
        >
          <Form.Item
            label={t('account.currentPassword')}
            name="currentPassword"
            rules={[required(t('account.currentPassword'))]}
          >
            <Password autoComplete="current-password" maxLength={200} />
          </Form.Item>
          <Form.Item label={t('account.newPassword')} name="newPassword" rules={[required(t('account.newPassword'))]}>
            <Password autoComplete="new-password" maxLength={200} aria-describedby="password-rules" />
          </Form.Item>
          <Form.Item
            label={t('account.repeatPassword')}
            name="repeatPassword"
            dependencies={['newPassword']}
            rules={[
              required(t('account.repeatPassword')),
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.mismatch'))),
              }),
            ]}
          >
            <Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} block>
            {t('account.submit')}
          </Button>
        </Form>
      </Panel>
    </div>
  );
};
