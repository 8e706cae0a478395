import type { FormDefinition } from '@motcua/domain/eforms/definition';
import type { FormValues } from '@motcua/domain/eforms/values';
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
      {/* Plain elements: antd's Typography would weigh on the wizard's first load for two headings. */}
      <h3 style={{ fontSize: 16, margin: 0 }}>{definition.title}</h3>
      <p style={{ fontSize: 13, margin: '2px 0 12px', color: 'rgba(0, 0, 0, 0.68)' }}>{definition.legalSource}</p>
      <p>{t('citizen.submit.formIntro')}</p>
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
      {definition.declaration ? <p style={{ marginTop: 12, fontStyle: 'italic' }}>{definition.declaration}</p> : null}
    </div>
  );
};
