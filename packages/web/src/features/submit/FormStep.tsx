import type { FormDefinition } from '@motcua/domain/eforms/definition';
import type { FormValues } from '@motcua/domain/eforms/values';
import { Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageLoading';
import type { EFormErrors } from '../eforms/validate';

// The renderer is its own chunk: loaded only when a procedure with an application form reaches this step.
const EFormFields = lazy(() => import('../eforms/EFormFields'));

/** The element ids of the form's fields start with this (fieldIdOf in ../eforms/validate). */
export const FORM_ID_PREFIX = 'submit-form';

type Props = {
  definition: FormDefinition;
  value: FormValues;
  onChange: (value: FormValues) => void;
  errors: EFormErrors;
  disabled: boolean;
};

/**
 * The wizard step "Tờ khai": the citizen fills in the procedure's application form on screen, so the
 * paper tờ khai it replaces is not uploaded (the server leaves it out of the components to upload).
 */
export const FormStep = ({ definition, value, onChange, errors, disabled }: Props) => {
  const { t } = useTranslation();
  return (
    <div data-testid="application-form">
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {definition.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {definition.legalSource}
      </Typography.Paragraph>
      <Typography.Paragraph>{t('citizen.submit.formIntro')}</Typography.Paragraph>
      <Suspense fallback={<PageLoading />}>
        <EFormFields
          definition={definition}
          value={value}
          onChange={onChange}
          errors={errors}
          disabled={disabled}
          idPrefix={FORM_ID_PREFIX}
        />
      </Suspense>
      {definition.declaration ? (
        <Typography.Paragraph style={{ marginTop: 12, fontStyle: 'italic' }}>
          {definition.declaration}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
};
