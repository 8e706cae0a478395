import { checkCitizenIdNumber, isTaxCode } from '@motcua/domain/dossier/id-number';
import { Alert, Col, Form, type FormInstance, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CitizenMe, JsonSchema } from '../../api/portal-types';
import { CommuneSelect } from './ReceivingOffice';
import { parseVietnameseDate, rulesFor, toVietnameseDate } from './schema-rules';
import type { WizardValues } from './wizard-values';

type Props = { form: FormInstance<WizardValues>; schema: JsonSchema | undefined; me: CitizenMe; provinceCode: string };

const todayIso = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * Step 1: who applies. For themself, the citizen's identity comes from the profile (read-only, as
 * VNeID gave it); for someone else or an organisation, the citizen says how they represent them.
 */
export const ApplicantStep = ({ form, schema, me, provinceCode }: Props) => {
  const { t } = useTranslation();
  const forOther = Form.useWatch('forOther', form) ?? false;
  const kind = (Form.useWatch(['applicant', 'kind'], form) ?? 'person') as 'person' | 'organisation';
  const relation = Form.useWatch(['representation', 'relation'], form);
  const rules = (
    path: string[],
    field: string,
    extra: { patternMessage?: string; required?: boolean; skipPattern?: boolean } = {},
  ) => rulesFor(t, schema, ['applicant', ...path], kind, { field, ...extra });
  const locked = !forOther;

  const switchWho = (other: boolean) => {
    if (other) {
      form.setFieldsValue({
        applicant: {
          kind: 'person',
          fullName: undefined,
          idNumber: undefined,
          dateOfBirth: undefined,
          gender: undefined,
          name: undefined,
          taxCode: undefined,
          address: { text: undefined, communeCode: undefined },
        },
        representation: { relation: undefined, authorisation: undefined },
      });
    } else {
      form.setFieldsValue({
        applicant: {
          kind: 'person',
          fullName: me.fullName,
          idNumber: me.idNumber ?? undefined,
          dateOfBirth: toVietnameseDate(me.dateOfBirth ?? undefined),
          address: { text: me.address ?? undefined, communeCode: me.communeCode ?? undefined },
          phone: me.phone ?? undefined,
          email: me.email ?? undefined,
        },
        representation: undefined,
      });
    }
  };

  return (
    <div>
      <Form.Item name="forOther" label={t('citizen.submit.forWhom')}>
        <Radio.Group
          onChange={(event) => switchWho(Boolean(event.target.value))}
          options={[
            { value: false, label: t('citizen.submit.forSelf') },
            { value: true, label: t('citizen.submit.forOther') },
          ]}
        />
      </Form.Item>

      {forOther ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('citizen.submit.yourDetails', {
              name: [me.fullName, me.idNumber].filter(Boolean).join(' — '),
            })}
          />
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name={['representation', 'relation']}
                label={t('citizen.submit.relation')}
                rules={[
                  { required: true, message: t('common.requiredSelect', { field: t('citizen.submit.relation') }) },
                ]}
              >
                <Radio.Group
                  style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                  options={(['authorised', 'legal_representative', 'employee'] as const).map((value) => ({
                    value,
                    label: t(`intake.relation_${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['applicant', 'kind']} label={t('citizen.submit.applicantKind')}>
                <Radio.Group
                  options={[
                    { value: 'person', label: t('intake.person') },
                    { value: 'organisation', label: t('intake.organisation') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          {relation === 'authorised' ? (
            <Form.Item
              name={['representation', 'authorisation']}
              label={t('citizen.submit.authorisation')}
              rules={[
                { required: true, whitespace: true, message: t('citizen.submit.authorisationRequired') },
                {
                  min: 3,
                  transform: (value: unknown) => (typeof value === 'string' ? value.trim() : value),
                  message: t('citizen.submit.tooShort', { field: t('citizen.submit.authorisation'), min: 3 }),
                },
                { max: 500 },
              ]}
            >
              <Input />
            </Form.Item>
          ) : null}
        </>
      ) : (
        <p style={{ color: 'rgba(0,0,0,0.68)', marginTop: -8 }}>{t('citizen.submit.fromProfile')}</p>
      )}

      {kind === 'person' ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'fullName']}
              label={t('intake.fullName')}
              rules={rules(['fullName'], t('intake.fullName'))}
            >
              <Input
                autoComplete={locked ? 'off' : 'name'}
                readOnly={locked && Boolean(me.fullName)}
                variant={locked && me.fullName ? 'filled' : 'outlined'}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'idNumber']}
              label={t('intake.idNumber')}
              extra={t('intake.idNumberHelp')}
              dependencies={[
                ['applicant', 'dateOfBirth'],
                ['applicant', 'gender'],
              ]}
              rules={[
                ...rules(['idNumber'], t('intake.idNumber')),
                {
                  validator: async (_rule, value: string | undefined) => {
                    if (!value?.trim()) {
                      return;
                    }
                    const violations = checkCitizenIdNumber(value.trim(), {
                      dateOfBirth: parseVietnameseDate(form.getFieldValue(['applicant', 'dateOfBirth'])),
                      gender: form.getFieldValue(['applicant', 'gender']),
                    });
                    if (violations.length > 0) {
                      throw new Error(violations.map((v) => t(`intake.idNumberViolation.${v.code}`)).join('. '));
                    }
                  },
                },
              ]}
            >
              <Input
                inputMode="numeric"
                maxLength={12}
                readOnly={locked && Boolean(me.idNumber)}
                variant={locked && me.idNumber ? 'filled' : 'outlined'}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'dateOfBirth']}
              label={t('intake.dateOfBirth')}
              extra={t('citizen.submit.dateOfBirthHelp')}
              rules={[
                ...rules(['dateOfBirth'], t('intake.dateOfBirth'), { skipPattern: true }),
                {
                  validator: async (_rule, value: string | undefined) => {
                    if (!value?.trim()) {
                      return;
                    }
                    const iso = parseVietnameseDate(value);
                    if (!iso) {
                      throw new Error(t('citizen.submit.dateInvalid'));
                    }
                    if (iso > todayIso()) {
                      throw new Error(t('citizen.submit.dateFuture'));
                    }
                  },
                },
              ]}
            >
              <Input
                inputMode="numeric"
                placeholder="dd/mm/yyyy"
                readOnly={locked && Boolean(me.dateOfBirth)}
                variant={locked && me.dateOfBirth ? 'filled' : 'outlined'}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['applicant', 'gender']} label={t('intake.gender')}>
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
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'name']}
              label={t('intake.orgName')}
              rules={rules(['name'], t('intake.orgName'))}
            >
              <Input autoComplete="organization" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'taxCode']}
              label={t('intake.taxCode')}
              rules={[
                ...rules(['taxCode'], t('intake.taxCode')),
                {
                  validator: async (_rule, value: string | undefined) => {
                    if (value?.trim() && !isTaxCode(value.trim())) {
                      throw new Error(t('intake.taxCodeInvalid'));
                    }
                  },
                },
              ]}
            >
              <Input inputMode="numeric" maxLength={14} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item
        name={['applicant', 'address', 'text']}
        label={t('intake.address')}
        rules={rules(['address', 'text'], t('intake.address'), { required: true })}
      >
        <Input autoComplete="street-address" />
      </Form.Item>
      <Form.Item
        name={['applicant', 'address', 'communeCode']}
        label={t('citizen.submit.commune')}
        extra={t('citizen.submit.communeHelp')}
      >
        <CommuneSelect provinceCode={provinceCode} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['applicant', 'phone']}
            label={t('intake.phone')}
            rules={rules(['phone'], t('intake.phone'), { patternMessage: t('intake.phoneInvalid') })}
          >
            <Input inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['applicant', 'email']}
            label={t('intake.email')}
            rules={rules(['email'], t('intake.email'), { patternMessage: t('intake.emailInvalid') })}
          >
            <Input inputMode="email" autoComplete="email" />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
};
