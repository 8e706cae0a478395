import { EditOutlined } from '@ant-design/icons';
import type { FormDefinition } from '@motcua/domain/eforms/definition';
import type { FormValues } from '@motcua/domain/eforms/values';
import { Alert, Button, Checkbox, Flex, Form } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormComponent, ReceivingAgency, Upload } from '../../api/portal-types';
import { PageLoading } from '../../components/PageLoading';
import type { StepKey, WizardValues } from './wizard-values';

// With the review of a procedure that has an application form only.
const FormSummary = lazy(() => import('./FormSummary'));

type Problem = { key: string; message: string; step: StepKey };

type Props = {
  values: WizardValues;
  components: FormComponent[];
  uploads: Upload[];
  agencies: ReceivingAgency[];
  problems: Problem[];
  /** The application form and what was filled in, when the procedure version has one. */
  applicationForm: { definition: FormDefinition; values: FormValues } | null;
  onEdit: (step: StepKey) => void;
};

const Block = ({
  title,
  step,
  onEdit,
  children,
}: {
  title: string;
  step: StepKey;
  onEdit: (step: StepKey) => void;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <section style={{ borderTop: '1px solid #f0ebe6', padding: '12px 0' }}>
      <Flex justify="space-between" align="center" gap={8}>
        <h3 style={{ fontSize: 16, margin: 0 }}>{title}</h3>
        <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => onEdit(step)}>
          {t('citizen.submit.edit')}
          <span className="visually-hidden">: {title}</span>
        </Button>
      </Flex>
      <div style={{ marginTop: 8 }}>{children}</div>
    </section>
  );
};

/** The last step: everything typed and uploaded, what is still wrong (from the server and the browser), the declaration. */
export const ReviewStep = ({ values, components, uploads, agencies, problems, applicationForm, onEdit }: Props) => {
  const { t } = useTranslation();
  const a = values.applicant;
  const stepName = (step: StepKey) =>
    ({
      applicant: t('citizen.submit.stepApplicant'),
      form: t('citizen.submit.stepForm'),
      files: t('citizen.submit.stepFiles'),
      agency: t('citizen.submit.stepAgency'),
      review: t('citizen.submit.stepReview'),
    })[step];
  const agency = agencies.find((x) => x.agencyId === values.receivingAgencyId);
  return (
    <div>
      <p>{t('citizen.submit.reviewIntro')}</p>
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('citizen.submit.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="review-problems">
              {problems.map((p) => (
                <li key={p.key}>
                  {p.message}{' '}
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onEdit(p.step)}>
                    {t('citizen.submit.edit')} ({stepName(p.step)})
                  </Button>
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Block title={t('citizen.submit.stepApplicant')} step="applicant" onEdit={onEdit}>
        <dl className="facts">
          {a.kind === 'organisation' ? (
            <>
              <dt>{t('intake.orgName')}</dt>
              <dd>{a.name || '—'}</dd>
              <dt>{t('intake.taxCode')}</dt>
              <dd>{a.taxCode || '—'}</dd>
            </>
          ) : (
            <>
              <dt>{t('intake.fullName')}</dt>
              <dd>{a.fullName || '—'}</dd>
              <dt>{t('intake.idNumber')}</dt>
              <dd>{a.idNumber || '—'}</dd>
              <dt>{t('intake.dateOfBirth')}</dt>
              <dd>{a.dateOfBirth || '—'}</dd>
            </>
          )}
          <dt>{t('intake.address')}</dt>
          <dd>{a.address?.text || '—'}</dd>
          {a.phone ? (
            <>
              <dt>{t('intake.phone')}</dt>
              <dd>{a.phone}</dd>
            </>
          ) : null}
          {a.email ? (
            <>
              <dt>{t('intake.email')}</dt>
              <dd>{a.email}</dd>
            </>
          ) : null}
          <dt>{t('citizen.submit.office')}</dt>
          <dd>{agency?.name ?? '—'}</dd>
          {values.forOther && values.representation?.relation ? (
            <>
              <dt>{t('citizen.submit.relation')}</dt>
              <dd>
                {t(`intake.relation_${values.representation.relation}`)}
                {values.representation.authorisation ? ` — ${values.representation.authorisation}` : ''}
              </dd>
            </>
          ) : null}
        </dl>
      </Block>
      {applicationForm ? (
        <Block title={applicationForm.definition.title} step="form" onEdit={onEdit}>
          <Suspense fallback={<PageLoading />}>
            <FormSummary definition={applicationForm.definition} values={applicationForm.values} />
          </Suspense>
        </Block>
      ) : null}
      <Block title={t('citizen.submit.stepFiles')} step="files" onEdit={onEdit}>
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {components.map((c) => {
            const files = uploads.filter((u) => u.componentKey === c.key);
            return (
              <li key={c.key} style={{ marginBottom: 4 }}>
                {c.name}:{' '}
                <strong>
                  {values.fromData?.[c.key]
                    ? t('citizen.submit.fromDataShort')
                    : files.length > 0
                      ? `${t('citizen.submit.fileCount', { count: files.length })} (${files.map((f) => f.fileName).join(', ')})`
                      : t('citizen.submit.noFiles')}
                </strong>
              </li>
            );
          })}
        </ul>
      </Block>
      <Block title={t('citizen.submit.stepAgency')} step="agency" onEdit={onEdit}>
        <dl className="facts">
          <dt>{t('citizen.submit.delivery')}</dt>
          <dd>{t(`citizen.submit.delivery_${values.resultDelivery ?? 'online'}`)}</dd>
          {values.summary ? (
            <>
              <dt>{t('citizen.submit.summaryShort')}</dt>
              <dd>{values.summary}</dd>
            </>
          ) : null}
        </dl>
      </Block>
      <Form.Item
        name="declaration"
        valuePropName="checked"
        style={{ marginTop: 12 }}
        rules={[
          {
            validator: async (_rule, value: boolean | undefined) => {
              if (!value) {
                throw new Error(t('citizen.submit.declarationRequired'));
              }
            },
          },
        ]}
      >
        <Checkbox>{t('citizen.submit.declaration')}</Checkbox>
      </Form.Item>
    </div>
  );
};
