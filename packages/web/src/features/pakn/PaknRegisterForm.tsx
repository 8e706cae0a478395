import { Button, Form, Radio } from 'antd';
import Input from 'antd/es/input/Input';
import TextArea from 'antd/es/input/TextArea';
import { useTranslation } from 'react-i18next';
import '../../i18n/pakn';
import '../../i18n/pakn-console';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { type PaknRegistration, useRegisterPakn } from './usePakn';

const CHANNELS = ['counter', 'post', 'email', 'hotline'] as const;
const TOPICS = ['conduct', 'regulation', 'proposal', 'initiative'] as const;

type RegisterValues = Omit<PaknRegistration, 'agencyId'>;

/**
 * The receiving officer logs a PAKN from the counter, the post, email or the hotline (Art. 9(1)). Loaded when
 * the form opens (antd Form and Radio are heavy; issue 16).
 */
export const PaknRegisterForm = ({ agencyId, onDone }: { agencyId: string; onDone: (code: string) => void }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterValues>();
  const register = useRegisterPakn();
  return (
    <Panel title={t('pakn.registerTitle')} level={2}>
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        name="pakn-register"
        initialValues={{ channel: 'counter', kind: 'phan_anh', topic: 'regulation' }}
        onFinish={(values) => register.mutate({ ...values, agencyId }, { onSuccess: (result) => onDone(result.code) })}
      >
        <Form.Item name="channel" label={t('pakn.channel')}>
          <Radio.Group options={CHANNELS.map((value) => ({ value, label: t(`pakn.channel_${value}`) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('pakn.kind')}>
          <Radio.Group
            options={[
              { value: 'phan_anh', label: t('citizen.pakn.kind_phan_anh') },
              { value: 'kien_nghi', label: t('citizen.pakn.kind_kien_nghi') },
            ]}
          />
        </Form.Item>
        <Form.Item name="topic" label={t('pakn.topic')}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={TOPICS.map((value) => ({ value, label: t(`citizen.pakn.topic_${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="regulation" label={t('pakn.regulation')} rules={[{ required: true, min: 3, max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label={t('pakn.content')} rules={[{ required: true, min: 20 }]}>
          <TextArea rows={4} />
        </Form.Item>
        <Form.Item name={['sender', 'name']} label={t('pakn.name')} rules={[{ required: true, min: 2 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name={['sender', 'address']} label={t('pakn.address')} rules={[{ required: true, min: 5 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name={['sender', 'phone']} label={t('pakn.phone')} rules={[{ required: true }]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        {register.isError ? <ErrorAlert error={register.error} /> : null}
        <Button type="primary" htmlType="submit" loading={register.isPending}>
          {t('pakn.save')}
        </Button>
      </Form>
    </Panel>
  );
};
