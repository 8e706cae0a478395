import { PrinterOutlined } from '@ant-design/icons';
import type { FormValues } from '@motcua/domain/eforms/values';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../api/client';
import type { Applicant, ProcedureDetail, Submitter } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { lazyWidget } from '../../components/lazyWidget';
import { applyFieldErrors } from '../../lib/field-errors';
import '../../i18n/console';
import { todayInVietnam, toVietnamIso } from '../../lib/format';
import type { EFormErrors } from '../eforms/validate';
import type { ApplicantValues, SubmitterValues } from './ApplicantFields';
import { type ComponentValues, initialComponentValues } from './component-values';
import type { Saved, StepId } from './intake-steps';
import { receiveDossier } from './useIntake';
import '../../i18n/console-work';

// The steps after the first load when shown (fetched while the desk looks for the procedure).
const ApplicantFields = lazyWidget(() => import('./ApplicantFields').then((m) => ({ default: m.ApplicantFields })));
const ComponentsChecklist = lazyWidget(() =>
  import('./ComponentsChecklist').then((m) => ({ default: m.ComponentsChecklist })),
);
const ReviewPanel = lazyWidget(() => import('./ReviewPanel').then((m) => ({ default: m.ReviewPanel })));
const IntakeFormStep = lazyWidget(() => import('./IntakeFormStep').then((m) => ({ default: m.IntakeFormStep })));

export type IntakeValues = {
  applicant: ApplicantValues;
  hasSubmitter: boolean;
  submitter?: SubmitterValues;
  components: ComponentValues;
  outcome: 'receive' | 'supplement' | 'refuse';
  missing?: string[];
  reason?: string;
  summary?: string;
};

const clean = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const toApplicant = (values: ApplicantValues): Applicant => {
  const address = {
    text: values.address.text?.trim() ?? '',
    ...(values.address.communeCode ? { communeCode: values.address.communeCode } : {}),
  };
  const contact = {
    ...(clean(values.phone) ? { phone: clean(values.phone) } : {}),
    ...(clean(values.email) ? { email: clean(values.email) } : {}),
  };
  return values.kind === 'person'
    ? {
        kind: 'person',
        fullName: values.fullName?.trim() ?? '',
        idNumber: values.idNumber?.trim() ?? '',
        dateOfBirth: values.dateOfBirth ? values.dateOfBirth.format('YYYY-MM-DD') : '',
        ...(values.gender ? { gender: values.gender } : {}),
        address,
        ...contact,
      }
    : {
        kind: 'organisation',
        name: values.name?.trim() ?? '',
        taxCode: values.taxCode?.trim() ?? '',
        address,
        ...contact,
      };
};

const toSubmitter = (values: SubmitterValues): Submitter => ({
  relation: values.relation,
  fullName: values.fullName?.trim() ?? '',
  idNumber: values.idNumber?.trim() ?? '',
  ...(clean(values.phone) ? { phone: clean(values.phone) } : {}),
  ...(clean(values.authorisation) ? { authorisation: clean(values.authorisation) } : {}),
});

const STEP_FIELDS: Record<StepId, (string | number)[][]> = {
  procedure: [],
  applicant: [['applicant'], ['submitter']],
  form: [],
  components: [['components']],
  review: [['outcome'], ['missing'], ['reason'], ['summary']],
};

type Props = {
  procedure: ProcedureDetail | null;
  agencyId: string | undefined;
  steps: StepId[];
  step: number;
  setStep: (update: (step: number) => number) => void;
  onSaved: (saved: Saved) => void;
};

/**
 * The intake wizard's antd form: the steps after the procedure (applicant, the application form when the
 * procedure version has one, documents, fees and decision) and the wizard's buttons. IntakePage shows the
 * procedure search at once and loads this after (issue 16: the page's first load without antd Form).
 */
export const IntakeWizard = ({ procedure, agencyId, steps, step, setStep, onSaved }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [formValues, setFormValues] = useState<FormValues>({});
  const [formErrors, setFormErrors] = useState<EFormErrors>({});
  const [formOnPaper, setFormOnPaper] = useState(false);
  const [form] = Form.useForm<IntakeValues>();
  const idempotencyKey = useRef(newIdempotencyKey());
  const applicationForm = procedure?.current?.content.applicationForm;
  const stepId = steps[step] ?? 'procedure';
  const lastStep = steps.length - 1;
  // The filled form stands for the component it replaces; on paper, that component is ticked as usual.
  const filledByForm = applicationForm && !formOnPaper ? applicationForm.replacesComponent : undefined;
  // The appointment is counted from when the desk reaches the last step (the receipt time).
  const from = useMemo(() => (stepId === 'review' ? toVietnamIso(dayjs()) : ''), [stepId]);

  useEffect(() => {
    void ApplicantFields.preload();
    void ComponentsChecklist.preload();
    void ReviewPanel.preload();
    void IntakeFormStep.preload();
  }, []);

  // A newly chosen procedure starts its application form and its documents afresh.
  useEffect(() => {
    setFormValues({});
    setFormErrors({});
    setFormOnPaper(false);
    if (procedure) {
      form.setFieldValue('components', initialComponentValues(procedure.current?.content.components ?? []));
    }
  }, [procedure, form]);

  const save = useMutation({
    mutationFn: async (values: IntakeValues) => {
      const content = procedure?.current?.content;
      if (!content || !agencyId || !procedure) {
        throw new Error('no procedure');
      }
      const components = content.components
        .filter((c) => c.group !== 'note' && c.key !== filledByForm)
        .flatMap((c) => {
          const given = values.components?.[c.key];
          if (!given?.provided && !given?.fromData) {
            return [];
          }
          return [
            {
              key: c.key,
              originals: given.provided ? (given.originals ?? 0) : 0,
              copies: given.provided ? (given.copies ?? 0) : 0,
              ...(given.fromData ? { fromData: true } : {}),
            },
          ];
        });
      const body = {
        receivingAgencyId: agencyId,
        procedureCode: procedure.code,
        channel: 'direct',
        applicant: toApplicant(values.applicant),
        ...(values.hasSubmitter && values.submitter ? { submitter: toSubmitter(values.submitter) } : {}),
        ...(clean(values.summary) ? { summary: clean(values.summary) } : {}),
        components,
        outcome: values.outcome,
        ...(values.outcome === 'supplement' && values.missing ? { missing: values.missing } : {}),
        ...(values.outcome !== 'receive' && clean(values.reason) ? { reason: clean(values.reason) } : {}),
      };
      if (content.applicationForm && !formOnPaper) {
        const { prepareEFormValues } = await import('../eforms/validate');
        return receiveDossier(
          { ...body, form: prepareEFormValues(content.applicationForm, formValues) },
          idempotencyKey.current,
        );
      }
      return receiveDossier(body, idempotencyKey.current);
    },
    onSuccess: (result, values) => {
      idempotencyKey.current = newIdempotencyKey();
      onSaved({ code: result.code, outcome: values.outcome });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    },
    onError: (error) => {
      if (!isApiError(error)) {
        return;
      }
      const onForm = error.fieldErrors.filter((e) => e.pointer.startsWith('/form/'));
      const rest = error.fieldErrors.filter((e) => !e.pointer.startsWith('/form/'));
      // Messages on the application form go next to its fields (the form is not an antd form).
      const onFormMessages = new Set(onForm.map((e) => e.message));
      setUnplaced(
        applyFieldErrors(form, error, (path) => (path[0] === 'form' ? undefined : path)).filter(
          (message) => !onFormMessages.has(message),
        ),
      );
      if (onForm.length > 0) {
        setFormErrors(Object.fromEntries(onForm.map((e) => [e.pointer.slice('/form'.length), e.message])));
        setStep(() => steps.indexOf('form'));
        return;
      }
      const pointers = rest.map((e) => e.pointer);
      if (pointers.some((p) => p.startsWith('/applicant') || p.startsWith('/submitter'))) {
        setStep(() => steps.indexOf('applicant'));
      }
    },
  });

  const next = async () => {
    if (stepId === 'procedure' && !procedure?.current) {
      return;
    }
    if (stepId === 'form' && applicationForm && !formOnPaper) {
      const { fieldIdOf, validateEForm } = await import('../eforms/validate');
      const errors = validateEForm(applicationForm, formValues, t, todayInVietnam());
      setFormErrors(errors);
      const [first] = Object.keys(errors);
      if (first !== undefined) {
        document.getElementById(fieldIdOf('intake-form', first))?.focus();
        return;
      }
    }
    try {
      await form.validateFields(STEP_FIELDS[stepId], { recursive: true });
      setStep((s) => s + 1);
    } catch {
      // antd shows the messages next to the fields
    }
  };

  const content = procedure?.current?.content;

  return (
    <Form<IntakeValues>
      form={form}
      name="intake"
      layout="vertical"
      scrollToFirstError
      onFinish={(values) => {
        // Enter in a field of an earlier step submits the form too: only the last step saves.
        if (stepId !== 'review') {
          return;
        }
        setUnplaced([]);
        save.mutate(values);
      }}
    >
      <div hidden={stepId !== 'applicant'}>{step >= 1 ? <ApplicantFields /> : null}</div>
      {stepId === 'form' && applicationForm ? (
        <IntakeFormStep
          definition={applicationForm}
          value={formValues}
          onChange={setFormValues}
          errors={formErrors}
          onPaper={formOnPaper}
          onPaperChange={setFormOnPaper}
        />
      ) : null}
      <div hidden={stepId !== 'components'}>
        {content && step >= steps.indexOf('components') ? (
          <ComponentsChecklist components={content.components} filledByForm={filledByForm} />
        ) : null}
      </div>
      {stepId === 'review' && content && agencyId ? (
        <ReviewPanel content={content} agencyId={agencyId} from={from} filledByForm={filledByForm} />
      ) : null}
      {save.isError ? <ErrorAlert error={save.error} extra={unplaced} /> : null}
      <Flex justify="space-between" style={{ marginTop: 24 }} gap={8} wrap>
        <Button onClick={() => setStep((s) => s - 1)} disabled={step === 0}>
          {t('common.previous')}
        </Button>
        {step < lastStep ? (
          <Button type="primary" onClick={() => void next()} disabled={step === 0 && !procedure?.current}>
            {t('common.next')}
          </Button>
        ) : (
          <Button type="primary" htmlType="submit" loading={save.isPending} icon={<PrinterOutlined />}>
            {save.isPending ? t('intake.saving') : t('intake.save')}
          </Button>
        )}
      </Flex>
    </Form>
  );
};
