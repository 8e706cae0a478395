import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { findMissingRequirements } from '@motcua/domain/catalog/completeness';
import type { FormValues } from '@motcua/domain/eforms/values';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Grid, Popconfirm, Steps } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError, newIdempotencyKey } from '../../api/client';
import type {
  ApplicationData,
  CitizenMe,
  Draft,
  PortalSettings,
  ProcedureForm,
  SubmitResult,
  Upload,
} from '../../api/portal-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { applyFieldErrors } from '../../lib/field-errors';
import { formatDateTime, formatTime, todayInVietnam } from '../../lib/format';
import '../../i18n/citizen';
import { RequireCitizen } from '../citizen/RequireCitizen';
import type { EFormErrors } from '../eforms/validate';
import { usePortalSettings } from '../portal/usePortalSettings';
import { AgencyStep } from './AgencyStep';
import { ApplicantStep } from './ApplicantStep';
import { FilesStep } from './FilesStep';
import { FORM_ID_PREFIX, FormStep } from './FormStep';
import { ReceivingOfficeField } from './ReceivingOffice';
import { ReviewStep } from './ReviewStep';
import { SubmitDone } from './SubmitDone';
import {
  discardDraft,
  fetchDraft,
  fetchProcedureForm,
  findOpenDrafts,
  saveDraft,
  startDraft,
  submitDraft,
} from './useSubmit';
import {
  fieldOfPointer,
  formErrorsOf,
  prefillFromProfile,
  type StepKey,
  stepOfPointer,
  toData,
  toValues,
  type WizardValues,
  wizardSteps,
} from './wizard-values';

type Loaded = { draft: Draft; resumed: boolean };
type SaveState = { kind: 'idle' | 'saving' | 'saved' | 'error'; at?: string | null; error?: unknown };

/** The fields of the antd form each step validates before moving on (the application form checks its own). */
const STEP_FIELDS: Record<StepKey, (string | number)[][]> = {
  applicant: [['forOther'], ['applicant'], ['representation'], ['receivingAgencyId']],
  form: [],
  files: [['fromData']],
  agency: [['resultDelivery'], ['summary']],
  review: [['declaration']],
};

/** The first of these fields in the page's order (the form's messages come in the schema's order). */
const findFirstInPage = (ids: string[]): HTMLElement | undefined =>
  ids
    .map((id) => document.getElementById(id))
    .filter((element): element is HTMLElement => element !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];

/** The open draft of this procedure (the one in the URL, else the last one, else a new one prefilled from the profile). */
const loadDraft = async (input: { catalog: string; code: string; draftId: string | null }): Promise<Loaded> => {
  if (input.draftId) {
    return { draft: await fetchDraft(input.draftId), resumed: true };
  }
  const open = await findOpenDrafts();
  const found = open.items.find((d) => d.procedure.code === input.code && d.catalog === input.catalog);
  if (found) {
    return { draft: await fetchDraft(found.id), resumed: true };
  }
  return {
    draft: await startDraft({ catalog: input.catalog, procedureCode: input.code }),
    resumed: false,
  };
};

/**
 * The online submission wizard: applicant and receiving office → the application form (tờ khai, when the
 * procedure version has one) → documents → result → review and submit.
 */
export const SubmitPage = () => <RequireCitizen>{(me) => <Wizard me={me} />}</RequireCitizen>;

const Wizard = ({ me }: { me: CitizenMe }) => {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const catalog = params.get('catalog') ?? 'national';
  const draftId = params.get('nhap');

  const procedureForm = useQuery({
    queryKey: ['procedure-form', catalog, code],
    queryFn: ({ signal }) => fetchProcedureForm(code, catalog, signal),
  });
  const canSubmit = procedureForm.data?.canSubmitOnline ?? false;
  const settings = usePortalSettings();
  const draft = useQuery({
    queryKey: ['citizen', 'wizard', catalog, code, draftId],
    queryFn: () => loadDraft({ catalog, code, draftId }),
    enabled: canSubmit,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  // A new or found draft goes into the address, so a reload opens the same one.
  useEffect(() => {
    const loaded = draft.data?.draft;
    if (loaded && !draftId) {
      queryClient.setQueryData(['citizen', 'wizard', catalog, code, loaded.id], draft.data);
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('nhap', loaded.id);
          return next;
        },
        { replace: true },
      );
    }
  }, [draft.data, draftId, catalog, code, queryClient, setParams]);

  useEffect(() => {
    document.title = `${t('citizen.submit.title')}: ${procedureForm.data?.name ?? code} — ${t('app.portalName')}`;
  }, [t, code, procedureForm.data]);

  const back = (
    <Link to={`/thu-tuc/${encodeURIComponent(code)}?catalog=${encodeURIComponent(catalog)}`}>
      <ArrowLeftOutlined aria-hidden /> {t('citizen.submit.backToProcedure')}
    </Link>
  );

  if (procedureForm.isPending || (canSubmit && (draft.isPending || settings.isPending))) {
    return <PageLoading />;
  }
  if (procedureForm.isError || draft.isError || settings.isError) {
    const error = procedureForm.error ?? draft.error ?? settings.error;
    const retry = procedureForm.isError ? procedureForm.refetch : draft.isError ? draft.refetch : settings.refetch;
    return (
      <Flex vertical gap={8}>
        {back}
        <ErrorAlert error={error} onRetry={() => void retry()} />
      </Flex>
    );
  }
  if (!canSubmit || !draft.data || !settings.data) {
    return (
      <Flex vertical gap={8}>
        {back}
        <Alert type="info" showIcon title={t('citizen.submit.notOnline')} />
      </Flex>
    );
  }
  return (
    <Editor
      key={draft.data.draft.id}
      me={me}
      procedure={procedureForm.data}
      loaded={draft.data}
      limits={settings.data.uploads}
      back={back}
      onStartOver={async () => {
        await discardDraft(draft.data.draft.id);
        queryClient.removeQueries({ queryKey: ['citizen', 'wizard'] });
        setParams({ catalog }, { replace: true });
      }}
    />
  );
};

type EditorProps = {
  me: CitizenMe;
  procedure: ProcedureForm;
  loaded: Loaded;
  limits: PortalSettings['uploads'];
  back: ReactNode;
  onStartOver: () => Promise<void>;
};

const Editor = ({ me, procedure, loaded, limits, back, onStartOver }: EditorProps) => {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<WizardValues>();
  const [draft, setDraft] = useState(loaded.draft);
  const [uploads, setUploads] = useState<Upload[]>(loaded.draft.uploads);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle', at: loaded.draft.updatedAt });
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [filesError, setFilesError] = useState<string[]>([]);
  // Why the last "Tiếp tục" did not go on, read out by screen readers (each message is also next to its field).
  const [blocked, setBlocked] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<SubmitResult | null>(null);
  const [values, setValues] = useState<WizardValues>(() => toValues(loaded.draft.data, me));
  const version = useRef(loaded.draft.version);
  const dirty = useRef(false);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const idempotencyKey = useRef(newIdempotencyKey());
  const heading = useRef<HTMLHeadingElement>(null);
  const form0 = draft.form ?? {
    schema: {},
    applicationForm: procedure.applicationForm,
    components: procedure.components,
    notes: procedure.notes,
  };
  const applicationForm = form0.applicationForm;
  const steps = wizardSteps(applicationForm !== null);
  const lastStep = steps.length - 1;
  const step = Math.min(lastStep, Math.max(0, (Number(params.get('buoc') ?? '1') || 1) - 1));
  const stepId = steps[step] ?? 'applicant';
  const components = form0.components;
  const open = draft.status === 'open';
  // The application form is kept apart from the antd form (its renderer is controlled) and saved with it.
  const [formValues, setFormValues] = useState<FormValues>(() =>
    applicationForm ? prefillFromProfile(applicationForm, (loaded.draft.data.form ?? {}) as FormValues, me) : {},
  );
  const [formErrors, setFormErrors] = useState<EFormErrors>({});
  const formValuesNow = useRef(formValues);

  /** Saves what was typed (one save at a time, each with the version the last one answered). */
  const save = (): Promise<void> => {
    chain.current = chain.current.then(async () => {
      if (!dirty.current || !open) {
        return;
      }
      dirty.current = false;
      setSaveState((s) => ({ ...s, kind: 'saving' }));
      try {
        const saved = await saveDraft(draft.id, {
          expectedVersion: version.current,
          data: {
            ...toData(form.getFieldsValue(true) as WizardValues),
            // FormValues may hold undefined while typed; JSON leaves those out.
            ...(applicationForm ? { form: formValuesNow.current as NonNullable<ApplicationData['form']> } : {}),
          },
        });
        version.current = saved.version;
        setDraft(saved);
        setSaveState({ kind: 'saved', at: saved.updatedAt });
      } catch (error) {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
          // Changed in another tab: take the server's copy.
          const fresh = await fetchDraft(draft.id);
          version.current = fresh.version;
          setDraft(fresh);
          setUploads(fresh.uploads);
          form.setFieldsValue(toValues(fresh.data, me));
          setValues(toValues(fresh.data, me));
          formValuesNow.current = (fresh.data.form ?? {}) as FormValues;
          setFormValues(formValuesNow.current);
        } else {
          dirty.current = true;
        }
        setSaveState({ kind: 'error', error, at: null });
      }
    });
    return chain.current;
  };

  // Whatever was typed last is saved when the page is left.
  const saveOnLeave = useRef(save);
  saveOnLeave.current = save;
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      void saveOnLeave.current();
    },
    [],
  );

  /**
   * Checks the application form with the rule the server applies (validateEForm): the messages go next
   * to the fields and are announced, and the first wrong field takes the focus. True when it may be sent.
   */
  const checkApplicationForm = async (): Promise<boolean> => {
    if (!applicationForm) {
      return true;
    }
    const { fieldIdOf, validateEForm } = await import('../eforms/validate');
    const errors = validateEForm(applicationForm, formValuesNow.current, t, todayInVietnam());
    setFormErrors(errors);
    const pointers = Object.keys(errors);
    if (pointers.length === 0) {
      return true;
    }
    setBlocked(t('citizen.submit.stepBlocked', { errors: Object.values(errors).join('; ') }));
    const first = findFirstInPage(pointers.map((pointer) => fieldIdOf(FORM_ID_PREFIX, pointer)));
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
    return false;
  };

  const changeApplicationForm = (next: FormValues) => {
    formValuesNow.current = next;
    setFormValues(next);
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), 1200);
    if (applicationForm && Object.keys(formErrors).length > 0) {
      // Once the messages show, they follow what is typed.
      void import('../eforms/validate').then(({ validateEForm }) =>
        setFormErrors(validateEForm(applicationForm, next, t, todayInVietnam())),
      );
    }
  };

  const goTo = async (next: number, validate = true) => {
    setBlocked('');
    if (validate && next > step && stepId === 'form') {
      if (!(await checkApplicationForm())) {
        return;
      }
    } else if (validate && next > step) {
      try {
        await form.validateFields(STEP_FIELDS[stepId], { recursive: true });
      } catch (error) {
        // Never blocked silently: the first wrong field gets the focus, and the messages are announced.
        const fields = (error as { errorFields?: { name: (string | number)[]; errors: string[] }[] }).errorFields ?? [];
        const first = fields[0];
        if (first) {
          form.scrollToField(first.name, { block: 'center', focus: true });
        }
        setBlocked(t('citizen.submit.stepBlocked', { errors: fields.flatMap((f) => f.errors).join('; ') }));
        return;
      }
      if (stepId === 'files') {
        const missing = missingFiles();
        setFilesError(missing);
        if (missing.length > 0) {
          return;
        }
      }
    }
    dirty.current = true;
    void save();
    setValues(form.getFieldsValue(true) as WizardValues);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('buoc', String(next + 1));
        return updated;
      },
      { replace: false },
    );
    window.scrollTo({ top: 0 });
    setTimeout(() => heading.current?.focus(), 0);
  };

  const missingFiles = (): string[] => {
    const fromData = (form.getFieldValue('fromData') ?? {}) as Record<string, boolean>;
    // The rule of packages/domain, as the server checks it: any one option of a "one of" group suffices.
    return findMissingRequirements(
      components.map((c) => ({ ...c, group: 'submit' as const, alternativeGroup: c.alternativeGroup ?? undefined })),
      (c) => Boolean(fromData[c.key]) || uploads.some((u) => u.componentKey === c.key),
    ).map((m) =>
      m.kind === 'group'
        ? t('citizen.submit.missingOneOf', { name: m.name })
        : t('citizen.submit.missingFile', { name: m.name }),
    );
  };

  const submit = async () => {
    setSubmitError(null);
    setUnplaced([]);
    try {
      await form.validateFields();
    } catch (error) {
      const first = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name;
      if (first) {
        const target = steps.indexOf(first[0] === 'declaration' ? 'review' : stepOfPointer(`/data/${first.join('/')}`));
        if (target >= 0 && target !== step) {
          void goTo(target, false);
        }
      }
      return;
    }
    if (applicationForm) {
      if (stepId !== 'form' && !(await checkApplicationForm())) {
        void goTo(steps.indexOf('form'), false);
        return;
      }
      // What is sent: defaults applied, hidden and empty values dropped (as the server reads it).
      const { prepareEFormValues } = await import('../eforms/validate');
      formValuesNow.current = prepareEFormValues(applicationForm, formValuesNow.current);
      setFormValues(formValuesNow.current);
    }
    const missing = missingFiles();
    if (missing.length > 0) {
      setFilesError(missing);
      void goTo(steps.indexOf('files'), false);
      return;
    }
    setSubmitting(true);
    try {
      dirty.current = true;
      await save();
      const result = await submitDraft(draft.id, version.current, idempotencyKey.current);
      idempotencyKey.current = newIdempotencyKey();
      setDone(result);
      queryClient.removeQueries({ queryKey: ['citizen', 'wizard'] });
      void queryClient.invalidateQueries({ queryKey: ['citizen', 'dossiers'] });
      void queryClient.invalidateQueries({ queryKey: ['citizen', 'drafts'] });
      window.scrollTo({ top: 0 });
    } catch (error) {
      setSubmitError(error);
      if (isApiError(error)) {
        const where: Partial<Record<string, StepKey>> = {
          DOSSIER_INCOMPLETE: 'files',
          RECEIVING_AGENCY_NOT_ALLOWED: 'applicant',
          OUTSIDE_ADMINISTRATIVE_BOUNDARY: 'applicant',
          REPRESENTATION_REQUIRED: 'applicant',
        };
        // Messages on the application form go next to its fields, on its step.
        const onForm = formErrorsOf(error.fieldErrors);
        const onFormMessages = new Set(Object.values(onForm));
        setFormErrors(onForm);
        setUnplaced(applyFieldErrors(form, error, fieldOfPointer).filter((m) => !onFormMessages.has(m)));
        const target = error.fieldErrors[0] ? stepOfPointer(error.fieldErrors[0].pointer) : where[error.code];
        if (target && target !== 'review' && steps.includes(target)) {
          void goTo(steps.indexOf(target), false);
        }
      }
    } finally {
      setSubmitting(false);
    }
  };

  /** "Tiếp tục" or Enter in a field moves on; only the last step submits. */
  const next = () => {
    if (step < lastStep) {
      void goTo(step + 1);
    } else {
      void submit();
    }
  };

  if (done) {
    return <SubmitDone result={done} procedureName={draft.procedure.name} />;
  }

  const stepTitle: Record<StepKey, string> = {
    applicant: t('citizen.submit.stepApplicant'),
    form: t('citizen.submit.stepForm'),
    files: t('citizen.submit.stepFiles'),
    agency: t('citizen.submit.stepAgency'),
    review: t('citizen.submit.stepReview'),
  };
  const stepTitles = steps.map((key) => stepTitle[key]);
  const problems = [
    ...draft.problems.map((p) => ({ key: p.pointer + p.message, message: p.message, step: stepOfPointer(p.pointer) })),
    ...missingFiles().map((message) => ({ key: message, message, step: 'files' as StepKey })),
  ];

  return (
    <Flex vertical gap={16}>
      {back}
      <div>
        <h1 style={{ fontSize: 24, margin: 0 }}>{t('citizen.submit.title')}</h1>
        <p style={{ fontSize: 16, margin: '4px 0 0' }}>{draft.procedure.name}</p>
      </div>
      {!open ? (
        <Alert
          type="info"
          showIcon
          title={t('citizen.submit.alreadySubmitted', { code: draft.dossierCode ?? '' })}
          action={
            draft.dossierCode ? (
              <Link to={`/ca-nhan/ho-so/${encodeURIComponent(draft.dossierCode)}`}>
                {t('citizen.submit.viewDossier')}
              </Link>
            ) : undefined
          }
        />
      ) : loaded.resumed && draft.updatedAt ? (
        <Alert
          type="info"
          showIcon
          title={t('citizen.submit.resumed', { at: formatDateTime(loaded.draft.updatedAt) })}
          action={
            <Popconfirm
              title={t('citizen.submit.startOverConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => onStartOver()}
            >
              <Button size="small">{t('citizen.submit.startOver')}</Button>
            </Popconfirm>
          }
        />
      ) : null}
      <Panel>
        {narrow ? (
          <div aria-hidden style={{ display: 'flex', gap: 4, marginBottom: 12 }}>
            {stepTitles.map((title, index) => (
              <span
                key={title}
                style={{ flex: 1, height: 6, borderRadius: 3, background: index <= step ? '#b71c1c' : '#e8e1dc' }}
              />
            ))}
          </div>
        ) : (
          <nav aria-label={t('citizen.submit.steps')}>
            <Steps
              current={step}
              size="small"
              style={{ marginBottom: 24 }}
              onChange={(next) => {
                if (next < step) {
                  void goTo(next, false);
                }
              }}
              items={stepTitles.map((title, index) => ({ title, disabled: index > step }))}
            />
          </nav>
        )}
        <h2
          ref={heading}
          tabIndex={-1}
          style={{ fontSize: 18, marginTop: 0, outline: 'none' }}
          data-testid="wizard-step"
        >
          {t('citizen.submit.stepOf', { step: step + 1, total: steps.length, name: stepTitles[step] })}
        </h2>
        <Form<WizardValues>
          form={form}
          name="submit"
          layout="vertical"
          initialValues={toValues(loaded.draft.data, me)}
          disabled={!open}
          onValuesChange={() => {
            dirty.current = true;
            setValues(form.getFieldsValue(true) as WizardValues);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => void save(), 1200);
          }}
          onFinish={next}
          // The whole form is validated on "Tiếp tục" or Enter: a step goes on when its own fields are
          // right (goTo checks them and says what is wrong); later steps are checked when they show.
          onFinishFailed={next}
        >
          <div hidden={stepId !== 'applicant'}>
            <ApplicantStep form={form} schema={form0.schema} me={me} provinceCode={draft.catalog} />
            <ReceivingOfficeField form={form} procedure={procedure} disabled={!open} />
          </div>
          {stepId === 'form' && applicationForm ? (
            <FormStep
              definition={applicationForm}
              value={formValues}
              onChange={changeApplicationForm}
              errors={formErrors}
              disabled={!open}
            />
          ) : null}
          <div hidden={stepId !== 'files'}>
            <FilesStep
              form={form}
              draftId={draft.id}
              procedureCode={draft.procedure.code}
              catalog={draft.catalog}
              components={components}
              notes={form0.notes}
              uploads={uploads}
              limits={limits}
              disabled={!open}
              onUploaded={(upload) => {
                setUploads((list) => [...list, upload]);
                setFilesError([]);
              }}
              onRemoved={(id) => setUploads((list) => list.filter((u) => u.id !== id))}
            />
            {filesError.length > 0 ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {filesError.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                }
              />
            ) : null}
          </div>
          <div hidden={stepId !== 'agency'}>
            <AgencyStep schema={form0.schema} />
          </div>
          {stepId === 'review' ? (
            <ReviewStep
              values={values}
              components={components}
              uploads={uploads}
              agencies={procedure.receivingAgencies}
              problems={problems}
              applicationForm={applicationForm ? { definition: applicationForm, values: formValues } : null}
              onEdit={(target) => void goTo(steps.indexOf(target), false)}
            />
          ) : null}
          <div role="alert" className="visually-hidden" data-testid="step-blocked">
            {blocked}
          </div>
          {submitError ? <ErrorAlert error={submitError} extra={unplaced} /> : null}
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 16 }}>
            {step > 0 ? <Button onClick={() => void goTo(step - 1, false)}>{t('common.previous')}</Button> : <span />}
            <Flex gap={8} wrap>
              <Button
                icon={<SaveOutlined aria-hidden />}
                disabled={!open}
                onClick={() => {
                  dirty.current = true;
                  void save();
                }}
              >
                {t('citizen.submit.saveDraft')}
              </Button>
              {step < lastStep ? (
                <Button type="primary" htmlType="submit">
                  {t('common.next')}
                </Button>
              ) : (
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<SendOutlined aria-hidden />}
                  loading={submitting}
                  disabled={!open}
                >
                  {submitting ? t('citizen.submit.submitting') : t('citizen.submit.submit')}
                </Button>
              )}
            </Flex>
          </Flex>
          <p
            aria-live="polite"
            data-testid="save-state"
            style={{ margin: '12px 0 0', fontSize: 13, color: 'rgba(0,0,0,0.68)', minHeight: 20 }}
          >
            {saveState.kind === 'saving'
              ? t('citizen.submit.saving')
              : saveState.kind === 'saved' && saveState.at
                ? t('citizen.submit.savedAt', { at: formatTime(saveState.at) })
                : null}
          </p>
          {saveState.kind === 'error' ? <ErrorAlert error={saveState.error} /> : null}
        </Form>
      </Panel>
    </Flex>
  );
};
