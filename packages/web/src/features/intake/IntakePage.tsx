import { useQueryClient } from '@tanstack/react-query';
import { Flex, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../api/types';
import { Callout } from '../../components/Callout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazySelect } from '../../components/lazyAntd';
import { lazyWidget } from '../../components/lazyWidget';
import { Panel } from '../../components/Panel';
import { Title } from '../../components/typography';
import { WizardSteps } from '../../components/WizardSteps';
import type { Saved, StepId } from './intake-steps';
import '../../i18n/console';
import { agenciesWithRole, useMe } from '../auth/useMe';
import { fetchProcedure } from '../catalog/useCatalog';
import { ProcedurePicker } from './ProcedurePicker';
import '../../i18n/console-work';

/** In place of the wizard's buttons until its code is there: their size, and "loading" for a screen reader. */
const WizardLoading = () => {
  const { t } = useTranslation();
  return (
    <div role="status" style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 24 }}>
      <span className="visually-hidden">{t('app.loading')}</span>
      <div className="field-loading" style={{ minWidth: 88 }} />
      <div className="field-loading" style={{ minWidth: 88 }} />
    </div>
  );
};

// The first load carries only the procedure search, usable at once (issue 16). The antd form of the later
// steps with the wizard's buttons (IntakeWizard) and the end's result load after the page shows, fetched
// while the desk looks for the procedure.
const IntakeWizard = lazyWidget(
  () => import('./IntakeWizard').then((m) => ({ default: m.IntakeWizard })),
  <WizardLoading />,
);
const SavedResult = lazyWidget(() => import('./SavedResult').then((m) => ({ default: m.SavedResult })));

const STEP_TITLES = {
  procedure: 'intake.stepProcedure',
  applicant: 'intake.stepApplicant',
  form: 'intake.stepForm',
  components: 'intake.stepComponents',
  review: 'intake.stepReview',
} as const satisfies Record<StepId, string>;

/**
 * The counter intake wizard: procedure → applicant → the application form (tờ khai, when the procedure
 * version has one) → documents → fees, appointment and decision.
 */
export const IntakePage = () => {
  const { t } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const agencies = agenciesWithRole(me, 'receptionist');
  const [agencyId, setAgencyId] = useState<string | undefined>(agencies[0]?.id);
  const [step, setStep] = useState(0);
  const [procedure, setProcedure] = useState<ProcedureDetail | null>(null);
  const [choosing, setChoosing] = useState<string | null>(null);
  const [chooseError, setChooseError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const catalog = me?.provinceCode ?? 'national';
  const steps: StepId[] = procedure?.current?.content.applicationForm
    ? ['procedure', 'applicant', 'form', 'components', 'review']
    : ['procedure', 'applicant', 'components', 'review'];

  useEffect(() => {
    document.title = `${t('intake.title')} — ${t('app.shortName')}`;
  }, [t]);
  useEffect(() => {
    void IntakeWizard.preload();
    void SavedResult.preload();
  }, []);

  const choose = async (code: string) => {
    setChoosing(code);
    setChooseError(null);
    try {
      const detail = await queryClient.fetchQuery({
        queryKey: ['procedure', catalog, code],
        queryFn: ({ signal }) => fetchProcedure(code, catalog, signal),
      });
      setProcedure(detail);
    } catch (error) {
      setChooseError(error);
    } finally {
      setChoosing(null);
    }
  };

  // The wizard unmounts while the result shows, so the next dossier starts with an empty form.
  const restart = () => {
    setProcedure(null);
    setSaved(null);
    setStep(0);
  };

  if (agencies.length === 0) {
    return <Callout type="warning" title={t('intake.noReceptionRole')} />;
  }

  if (saved) {
    return <SavedResult code={saved.code} outcome={saved.outcome} onAnother={restart} />;
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('intake.title')}
        </Title>
        <Space wrap>
          <label htmlFor="intake-agency">{t('intake.receivingAgency')}</label>
          <LazySelect
            id="intake-agency"
            value={agencyId}
            onChange={setAgencyId}
            options={agencies.map((a) => ({ value: a.id, label: a.name }))}
            style={{ minWidth: 280 }}
            disabled={step > 0}
          />
        </Space>
      </Flex>
      <Panel>
        <WizardSteps current={step} style={{ marginBottom: 24 }} titles={steps.map((id) => t(STEP_TITLES[id]))} />
        <div hidden={step !== 0}>
          {chooseError ? <ErrorAlert error={chooseError} /> : null}
          <ProcedurePicker
            catalog={catalog}
            chosen={procedure}
            onChoose={(code) => void choose(code)}
            choosing={choosing}
          />
        </div>
        <IntakeWizard
          procedure={procedure}
          agencyId={agencyId}
          steps={steps}
          step={step}
          setStep={setStep}
          onSaved={setSaved}
        />
      </Panel>
    </Space>
  );
};
