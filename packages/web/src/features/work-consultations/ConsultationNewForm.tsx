import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import '../../i18n/work-consultations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { Text } from '../../components/typography';
import { agenciesWithRole, useMe } from '../auth/useMe';
import {
  type ConsultationDraftFile,
  useConsultationAgencies,
  useConsultationPeople,
  useCreateConsultation,
  useUploadConsultationDraft,
} from './useConsultations';

type Values = {
  agencyId: string;
  title: string;
  requestText?: string;
  deadline: string;
  agencies?: string[];
  people?: string[];
};

/** The form of a new consultation (loaded after the page: antd's Form and Select are heavy). */
export const ConsultationNewForm = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const outgoingDocumentId = params.get('vanBanDi') ?? undefined;
  const agencies = agenciesWithRole(me, 'specialist', 'unit_head', 'agency_head');
  const [agencyId, setAgencyId] = useState<string | undefined>(agencies[0]?.id);
  const all = useConsultationAgencies(me?.provinceCode ?? undefined);
  const people = useConsultationPeople(agencyId);
  const upload = useUploadConsultationDraft();
  const create = useCreateConsultation();
  const [draftFile, setDraftFile] = useState<ConsultationDraftFile | undefined>();
  const [form] = Form.useForm<Values>();
  const peopleOptions = [...new Map((people.data?.items ?? []).map((p) => [p.userId, p])).values()].map((p) => ({
    value: p.userId,
    label: p.fullName,
  }));
  return (
    <Panel>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ agencyId: agencies[0]?.id }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.agencyId) {
            setAgencyId(changed.agencyId);
          }
        }}
        onFinish={(values) =>
          create.mutate(
            {
              agencyId: values.agencyId,
              title: values.title,
              requestText: values.requestText ?? null,
              deadlineAt: new Date(values.deadline).toISOString(),
              ...(outgoingDocumentId ? { outgoingDocumentId } : {}),
              ...(draftFile ? { draftFile } : {}),
              recipients: [
                ...(values.agencies ?? []).map((id) => ({ agencyId: id })),
                ...(values.people ?? []).map((id) => ({ userId: id })),
              ],
            },
            { onSuccess: (created) => void navigate(`/can-bo/lay-y-kien/${created.id}`) },
          )
        }
      >
        <Form.Item name="agencyId" label={t('consultations.fields.agency')} rules={[{ required: true }]}>
          <Select options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))} />
        </Form.Item>
        <Form.Item name="title" label={t('consultations.fields.title')} rules={[{ required: true, max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="requestText" label={t('consultations.fields.requestText')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('consultations.fields.deadline')} rules={[{ required: true }]}>
          <Input type="datetime-local" />
        </Form.Item>
        {outgoingDocumentId ? (
          <Text>
            {t('consultations.fields.fromOutgoing')}:{' '}
            <Link to={`/can-bo/van-ban-di/${outgoingDocumentId}`}>{outgoingDocumentId.slice(0, 8)}</Link>
          </Text>
        ) : (
          <Form.Item label={t('consultations.fields.draftFile')} required>
            <input
              type="file"
              aria-label={t('consultations.fields.draftFile')}
              accept=".pdf,.docx,.odt,.doc"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) {
                  upload.mutate(file, { onSuccess: setDraftFile });
                }
              }}
            />
            {draftFile ? <Text type="secondary">{t('consultations.uploaded', { name: draftFile.name })}</Text> : null}
          </Form.Item>
        )}
        <Form.Item name="agencies" label={t('consultations.fields.agencies')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={all.isPending}
            options={(all.data?.items ?? [])
              .filter((agency) => agency.id !== agencyId)
              .map((agency) => ({ value: agency.id, label: agency.name }))}
          />
        </Form.Item>
        <Form.Item name="people" label={t('consultations.fields.people')}>
          <Select mode="multiple" optionFilterProp="label" options={peopleOptions} />
        </Form.Item>
        {upload.error ? <ErrorAlert error={upload.error} /> : null}
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <Button type="primary" htmlType="submit" loading={create.isPending || upload.isPending}>
          {t('consultations.save')}
        </Button>
      </Form>
    </Panel>
  );
};
