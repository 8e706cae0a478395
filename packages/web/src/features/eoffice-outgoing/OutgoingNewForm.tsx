import { Button, Checkbox, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import '../../i18n/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { agenciesWithRole, useMe } from '../auth/useMe';
import { DOCUMENT_TYPE_OPTIONS } from './outgoing-options';
import { type OutgoingDraftInput, useCreateOutgoing, useDocumentPeople } from './useOutgoing';

const URGENCIES = ['normal', 'khan', 'thuong_khan', 'hoa_toc'] as const;
const CONFIDENTIALITIES = ['normal', 'mat', 'toi_mat', 'tuyet_mat'] as const;
const SIGN_MODES = ['direct', 'tm', 'kt', 'tl', 'tuq'] as const;

/**
 * The form of a new draft: type, subject, urgency and confidentiality, normative flag, the drafting unit, the
 * signer. Loaded after OutgoingNewPage shows (antd Form and Select are heavy; issue 16).
 */
export const OutgoingNewForm = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const me = useMe().data;
  const navigate = useNavigate();
  const agencies = agenciesWithRole(me, 'specialist', 'unit_head');
  const [form] = Form.useForm<OutgoingDraftInput>();
  const [agencyId, setAgencyId] = useState<string | undefined>(agencies[0]?.id);
  const people = useDocumentPeople(agencyId);
  const create = useCreateOutgoing();
  const signers = (people.data?.items ?? []).filter((person) => ['agency_head', 'unit_head'].includes(person.role));
  return (
    <Panel>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          agencyId: agencies[0]?.id,
          documentType: 'CV',
          urgency: 'normal',
          confidentiality: 'normal',
          signMode: 'direct',
          isNormative: false,
        }}
        onValuesChange={(changed: Partial<OutgoingDraftInput>) => {
          if (changed.agencyId) {
            setAgencyId(changed.agencyId);
          }
        }}
        onFinish={(values) =>
          create.mutate(values, { onSuccess: (created) => void navigate(`/can-bo/van-ban-di/${created.id}`) })
        }
      >
        <Form.Item name="agencyId" label={t('outgoing.fields.agency')} rules={[{ required: true }]}>
          <Select options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))} />
        </Form.Item>
        <Form.Item name="draftingUnitId" label={t('outgoing.fields.draftingUnit')}>
          <Select allowClear options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))} />
        </Form.Item>
        <Form.Item name="documentType" label={t('outgoing.fields.documentType')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={DOCUMENT_TYPE_OPTIONS.map((type) => ({
              value: type.code,
              label: `${type.code} — ${type[language]}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="subject" label={t('outgoing.fields.subject')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="urgency" label={t('outgoing.fields.urgency')} style={{ minWidth: 160 }}>
            <Select options={URGENCIES.map((value) => ({ value, label: t(`outgoing.urgency.${value}`) }))} />
          </Form.Item>
          <Form.Item name="confidentiality" label={t('outgoing.fields.confidentiality')} style={{ minWidth: 160 }}>
            <Select
              options={CONFIDENTIALITIES.map((value) => ({ value, label: t(`outgoing.confidentiality.${value}`) }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="isNormative" valuePropName="checked">
          <Checkbox>{t('outgoing.fields.normative')}</Checkbox>
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="signerUserId" label={t('outgoing.fields.signer')} style={{ minWidth: 260, flex: 1 }}>
            <Select
              allowClear
              loading={people.isPending && !!agencyId}
              options={signers.map((person) => ({ value: person.userId, label: person.fullName }))}
            />
          </Form.Item>
          <Form.Item name="signMode" label={t('outgoing.fields.signMode')} style={{ minWidth: 200 }}>
            <Select options={SIGN_MODES.map((value) => ({ value, label: t(`outgoing.signMode.${value}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="signerTitle" label={t('outgoing.fields.signerTitle')}>
          <Input maxLength={200} />
        </Form.Item>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('outgoing.create')}
        </Button>
      </Form>
    </Panel>
  );
};
