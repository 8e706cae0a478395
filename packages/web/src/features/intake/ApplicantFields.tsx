import { checkCitizenIdNumber, isTaxCode } from '@motcua/domain/dossier/id-number';
import { PHONE_PATTERN } from '@motcua/domain/dossier/phone';
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findAdministrativeUnits } from './useIntake';
import '../../i18n/console-work';

export type ApplicantValues = {
  kind: 'person' | 'organisation';
  fullName?: string;
  idNumber?: string;
  dateOfBirth?: Dayjs;
  gender?: 'male' | 'female';
  name?: string;
  taxCode?: string;
  address: { text?: string; communeCode?: string };
  phone?: string;
  email?: string;
};

export type SubmitterValues = {
  relation: 'authorised' | 'legal_representative' | 'employee';
  fullName?: string;
  idNumber?: string;
  phone?: string;
  authorisation?: string;
};

const CommuneSelect = ({ id, value, onChange }: { id?: string; value?: string; onChange?: (v?: string) => void }) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const units = useQuery({
    queryKey: ['admin-units', 'commune', q],
    queryFn: ({ signal }) => findAdministrativeUnits({ level: 'commune', q, pageSize: 20 }, signal),
    enabled: q.trim().length >= 2,
  });
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={t('intake.communePlaceholder')}
      notFoundContent={null}
      loading={units.isFetching}
      options={(units.data?.items ?? []).map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }))}
    />
  );
};

/** Step 2 of intake: who the dossier is for, with the identification number checked as it is typed. */
export const ApplicantFields = () => {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['applicant', 'kind'], form) ?? 'person';
  const hasSubmitter = Form.useWatch('hasSubmitter', form) ?? false;
  const relation = Form.useWatch(['submitter', 'relation'], form);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <>
      <Form.Item label={t('intake.applicantKind')} name={['applicant', 'kind']} initialValue="person">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'person', label: t('intake.person') },
            { value: 'organisation', label: t('intake.organisation') },
          ]}
        />
      </Form.Item>
      {kind === 'person' ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('intake.fullName')}
              name={['applicant', 'fullName']}
              rules={[required(t('intake.fullName'))]}
            >
              <Input autoComplete="off" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('intake.idNumber')}
              name={['applicant', 'idNumber']}
              extra={t('intake.idNumberHelp')}
              hasFeedback
              validateTrigger={['onChange', 'onBlur']}
              dependencies={[
                ['applicant', 'dateOfBirth'],
                ['applicant', 'gender'],
              ]}
              rules={[
                required(t('intake.idNumber')),
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    if (!value) {
                      return;
                    }
                    const dob = getFieldValue(['applicant', 'dateOfBirth']) as Dayjs | undefined;
                    const violations = checkCitizenIdNumber(value.trim(), {
                      dateOfBirth: dob ? dob.format('YYYY-MM-DD') : undefined,
                      gender: getFieldValue(['applicant', 'gender']) as 'male' | 'female' | undefined,
                    });
                    if (violations.length > 0) {
                      throw new Error(violations.map((v) => t(`intake.idNumberViolation.${v.code}`)).join('. '));
                    }
                  },
                }),
              ]}
            >
              <Input inputMode="numeric" maxLength={12} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('intake.dateOfBirth')}
              name={['applicant', 'dateOfBirth']}
              rules={[{ required: true, message: t('common.required', { field: t('intake.dateOfBirth') }) }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('intake.gender')} name={['applicant', 'gender']}>
              <Radio.Group
                options={[
                  { value: 'male', label: t('intake.male') },
                  { value: 'female', label: t('intake.female') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item label={t('intake.orgName')} name={['applicant', 'name']} rules={[required(t('intake.orgName'))]}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              label={t('intake.taxCode')}
              name={['applicant', 'taxCode']}
              hasFeedback
              rules={[
                required(t('intake.taxCode')),
                {
                  validator: async (_, value: string | undefined) => {
                    if (value && !isTaxCode(value.trim())) {
                      throw new Error(t('intake.taxCodeInvalid'));
                    }
                  },
                },
              ]}
            >
              <Input maxLength={14} inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            label={t('intake.address')}
            name={['applicant', 'address', 'text']}
            rules={[required(t('intake.address'))]}
          >
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label={t('intake.commune')} name={['applicant', 'address', 'communeCode']}>
            <CommuneSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('intake.phone')}
            name={['applicant', 'phone']}
            rules={[{ pattern: PHONE_PATTERN, message: t('intake.phoneInvalid') }]}
          >
            <Input inputMode="tel" maxLength={12} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('intake.email')}
            name={['applicant', 'email']}
            rules={[{ type: 'email', message: t('intake.emailInvalid') }]}
          >
            <Input inputMode="email" maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="hasSubmitter" valuePropName="checked" initialValue={false}>
        <Checkbox>{t('intake.hasSubmitter')}</Checkbox>
      </Form.Item>
      {hasSubmitter ? (
        <fieldset style={{ border: '1px solid #eee', borderRadius: 8, padding: '12px 16px 0', marginBottom: 16 }}>
          <legend style={{ fontSize: 14, fontWeight: 500, width: 'auto', padding: '0 6px', margin: 0, border: 0 }}>
            {t('intake.submitter')}
          </legend>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('intake.relation')} name={['submitter', 'relation']} initialValue="authorised">
                <Select
                  options={(['authorised', 'legal_representative', 'employee'] as const).map((value) => ({
                    value,
                    label: t(`intake.relation_${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('intake.fullName')}
                name={['submitter', 'fullName']}
                rules={[required(t('intake.fullName'))]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('intake.idNumber')}
                name={['submitter', 'idNumber']}
                hasFeedback
                rules={[
                  required(t('intake.idNumber')),
                  {
                    validator: async (_, value: string | undefined) => {
                      const violations = value ? checkCitizenIdNumber(value.trim()) : [];
                      if (violations.length > 0) {
                        throw new Error(violations.map((v) => t(`intake.idNumberViolation.${v.code}`)).join('. '));
                      }
                    },
                  },
                ]}
              >
                <Input inputMode="numeric" maxLength={12} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('intake.phone')}
                name={['submitter', 'phone']}
                rules={[{ pattern: PHONE_PATTERN, message: t('intake.phoneInvalid') }]}
              >
                <Input inputMode="tel" maxLength={12} />
              </Form.Item>
            </Col>
            {relation === 'authorised' || relation === undefined ? (
              <Col xs={24}>
                <Form.Item
                  label={t('intake.authorisation')}
                  name={['submitter', 'authorisation']}
                  rules={[required(t('intake.authorisation'))]}
                >
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
        </fieldset>
      ) : null}
    </>
  );
};
