import { Button, Checkbox, Flex, Form, Input, InputNumber, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/integration-dvcqg';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { Panel } from '../../components/Panel';
import { type DvcqgSettings, useSaveDvcqgSettings } from './useDvcqg';

type Values = {
  enabled: boolean;
  endpointUrl: string;
  authUrl: string;
  username: string;
  password: string;
  clearPassword: boolean;
  dstCode: string;
  unitCode: string;
  agencyCodes: string;
  onTimeMinutes: number;
  backlogAlertMinutes: number;
  catalogPullHours: number | null;
};

const LINE = /^\s*([0-9a-fA-F-]{36})\s*=\s*(\S.{0,99}?)\s*$/;

/** "uuid = code" lines ⇄ the overrides object. */
const codesToText = (codes: Record<string, string>) =>
  Object.entries(codes)
    .map(([id, code]) => `${id} = ${code}`)
    .join('\n');
const textToCodes = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const match = LINE.exec(line);
        return [match?.[1] ?? '', match?.[2] ?? ''];
      }),
  );

const toValues = (data: DvcqgSettings): Values => ({
  enabled: data.enabled,
  endpointUrl: data.endpointUrl ?? '',
  authUrl: data.authUrl ?? '',
  username: data.username ?? '',
  password: '',
  clearPassword: false,
  dstCode: data.dstCode ?? '',
  unitCode: data.unitCode ?? '',
  agencyCodes: codesToText(data.agencyCodes),
  onTimeMinutes: data.onTimeMinutes,
  backlogAlertMinutes: data.backlogAlertMinutes,
  catalogPullHours: data.catalogPullHours,
});

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The connection's form (antd Form and its inputs load after the page, which stays within its first-load budget):
 * saved at the version read; the password is sent only when typed.
 */
export const DvcqgSettingsForm = ({ data, province }: { data: DvcqgSettings; province: string }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const save = useSaveDvcqgSettings(province);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.setFieldsValue(toValues(data));
  }, [data, form]);
  const urlRule = { type: 'url' as const, pattern: /^https?:\/\//, message: t('dvcqg.invalidUrl') };
  return (
    <Panel>
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!data.canManage}
        initialValues={toValues(data)}
        style={{ maxWidth: 720 }}
        onFinish={(values) =>
          save.mutate(
            {
              provinceCode: province,
              expectedVersion: data.version,
              enabled: values.enabled,
              endpointUrl: orNull(values.endpointUrl),
              authUrl: orNull(values.authUrl),
              username: orNull(values.username),
              dstCode: orNull(values.dstCode),
              unitCode: orNull(values.unitCode),
              agencyCodes: textToCodes(values.agencyCodes),
              onTimeMinutes: values.onTimeMinutes,
              backlogAlertMinutes: values.backlogAlertMinutes,
              catalogPullHours: values.catalogPullHours ?? null,
              ...(values.password ? { password: values.password } : {}),
              ...(values.clearPassword && !values.password ? { clearPassword: true } : {}),
            },
            { onSuccess: (saved) => void message.success(t('dvcqg.saved', { version: saved.version })) },
          )
        }
      >
        <Form.Item name="enabled" label={t('dvcqg.enabled')} extra={t('dvcqg.enabledHint')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="endpointUrl" label={t('dvcqg.endpointUrl')} rules={[urlRule]}>
          <Input inputMode="url" placeholder="https://" maxLength={2000} />
        </Form.Item>
        <Form.Item name="authUrl" label={t('dvcqg.authUrl')} rules={[urlRule]}>
          <Input inputMode="url" placeholder="https://" maxLength={2000} />
        </Form.Item>
        <Form.Item name="username" label={t('dvcqg.username')}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('dvcqg.password')}
          extra={data.passwordSet ? t('dvcqg.passwordSet') : t('dvcqg.passwordNotSet')}
        >
          <Input.Password autoComplete="new-password" maxLength={500} data-testid="dvcqg-password" />
        </Form.Item>
        {data.passwordSet ? (
          <Form.Item name="clearPassword" valuePropName="checked">
            <Checkbox>{t('dvcqg.clearPassword')}</Checkbox>
          </Form.Item>
        ) : null}
        <Flex gap={16} wrap>
          <Form.Item name="dstCode" label={t('dvcqg.dstCode')} style={{ minWidth: 200, flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="unitCode" label={t('dvcqg.unitCode')} style={{ minWidth: 200, flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="agencyCodes"
          label={t('dvcqg.agencyCodes')}
          extra={t('dvcqg.agencyCodesHint')}
          rules={[
            {
              validator: async (_, text: string) => {
                const bad = (text ?? '').split('\n').some((line) => line.trim() !== '' && !LINE.test(line));
                if (bad) {
                  throw new Error(t('dvcqg.invalidCodes'));
                }
              },
            },
          ]}
        >
          <Input.TextArea rows={3} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="onTimeMinutes"
          label={t('dvcqg.onTimeMinutes')}
          extra={t('dvcqg.onTimeHint')}
          rules={[{ required: true, type: 'integer', min: 1, max: 43_200 }]}
        >
          <InputNumber min={1} max={43_200} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="backlogAlertMinutes"
          label={t('dvcqg.backlogAlertMinutes')}
          rules={[{ required: true, type: 'integer', min: 1, max: 10_080 }]}
        >
          <InputNumber min={1} max={10_080} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="catalogPullHours" label={t('dvcqg.catalogPullHours')} extra={t('dvcqg.catalogPullHint')}>
          <InputNumber min={1} max={720} precision={0} style={{ width: 200 }} />
        </Form.Item>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {data.canManage ? (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('dvcqg.save')}
          </Button>
        ) : (
          <p style={{ marginBottom: 0 }}>{t('dvcqg.readOnly')}</p>
        )}
      </Form>
    </Panel>
  );
};
