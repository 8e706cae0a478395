import type { FormDefinition } from '@motcua/domain/eforms/definition';
import type { FormValues } from '@motcua/domain/eforms/values';
import { Alert, Space, Switch } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/eforms';
import { PageLoading } from '../../components/PageLoading';
import { Text, Title } from '../../components/typography';
import type { EFormErrors } from '../eforms/validate';
import '../../i18n/console-work';

// The renderer is its own chunk: loaded when a procedure with an application form reaches this step.
const EFormFields = lazy(() => import('../eforms/EFormFields'));

type Props = {
  definition: FormDefinition;
  value: FormValues;
  onChange: (value: FormValues) => void;
  errors: EFormErrors;
  /** The applicant handed in the paper tờ khai: the form is not filled on screen. */
  onPaper: boolean;
  onPaperChange: (onPaper: boolean) => void;
};

/**
 * The intake step "Tờ khai": the official fills in the procedure's application form with the applicant,
 * or records that the paper form was handed in (then it is ticked among the documents like any paper).
 */
export const IntakeFormStep = ({ definition, value, onChange, errors, onPaper, onPaperChange }: Props) => {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {definition.title}
      </Title>
      <Text type="secondary">{definition.legalSource}</Text>
      <Space>
        <Switch id="intake-form-paper" checked={onPaper} onChange={onPaperChange} />
        <label htmlFor="intake-form-paper">{t('intake.formOnPaper')}</label>
      </Space>
      {onPaper ? (
        <Alert type="info" showIcon title={t('intake.formOnPaperHelp')} />
      ) : (
        <Suspense fallback={<PageLoading />}>
          <EFormFields
            definition={definition}
            value={value}
            onChange={onChange}
            errors={errors}
            idPrefix="intake-form"
          />
        </Suspense>
      )}
    </Space>
  );
};
